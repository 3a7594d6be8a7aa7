// In-memory sliding-window rate limits (one process; a multi-process deployment would move this
// to a shared store). Keys are hashed so the heap never holds emails or addresses in clear.
import { createHash } from 'node:crypto';

export type Limited = { ok: true } | { ok: false; retryAfter: number };

export interface RateLimiter {
  /**
   * Records one hit under every key when each is below `limit` hits in the last `windowMs`;
   * otherwise records nothing and returns the seconds until the earliest key frees up.
   */
  take(keys: string[], limit: number, windowMs: number, now: number): Limited;
  /** `take` with a limit per key: records a hit under each key only when every key is below its own limit. */
  takeEach(entries: ReadonlyArray<readonly [key: string, limit: number]>, windowMs: number, now: number): Limited;
  /** Takes back one hit recorded under `key` at `at` (e.g. an attempt that turned out to succeed). */
  untake(key: string, at: number): void;
  /** Forgets every hit under `key`. */
  reset(key: string): void;
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('base64');

export function createRateLimiter(): RateLimiter {
  const hits = new Map<string, number[]>();
  let sweepAt = 0;
  const sweep = (now: number, windowMs: number) => {
    for (const [k, list] of hits) if (!list.length || list[list.length - 1]! <= now - windowMs) hits.delete(k);
  };
  const takeEach: RateLimiter['takeEach'] = (entries, windowMs, now) => {
    if (hits.size > 10_000 && now > sweepAt) {
      sweep(now, 3_600_000);
      sweepAt = now + 60_000;
    }
    const lists = entries.map(([key, limit]) => {
      const h = hashKey(key);
      let list = hits.get(h);
      if (!list) hits.set(h, (list = []));
      while (list.length && list[0]! <= now - windowMs) list.shift();
      return { list, limit };
    });
    const full = lists.filter(({ list, limit }) => list.length >= limit);
    if (full.length) {
      const freeAt = Math.max(...full.map(({ list, limit }) => list[list.length - limit]! + windowMs));
      return { ok: false, retryAfter: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
    }
    for (const { list } of lists) list.push(now);
    return { ok: true };
  };
  return {
    take: (keys, limit, windowMs, now) => takeEach(keys.map((k) => [k, limit] as const), windowMs, now),
    takeEach,
    untake(key, at) {
      const list = hits.get(hashKey(key));
      const i = list?.lastIndexOf(at) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
    },
    reset(key) {
      hits.delete(hashKey(key));
    },
  };
}
