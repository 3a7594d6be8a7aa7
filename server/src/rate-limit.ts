// In-memory sliding-window rate limits (one process; a multi-process deployment would move this
// to a shared store). Keys are hashed so the heap never holds emails or addresses in clear.
import { createHash } from 'node:crypto';

export interface RateLimiter {
  /**
   * Records one hit under every key when each is below `limit` hits in the last `windowMs`;
   * otherwise records nothing and returns the seconds until the earliest key frees up.
   */
  take(keys: string[], limit: number, windowMs: number, now: number): { ok: true } | { ok: false; retryAfter: number };
}

export function createRateLimiter(): RateLimiter {
  const hits = new Map<string, number[]>();
  let sweepAt = 0;
  const sweep = (now: number, windowMs: number) => {
    for (const [k, list] of hits) if (!list.length || list[list.length - 1]! <= now - windowMs) hits.delete(k);
  };
  return {
    take(keys, limit, windowMs, now) {
      if (hits.size > 10_000 && now > sweepAt) {
        sweep(now, 3_600_000);
        sweepAt = now + 60_000;
      }
      const lists = keys.map((key) => {
        const h = createHash('sha256').update(key).digest('base64');
        let list = hits.get(h);
        if (!list) hits.set(h, (list = []));
        while (list.length && list[0]! <= now - windowMs) list.shift();
        return list;
      });
      const full = lists.filter((l) => l.length >= limit);
      if (full.length) {
        const freeAt = Math.max(...full.map((l) => l[l.length - limit]! + windowMs));
        return { ok: false, retryAfter: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
      }
      for (const l of lists) l.push(now);
      return { ok: true };
    },
  };
}
