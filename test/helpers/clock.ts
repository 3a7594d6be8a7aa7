/**
 * A fake clock for tests: timers that run only when the test moves time on, instead of waiting
 * (and racing) real 250 ms, 300 ms or one-minute timers. Give it to code that takes a clock (the
 * message box's DeliveryController), or install it on the page for code that calls the global
 * setTimeout (`useFakeTimers`). @web/test-runner's helpers (waitUntil, aTimeout) poll with real
 * timers: between install and restore, wait with `await el.updateComplete` instead.
 */
import type { Clock } from '../../src/message-box/delivery.js';

/** setTimeout and clearTimeout on a clock that moves only when `tick` says so. */
export class FakeClock {
  now = 0;
  #timers = new Map<number, { at: number; run: () => void }>();
  #ids = 0;

  readonly setTimeout = ((run: () => void, ms = 0) => {
    this.#timers.set(++this.#ids, { at: this.now + ms, run });
    return this.#ids;
  }) as Clock['setTimeout'];

  readonly clearTimeout = ((id?: number) => void this.#timers.delete(id!)) as Clock['clearTimeout'];

  /** The delays (ms from now) of the timers waiting. */
  get pending(): number[] {
    return [...this.#timers.values()].map((t) => t.at - this.now);
  }

  /** Moves the clock `ms` on, running the timers that come due, in order. */
  tick(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const [id, next] = [...this.#timers].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (!next || next.at > end) break;
      this.#timers.delete(id!);
      this.now = next.at;
      next.run();
    }
    this.now = end;
  }
}

/** Installs a fake clock as the page's setTimeout/clearTimeout; `restore()` puts the real ones back. */
export function useFakeTimers(): FakeClock & { restore(): void } {
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
  const clock = new FakeClock();
  Object.assign(globalThis, { setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout });
  return Object.assign(clock, { restore: () => void Object.assign(globalThis, real) });
}
