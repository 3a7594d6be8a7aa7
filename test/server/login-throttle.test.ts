// The sign-in throttle (server/src/login-throttle.ts): per (email, address) pair with growing
// delays, a per-address cap, successful sign-ins per account; nothing in clear in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { getHeapSnapshot } from 'node:v8';
import { createLoginThrottle, loginThrottleOptions } from '../../server/src/login-throttle.js';
import { defaultConfig, loadConfig } from '../../server/src/config.js';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const OWNER = 'ana@example.org';
const A = '203.0.113.66'; // the attacker's address
const B = '198.51.100.7'; // the owner's address

/** One wrong-password attempt as POST /login makes it: check, then failed. */
function fail(t: ReturnType<typeof createLoginThrottle>, email: string, ip: string, now: number) {
  const r = t.check(email, ip, now);
  if (r.ok) t.failed(email, ip, now);
  return r;
}

test('an attacker from address A with 50 failures does not block the owner from address B', () => {
  const t = createLoginThrottle();
  let now = T0;
  let refused = 0;
  for (let i = 0; i < 50; i++) {
    const r = fail(t, OWNER, A, now);
    if (!r.ok) {
      refused++;
      now += r.retryAfter * 1000; // the attacker waits out every delay
      assert.ok(fail(t, OWNER, A, now).ok);
    }
    now += 10;
  }
  assert.ok(refused > 0, 'the attacker was slowed down');
  // The owner, elsewhere, at once:
  assert.deepEqual(t.check(OWNER, B, now), { ok: true });
  t.succeeded(OWNER, B, now);
  assert.deepEqual(t.takeSuccess('user-ana', now), { ok: true });
  // …and the attacker is still waiting.
  assert.equal(t.check(OWNER, A, now).ok, false);
});

test('the first 5 failures of a pair are free; then the delay doubles per failure: 1 s, 2 s, 4 s … capped at 15 min', () => {
  const t = createLoginThrottle();
  let now = T0;
  for (let i = 0; i < 5; i++) assert.ok(fail(t, OWNER, A, now).ok, `failure ${i + 1} is free`);
  const delays: number[] = [];
  for (let i = 0; i < 14; i++) {
    const r = t.check(OWNER, A, now);
    assert.equal(r.ok, false);
    if (r.ok) return;
    delays.push(r.retryAfter);
    // One millisecond early is still refused; on time it is let through.
    assert.equal(t.check(OWNER, A, now + r.retryAfter * 1000 - 1).ok, false);
    now += r.retryAfter * 1000;
    assert.ok(fail(t, OWNER, A, now).ok);
  }
  assert.deepEqual(delays, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
  assert.equal(t.delayAfter(4), 0);
  assert.equal(t.delayAfter(5), 1000);
  assert.equal(t.delayAfter(1000), 900_000);
});

test('emails are compared trimmed and case-insensitively; other emails from the same address are separate pairs', () => {
  const t = createLoginThrottle();
  for (let i = 0; i < 5; i++) fail(t, OWNER, A, T0);
  assert.equal(t.check(' ANA@Example.org ', A, T0).ok, false);
  assert.ok(t.check('someone@example.org', A, T0).ok);
});

test('a success clears the pair; its attempt does not count against the address', () => {
  const t = createLoginThrottle({ failuresPerAddress: 6 });
  for (let i = 0; i < 4; i++) fail(t, OWNER, B, T0);
  assert.ok(t.check(OWNER, B, T0).ok);
  t.succeeded(OWNER, B, T0);
  // Pair forgotten: 5 free failures again; and the success gave its address hit back (4 + 2 ≤ 6).
  assert.ok(fail(t, OWNER, B, T0).ok);
  assert.ok(fail(t, OWNER, B, T0).ok);
  assert.equal(t.check(OWNER, B, T0).ok, false, 'the address cap (6) is reached');
});

test('a pair is forgotten 24 h after its last failure', () => {
  const t = createLoginThrottle();
  for (let i = 0; i < 8; i++) fail(t, OWNER, A, T0 + i * 3_600_000);
  assert.equal(t.check(OWNER, A, T0 + 8 * 3_600_000 - 1).ok, true); // 8 h later: 7 failures' delay (4 s) is long over
  const last = T0 + 8 * 3_600_000;
  t.failed(OWNER, A, last);
  assert.equal(t.check(OWNER, A, last).ok, false);
  assert.ok(t.check(OWNER, A, last + 24 * 3_600_000).ok);
  // Forgotten: it has its free failures again.
  for (let i = 0; i < 4; i++) assert.ok(fail(t, OWNER, A, last + 24 * 3_600_000 + i).ok);
});

test('parallel guesses: each check counts in advance, so only the free ones get past at once', () => {
  const t = createLoginThrottle();
  const results = Array.from({ length: 50 }, () => t.check(OWNER, A, T0));
  assert.equal(results.filter((r) => r.ok).length, 5);
  for (let i = 0; i < 5; i++) t.failed(OWNER, A, T0 + 50);
  const r = t.check(OWNER, A, T0 + 50);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.retryAfter, 1);
});

test('failed() without a check still counts', () => {
  const t = createLoginThrottle();
  for (let i = 0; i < 5; i++) t.failed(OWNER, A, T0);
  assert.equal(t.check(OWNER, A, T0).ok, false);
});

test('a generous per-address cap over all emails (credential stuffing), which spares other addresses', () => {
  const t = createLoginThrottle();
  let now = T0;
  for (let i = 0; i < 100; i++) assert.ok(fail(t, `user${i}@example.org`, A, now).ok);
  const r = t.check('user100@example.org', A, now);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.retryAfter, 900);
  assert.ok(t.check('user100@example.org', B, now).ok);
  now += 15 * 60_000;
  assert.ok(t.check('user100@example.org', A, now).ok, 'the window slides');
});

test('successful sign-ins per account: 20 per 15 minutes, then Retry-After', () => {
  const t = createLoginThrottle();
  for (let i = 0; i < 20; i++) assert.deepEqual(t.takeSuccess('user-ana', T0 + i * 1000), { ok: true });
  const r = t.takeSuccess('user-ana', T0 + 20_000);
  assert.deepEqual(r, { ok: false, retryAfter: 900 - 20 });
  assert.ok(t.takeSuccess('user-sam', T0 + 20_000).ok, 'per account');
  assert.ok(t.takeSuccess('user-ana', T0 + 15 * 60_000).ok);
});

test('accepts a Date for now', () => {
  const t = createLoginThrottle();
  for (let i = 0; i < 5; i++) fail(t, OWNER, A, T0);
  assert.equal(t.check(OWNER, A, new Date(T0)).ok, false);
  assert.ok(t.check(OWNER, A, new Date(T0 + 1000)).ok);
});

test('memory is bounded and never holds an email or an address in clear (heap snapshot)', async () => {
  const tag = `z${randomUUID().slice(0, 8)}`; // made at run time, so the test's source does not match
  const t = createLoginThrottle({ maxPairs: 50 });
  for (let i = 0; i < 200; i++) fail(t, `${tag}${i}@example.org`, `${tag}-addr-${i}`, T0 + i);
  t.takeSuccess(`${tag}-acct`, T0);
  let text = '';
  for await (const chunk of getHeapSnapshot()) text += chunk;
  assert.ok(t.check('x@example.org', A, T0).ok, 'the throttle is alive while the snapshot is taken');
  assert.ok(text.includes(tag), 'the snapshot has the strings the test holds');
  assert.doesNotMatch(text, new RegExp(`${tag}(\\d+@|-addr-|-acct)`));
  // At most 50 pairs are kept: the oldest victims are forgotten (free again).
  for (let i = 0; i < 5; i++) assert.ok(fail(t, `${tag}0@example.org`, `${tag}-addr-0`, T0 + 1000).ok);
});

test('options from the configuration (HEARTH_LOGIN_* variables)', () => {
  assert.deepEqual(
    {
      free: defaultConfig.loginFreeFailures,
      max: defaultConfig.loginMaxDelaySeconds,
      address: defaultConfig.loginFailuresPerAddressPer15Min,
      success: defaultConfig.loginsPerAccountPer15Min,
    },
    { free: 5, max: 900, address: 100, success: 20 },
  );
  const c = loadConfig({
    HEARTH_LOGIN_FREE_FAILURES: '3',
    HEARTH_LOGIN_MAX_DELAY_SECONDS: '60',
    HEARTH_RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN: '40',
    HEARTH_RATE_LIMIT_LOGINS_PER_ACCOUNT_PER_15_MIN: '2',
  });
  const o = loginThrottleOptions(c);
  assert.equal(o.freeFailures, 3);
  assert.equal(o.maxDelayMs, 60_000);
  assert.equal(o.failuresPerAddress, 40);
  assert.equal(o.successesPerAccount, 2);
  const t = createLoginThrottle(o);
  for (let i = 0; i < 3; i++) fail(t, OWNER, A, T0);
  assert.equal(t.check(OWNER, A, T0).ok, false);
  assert.throws(() => loadConfig({ HEARTH_LOGIN_FREE_FAILURES: '0' }), /HEARTH_LOGIN_FREE_FAILURES/);
});
