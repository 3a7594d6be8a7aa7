// The availability cache (server/src/availability-cache.ts): keys with the minimum-notice bucket,
// expiry, invalidation per specialist, across two caches sharing one pub/sub (as two processes
// share PostgreSQL's LISTEN/NOTIFY), and the race of a computation overtaken by an invalidation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AVAILABILITY_CHANNEL,
  availabilityKey,
  createAvailabilityCache,
  NOTICE_BUCKET_MS,
  type PubSubLike,
} from '../../server/src/availability-cache.js';
import { createLocalPubSub } from '../../server/src/pubsub.js';

/** An in-process pub/sub delivering asynchronously (like a real one), recording what was published. */
function localPubSub(): PubSubLike & { published: [string, string][] } {
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const published: [string, string][] = [];
  return {
    published,
    async publish(channel, payload) {
      published.push([channel, payload]);
      await Promise.resolve();
      for (const l of listeners.get(channel) ?? []) l(payload);
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

const FROM = '2026-06-01T00:00:00Z';
const TO = '2026-06-08T00:00:00Z';
const T0 = Date.parse('2026-06-01T06:00:00Z'); // on a 15-minute boundary
const key = (specialistId: string, earliest = T0) => availabilityKey({ specialistId, from: FROM, to: TO, earliest });

test('the key: one bucket per 15 minutes of the notice boundary, rounded up (a slot at the boundary stays offered)', () => {
  assert.equal(key('a', T0), key('a', T0 - NOTICE_BUCKET_MS + 1), 'within (b − 15 min, b]: the same answer, the same key');
  assert.notEqual(key('a', T0), key('a', T0 + 1), 'just after a slot start: that slot is too soon, a new key');
  assert.notEqual(key('a'), key('b'));
  assert.notEqual(availabilityKey({ specialistId: 'a', from: FROM, to: '2026-06-09T00:00:00Z', earliest: T0 }), key('a'));
});

test('get and set; entries expire after ttlMs', () => {
  let clock = 0;
  const cache = createAvailabilityCache<string[]>(localPubSub(), { ttlMs: 60_000, now: () => clock });
  assert.equal(cache.get(key('a')), undefined);
  cache.set(key('a'), ['s1']);
  assert.deepEqual(cache.get(key('a')), ['s1']);
  clock = 59_999;
  assert.deepEqual(cache.get(key('a')), ['s1']);
  clock = 60_000;
  assert.equal(cache.get(key('a')), undefined);
  assert.equal(cache.size, 0);
});

test('invalidate drops only that specialist, and publishes its id on hearth_availability', async () => {
  const pubsub = localPubSub();
  const cache = createAvailabilityCache<string[]>(pubsub);
  cache.set(key('a'), ['a1']);
  cache.set(key('a', T0 + NOTICE_BUCKET_MS), ['a2']);
  cache.set(key('b'), ['b1']);
  await cache.invalidate('a');
  assert.equal(cache.get(key('a')), undefined);
  assert.equal(cache.get(key('a', T0 + NOTICE_BUCKET_MS)), undefined);
  assert.deepEqual(cache.get(key('b')), ['b1']);
  assert.deepEqual(pubsub.published, [[AVAILABILITY_CHANNEL, 'a']]);
});

test('two caches on one pub/sub (two processes): an invalidation in one drops the entries of the other', async () => {
  const pubsub = createLocalPubSub();
  const one = createAvailabilityCache<string[]>(pubsub);
  const two = createAvailabilityCache<string[]>(pubsub);
  one.set(key('a'), ['from one']);
  two.set(key('a'), ['from two']);
  two.set(key('b'), ['b']);

  await one.invalidate('a'); // a booking in process one
  assert.equal(one.get(key('a')), undefined);
  assert.equal(two.get(key('a')), undefined, 'process two no longer serves the old week');
  assert.deepEqual(two.get(key('b')), ['b']);

  one.set(key('b'), ['b in one']);
  await two.invalidate('b'); // and back
  assert.equal(one.get(key('b')), undefined);
  assert.equal(two.get(key('b')), undefined);

  one.set(key('a'), ['x']);
  two.set(key('b'), ['y']);
  await two.invalidateAll();
  assert.equal(one.size + two.size, 0);

  one.close(); // no longer listening
  one.set(key('a'), ['kept']);
  await two.invalidate('a');
  assert.deepEqual(one.get(key('a')), ['kept']);
});

test('a computation overtaken by an invalidation (here or from another process) is not stored', async () => {
  const pubsub = localPubSub();
  const cache = createAvailabilityCache<string[]>(pubsub);
  const other = createAvailabilityCache<string[]>(pubsub);

  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const pending = cache.getOrCompute(key('a'), async () => {
    await gate; // read the database before the booking committed…
    return ['stale'];
  });
  await other.invalidate('a'); // …the booking commits in another process
  release();
  assert.deepEqual(await pending, ['stale'], 'the caller still gets its answer');
  assert.equal(cache.get(key('a')), undefined, 'but it is not kept');

  const gen = cache.generation('a');
  await cache.invalidate('a');
  cache.set(key('a'), ['stale too'], gen);
  assert.equal(cache.get(key('a')), undefined);
  cache.set(key('a'), ['fresh'], cache.generation('a'));
  assert.deepEqual(cache.get(key('a')), ['fresh']);
});

test('concurrent misses of one key share one computation; a failed one is not stored', async () => {
  const cache = createAvailabilityCache<string[]>(localPubSub());
  let calls = 0;
  const compute = async () => {
    calls++;
    await new Promise((r) => setTimeout(r, 5));
    return ['s'];
  };
  const answers = await Promise.all(Array.from({ length: 20 }, () => cache.getOrCompute(key('a'), compute)));
  assert.equal(calls, 1);
  assert.ok(answers.every((a) => a[0] === 's'));
  assert.deepEqual(await cache.getOrCompute(key('a'), compute), ['s']);
  assert.equal(calls, 1, 'then a hit');

  await assert.rejects(cache.getOrCompute(key('b'), () => Promise.reject(new Error('db down'))), /db down/);
  assert.equal(cache.get(key('b')), undefined);
  assert.deepEqual(await cache.getOrCompute(key('b'), compute), ['s'], 'the next request tries again');
});

test('invalidate never rejects: a failed publish is reported, the local entries are gone anyway; clear() drops only here', async () => {
  const errors: unknown[] = [];
  const broken: PubSubLike = { publish: () => Promise.reject(new Error('database down')), subscribe: () => () => {} };
  const cache = createAvailabilityCache<string[]>(broken, { onError: (e) => errors.push(e) });
  cache.set(key('a'), ['a']);
  await cache.invalidate('a');
  assert.equal(cache.get(key('a')), undefined);
  assert.equal(errors.length, 1);

  const pubsub = createLocalPubSub();
  const one = createAvailabilityCache<string[]>(pubsub);
  const two = createAvailabilityCache<string[]>(pubsub);
  one.set(key('a'), ['1']);
  two.set(key('a'), ['2']);
  const gen = one.generation('a');
  one.clear(); // the listening connection came back: anything may have changed
  await new Promise((r) => setImmediate(r));
  assert.equal(one.size, 0);
  assert.deepEqual(two.get(key('a')), ['2']);
  one.set(key('a'), ['stale'], gen);
  assert.equal(one.get(key('a')), undefined, 'a computation begun before the clear is not kept');
});

test('at most maxEntries: the oldest go first', () => {
  const cache = createAvailabilityCache<number>(localPubSub(), { maxEntries: 3 });
  for (let i = 0; i < 5; i++) cache.set(key(`s${i}`), i);
  assert.equal(cache.size, 3);
  assert.equal(cache.get(key('s0')), undefined);
  assert.equal(cache.get(key('s1')), undefined);
  assert.equal(cache.get(key('s4')), 4);
});
