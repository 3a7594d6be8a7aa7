// Sign-in throttling that an attacker cannot turn against the account's owner, kept in the
// database (rate_counts through `store.limits`), so every server process counts the same attempts
// (to the second: an attempt's time is the start of its second).
//
// Failed attempts are counted per (email, client address) PAIR, not per email: guesses from
// address A slow down only A's guesses at that email; the owner signing in from address B is not
// affected. Per pair the first `freeFailures` (5) attempts cost nothing; after that each attempt
// waits `baseDelayMs · 2^(failures − freeFailures)` (1 s, 2 s, 4 s, …) after the previous one,
// capped at `maxDelayMs` (15 min). A pair's attempts are forgotten `forgetAfterMs` (24 h) after they
// were made, and at once when the right password is given from it. On top, one address may fail at
// most `failuresPerAddress` (100) times per `addressWindowMs` (15 min) over all emails (credential
// stuffing from one address); that cap never touches other addresses. Successful sign-ins are
// limited per account (`successesPerAccount`, 20 per `successWindowMs`, 15 min), so a stolen
// password cannot mint sessions without end.
//
// `check` counts the attempt IN ADVANCE, inside one transaction that holds the pair's key (so 50
// parallel guesses cannot all pass before the first one fails); `succeeded` takes it back and
// clears the pair. A wrong password needs no further call: its attempt stays counted, and the
// delay runs from when it was made. Keys reach the database only as SHA-256 hashes.
//
// Wiring (routes/auth.ts):
//   const throttle = createLoginThrottle(deps.store, loginThrottleOptions(deps.config));
//   const gate = await throttle.check(email, ip, now);   // BEFORE the password check → 429 while !ok
//   … wrong password → 401 (nothing to call) …
//   await throttle.succeeded(email, ip, now);            // right password
//   const s = await throttle.takeSuccess(user.id, now);  // → 429 while !ok
import type { Config } from './config.js';
import type { Store } from './store/index.js';

export type Limited = { ok: true } | { ok: false; retryAfter: number };

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
  check(email: string, ip: string, now: number | Date): Promise<Limited>;
  /** The password was right (the attempt `check`ed at `at`): takes the attempt back and forgets the pair. */
  succeeded(email: string, ip: string, at: number | Date): Promise<void>;
  /** Counts one successful sign-in of `userId`; `{ok: false, retryAfter}` (and nothing counted) over the limit. */
  takeSuccess(userId: string, now: number | Date): Promise<Limited>;
  /** The delay (ms) a pair waits after `failures` failures (0 for the free ones). */
  delayAfter(failures: number): number;
}

const ms = (now: number | Date) => (typeof now === 'number' ? now : now.getTime());

/** Ends the check's transaction without its writes. */
class Paused {
  constructor(readonly retryAfter: number) {}
}

export function createLoginThrottle(store: Store, options: Partial<LoginThrottleOptions> = {}): LoginThrottle {
  const o = { ...defaultLoginThrottleOptions, ...options };
  const pairKey = (email: string, ip: string) => `login-pair\n${email.trim().toLowerCase()}\n${ip}`;
  const addressKey = (ip: string) => `login-fail-address\n${ip}`;
  const delayAfter = (failures: number) =>
    failures < o.freeFailures ? 0 : Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.min(failures - o.freeFailures, 40));

  return {
    delayAfter,
    async check(email, ip, at) {
      const now = ms(at);
      const pair = pairKey(email, ip);
      try {
        return await store.transaction(async (tx) => {
          // Recorded first: the pair's key stays locked until this transaction ends.
          await tx.limits.take([[pair, Number.MAX_SAFE_INTEGER]], o.forgetAfterMs, now);
          const hits = await tx.limits.recent(pair, o.forgetAfterMs, now);
          const before = hits.length - 1; // attempts before this one
          const waitUntil = before > 0 ? hits[hits.length - 2]! + delayAfter(before) : 0;
          if (now < waitUntil) throw new Paused(Math.max(1, Math.ceil((waitUntil - now) / 1000)));
          const perAddress = await tx.limits.take([[addressKey(ip), o.failuresPerAddress]], o.addressWindowMs, now);
          if (!perAddress.ok) throw new Paused(perAddress.retryAfter);
          return { ok: true as const };
        });
      } catch (e) {
        if (e instanceof Paused) return { ok: false, retryAfter: e.retryAfter };
        throw e;
      }
    },
    async succeeded(email, ip, at) {
      await store.transaction(async (tx) => {
        await tx.limits.reset(pairKey(email, ip));
        await tx.limits.untake(addressKey(ip), ms(at));
      });
    },
    takeSuccess: (userId, at) => store.limits.take([[`login-success\n${userId}`, o.successesPerAccount]], o.successWindowMs, ms(at)),
  };
}
