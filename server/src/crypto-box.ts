// Encryption at rest of what people write (message bodies, booking notes): AES-256-GCM under the
// data key (HEARTH_DATA_KEY, 32 bytes). A sealed value is text:
//
//     hb1.<key id>.<base64url(12-byte IV | 16-byte tag | ciphertext)>
//
// `hb1.` tells a sealed value from the plaintext rows of databases written before encryption
// (those are read as they are, and `npm run admin -- rotate-key` seals them); the key id (8
// characters of a hash of the key, not the key) says which key sealed it, so a value sealed under
// HEARTH_DATA_KEY_PREVIOUS still opens during a rotation. The purpose ("message", "booking-note")
// is authenticated data: a value copied into another column does not open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const KEY_BYTES = 32;
const PREFIX = 'hb1.';
export type Purpose = 'message' | 'booking-note' | 'delivery-link' | 'booking-cancel-reason';

export interface DataBox {
  /** Seals `plain` under the current key. */
  seal(plain: string, purpose: Purpose): string;
  /** Opens a sealed value (under the current or the previous key); plaintext of older rows is returned as it is. */
  open(stored: string, purpose: Purpose): string;
  /** The value needs sealing (again) under the current key: plaintext, or sealed under another key. */
  isStale(stored: string): boolean;
  /** The current key's id. */
  readonly keyId: string;
}

export class DataKeyError extends Error {
  override name = 'DataKeyError';
}

export const keyIdOf = (key: Buffer) => createHash('sha256').update('hearth data key id\n').update(key).digest('base64url').slice(0, 8);

/** A base64 key of exactly 32 bytes, or an Error naming the variable. */
export function parseDataKey(raw: string, name: string): Buffer {
  const trimmed = raw.trim();
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) throw new Error(`${name}: expected ${KEY_BYTES} random bytes in base64 (make one with: openssl rand -base64 32)`);
  return key;
}

export function createBox(current: Buffer, previous: Buffer[] = []): DataBox {
  const keys = new Map<string, Buffer>([current, ...previous].map((k) => [keyIdOf(k), k] as const).reverse());
  const keyId = keyIdOf(current);
  return {
    keyId,
    seal(plain, purpose) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', current, iv);
      c.setAAD(Buffer.from(purpose));
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${PREFIX}${keyId}.${Buffer.concat([iv, c.getAuthTag(), data]).toString('base64url')}`;
    },
    open(stored, purpose) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [id, payload] = stored.slice(PREFIX.length).split('.');
      const key = id && keys.get(id);
      if (!key || !payload) throw new DataKeyError('a value is sealed under a key that is neither HEARTH_DATA_KEY nor HEARTH_DATA_KEY_PREVIOUS');
      const buf = Buffer.from(payload, 'base64url');
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAAD(Buffer.from(purpose));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
    isStale: (stored) => !stored.startsWith(`${PREFIX}${keyId}.`),
  };
}

/** A key for this process only (in-memory databases, tests): what it seals dies with the process. */
let processKey: Buffer | undefined;
export const processDataKey = () => (processKey ??= randomBytes(KEY_BYTES));

/**
 * The demo's key when HEARTH_DATA_KEY is not set: `hearth.key` beside the SQLite file (created
 * on first start, mode 0600), or a per-process key for an in-memory database. Returns the key
 * and where it lives (for the start message).
 */
export function demoDataKey(dbPath: string): { key: Buffer; file?: string } {
  if (dbPath === ':memory:' || dbPath.startsWith('file:')) return { key: processDataKey() };
  const file = join(dirname(dbPath), 'hearth.key');
  if (existsSync(file)) return { key: parseDataKey(readFileSync(file, 'utf8'), file), file };
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, file };
}
