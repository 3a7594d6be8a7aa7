// Idempotency keys: a write with a key seen before (same route and account/address) replays the
// first answer; the same key with another body is refused. Only successful answers are stored, so
// after a 4xx the client may fix the request and retry with the same key.
//
// The database holds SHA-256(scope, key), a fingerprint of the body, and the answer encrypted
// (AES-256-GCM) with a key derived from the Idempotency-Key: a stolen database cannot replay
// answers, and the manage token inside a booking answer stays unreadable without the client's key.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { Repositories, Store } from './store/index.js';
import { problem, type Answer } from './problem.js';
import { iso } from './time.js';

export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_RE = /^[\x21-\x7e]{1,255}$/;

/** 428 when the header is missing, 400 when it is not 1–255 visible ASCII characters; otherwise undefined. */
export function checkIdempotencyKey(key: string | undefined): Answer | undefined {
  if (key === undefined || key.trim() === '')
    return problem(428, 'Send an Idempotency-Key header (e.g. a random UUID) so that a retried request is applied once.', {
      name: 'idempotency-key-required',
      title: 'Idempotency-Key required',
    });
  if (!KEY_RE.test(key.trim())) return problem(400, 'The Idempotency-Key must be 1–255 visible ASCII characters.', { name: 'idempotency-key-invalid' });
  return undefined;
}

const MAX_DEPTH = 64;

/** JSON with object keys sorted, so that key order does not change a body's fingerprint; undefined when nested too deep. */
function canonical(v: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (v && typeof v === 'object') {
    const parts: string[] = [];
    const isArray = Array.isArray(v);
    for (const k of isArray ? v.keys() : Object.keys(v).sort()) {
      const inner = canonical((v as Record<string, unknown>)[k as string], depth + 1);
      if (inner === undefined) return undefined;
      parts.push(isArray ? inner : `${JSON.stringify(k)}:${inner}`);
    }
    return isArray ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const cipherKey = (key: string, scope: string) => Buffer.from(hkdfSync('sha256', key, scope, 'hearth idempotent answer', 32));

function seal(plain: string, key: string, scope: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', cipherKey(key, scope), iv);
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), data]).toString('base64');
}

function open(sealed: string, key: string, scope: string): string {
  const buf = Buffer.from(sealed, 'base64');
  const d = createDecipheriv('aes-256-gcm', cipherKey(key, scope), buf.subarray(0, 12));
  d.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
}

let writes = 0;

/** Ends a transaction without its writes, answering `answer` (a refusal is not stored). */
class Refused {
  constructor(readonly answer: Answer) {}
}

/**
 * Runs `action` in one transaction guarded by the key, across processes: the key is claimed first
 * (a unique row; a concurrent request with the same key waits for this transaction, then replays
 * its answer). A stored answer is replayed (with `Idempotent-Replayed: true`); a reused key with
 * another body is refused (422). A successful answer is stored with the writes; any other answer
 * rolls the whole transaction back (the claim, rate-limit hits, everything `action` wrote), so a
 * corrected request may reuse its key.
 */
export async function idempotentWrite(
  deps: { store: Store; now: () => Date },
  req: { scope: string; key: string; body: unknown; /** The body as received: fingerprinted when too deep to canonicalize. */ text: string },
  action: (tx: Repositories) => Promise<Answer>,
): Promise<Answer> {
  const { store } = deps;
  const key = req.key.trim();
  const keyHash = sha256(`${req.scope}\n${key}`);
  const fingerprint = sha256(canonical(req.body) ?? `raw\n${req.text}`);
  if (++writes % 100 === 1) void store.purgeExpired(iso(deps.now())).catch(() => undefined);
  try {
    return await store.transaction(async (tx) => {
      const now = iso(deps.now());
      const claim = { keyHash, fingerprint, createdAt: now, expiresAt: iso(deps.now().getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000) };
      let claimed = await tx.idempotency.claim(claim);
      if (!claimed) {
        const found = await tx.idempotency.find(keyHash);
        if (found && found.expiresAt > now && found.status !== 0) {
          if (found.fingerprint !== fingerprint)
            return problem(422, 'This Idempotency-Key was already used with a different request body. Use a new key for a new request.', {
              name: 'idempotency-key-reused',
              title: 'Idempotency-Key reused',
            });
          const stored = JSON.parse(open(found.answer, key, req.scope)) as Answer;
          return { ...stored, headers: { ...stored.headers, 'Idempotent-Replayed': 'true' } };
        }
        // Expired (or left pending by a process that died mid-write): claim it anew.
        await tx.idempotency.removeExpired(keyHash, found?.status === 0 ? '9999' : now);
        claimed = await tx.idempotency.claim(claim);
        if (!claimed) throw new Error('idempotency key could not be claimed');
      }
      const answer = await action(tx);
      if (answer.status < 200 || answer.status >= 300) throw new Refused(answer);
      await tx.idempotency.complete(keyHash, answer.status, seal(JSON.stringify(answer), key, req.scope));
      return answer;
    });
  } catch (e) {
    if (e instanceof Refused) return e.answer;
    throw e;
  }
}
