// GET /desk (issue 12): signed out → the sign-in page, which returns here; a visitor → 403 "for the
// care team" with a sign-out form; staff → the page hosting <hearth-desk>, under a strict CSP with
// Trusted Types, the name escaped; /desk.css; staff signing in at /login?return=/desk land on /desk.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, checked, createTestApp, ORIGIN, PARTNER, signInBearer, signInCookie, type TestApp } from './helpers.js';
import { DEMO_ADMIN, DEMO_SPECIALIST_USER } from '../../server/src/seed.js';
import { hashPasswordSync } from '../../server/src/passwords.js';

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, ...headers },
});

/** Signs in through the form (`return` optional); returns the answer and its cookie. */
async function signIn(t: TestApp, email: string, password: string, ret?: string) {
  const res = await call(t, 'POST', '/login', form({ email, password, ...(ret ? { return: ret } : {}) }));
  assert.equal(res.status, 303);
  return { location: res.headers.get('location'), cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

describe('GET /desk', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });

  test('signed out (or with a bearer token only): 303 to /login?return=/desk', async () => {
    const none = await checked(t, 'GET', '/desk', '/desk');
    assert.equal(none.status, 303);
    assert.equal(none.headers.get('location'), '/login?return=/desk');
    const token = await signInBearer(t, PARTNER, { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password });
    const bearer = await checked(t, 'GET', '/desk', '/desk', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(bearer.status, 303);
    const expired = await checked(t, 'GET', '/desk', '/desk', { headers: { Cookie: 'hearth_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    assert.equal(expired.status, 303);
  });

  test('the sign-in page returns staff to /desk', async () => {
    const page = await call(t, 'GET', '/login?return=/desk');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /name="return" value="\/desk"/);
    const { location, cookie } = await signIn(t, DEMO_SPECIALIST_USER.email, DEMO_SPECIALIST_USER.password, '/desk');
    assert.equal(location, '/desk');
    // Signed in already: the sign-in page goes straight on.
    const again = await call(t, 'GET', '/login?return=/desk', { headers: { Cookie: cookie } });
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), '/desk');
  });

  test('a visitor: 403, "This page is for the care team", with a sign-out form back to /login?return=/desk', async () => {
    const cookie = await signInCookie(t);
    const r = await checked(t, 'GET', '/desk', '/desk', { headers: { Cookie: cookie } });
    assert.equal(r.status, 403);
    assert.match(r.text, /<h1>This page is for the care team<\/h1>/);
    assert.match(r.text, /<form method="post" action="\/logout">\s*<input type="hidden" name="return" value="\/desk">/);
    assert.ok(!r.text.includes('hearth-desk'));
    const out = await checked(t, 'POST', '/logout', '/logout', form({ return: '/desk' }, { Cookie: cookie }));
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/login?return=%2Fdesk');
    assert.match(out.headers.get('set-cookie') ?? '', /Max-Age=0/);
    assert.equal((await call(t, 'GET', '/desk', { headers: { Cookie: cookie } })).status, 303, 'signed out');
  });

  test('staff: the page with <hearth-desk api="/api">, the desk bundle and /desk.css, under a strict CSP with Trusted Types', async () => {
    for (const [email, password] of [[DEMO_ADMIN.email, DEMO_ADMIN.password], [DEMO_SPECIALIST_USER.email, DEMO_SPECIALIST_USER.password]]) {
      const { cookie } = await signIn(t, email!, password!);
      const r = await checked(t, 'GET', '/desk', '/desk', { headers: { Cookie: cookie } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.match(r.text, /<title>Care team · hearth<\/title>/);
      assert.match(r.text, /<script type="module" src="\/dist\/hearth-desk\.js"><\/script>/);
      assert.match(r.text, /<link rel="stylesheet" href="\/desk\.css">/);
      assert.match(r.text, /<main>\s*<h1 class="visually-hidden">Care team<\/h1>\s*<hearth-desk api="\/api"><\/hearth-desk>\s*<\/main>/);
      assert.match(r.text, /Signed in as <strong>[^<]+<\/strong>/);
      assert.match(r.text, /<form method="post" action="\/logout" class="sign-out">\s*<input type="hidden" name="return" value="\/desk">\s*<button type="submit" class="link">Sign out<\/button>/);
      assert.ok(!/<script>|<style|style=/.test(r.text), 'no inline script or style');
      const csp = r.headers.get('content-security-policy') ?? '';
      for (const d of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "require-trusted-types-for 'script'"]) assert.ok(csp.includes(d), d);
      assert.ok(!csp.includes('unsafe'), csp);
      assert.equal(r.headers.get('cross-origin-opener-policy'), 'same-origin');
    }
  });

  test('the name is escaped', async () => {
    const password = 'plum tractor lantern';
    await t.store.accounts.createUser({ id: 'staff-x', email: 'x@clinic.example', name: '<img src=x onerror=alert(1)> & "Co"', passwordHash: hashPasswordSync(password), createdAt: '2026-05-01T00:00:00Z', role: 'admin' });
    const { cookie } = await signIn(t, 'x@clinic.example', password);
    const r = await call(t, 'GET', '/desk', { headers: { Cookie: cookie } });
    const text = await r.text();
    assert.ok(text.includes('Signed in as <strong>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;</strong>'));
    assert.ok(!text.includes('<img'));
  });

  test('/desk.css: a stylesheet aware of dark mode', async () => {
    const r = await call(t, 'GET', '/desk.css');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/css/);
    const css = await r.text();
    assert.match(css, /color-scheme: light dark/);
    assert.match(css, /@media \(prefers-color-scheme: dark\)/);
    assert.match(css, /\.visually-hidden/);
  });
});
