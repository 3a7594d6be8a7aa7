// Limits on sign-in attempts (per email and per client address) and on sign-ups (per address).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, createTestApp, DEMO_USER, ORIGIN, type TestApp } from './helpers.js';
import { checkResponse, type Checked } from './contract.js';
import { loadConfig } from '../../server/src/config.js';

const form = (fields: Record<string, string>, ip = '127.0.0.1', headers: Record<string, string> = {}) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, ...headers },
  ip,
});

const login = async (t: TestApp, email: string, password: string, ip = '127.0.0.1', headers: Record<string, string> = {}): Promise<Checked> =>
  checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email, password }, ip, headers)));

const signup = async (t: TestApp, email: string, ip = '127.0.0.1'): Promise<Checked> =>
  checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ name: 'Lee Reader', email, password: 'long enough' }, ip)));

const later = (t: TestApp, ms: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + ms);
};

/** The error summary's message (the text of its list item). */
const summary = (html: string) => /<div class="error-summary"[^>]*role="alert"[^]*?<li>([^<]*)<\/li>/.exec(html)?.[1];

function assertLocked(r: Checked, email: string, minutes: number) {
  assert.equal(r.status, 429, r.text.slice(0, 300));
  assert.match(r.headers.get('retry-after')!, /^\d+$/);
  assert.equal(Math.ceil(Number(r.headers.get('retry-after')) / 60), minutes);
  assert.match(r.text, /role="alert"/);
  assert.equal(summary(r.text), `There have been too many attempts to sign in, so signing in is paused for now. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
  assert.ok(r.text.includes(`value="${email}"`), 'the typed email is kept');
  assert.equal(r.headers.get('set-cookie'), null);
  assert.doesNotMatch(r.text, /data-token/);
}

describe('sign-in attempt limits', () => {
  test('defaults: 10 failed attempts per email per 15 minutes, 3× per address, 10 sign-ups per hour; configurable', () => {
    const d = loadConfig({});
    assert.equal(d.loginsPer15Min, 10);
    assert.equal(d.signupsPerHour, 10);
    const c = loadConfig({ HEARTH_RATE_LIMIT_LOGINS_PER_15_MIN: '4', HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR: '2' });
    assert.equal(c.loginsPer15Min, 4);
    assert.equal(c.signupsPerHour, 2);
    assert.throws(() => loadConfig({ HEARTH_RATE_LIMIT_LOGINS_PER_15_MIN: '0' }), /HEARTH_RATE_LIMIT_LOGINS_PER_15_MIN/);
    assert.throws(() => loadConfig({ HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR: 'many' }), /HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR/);
  });

  test('the 11th failed attempt for an email: 429, Retry-After, the message, the email kept; even the right password is refused; time lifts it', async () => {
    const t = createTestApp();
    for (let i = 0; i < 10; i++) assert.equal((await login(t, DEMO_USER.email, `wrong-${i}`)).status, 401, `attempt ${i + 1}`);
    let r = await login(t, DEMO_USER.email, 'wrong-again');
    assertLocked(r, DEMO_USER.email, 15);
    assert.equal(r.headers.get('retry-after'), '900');
    // The right password during the lock: the same answer (no oracle).
    const right = await login(t, DEMO_USER.email, DEMO_USER.password);
    assertLocked(right, DEMO_USER.email, 15);
    assert.equal(right.text, r.text);
    // The email is normalized: another spelling is the same email.
    assertLocked(await login(t, '  DEMO@Example.COM ', DEMO_USER.password), 'DEMO@Example.COM', 15);
    // Refused attempts do not extend the lock: 5 minutes on, 10 remain.
    later(t, 5 * 60_000);
    r = await login(t, DEMO_USER.email, DEMO_USER.password);
    assertLocked(r, DEMO_USER.email, 10);
    assert.equal(r.headers.get('retry-after'), '600');
    // Once the window has passed, the right password signs in.
    later(t, 10 * 60_000);
    r = await login(t, DEMO_USER.email, DEMO_USER.password);
    assert.equal(r.status, 303);
    assert.ok(r.headers.get('set-cookie'));
  });

  test('unknown emails are limited the same way, with the same words', async () => {
    const t = createTestApp();
    const nobody = 'nobody@example.org';
    for (let i = 0; i < 10; i++) assert.equal((await login(t, nobody, `guess-${i}`)).status, 401);
    for (let i = 0; i < 10; i++) assert.equal((await login(t, DEMO_USER.email, `guess-${i}`, '10.0.0.2')).status, 401);
    const unknown = await login(t, nobody, 'guess');
    const known = await login(t, DEMO_USER.email, 'guess', '10.0.0.2');
    assertLocked(unknown, nobody, 15);
    assertLocked(known, DEMO_USER.email, 15);
    assert.equal(unknown.text.replace(nobody, 'X'), known.text.replace(DEMO_USER.email, 'X'));
    assert.equal(unknown.headers.get('retry-after'), known.headers.get('retry-after'));
  });

  test('a locked email does not affect other emails from another address', async () => {
    const t = createTestApp();
    for (let i = 0; i < 11; i++) await login(t, DEMO_USER.email, `wrong-${i}`, '10.0.0.1');
    assertLocked(await login(t, DEMO_USER.email, 'x', '10.0.0.1'), DEMO_USER.email, 15);
    assert.equal((await signup(t, 'other@example.org', '10.0.0.2')).status, 303);
    assert.equal((await login(t, 'other@example.org', 'wrong', '10.0.0.2')).status, 401);
    assert.equal((await login(t, 'other@example.org', 'long enough', '10.0.0.2')).status, 303);
  });

  test('a successful sign-in clears the email count, not the address count', async () => {
    const t = createTestApp({ config: { loginsPer15Min: 2 } }); // 2 per email, 6 per address
    const ip = '10.0.0.7';
    assert.equal((await login(t, DEMO_USER.email, 'wrong', ip)).status, 401);
    assert.equal((await login(t, DEMO_USER.email, 'wrong', ip)).status, 401);
    assertLocked(await login(t, DEMO_USER.email, DEMO_USER.password, ip), DEMO_USER.email, 15);
    // From another address: still locked (per email); then time passes and it signs in.
    assertLocked(await login(t, DEMO_USER.email, DEMO_USER.password, '10.0.0.8'), DEMO_USER.email, 15);
    later(t, 15 * 60_000);
    assert.equal((await login(t, DEMO_USER.email, 'wrong', ip)).status, 401);
    assert.equal((await login(t, DEMO_USER.email, DEMO_USER.password, ip)).status, 303);
    // The email's count starts again from zero: two more failures before the lock.
    assert.equal((await login(t, DEMO_USER.email, 'wrong', ip)).status, 401);
    assert.equal((await login(t, DEMO_USER.email, 'wrong', ip)).status, 401);
    assertLocked(await login(t, DEMO_USER.email, 'wrong', ip), DEMO_USER.email, 15);
    // The address has 3 failures in this window (the success did not count, nor clear them).
    assert.equal((await login(t, 'a@example.org', 'wrong', ip)).status, 401);
    assert.equal((await login(t, 'b@example.org', 'wrong', ip)).status, 401);
    assert.equal((await login(t, 'c@example.org', 'wrong', ip)).status, 401);
    assertLocked(await login(t, 'd@example.org', 'wrong', ip), 'd@example.org', 15);
  });

  test('per address: 30 failed attempts across many emails, then 429 for any email from that address only', async () => {
    const t = createTestApp();
    const ip = '192.0.2.9';
    for (let i = 0; i < 30; i++) assert.equal((await login(t, `user${i}@example.org`, 'guess', ip)).status, 401, `attempt ${i + 1}`);
    assertLocked(await login(t, 'fresh@example.org', 'guess', ip), 'fresh@example.org', 15);
    // Even the right password for an untouched account, from that address.
    assertLocked(await login(t, DEMO_USER.email, DEMO_USER.password, ip), DEMO_USER.email, 15);
    // Another address is not affected.
    assert.equal((await login(t, 'fresh@example.org', 'guess', '192.0.2.10')).status, 401);
    assert.equal((await login(t, DEMO_USER.email, DEMO_USER.password, '192.0.2.10')).status, 303);
    later(t, 15 * 60_000);
    assert.equal((await login(t, DEMO_USER.email, DEMO_USER.password, ip)).status, 303);
  });

  test('behind a trusted proxy the address is the X-Forwarded-For entry the proxy added', async () => {
    const t = createTestApp({ config: { loginsPer15Min: 1, trustProxy: true } }); // 3 per address
    const via = (xff: string) => ({ 'X-Forwarded-For': xff });
    for (const e of ['a', 'b', 'c']) assert.equal((await login(t, `${e}@example.org`, 'x', '10.1.1.1', via('203.0.113.5'))).status, 401);
    // A spoofed first entry does not change the address the proxy saw.
    assertLocked(await login(t, 'd@example.org', 'x', '10.1.1.1', via('6.6.6.6, 203.0.113.5')), 'd@example.org', 15);
    assert.equal((await login(t, 'd@example.org', 'x', '10.1.1.1', via('203.0.113.6'))).status, 401);
  });

  test('parallel guesses cannot get past the limit', async () => {
    const t = createTestApp({ config: { loginsPer15Min: 3 } });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => login(t, DEMO_USER.email, `wrong-${i}`)));
    assert.deepEqual(answers.map((a) => a.status).sort(), [401, 401, 401, 429, 429, 429, 429, 429]);
  });
});

describe('sign-up limit', () => {
  test('10 sign-ups per address per hour; then 429 with Retry-After and the fields kept; other addresses and time unaffected', async () => {
    const t = createTestApp();
    const ip = '198.51.100.4';
    for (let i = 0; i < 9; i++) assert.equal((await signup(t, `new${i}@example.org`, ip)).status, 303);
    // An email registered already counts too (no free enumeration).
    assert.equal((await signup(t, DEMO_USER.email, ip)).status, 422);
    const r = await signup(t, 'new10@example.org', ip);
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '3600');
    assert.match(r.text, /role="alert"/);
    assert.equal(summary(r.text), 'Too many accounts have been created from your network recently. Please try again in 60 minutes.');
    assert.ok(r.text.includes('value="new10@example.org"'));
    assert.ok(r.text.includes('value="Lee Reader"'));
    assert.doesNotMatch(r.text, /long enough/);
    assert.equal(r.headers.get('set-cookie'), null);
    // Invalid forms are answered 422 as before (they cost nothing).
    assert.equal((await checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ name: '', email: 'x', password: '' }, ip)))).status, 422);
    assert.equal((await signup(t, 'elsewhere@example.org', '198.51.100.5')).status, 303);
    later(t, 3_600_000);
    assert.equal((await signup(t, 'new10@example.org', ip)).status, 303);
  });
});
