/**
 * Every timer of delivery and backoff goes through `clampDelay`: a delay from a server
 * (`Retry-After: 99999999`, a far-future HTTP date, `1e400`) or from doubling must not overflow
 * setTimeout, which fires at once for anything above 2^31−1 ms (~24.8 days), or NaN.
 */

/** The longest wait before trying again: an hour. */
export const MAX_DELAY = 36e5;

/** `ms` as a delay setTimeout keeps: 0 for NaN or a negative value, at most an hour. */
export const clampDelay = (ms: number): number => Math.min(Math.max(ms, 0) || 0, MAX_DELAY);

/** The longest backoff between attempts (a Retry-After may ask for more, up to `MAX_DELAY`). */
const MAX_BACKOFF = 60_000;

/**
 * How long an outbox waits before its next attempt: the server's Retry-After, else `first` ms
 * doubled per earlier attempt, up to a minute. (Both outboxes: the message box's and the desk's.)
 */
export const retryWait = (error: unknown, first: number, attempt: number): number => {
  const after = (error as { retryAfter?: number } | null)?.retryAfter;
  return clampDelay(after! >= 0 ? after! * 1e3 : Math.min(first * 2 ** attempt, MAX_BACKOFF));
};
