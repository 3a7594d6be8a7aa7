// One behaviour suite for the `Store` interface, run against every implementation: SQLite
// (in memory) always, PostgreSQL when HEARTH_TEST_DATABASE_URL is set or the local server
// (postgres://postgres@127.0.0.1:5432/test) answers within 2 s; otherwise its tests show as skipped,
// and the log says which ran. Each PostgreSQL run gets a fresh schema, dropped at the end.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { freshSchema, whyNoPostgres } from './postgres.js';
import { createPostgresStore, toPositional, type PostgresStore } from '../../server/src/store/postgres.js';
import { createSqliteStore } from '../../server/src/store/sqlite.js';
import { migrations as pgMigrations } from '../../server/src/store/migrations-postgres.js';
import { EmailTakenError, SlotTakenError, type NewBooking, type Store } from '../../server/src/store/types.js';

const skipPostgres = await whyNoPostgres();
console.log(`store contract: postgres ${skipPostgres ? `skipped (${skipPostgres})` : 'ran'}`);

// ---------------------------------------------------------------------------------------------
const id = (prefix = 'x') => `${prefix}-${randomBytes(8).toString('hex')}`;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const T = Date.parse('2030-06-03T09:00:00Z');
const NOW = iso(T);
const LATER = iso(T + 3_600_000);
const EARLIER = iso(T - 3_600_000);
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function user(store: Store | { accounts: Store['accounts'] }, email = `${id('u')}@example.org`) {
  const u = { id: id('user'), name: 'Ada', email, passwordHash: 'scrypt$x', createdAt: NOW };
  await store.accounts.createUser(u);
  return u;
}

async function specialist(store: Store) {
  const s = { id: id('spec'), name: 'Dr. B', title: 'Psychologist', timeZone: 'Europe/Berlin', schedule: [{ weekday: 1, start: '09:00', end: '12:00' }] };
  await store.specialists.upsert(s as never, 0);
  return s;
}

const booking = (specialistId: string, start: string, extra: Partial<NewBooking> = {}): NewBooking => ({
  id: id('bk'),
  specialistId,
  start,
  end: iso(Date.parse(start) + 50 * 60_000),
  name: 'Client',
  email: 'client@example.org',
  timeZone: 'Europe/Berlin',
  consentAt: NOW,
  consentVersion: '1',
  manageHash: id('mh'),
  createdAt: NOW,
  ...extra,
});

const idem = (keyHash = id('idem'), expiresAt = LATER) => ({ keyHash, fingerprint: 'fp', createdAt: NOW, expiresAt });

async function count(store: Store, sql: string, params: unknown[]): Promise<number> {
  const [row] = await store.query<{ n: number }>(sql, params);
  return Number(row!.n);
}

// ---------------------------------------------------------------------------------------------
function contract(name: string, open: () => Promise<{ store: Store; close: () => Promise<void> }>, skip: string | false) {
  describe(`store contract: ${name}`, () => {
    let store!: Store;
    let close = async () => undefined as void;
    before(async () => {
      if (skip) return;
      ({ store, close } = await open());
    });
    after(async () => {
      if (!skip) await close();
    });
    const test = (title: string, fn: () => Promise<void>) => it(title, { skip }, fn);

    test('says what it is and answers a ping', async () => {
      assert.equal(store.kind, name);
      await store.ping();
    });

    // ----- accounts
    test('users: found by email case-insensitively; a second account for the address in any case is EmailTakenError', async () => {
      const u = await user(store, `Mixed.${id()}@Example.org`);
      assert.deepEqual(await store.accounts.findUserByEmail(u.email.toUpperCase()), { id: u.id, name: u.name, email: u.email, passwordHash: u.passwordHash, role: 'visitor', specialistId: null });
      assert.deepEqual(await store.accounts.findUserByEmail(u.email.toLowerCase()), await store.accounts.findUserByEmail(u.email));
      assert.equal(await store.accounts.findUserByEmail(`nobody-${id()}@example.org`), undefined);
      await assert.rejects(user(store, u.email.toLowerCase()), EmailTakenError);
      await assert.rejects(user(store, u.email.toUpperCase()), EmailTakenError);
    });

    test('sessions: found by hash, kind and expiry only', async () => {
      const u = await user(store);
      const cookie = { tokenHash: id('t'), userId: u.id, kind: 'cookie' as const, family: id('f'), createdAt: NOW, expiresAt: LATER };
      await store.accounts.createSession(cookie);
      assert.deepEqual(await store.accounts.findSession(cookie.tokenHash, 'cookie', NOW), { user: { id: u.id, name: u.name, email: u.email, role: 'visitor', specialistId: null }, family: cookie.family });
      assert.equal(await store.accounts.findSession(cookie.tokenHash, 'bearer', NOW), undefined, 'a cookie token is no bearer token');
      assert.equal(await store.accounts.findSession(cookie.tokenHash, 'cookie', LATER), undefined, 'expired at expiresAt');
      assert.equal(await store.accounts.findSession(id('t'), 'cookie', NOW), undefined);
    });

    test('deleteSessionFamily ends the cookie session, its bearer tokens and its unused login codes, nothing else', async () => {
      const u = await user(store);
      const family = id('f');
      const other = id('f');
      const s = (f: string, kind: 'cookie' | 'bearer') => ({ tokenHash: id('t'), userId: u.id, kind, family: f, createdAt: NOW, expiresAt: LATER });
      const [a, b, c] = [s(family, 'cookie'), s(family, 'bearer'), s(other, 'cookie')];
      for (const x of [a, b, c]) await store.accounts.createSession(x);
      const code = { codeHash: id('c'), userId: u.id, family, challenge: 'ch', origin: 'https://blog.example', expiresAt: LATER };
      const otherCode = { ...code, codeHash: id('c'), family: other };
      await store.accounts.insertLoginCode(code);
      await store.accounts.insertLoginCode(otherCode);
      await store.accounts.deleteSessionFamily(family);
      assert.equal(await store.accounts.findSession(a.tokenHash, 'cookie', NOW), undefined);
      assert.equal(await store.accounts.findSession(b.tokenHash, 'bearer', NOW), undefined);
      assert.ok(await store.accounts.findSession(c.tokenHash, 'cookie', NOW));
      assert.equal(await store.accounts.takeLoginCode(code.codeHash, NOW), undefined);
      assert.deepEqual(await store.accounts.takeLoginCode(otherCode.codeHash, NOW), otherCode);
    });

    test('capSessionFamilies keeps the most recent sign-ins of that user only', async () => {
      const [u, v] = [await user(store), await user(store)];
      const mk = async (userId: string, minutes: number, kinds: ('cookie' | 'bearer')[]) => {
        const family = id('f');
        const hashes = [];
        for (const kind of kinds) {
          const s = { tokenHash: id('t'), userId, kind, family, createdAt: iso(T + minutes * 60_000), expiresAt: iso(T + 86_400_000) };
          await store.accounts.createSession(s);
          hashes.push([s.tokenHash, kind] as const);
        }
        return hashes;
      };
      const oldest = await mk(u.id, 1, ['cookie', 'bearer']);
      const middle = await mk(u.id, 2, ['cookie']);
      const newest = await mk(u.id, 3, ['cookie', 'bearer']);
      const others = await mk(v.id, 0, ['cookie']);
      await store.accounts.capSessionFamilies(u.id, 2);
      const alive = async (list: (readonly [string, 'cookie' | 'bearer'])[]) =>
        Promise.all(list.map(async ([h, k]) => (await store.accounts.findSession(h, k, NOW)) !== undefined));
      assert.deepEqual(await alive(oldest), [false, false]);
      assert.deepEqual(await alive(middle), [true]);
      assert.deepEqual(await alive(newest), [true, true]);
      assert.deepEqual(await alive(others), [true]);
    });

    test('login codes: taken once, only before they expire', async () => {
      const u = await user(store);
      const code = { codeHash: id('c'), userId: u.id, family: id('f'), challenge: 'abc', origin: 'https://blog.example', expiresAt: LATER };
      await store.accounts.insertLoginCode(code);
      assert.deepEqual(await store.accounts.takeLoginCode(code.codeHash, NOW), code);
      assert.equal(await store.accounts.takeLoginCode(code.codeHash, NOW), undefined);
      const expired = { ...code, codeHash: id('c'), expiresAt: NOW };
      await store.accounts.insertLoginCode(expired);
      assert.equal(await store.accounts.takeLoginCode(expired.codeHash, NOW), undefined);
    });

    test('pending sign-ups: taken once, before they expire; inserting the same token replaces it', async () => {
      const p = { tokenHash: id('p'), email: `${id()}@example.org`, name: 'Bo', passwordHash: 'h', returnTo: null, createdAt: NOW, expiresAt: LATER };
      await store.accounts.insertPendingSignup(p);
      const replaced = { ...p, name: 'Bo B.', returnTo: '/after' };
      await store.accounts.insertPendingSignup(replaced);
      assert.deepEqual(await store.accounts.takePendingSignup(p.tokenHash, NOW), replaced);
      assert.equal(await store.accounts.takePendingSignup(p.tokenHash, NOW), undefined);
      const expired = { ...p, tokenHash: id('p'), expiresAt: NOW };
      await store.accounts.insertPendingSignup(expired);
      assert.equal(await store.accounts.takePendingSignup(expired.tokenHash, NOW), undefined);
    });

    // ----- messages, specialists, references
    test('messages: inserted with the optional fields as NULL when absent', async () => {
      const u = await user(store);
      const full = { id: id('m'), userId: u.id, to: 'team', subject: 'Hi', body: 'Hello', pageUrl: 'https://blog.example/post', createdAt: NOW };
      const bare = { id: id('m'), userId: u.id, body: 'Only a body', createdAt: NOW };
      await store.messages.insert(full);
      await store.messages.insert(bare);
      const rows = await store.query('SELECT id, user_id, recipient, subject, body, page_url, created_at FROM messages WHERE user_id = ? ORDER BY body', [u.id]);
      assert.deepEqual(rows, [
        { id: full.id, user_id: u.id, recipient: 'team', subject: 'Hi', body: 'Hello', page_url: full.pageUrl, created_at: NOW },
        { id: bare.id, user_id: u.id, recipient: null, subject: null, body: 'Only a body', page_url: null, created_at: NOW },
      ]);
      await assert.rejects(store.messages.insert({ ...bare, id: id('m'), userId: 'no-such-user' }), 'the user must exist');
    });

    test('specialists: upsert inserts and updates; list in sort order then id; get by id', async () => {
      const before = await store.specialists.list();
      const a = { id: `zz-${id()}`, name: 'A', title: 'T', timeZone: 'UTC', schedule: [{ weekday: 2, start: '10:00', end: '11:00' }] };
      const b = { ...a, id: `zz-${id()}`, name: 'B' };
      await store.specialists.upsert(a as never, 1000);
      await store.specialists.upsert(b as never, 999);
      assert.deepEqual((await store.specialists.list()).slice(before.length).map((s) => s.id), [b.id, a.id]);
      const changed = { ...a, name: 'A2', title: 'T2', timeZone: 'Europe/Vienna', schedule: [] };
      await store.specialists.upsert(changed as never, 998);
      assert.deepEqual(await store.specialists.get(a.id), changed);
      assert.deepEqual((await store.specialists.list()).slice(before.length).map((s) => s.id), [a.id, b.id]);
      assert.equal(await store.specialists.get(id()), undefined);
    });

    test('references: put, get, replace; unknown is undefined', async () => {
      const listId = id('refs');
      const items = [{ id: 'a', type: 'book', title: 'Über „Quotes“ & ?', annotation: '<em>x</em>' }];
      await store.references.put(listId, items);
      assert.deepEqual(await store.references.get(listId), items);
      await store.references.put(listId, []);
      assert.deepEqual(await store.references.get(listId), []);
      assert.equal(await store.references.get(id()), undefined);
    });

    // ----- bookings
    test('bookings: one active booking per slot; bookedStarts from ≤ start < to, ascending, active only', async () => {
      const s = await specialist(store);
      const other = await specialist(store);
      const starts = ['2030-06-03T09:00:00Z', '2030-06-03T10:00:00Z', '2030-06-03T11:00:00Z', '2030-06-04T09:00:00Z'];
      for (const start of [...starts].reverse()) await store.bookings.insert(booking(s.id, start));
      await store.bookings.insert(booking(other.id, starts[0]!));
      await assert.rejects(store.bookings.insert(booking(s.id, starts[1]!)), SlotTakenError);
      assert.deepEqual(await store.bookings.bookedStarts(s.id, starts[0]!, starts[3]!), starts.slice(0, 3));
      assert.deepEqual(await store.bookings.bookedStarts(s.id, '2030-06-03T09:00:01Z', '2030-06-05T00:00:00Z'), starts.slice(1));
      assert.deepEqual(await store.bookings.bookedStarts(id(), starts[0]!, starts[3]!), []);
    });

    test('bookings: found by manage hash; cancel once; a cancelled slot can be booked again', async () => {
      const s = await specialist(store);
      const b = booking(s.id, '2030-06-10T09:00:00Z', { phone: '+43 1 234', note: 'first time' });
      await store.bookings.insert(b);
      assert.deepEqual(await store.bookings.findByManageHash(b.manageHash), { id: b.id, specialistId: s.id, start: b.start, end: b.end, cancelledAt: null });
      assert.equal(await store.bookings.findByManageHash(id()), undefined);
      assert.equal(await store.bookings.cancel(b.id, NOW), true);
      assert.equal(await store.bookings.cancel(b.id, LATER), false);
      assert.equal((await store.bookings.findByManageHash(b.manageHash))!.cancelledAt, NOW);
      assert.deepEqual(await store.bookings.bookedStarts(s.id, b.start, b.end), []);
      const again = booking(s.id, b.start);
      await store.bookings.insert(again);
      assert.deepEqual(await store.bookings.bookedStarts(s.id, b.start, b.end), [b.start]);
      assert.equal(await store.bookings.cancel(id(), NOW), false);
    });

    // ----- idempotency
    test('idempotency: claim once (pending, status 0); complete stores the answer; release only a pending claim', async () => {
      const r = idem();
      assert.equal(await store.idempotency.claim(r), true);
      assert.equal(await store.idempotency.claim({ ...r, fingerprint: 'other' }), false);
      assert.deepEqual(await store.idempotency.find(r.keyHash), { ...r, status: 0, answer: '' });
      await store.idempotency.release(r.keyHash);
      assert.equal(await store.idempotency.find(r.keyHash), undefined);
      assert.equal(await store.idempotency.claim(r), true, 'a released key can be claimed again');
      await store.idempotency.complete(r.keyHash, 201, '{"id":"1"}');
      assert.deepEqual(await store.idempotency.find(r.keyHash), { ...r, status: 201, answer: '{"id":"1"}' });
      await store.idempotency.release(r.keyHash);
      assert.equal((await store.idempotency.find(r.keyHash))?.status, 201, 'a completed record is not released');
      assert.equal(await store.idempotency.find(id()), undefined);
    });

    test('idempotency: removeExpired removes only an expired record', async () => {
      const r = idem(id('idem'), NOW);
      await store.idempotency.claim(r);
      await store.idempotency.removeExpired(r.keyHash, EARLIER);
      assert.ok(await store.idempotency.find(r.keyHash));
      await store.idempotency.removeExpired(r.keyHash, NOW);
      assert.equal(await store.idempotency.find(r.keyHash), undefined);
      assert.equal(await store.idempotency.claim(r), true);
    });

    test('idempotency: a concurrent claim of the same key waits for the claiming transaction (false after commit, true after rollback)', async () => {
      for (const outcome of ['commit', 'rollback'] as const) {
        const r = idem();
        const events: string[] = [];
        let claimed!: () => void;
        const isClaimed = new Promise<void>((resolve) => (claimed = resolve));
        const first = store.transaction(async (tx) => {
          assert.equal(await tx.idempotency.claim(r), true);
          claimed();
          await delay(150);
          events.push('first ends');
          if (outcome === 'rollback') throw new Error('the write failed');
        });
        await isClaimed;
        const second = store.idempotency.claim(r).then((ok) => events.push(`second: ${ok}`));
        await first.catch(() => undefined);
        await second;
        assert.deepEqual(events, ['first ends', `second: ${outcome === 'rollback'}`], outcome);
      }
    });

    // ----- rate limits
    test('limits: a sliding window per key; retryAfter until the oldest counted hit leaves it', async () => {
      const key = `messages\n${id()}`;
      const w = 10_000;
      assert.deepEqual(await store.limits.take([[key, 2]], w, 1000), { ok: true });
      assert.deepEqual(await store.limits.take([[key, 2]], w, 3000), { ok: true });
      assert.deepEqual(await store.limits.take([[key, 2]], w, 4000), { ok: false, retryAfter: 7 });
      assert.deepEqual(await store.limits.take([[key, 2]], w, 10_999), { ok: false, retryAfter: 1 });
      assert.deepEqual(await store.limits.take([[key, 2]], w, 11_000), { ok: true }, 'the hit at 1000 left the window at 11000');
      assert.deepEqual(await store.limits.take([[key, 2]], w, 11_001), { ok: false, retryAfter: 2 }, 'hits at 3000 and 11000; 3000 leaves at 13000');
    });

    test('limits: several keys are all-or-nothing, each with its own limit; retryAfter waits for every full key', async () => {
      const [a, b, c] = [id('a'), id('b'), id('c')];
      const w = 60_000;
      assert.deepEqual(await store.limits.take([[a, 1]], w, 0), { ok: true });
      assert.deepEqual(await store.limits.take([[b, 1]], w, 5000), { ok: true });
      assert.deepEqual(await store.limits.take([[a, 1], [c, 5]], w, 10_000), { ok: false, retryAfter: 50 });
      assert.deepEqual(await store.limits.take([[c, 1]], w, 10_000), { ok: true }, 'nothing was recorded under c');
      assert.deepEqual(await store.limits.take([[a, 1], [b, 1]], w, 10_000), { ok: false, retryAfter: 55 }, 'b frees last, at 65000');
      assert.deepEqual(await store.limits.take([[a, 3], [b, 3]], w, 10_000), { ok: true });
    });

    test('limits: untake gives back a hit of that second; reset forgets the key; keys are stored hashed', async () => {
      const key = `login-success\n${id()}\nsecret@example.org`;
      const w = 60_000;
      await store.limits.take([[key, 2]], w, 100);
      await store.limits.take([[key, 2]], w, 2_200);
      assert.equal((await store.limits.take([[key, 2]], w, 3_300)).ok, false);
      await store.limits.untake(key, 1_500); // no hit in that second: nothing changes
      assert.equal((await store.limits.take([[key, 2]], w, 3_300)).ok, false);
      await store.limits.untake(key, 2_200);
      assert.deepEqual(await store.limits.take([[key, 2]], w, 3_300), { ok: true });
      assert.deepEqual(await store.limits.recent(key, w, 3_300), [0, 3_000], 'one hit per second, at its start');
      const stored = await store.query<{ key_hash: string; second: number; n: number }>('SELECT key_hash, second, n FROM rate_counts WHERE second IN (?, ?) ORDER BY second', [0, 3]);
      assert.ok(stored.length >= 2);
      for (const row of stored) {
        assert.ok(!row.key_hash.includes('secret') && !row.key_hash.includes('login'), 'no key in clear');
        assert.equal(typeof row.second, 'number');
      }
      await store.limits.reset(key);
      assert.deepEqual(await store.limits.take([[key, 2]], w, 301), { ok: true });
      assert.deepEqual(await store.limits.take([[key, 2]], w, 302), { ok: true });
    });

    // ----- query, purge
    test('query: ? placeholders (not inside string literals), rows as objects, numbers as numbers', async () => {
      const u = await user(store);
      assert.deepEqual(await store.query("SELECT id, 'what?' AS q FROM users WHERE email = ? AND name <> '?'", [u.email]), [{ id: u.id, q: 'what?' }]);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM users WHERE id IN (?, ?)', [u.id, id()]), 1);
      assert.deepEqual(await store.query('UPDATE users SET name = ? WHERE id = ?', ['Ada L.', u.id]), []);
      assert.equal((await store.accounts.findUserByEmail(u.email))!.name, 'Ada L.');
    });

    test('purgeExpired drops expired sessions, codes, sign-up links, idempotency records and day-old rate-limit hits', async () => {
      const u = await user(store);
      const session = (expiresAt: string) => ({ tokenHash: id('t'), userId: u.id, kind: 'cookie' as const, family: id('f'), createdAt: EARLIER, expiresAt });
      const code = (expiresAt: string) => ({ codeHash: id('c'), userId: u.id, family: id('f'), challenge: 'c', origin: 'https://o.example', expiresAt });
      const pending = (expiresAt: string) => ({ tokenHash: id('p'), email: 'p@example.org', name: 'P', passwordHash: 'h', returnTo: null, createdAt: EARLIER, expiresAt });
      const [s1, s2, c1, c2, p1, p2, i1, i2] = [session(NOW), session(LATER), code(NOW), code(LATER), pending(NOW), pending(LATER), idem(id(), NOW), idem(id(), LATER)];
      await store.accounts.createSession(s1);
      await store.accounts.createSession(s2);
      await store.accounts.insertLoginCode(c1);
      await store.accounts.insertLoginCode(c2);
      await store.accounts.insertPendingSignup(p1);
      await store.accounts.insertPendingSignup(p2);
      await store.idempotency.claim(i1);
      await store.idempotency.claim(i2);
      const key = id('hits');
      const old = T - 86_400_000 - 1;
      const recent = T - 86_400_000 + 1;
      await store.limits.take([[key, 100]], 1, old);
      await store.limits.take([[key, 100]], 1, recent);
      await store.purgeExpired(NOW);
      const n = (table: string, column: string, values: string[]) =>
        count(store, `SELECT count(*) AS n FROM ${table} WHERE ${column} IN (${values.map(() => '?').join(', ')})`, values);
      assert.equal(await n('sessions', 'token_hash', [s1.tokenHash]), 0);
      assert.equal(await n('sessions', 'token_hash', [s2.tokenHash]), 1);
      assert.equal(await n('login_codes', 'code_hash', [c1.codeHash, c2.codeHash]), 1);
      assert.equal(await n('pending_signups', 'token_hash', [p1.tokenHash, p2.tokenHash]), 1);
      assert.equal(await store.idempotency.find(i1.keyHash), undefined);
      assert.ok(await store.idempotency.find(i2.keyHash));
      const seconds = [Math.floor(old / 1000), Math.floor(recent / 1000)];
      assert.equal(await count(store, 'SELECT count(*) AS n FROM rate_counts WHERE second IN (?, ?)', seconds), 1);
      assert.equal(await count(store, 'SELECT count(*) AS n FROM rate_counts WHERE second = ?', [seconds[1]]), 1);
    });

    // ----- transactions
    test('transaction: commits everything done through tx and returns fn’s value', async () => {
      const email = `${id()}@example.org`;
      const s = await specialist(store);
      const start = '2030-07-01T09:00:00Z';
      const value = await store.transaction(async (tx) => {
        await user(tx, email);
        await tx.bookings.insert(booking(s.id, start));
        return 42;
      });
      assert.equal(value, 42);
      assert.ok(await store.accounts.findUserByEmail(email));
      assert.deepEqual(await store.bookings.bookedStarts(s.id, start, '2030-07-02T00:00:00Z'), [start]);
    });

    test('transaction: a throw rolls back every write (rows, claims, rate-limit hits) and rejects with it', async () => {
      const email = `${id()}@example.org`;
      const s = await specialist(store);
      const start = '2030-07-01T10:00:00Z';
      const r = idem();
      const key = id('quota');
      const boom = new Error('boom');
      await assert.rejects(
        store.transaction(async (tx) => {
          await user(tx, email);
          await tx.bookings.insert(booking(s.id, start));
          assert.equal(await tx.idempotency.claim(r), true);
          assert.deepEqual(await tx.limits.take([[key, 1]], 60_000, T), { ok: true });
          throw boom;
        }),
        (e) => e === boom,
      );
      assert.equal(await store.accounts.findUserByEmail(email), undefined);
      assert.deepEqual(await store.bookings.bookedStarts(s.id, start, '2030-07-02T00:00:00Z'), []);
      assert.equal(await store.idempotency.find(r.keyHash), undefined);
      assert.deepEqual(await store.limits.take([[key, 1]], 60_000, T), { ok: true }, 'the rolled-back hit does not count');
    });

    test('transaction: a nested transaction, and top-level calls inside fn, join the outer one', async () => {
      const [a, b, c] = [`${id()}@example.org`, `${id()}@example.org`, `${id()}@example.org`];
      await assert.rejects(
        store.transaction(async (tx) => {
          await user(tx, a);
          const inner = await store.transaction(async (tx2) => {
            await user(tx2, b);
            assert.ok(await tx2.accounts.findUserByEmail(a), 'the inner one sees the outer one’s writes');
            return 'inner';
          });
          assert.equal(inner, 'inner');
          await user(store, c); // a top-level call from inside: part of this transaction
          assert.ok(await store.accounts.findUserByEmail(b), 'top-level reads inside see uncommitted writes');
          throw new Error('outer fails');
        }),
        /outer fails/,
      );
      for (const email of [a, b, c]) assert.equal(await store.accounts.findUserByEmail(email), undefined, email);

      await store.transaction(async (tx) => {
        await user(tx, a);
        await store.transaction(async (tx2) => void (await user(tx2, b)));
      });
      assert.ok(await store.accounts.findUserByEmail(a));
      assert.ok(await store.accounts.findUserByEmail(b));
    });

    test('transaction: goes on after a caught SlotTakenError or EmailTakenError, and commits', async () => {
      const s = await specialist(store);
      const start = '2030-07-01T11:00:00Z';
      await store.bookings.insert(booking(s.id, start));
      const taken = await user(store);
      const email = `${id()}@example.org`;
      await store.transaction(async (tx) => {
        await assert.rejects(tx.bookings.insert(booking(s.id, start)), SlotTakenError);
        await assert.rejects(user(tx, taken.email.toUpperCase()), EmailTakenError);
        assert.equal(await tx.idempotency.claim(idem()), true);
        await user(tx, email);
      });
      assert.ok(await store.accounts.findUserByEmail(email));
    });

    // ----- invariants under concurrency
    test('concurrency: 100 parallel bookings of one slot → exactly one', async () => {
      const s = await specialist(store);
      const start = '2030-08-01T09:00:00Z';
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          i % 2 ? store.transaction((tx) => tx.bookings.insert(booking(s.id, start))) : store.bookings.insert(booking(s.id, start)),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof SlotTakenError, String(r.reason));
      assert.equal(await count(store, 'SELECT count(*) AS n FROM bookings WHERE specialist_id = ?', [s.id]), 1);
    });

    test('concurrency: 20 parallel claims of one idempotency key → one true', async () => {
      const r = idem();
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          store.transaction(async (tx) => {
            const ok = await tx.idempotency.claim(r);
            await delay(5);
            if (ok) await tx.idempotency.complete(r.keyHash, 201, 'first');
            return ok;
          }),
        ),
      );
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal((await store.idempotency.find(r.keyHash))!.answer, 'first');
    });

    test('concurrency: 50 parallel limits.take with limit 10 → exactly 10 ok', async () => {
      const key = id('burst');
      const other = id('burst2');
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2
            ? store.limits.take([[key, 10], [other, 100]], 60_000, T + i)
            : store.transaction(async (tx) => {
                const r = await tx.limits.take([[other, 100], [key, 10]], 60_000, T + i);
                await delay(1);
                return r;
              }),
        ),
      );
      assert.equal(results.filter((r) => r.ok).length, 10);
      assert.equal(await store.query('SELECT 1 AS one').then((rows) => rows.length), 1);
    });

    test('concurrency: a login code or sign-up link taken twice in parallel → once', async () => {
      const u = await user(store);
      for (let round = 0; round < 5; round++) {
        const code = { codeHash: id('c'), userId: u.id, family: id('f'), challenge: 'c', origin: 'https://o.example', expiresAt: LATER };
        await store.accounts.insertLoginCode(code);
        const got = await Promise.all([store.accounts.takeLoginCode(code.codeHash, NOW), store.transaction((tx) => tx.accounts.takeLoginCode(code.codeHash, NOW))]);
        assert.equal(got.filter(Boolean).length, 1);
        const p = { tokenHash: id('p'), email: 'p@example.org', name: 'P', passwordHash: 'h', returnTo: null, createdAt: NOW, expiresAt: LATER };
        await store.accounts.insertPendingSignup(p);
        const taken = await Promise.all([store.accounts.takePendingSignup(p.tokenHash, NOW), store.accounts.takePendingSignup(p.tokenHash, NOW)]);
        assert.equal(taken.filter(Boolean).length, 1);
      }
    });

    test('concurrency: 10 parallel sign-ups of one address in different cases → one account', async () => {
      const local = id('same');
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => store.transaction((tx) => user(tx, `${i % 2 ? local.toUpperCase() : local}@Example.org`))),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof EmailTakenError, String(r.reason));
    });
  });
}

contract(
  'sqlite',
  async () => {
    const store = createSqliteStore(':memory:');
    return { store, close: () => store.close() };
  },
  false,
);

contract(
  'postgres',
  async () => {
    const schema = await freshSchema();
    const store = await createPostgresStore(schema.url, { max: 20 });
    return {
      store,
      close: async () => {
        await store.close();
        await schema.drop();
      },
    };
  },
  skipPostgres ?? false,
);

// ---------------------------------------------------------------------------------------------
describe('store: postgres only', () => {
  const skip = skipPostgres ?? false;
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let a: PostgresStore;
  let b: PostgresStore;
  before(async () => {
    if (skip) return;
    schema = await freshSchema();
    // Two stores on one schema: two pools, as two server processes would have.
    [a, b] = await Promise.all([createPostgresStore(schema.url), createPostgresStore(schema.url)]);
  });
  after(async () => {
    if (skip) return;
    await Promise.all([a.close(), b.close()]);
    await schema.drop();
  });

  it('two stores starting at once on an empty schema migrate it once', { skip }, async () => {
    const all = pgMigrations.map((m) => m.version);
    assert.deepEqual([a.applied, b.applied].sort((x, y) => y.length - x.length), [all, []]);
    assert.deepEqual(
      (await a.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')).map((r) => r.version),
      all,
    );
  });

  it('invariants hold across two pools (processes): one booking per slot, one claim, an exact rate window', { skip }, async () => {
    const s = await specialist(a);
    const start = '2030-09-01T09:00:00Z';
    const bookings = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).transaction((tx) => tx.bookings.insert(booking(s.id, start)))));
    assert.equal(bookings.filter((r) => r.status === 'fulfilled').length, 1);
    const r = idem();
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).idempotency.claim(r)));
    assert.equal(claims.filter(Boolean).length, 1);
    const key = id('x');
    const takes = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).limits.take([[key, 10]], 60_000, T)));
    assert.equal(takes.filter((t) => t.ok).length, 10);
  });

  it('a transaction whose statement failed (caught) rejects at COMMIT instead of pretending to commit', { skip }, async () => {
    const email = `${id()}@example.org`;
    await assert.rejects(
      a.transaction(async (tx) => {
        await user(tx, email);
        await a.query('SELECT * FROM no_such_table').catch(() => undefined);
      }),
      /aborted/,
    );
    assert.equal(await a.accounts.findUserByEmail(email), undefined);
  });

  it('tx repositories refuse to run after their transaction ended', { skip }, async () => {
    let leaked!: Parameters<Parameters<Store['transaction']>[0]>[0];
    await a.transaction(async (tx) => void (leaked = tx));
    await assert.rejects(leaked.accounts.findUserByEmail('x@example.org'), /transaction is over/);
  });

  it('instants are TEXT and rate-limit seconds BIGINT in the schema', { skip }, async () => {
    const columns = await a.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND (column_name LIKE '%_at' OR column_name IN ('start', 'end', 'second'))`,
    );
    for (const c of columns) assert.equal(c.data_type, c.column_name === 'second' ? 'bigint' : 'text', `${c.table_name}.${c.column_name}`);
    assert.ok(columns.length >= 10);
  });
});

describe('store: toPositional', () => {
  it('numbers ? placeholders outside literals, quoted identifiers, dollar quotes and comments', () => {
    assert.equal(toPositional('SELECT ? , ?'), 'SELECT $1 , $2');
    assert.equal(toPositional(`SELECT 'a?''?', "b?", ? -- c?\n, /* d? */ ?, $$e?$$, $t$f?$t$, ?`), `SELECT 'a?''?', "b?", $1 -- c?\n, /* d? */ $2, $$e?$$, $t$f?$t$, $3`);
    assert.equal(toPositional('SELECT 1'), 'SELECT 1');
  });
});
