/** A request handed out by `Latest`: its signal, and whether its answer still counts. */
export interface Ticket {
  signal: AbortSignal;
  /** No later load has started since (a slow answer for a filter or thread left meanwhile is dropped). */
  current(): boolean;
}

/**
 * Only the latest load counts, for the inbox's list and the open thread alike: `next()` starts a
 * load, aborting those before it, whose answers are dropped should they arrive anyway. A request
 * that belongs with the latest load (a page more, a refresh of what it shows) `join()`s it, and is
 * aborted and dropped with it.
 *
 * @internal
 */
export class Latest {
  #generation = 0;
  #abort?: AbortController;

  /** Starts a load: what is in flight is aborted, and answers to it no longer count. */
  next(): Ticket {
    this.drop();
    return this.join();
  }

  /** A request that belongs with the latest load. */
  join(): Ticket {
    const generation = this.#generation;
    const { signal } = (this.#abort ??= new AbortController());
    return { signal, current: () => generation == this.#generation };
  }

  /** Aborts what is in flight, and answers to it no longer count (the thread was closed). */
  drop(): void {
    this.abort();
    this.#generation++;
  }

  /** Aborts what is in flight (the element left the page). */
  abort(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }
}
