// Sliding-window rate limits on counts per second (table rate_counts), shared by both stores.
// A hit at `now` (ms) counts in second floor(now / 1000); a second is inside the window of length
// `windowMs` while second · 1000 > now − windowMs. So a check reads at most one row per second of
// its window, however busy the key: the resolution is one second.

export interface SecondCount {
  second: number;
  n: number;
}

/** The first second still inside the window (`second > since` … written as `>=` since + 1). */
export const windowStart = (windowMs: number, now: number) => Math.floor((now - windowMs) / 1000) + 1;

export const secondOf = (ms: number) => Math.floor(ms / 1000);

/**
 * With a key's counts in the window, newest first: undefined when it holds fewer than `limit`
 * hits; otherwise the instant (ms) its `limit`-th newest hit leaves the window.
 */
export function freeAt(counts: readonly SecondCount[], limit: number, windowMs: number): number | undefined {
  let seen = 0;
  for (const { second, n } of counts) {
    seen += n;
    if (seen >= limit) return second * 1000 + windowMs;
  }
  return undefined;
}

/** The hits of counts (oldest first) as instants: each at the start of its second. */
export const hitTimes = (counts: readonly SecondCount[]): number[] => counts.flatMap(({ second, n }) => Array<number>(Math.max(0, n)).fill(second * 1000));
