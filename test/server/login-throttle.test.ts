// The sign-in throttle (server/src/login-throttle.ts) on the database: per (email, address) pair
// with growing delays, a per-address cap, successful sign-ins per account; shared by every process
// that shares the database; keys stored only as hashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLoginThrottle, loginThrottleOptions, type LoginThrottle } from '../../server/src/login-throttle.js';
import { defaultConfig, loadConfig } from '../../server/src/config.js';
import { createSqliteStore } from '../../server/src/store/sqlite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const OWNER = 'ana@example.org';
const A = '203.0.113.66'; // the attacker's address
const B = '198.51.100.7'; // the owner's address

const throttle = (options = {}) => createLoginThrottle(createSqliteStore(':memory:'), options);

test('an attacker from address A with 50 failures does not block the owner from address B', async () => {
  const t = throttle();
  let now = T0;
  let refused = 0;
  for (let failures = 0; failures < 50; ) {
    const r = await t.check(OWNER, A, now);
    if (r.ok) failures++;
    else {
      refused++;
      now += r.retryAfter * 1000; // the attacker waits out every delay
    }
  }
  assert.ok(refused >= 45, `the attacker was paused ${refused} times`);
  const attacker = await t.check(OWNER, A, now);
  assert.deepEqual(attacker, { ok: false, retryAfter: 900 }, 'the attacker’s delay is at its 15-minute cap');
  assert.deepEqual(await t.check(OWNER, B, now), { ok: true }, 'the owner signs in from elsewhere at once');
});

test('the first 5 failures of a pair are free; then the delay doubles per failure: 1 s, 2 s, 4 s … capped at 15 min', async () => {
  const t = throttle();
  let now = T0;
  for (let i = 0; i < 5; i++) assert.deepEqual(await t.check(OWNER, A, now), { ok: true });
  const waits: number[] = [];
  for (let i = 0; i < 12; i++) {
    const r = await t.check(OWNER, A, now);
    assert.equal(r.ok, false);
    const wait = (r as { retryAfter: number }).retryAfter;
    waits.push(wait);
    now += wait * 1000;
    assert.deepEqual(await t.check(OWNER, A, now), { ok: true });
  }
  assert.deepEqual(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
  assert.equal(t.delayAfter(4), 0);
  assert.equal(t.delayAfter(5), 1000);
});

test('emails are compared trimmed and case-insensitively; other emails from the same address are separate pairs', async () => {
  const t = throttle();
  for (let i = 0; i < 5; i++) await t.check(OWNER, A, T0);
  assert.equal((await t.check('  ANA@Example.org ', A, T0)).ok, false);
  assert.equal((await t.check('other@example.org', A, T0)).ok, true);
});

test('a success clears the pair and takes its attempt back from the address count', async () => {
  const t = throttle({ failuresPerAddress: 6 });
  for (let i = 0; i < 5; i++) await t.check(OWNER, A, T0);
  await t.check(OWNER, A, T0 + 1000); // the 6th attempt, after its 1 s wait: the right password
  await t.succeeded(OWNER, A, T0 + 1000);
  assert.deepEqual(await t.check(OWNER, A, T0 + 1000), { ok: true }, 'the pair starts again');
  // The address has 6 counted attempts now (5 failures + this one): a 7th email from it is over the cap.
  assert.equal((await t.check('x@example.org', A, T0 + 1000)).ok, false);
});

test('a pair’s attempts are forgotten 24 h after they were made', async () => {
  const t = throttle();
  for (let i = 0; i < 5; i++) await t.check(OWNER, A, T0);
  assert.equal((await t.check(OWNER, A, T0)).ok, false);
  assert.deepEqual(await t.check(OWNER, A, T0 + 24 * 3_600_000 + 1), { ok: true });
});

test('parallel guesses: each check counts in advance under the pair’s lock, so only the free ones get past', async () => {
  const t = throttle();
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => t.check(OWNER, A, T0 + i)));
  assert.equal(answers.filter((a) => a.ok).length, 5);
});

test('a generous per-address cap over all emails (credential stuffing), which spares other addresses', async () => {
  const t = throttle({ failuresPerAddress: 100 });
  for (let i = 0; i < 100; i++) assert.equal((await t.check(`user${i}@example.org`, A, T0)).ok, true);
  const r = await t.check('fresh@example.org', A, T0);
  assert.deepEqual(r, { ok: false, retryAfter: 900 });
  assert.equal((await t.check('fresh@example.org', B, T0)).ok, true);
  assert.equal((await t.check('fresh@example.org', A, T0 + 15 * 60_000 + 1)).ok, true);
});

test('successful sign-ins per account: 20 per 15 minutes, then Retry-After', async () => {
  const t = throttle();
  for (let i = 0; i < 20; i++) assert.deepEqual(await t.takeSuccess('user-1', T0 + i * 1000), { ok: true });
  const r = await t.takeSuccess('user-1', T0 + 20_000);
  assert.equal(r.ok, false);
  assert.equal((r as { retryAfter: number }).retryAfter, 880, 'until the first of the 20 leaves the window');
  assert.deepEqual(await t.takeSuccess('user-2', T0), { ok: true });
});

test('two processes on one database share the counts (two stores on one SQLite file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-throttle-'));
  try {
    const one = createSqliteStore(join(dir, 'db'));
    const two = createSqliteStore(join(dir, 'db'));
    const [a, b]: LoginThrottle[] = [createLoginThrottle(one), createLoginThrottle(two)];
    for (let i = 0; i < 5; i++) await (i % 2 ? a : b).check(OWNER, A, T0);
    assert.equal((await a.check(OWNER, A, T0)).ok, false);
    assert.equal((await b.check(OWNER, A, T0)).ok, false);
    await one.close();
    await two.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the database holds no email or address in clear', async () => {
  const store = createSqliteStore(':memory:');
  const t = createLoginThrottle(store);
  await t.check(OWNER, A, T0);
  await t.takeSuccess('user-1', T0);
  const dump = JSON.stringify(store.db.prepare('SELECT * FROM rate_counts').all());
  assert.ok(!dump.includes(OWNER) && !dump.includes(A) && !dump.includes('user-1'), dump);
});

test('options from the configuration (HEARTH_LOGIN_* variables)', () => {
  assert.deepEqual(
    [loginThrottleOptions(defaultConfig).freeFailures, loginThrottleOptions(defaultConfig).maxDelayMs],
    [5, 900_000],
  );
  const o = loginThrottleOptions(
    loadConfig({ HEARTH_LOGIN_FREE_FAILURES: '3', HEARTH_LOGIN_MAX_DELAY_SECONDS: '60', HEARTH_RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN: '7', HEARTH_RATE_LIMIT_LOGINS_PER_ACCOUNT_PER_15_MIN: '2' }),
  );
  assert.deepEqual([o.freeFailures, o.maxDelayMs, o.failuresPerAddress, o.successesPerAccount], [3, 60_000, 7, 2]);
});
