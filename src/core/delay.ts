/**
 * Every timer of delivery and backoff goes through `clampDelay`: a delay from a server
 * (`Retry-After: 99999999`, a far-future HTTP date, `1e400`) or from doubling must not overflow
 * setTimeout, which fires at once for anything above 2^31−1 ms (~24.8 days), or NaN.
 */

/** The longest wait before trying again: an hour. */
export const MAX_DELAY = 36e5;

/** `ms` as a delay setTimeout keeps: 0 for NaN or a negative value, at most an hour. */
export const clampDelay = (ms: number): number => Math.min(Math.max(ms, 0) || 0, MAX_DELAY);
