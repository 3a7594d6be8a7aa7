// Sign-in throttling that an attacker cannot turn against the account's owner.
//
// Failed attempts are counted per (email, client address) PAIR, not per email: guesses from
// address A slow down only A's guesses at that email; the owner signing in from address B is not
// affected. Per pair the first `freeFailures` (5) failures cost nothing; after that each attempt
// waits `baseDelayMs · 2^(failures − freeFailures)` (1 s, 2 s, 4 s, …) after the previous one,
// capped at `maxDelayMs` (15 min). A pair is forgotten `forgetAfterMs` (24 h) after its last failure,
// and at once when the right password is given from it. On top, one address may fail at most
// `failuresPerAddress` (100) times per `addressWindowMs` (15 min) over all emails (credential
// stuffing from one address); that cap never touches other addresses. Successful sign-ins are
// limited per account (`successesPerAccount`, 20 per `successWindowMs`, 15 min), so a stolen
// password cannot mint sessions without end.
//
// Memory: one process, in a Map; keys are keyed hashes (HMAC with a random per-process secret), so
// the heap never holds an email or an address in clear. Old entries are swept; at most `maxPairs`
// pairs are kept (the least recently failed go first).
//
// API (the wiring in POST /login, e.g. in routes/auth.ts):
//
//   import { createLoginThrottle, loginThrottleOptions } from '../login-throttle.js';
//   const throttle = createLoginThrottle(loginThrottleOptions(deps.config)); // once, in authRoutes
//
//   const now = deps.now().getTime();
//   const gate = throttle.check(email, ip, now);      // BEFORE the password check
//   if (!gate.ok) → 429, Retry-After: gate.retryAfter (seconds), same words for every email
//   const ok = await verifyPassword(...);
//   if (!ok) { throttle.failed(email, ip, deps.now().getTime()); → 401 }
//   throttle.succeeded(email, ip, now);               // the pair's count is cleared
//   const s = throttle.takeSuccess(user.id, now);     // successful sign-ins per account
//   if (!s.ok) → 429, Retry-After: s.retryAfter
//
// `check` counts the attempt as a failure IN ADVANCE (so 50 parallel guesses cannot all pass a
// check before the first one fails); `succeeded` takes that back and clears the pair; `failed`
// confirms it and starts the delay from the moment the failure was known. A request that dies
// between `check` and either call simply stays counted as a failure. `email` is compared
// trimmed and lower-cased.
import { createHmac, randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import { createRateLimiter, type Limited } from './rate-limit.js';

export type { Limited };

export interface LoginThrottleOptions {
  /** Failures per (email, address) pair that cost no delay. Default 5. */
  freeFailures: number;
  /** The delay after the first failure past the free ones; it doubles with each further failure. Default 1 s. */
  baseDelayMs: number;
  /** The longest delay. Default 15 minutes. */
  maxDelayMs: number;
  /** A pair is forgotten this long after its last failure. Default 24 h. */
  forgetAfterMs: number;
  /** Failed sign-ins per client address over all emails per `addressWindowMs`. Default 100. */
  failuresPerAddress: number;
  addressWindowMs: number;
  /** Successful sign-ins per account per `successWindowMs`. Default 20. */
  successesPerAccount: number;
  successWindowMs: number;
  /** Most pairs kept in memory. Default 100,000. */
  maxPairs: number;
}

export const defaultLoginThrottleOptions: LoginThrottleOptions = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
  failuresPerAddress: 100,
  addressWindowMs: 15 * 60_000,
  successesPerAccount: 20,
  successWindowMs: 15 * 60_000,
  maxPairs: 100_000,
};

/** The options from the server configuration (HEARTH_LOGIN_* variables, see server/README.md). */
export function loginThrottleOptions(config: Pick<Config, 'loginFreeFailures' | 'loginMaxDelaySeconds' | 'loginFailuresPerAddressPer15Min' | 'loginsPerAccountPer15Min'>): LoginThrottleOptions {
  return {
    ...defaultLoginThrottleOptions,
    freeFailures: config.loginFreeFailures,
    maxDelayMs: config.loginMaxDelaySeconds * 1000,
    failuresPerAddress: config.loginFailuresPerAddressPer15Min,
    successesPerAccount: config.loginsPerAccountPer15Min,
  };
}

export interface LoginThrottle {
  /**
   * Before checking a password: `{ok: false, retryAfter}` (seconds) while this pair must wait or
   * this address is over its cap; otherwise `{ok: true}`, and the attempt counts as a failure until
   * `succeeded` says otherwise.
   */
  check(email: string, ip: string, now: number | Date): Limited;
  /** The password was wrong (or the account unknown): the delay runs from `now`. */
  failed(email: string, ip: string, now: number | Date): void;
  /** The password was right: takes the attempt back and forgets the pair's failures. */
  succeeded(email: string, ip: string, now: number | Date): void;
  /** Counts one successful sign-in of `userId`; `{ok: false, retryAfter}` (and nothing counted) over the limit. */
  takeSuccess(userId: string, now: number | Date): Limited;
  /** The delay (ms) a pair waits after `failures` failures (0 for the free ones). */
  delayAfter(failures: number): number;
}

interface Pair {
  failures: number;
  lastFailureAt: number;
  /** Times at which `check` counted an attempt whose outcome is not known yet (oldest first). */
  pending: number[];
}

const ms = (now: number | Date) => (typeof now === 'number' ? now : now.getTime());

export function createLoginThrottle(options: Partial<LoginThrottleOptions> = {}): LoginThrottle {
  const o = { ...defaultLoginThrottleOptions, ...options };
  const secret = randomBytes(32);
  const hash = (...parts: string[]) => createHmac('sha256', secret).update(parts.join('\n')).digest('base64');
  const pairs = new Map<string, Pair>();
  const windows = createRateLimiter();
  let sweepAt = 0;

  const pairKey = (email: string, ip: string) => hash('pair', email.trim().toLowerCase(), ip);
  const addressKey = (ip: string) => `login-fail-address\n${ip}`;
  const delayAfter = (failures: number) =>
    failures < o.freeFailures ? 0 : Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.min(failures - o.freeFailures, 40));

  /** The pair, or undefined once forgotten. */
  const get = (key: string, now: number) => {
    const p = pairs.get(key);
    if (p && !p.pending.length && now - p.lastFailureAt >= o.forgetAfterMs) {
      pairs.delete(key);
      return undefined;
    }
    return p;
  };
  /** (Re)inserts at the end of the Map: the order is least recently failed first. */
  const touch = (key: string, p: Pair) => {
    pairs.delete(key);
    pairs.set(key, p);
    while (pairs.size > o.maxPairs) pairs.delete(pairs.keys().next().value!);
  };
  const sweep = (now: number) => {
    if (now < sweepAt || pairs.size < 1000) return;
    sweepAt = now + 60_000;
    for (const [k, p] of pairs) if (!p.pending.length && now - p.lastFailureAt >= o.forgetAfterMs) pairs.delete(k);
  };

  return {
    delayAfter,
    check(email, ip, at) {
      const now = ms(at);
      sweep(now);
      const key = pairKey(email, ip);
      const p = get(key, now);
      if (p) {
        const waitUntil = p.lastFailureAt + delayAfter(p.failures);
        if (now < waitUntil) return { ok: false, retryAfter: Math.max(1, Math.ceil((waitUntil - now) / 1000)) };
      }
      const perAddress = windows.take([addressKey(ip)], o.failuresPerAddress, o.addressWindowMs, now);
      if (!perAddress.ok) return perAddress;
      const pair = p ?? { failures: 0, lastFailureAt: now, pending: [] };
      pair.failures++;
      pair.lastFailureAt = Math.max(pair.lastFailureAt, now);
      pair.pending.push(now);
      touch(key, pair);
      return { ok: true };
    },
    failed(email, ip, at) {
      const now = ms(at);
      const key = pairKey(email, ip);
      const p = pairs.get(key);
      if (!p || !p.pending.length) {
        // No `check` before (or it was lost): count the failure now.
        const pair = p ?? { failures: 0, lastFailureAt: now, pending: [] };
        pair.failures++;
        pair.lastFailureAt = Math.max(pair.lastFailureAt, now);
        windows.take([addressKey(ip)], Infinity, o.addressWindowMs, now);
        touch(key, pair);
        return;
      }
      p.pending.shift();
      p.lastFailureAt = Math.max(p.lastFailureAt, now);
      touch(key, p);
    },
    succeeded(email, ip) {
      const key = pairKey(email, ip);
      const p = pairs.get(key);
      const at = p?.pending.pop();
      if (at !== undefined) windows.untake(addressKey(ip), at);
      if (p?.pending.length) {
        // Other attempts from this pair are still running: they keep their own count.
        p.failures = p.pending.length;
      } else pairs.delete(key);
    },
    takeSuccess(userId, at) {
      return windows.take([`login-success\n${userId}`], o.successesPerAccount, o.successWindowMs, ms(at));
    },
  };
}
