// Password hashing with scrypt (node:crypto): random 16-byte salt, timing-safe comparison.
// Stored as "scrypt$N$r$p$salt$hash" (base64) so the parameters can change later.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

const scryptAsync = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password, salt, keylen, opts, (e, key) => (e ? reject(e) : resolve(key))));

const format = (salt: Buffer, hash: Buffer) => `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(salt, await scryptAsync(password.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P }));
}

/** For seeding at start (before the server listens). */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  return format(salt, scryptSync(password.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P }));
}

/** A valid hash of nothing anyone knows: verifying an unknown account costs the same time as a known one. */
const DUMMY = hashPasswordSync(randomBytes(16).toString('hex'));

/**
 * True when `password` matches `stored`; with `stored` undefined or not a hash (an invited staff
 * account has '' until its owner chooses a password), spends the same time and returns false.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const usable = stored?.startsWith('scrypt$') === true;
  const parts = (usable ? stored! : DUMMY).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const actual = await scryptAsync(password.normalize('NFC'), salt, expected.length, { N: n, r, p, maxmem: 256 * n * r * 2 });
  return timingSafeEqual(actual, expected) && usable;
}
