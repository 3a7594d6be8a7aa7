// A per-process cache of computed availability (the free slots of one specialist over [from, to)),
// kept correct across processes: any booking insert or cancel and any schedule change calls
// `invalidate(specialistId)`, which drops this process's entries of that specialist and publishes
// the id on the pub/sub channel `hearth_availability`, so every other process drops its entries too
// (in-process pub/sub for one process, PostgreSQL LISTEN/NOTIFY for several).
//
// Entries are also time-bounded: they expire after `ttlMs` (60 s by default), which bounds how long
// a lost notification (a dropped LISTEN connection) can leave a process with stale slots, and the
// key carries the minimum-notice boundary, so a slot that becomes too soon is never served from
// the cache. Availability is advice: the booking itself is decided by the database (the partial
// unique index), so a slot shown a few milliseconds too long can at worst answer 409.
//
// Races: a request that read the database before a booking committed must not store its (now
// stale) answer after the invalidation. Each specialist has a generation, bumped by every
// invalidation (local or received); `getOrCompute` notes it before computing and stores the result
// only if it has not moved. Concurrent misses of one key share one computation.

import type { PubSub } from './pubsub.js';

/** The part of the pub/sub seam (pubsub.ts) this cache uses. */
export type PubSubLike = Pick<PubSub, 'publish' | 'subscribe'>;

export const AVAILABILITY_CHANNEL = 'hearth_availability';
/** The payload that drops every specialist's entries (e.g. after a bulk schedule import). */
export const ALL_SPECIALISTS = '*';

/** Every real time zone's offset is a multiple of 15 minutes, so every slot starts on such a boundary (UTC). */
export const NOTICE_BUCKET_MS = 15 * 60_000;

export interface AvailabilityKey {
  specialistId: string;
  /** The range, as normalized instants (iso()). */
  from: string;
  to: string;
  /** now + minimum notice, in ms: slots starting before it are not offered. */
  earliest: number;
  /** The service (its length shapes the slots); absent: the default. */
  service?: string;
}

/**
 * The cache key. The notice boundary is rounded UP to 15 minutes: for every `earliest` in
 * (b − 15 min, b] the slots at or after it are the slots at or after b, so the answer is the same
 * within a bucket and a new bucket (a new key) begins exactly when a slot becomes too soon.
 */
export function availabilityKey(k: AvailabilityKey): string {
  const bucket = Math.ceil(k.earliest / NOTICE_BUCKET_MS);
  return `${k.specialistId}\u0000${k.from}\u0000${k.to}\u0000${bucket}${k.service ? `\u0000${k.service}` : ''}`;
}

const specialistOf = (key: string) => key.slice(0, key.indexOf('\u0000'));

export interface AvailabilityCacheOptions {
  /** How long an entry lives, in ms (default 60 s). */
  ttlMs?: number;
  /** Most entries kept; the oldest go first (default 5,000). */
  maxEntries?: number;
  /** The clock (tests). Default Date.now. */
  now?: () => number;
  /** Publishing an invalidation failed (the other processes keep their entries until they expire). Default: console.error. */
  onError?: (error: unknown) => void;
}

export interface AvailabilityCache<T> {
  /** The cached value, unless missing or expired. */
  get(key: string): T | undefined;
  /**
   * Stores a value. With `generation` (from `generation(specialistId)` taken before reading the
   * database) nothing is stored when the specialist was invalidated meanwhile.
   */
  set(key: string, value: T, generation?: number): void;
  /** The specialist's current generation (bumped by every invalidation). */
  generation(specialistId: string): number;
  /** The cached value, or `compute()`'s, stored unless the specialist was invalidated meanwhile. Concurrent misses share one computation. */
  getOrCompute(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * Drops the specialist's entries here and, through the pub/sub, in every other process. Call it
   * after the change committed. Never rejects: a failed publish goes to `onError`.
   */
  invalidate(specialistId: string): Promise<void>;
  /** Drops every entry here and everywhere. */
  invalidateAll(): Promise<void>;
  /** Drops every entry here only: for the pub/sub's `onReconnect` (notifications may have been missed). */
  clear(): void;
  /** Entries held (tests, metrics). */
  readonly size: number;
  /** Stops listening to the pub/sub. */
  close(): void;
}

export function createAvailabilityCache<T>(pubsub: PubSubLike, options: AvailabilityCacheOptions = {}): AvailabilityCache<T> {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 5_000;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? ((e: unknown) => console.error(`hearth: availability cache: publishing an invalidation failed: ${(e as Error)?.message ?? e}`));
  const entries = new Map<string, { value: T; expires: number }>();
  const generations = new Map<string, number>();
  const inFlight = new Map<string, Promise<T>>();
  let allGeneration = 0;

  const generation = (id: string) => (generations.get(id) ?? 0) + allGeneration;

  function dropLocal(id: string): void {
    if (id === ALL_SPECIALISTS) {
      allGeneration++;
      entries.clear();
      inFlight.clear();
      return;
    }
    generations.set(id, (generations.get(id) ?? 0) + 1);
    for (const key of entries.keys()) if (specialistOf(key) === id) entries.delete(key);
    for (const key of inFlight.keys()) if (specialistOf(key) === id) inFlight.delete(key);
  }

  const unsubscribe = pubsub.subscribe(AVAILABILITY_CHANNEL, (payload) => {
    if (typeof payload === 'string' && payload) dropLocal(payload);
  });

  function get(key: string): T | undefined {
    const e = entries.get(key);
    if (!e) return undefined;
    if (e.expires <= now()) {
      entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  function set(key: string, value: T, gen?: number): void {
    if (gen !== undefined && gen !== generation(specialistOf(key))) return;
    entries.delete(key); // re-inserted last: Map order is the eviction order
    entries.set(key, { value, expires: now() + ttlMs });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
    }
  }

  async function invalidate(id: string): Promise<void> {
    dropLocal(id);
    try {
      await pubsub.publish(AVAILABILITY_CHANNEL, id);
    } catch (e) {
      onError(e);
    }
  }

  return {
    get,
    set,
    generation,
    getOrCompute(key, compute) {
      const hit = get(key);
      if (hit !== undefined) return Promise.resolve(hit);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const gen = generation(specialistOf(key));
      const p = compute().then(
        (value) => {
          if (inFlight.get(key) === p) inFlight.delete(key);
          set(key, value, gen);
          return value;
        },
        (err: unknown) => {
          if (inFlight.get(key) === p) inFlight.delete(key);
          throw err;
        },
      );
      inFlight.set(key, p);
      return p;
    },
    invalidate,
    invalidateAll: () => invalidate(ALL_SPECIALISTS),
    clear: () => dropLocal(ALL_SPECIALISTS),
    get size() {
      return entries.size;
    },
    close: unsubscribe,
  };
}
