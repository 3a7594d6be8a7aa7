// Limits on sign-in attempts over HTTP (per email and client address PAIR with growing delays, per
// address, successes per account; the throttle itself: login-throttle.test.ts) and on sign-ups.
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
  checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ name: 'Lee Reader', email, password: 'a long enough passphrase' }, ip)));

const later = (t: TestApp, ms: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + ms);
};

/** The error summary's message (the text of its list item). */
const summary = (html: string) => /<div class="error-summary"[^>]*role="alert"[^]*?<li>([^<]*)<\/li>/.exec(html)?.[1];

function assertPaused(r: Checked, email: string, seconds: number) {
  assert.equal(r.status, 429, r.text.slice(0, 300));
  assert.equal(r.headers.get('retry-after'), String(seconds));
  assert.match(r.text, /role="alert"/);
  const when = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;
  assert.equal(summary(r.text), `There have been too many attempts to sign in, so signing in is paused for now. Please try again in ${when}.`);
  assert.ok(r.text.includes(`value="${email}"`), 'the typed email is kept');
  assert.equal(r.headers.get('set-cookie'), null);
  assert.doesNotMatch(r.text, /data-code/);
}

/** Fails `n` times for `email` from `ip`, waiting out each delay: returns the delay (s) the last failure started. */
async function failAfterDelays(t: TestApp, email: string, ip: string, n: number): Promise<number> {
  let wait = 0;
  for (let i = 0; i < n; i++) {
    let r = await login(t, email, `wrong-${i}`, ip);
    if (r.status === 429) {
      wait = Number(r.headers.get('retry-after'));
      later(t, wait * 1000);
      r = await login(t, email, `wrong-${i}`, ip);
    }
    assert.equal(r.status, 401, `failure ${i + 1}`);
  }
  return wait;
}

describe('sign-in attempt limits', () => {
  test('defaults and settings: 5 free failures per pair, delays up to 15 minutes, 100 failures per address, 20 sign-ins per account, 10 sign-ups per hour', () => {
    const d = loadConfig({});
    assert.deepEqual([d.loginFreeFailures, d.loginMaxDelaySeconds, d.loginFailuresPerAddressPer15Min, d.loginsPerAccountPer15Min, d.signupsPerHour], [5, 900, 100, 20, 10]);
    const c = loadConfig({ HEARTH_LOGIN_FREE_FAILURES: '3', HEARTH_RATE_LIMIT_LOGINS_PER_ACCOUNT_PER_15_MIN: '4', HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR: '2' });
    assert.deepEqual([c.loginFreeFailures, c.loginsPerAccountPer15Min, c.signupsPerHour], [3, 4, 2]);
    assert.throws(() => loadConfig({ HEARTH_LOGIN_FREE_FAILURES: '0' }), /HEARTH_LOGIN_FREE_FAILURES/);
    assert.throws(() => loadConfig({ HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR: 'many' }), /HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR/);
  });

  test('after 5 failures from one address the next attempt waits 1 s, then 2 s, 4 s …; even the right password is refused meanwhile; then it signs in', async () => {
    const t = await createTestApp();
    const ip = '10.0.0.1';
    for (let i = 0; i < 5; i++) assert.equal((await login(t, DEMO_USER.email, `wrong-${i}`, ip)).status, 401);
    assertPaused(await login(t, DEMO_USER.email, 'wrong', ip), DEMO_USER.email, 1);
    const right = await login(t, DEMO_USER.email, DEMO_USER.password, ip);
    assertPaused(right, DEMO_USER.email, 1);
    // The email is normalized: another spelling is the same pair.
    assertPaused(await login(t, '  DEMO@Example.COM ', DEMO_USER.password, ip), 'DEMO@Example.COM', 1);
    later(t, 1000);
    assert.equal((await login(t, DEMO_USER.email, 'wrong', ip)).status, 401);
    assertPaused(await login(t, DEMO_USER.email, DEMO_USER.password, ip), DEMO_USER.email, 2);
    later(t, 2000);
    const ok = await login(t, DEMO_USER.email, DEMO_USER.password, ip);
    assert.equal(ok.status, 303);
    assert.ok(ok.headers.get('set-cookie'));
    // The success cleared the pair: five free failures again.
    for (let i = 0; i < 5; i++) assert.equal((await login(t, DEMO_USER.email, `again-${i}`, ip)).status, 401);
  });

  test('an attacker elsewhere cannot lock the owner out: 50 failures from address A, the owner signs in from address B at once', async () => {
    const t = await createTestApp();
    const last = await failAfterDelays(t, DEMO_USER.email, '203.0.113.66', 50);
    assert.equal(last, 900, 'the attacker’s delay has grown to the 15-minute cap');
    assertPaused(await login(t, DEMO_USER.email, DEMO_USER.password, '203.0.113.66'), DEMO_USER.email, 900);
    const owner = await login(t, DEMO_USER.email, DEMO_USER.password, '198.51.100.20');
    assert.equal(owner.status, 303, 'the owner is not locked out');
  });

  test('unknown emails are paused the same way, with the same words', async () => {
    const t = await createTestApp();
    const nobody = 'nobody@example.org';
    for (let i = 0; i < 5; i++) assert.equal((await login(t, nobody, `guess-${i}`)).status, 401);
    for (let i = 0; i < 5; i++) assert.equal((await login(t, DEMO_USER.email, `guess-${i}`)).status, 401);
    const unknown = await login(t, nobody, 'guess');
    const known = await login(t, DEMO_USER.email, 'guess');
    assertPaused(unknown, nobody, 1);
    assertPaused(known, DEMO_USER.email, 1);
    assert.equal(unknown.text.replace(nobody, 'X'), known.text.replace(DEMO_USER.email, 'X'));
  });

  test('per address: 100 failed attempts across many emails per 15 minutes, then 429 for any email from that address only', async () => {
    const t = await createTestApp();
    const ip = '192.0.2.9';
    for (let i = 0; i < 100; i++) assert.equal((await login(t, `user${i}@example.org`, 'guess', ip)).status, 401, `attempt ${i + 1}`);
    const r = await login(t, DEMO_USER.email, DEMO_USER.password, ip);
    assert.equal(r.status, 429);
    assert.equal((await login(t, DEMO_USER.email, DEMO_USER.password, '192.0.2.10')).status, 303, 'another address is not affected');
    later(t, 15 * 60_000);
    assert.equal((await login(t, DEMO_USER.email, DEMO_USER.password, ip)).status, 303);
  });

  test('successful sign-ins are limited per account (a known password cannot mint sessions without end)', async () => {
    const t = await createTestApp({ config: { loginsPerAccountPer15Min: 3 } });
    for (let i = 0; i < 3; i++) assert.equal((await login(t, DEMO_USER.email, DEMO_USER.password, `10.9.0.${i}`)).status, 303);
    const r = await login(t, DEMO_USER.email, DEMO_USER.password, '10.9.0.9');
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('set-cookie'), null);
    later(t, 15 * 60_000);
    assert.equal((await login(t, DEMO_USER.email, DEMO_USER.password, '10.9.0.9')).status, 303);
  });

  test('behind a trusted proxy the address is the X-Forwarded-For entry the proxy added', async () => {
    const t = await createTestApp({ config: { loginFreeFailures: 1, trustProxy: true } });
    const via = (xff: string) => ({ 'X-Forwarded-For': xff });
    assert.equal((await login(t, 'a@example.org', 'x', '10.1.1.1', via('203.0.113.5'))).status, 401);
    // A spoofed first entry does not change the address the proxy saw.
    assert.equal((await login(t, 'a@example.org', 'x', '10.1.1.1', via('6.6.6.6, 203.0.113.5'))).status, 429);
    assert.equal((await login(t, 'a@example.org', 'x', '10.1.1.1', via('203.0.113.6'))).status, 401);
  });

  test('parallel guesses cannot get past the free failures', async () => {
    const t = await createTestApp();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => login(t, DEMO_USER.email, `wrong-${i}`)));
    assert.deepEqual(answers.map((a) => a.status).sort(), [401, 401, 401, 401, 401, 429, 429, 429]);
  });
});

describe('sign-up limit and rules', () => {
  test('10 sign-ups per address per hour; then 429 with Retry-After and the fields kept; other addresses and time unaffected', async () => {
    const t = await createTestApp();
    const ip = '198.51.100.4';
    for (let i = 0; i < 9; i++) assert.equal((await signup(t, `new${i}@example.org`, ip)).status, 200);
    // An email registered already counts too (no free enumeration), answered alike.
    assert.equal((await signup(t, DEMO_USER.email, ip)).status, 200);
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
    assert.equal((await signup(t, 'elsewhere@example.org', '198.51.100.5')).status, 200);
    later(t, 3_600_000);
    assert.equal((await signup(t, 'new10@example.org', ip)).status, 200);
  });

  test('a common password is refused with a reason; so is a name with bidirectional overrides or line separators', async () => {
    const t = await createTestApp();
    const send = (fields: Record<string, string>) => call(t, 'POST', '/signup', form({ name: 'Lee Reader', email: 'lee@example.org', password: 'a long enough passphrase', ...fields })).then((r) => checkResponse('POST', '/signup', r));
    for (const password of ['password', 'iloveyou', 'Password1', 'qwertyuiop']) {
      const r = await send({ password });
      assert.equal(r.status, 422, password);
      assert.match(r.text, /most common ones/);
    }
    for (const name of ['Lee\u202Egnp.exe', 'Lee\u2066x', 'Lee\u2028Reader', 'Lee\u0007']) {
      const r = await send({ name });
      assert.equal(r.status, 422, JSON.stringify(name));
      assert.match(r.text, /href="#name"/);
    }
    assert.equal((await send({})).status, 200);
  });
});
