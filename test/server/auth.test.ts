import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, checked, createTestApp, DEMO_USER, ORIGIN, PARTNER, signInBearer, signInCookie } from './helpers.js';
import { checkResponse } from './contract.js';
import { PAGE_CSP } from '../../server/src/security.js';

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
});

describe('GET /api/session', () => {
  test('signed out: user null and absolute login/signup URLs', async () => {
    const t = createTestApp();
    const r = await checked(t, 'GET', '/api/session', '/api/session');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { user: null, loginUrl: `${ORIGIN}/login`, signupUrl: `${ORIGIN}/signup` });
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });

  test('HEARTH_PUBLIC_URL sets the absolute URLs', async () => {
    const t = createTestApp({ config: { publicUrl: 'https://care.example' } });
    const r = await checked(t, 'GET', '/api/session', '/api/session');
    assert.equal(r.body.loginUrl, 'https://care.example/login');
  });

  test('cookie session', async () => {
    const t = createTestApp();
    const cookie = await signInCookie(t);
    const r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } });
    assert.equal(r.body.user.name, 'Demo Visitor');
    assert.deepEqual(Object.keys(r.body.user).sort(), ['id', 'name']);
  });

  test('bearer session; an unknown or malformed bearer is signed out', async () => {
    const t = createTestApp();
    const token = await signInBearer(t);
    let r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(r.body.user.name, 'Demo Visitor');
    r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${'x'.repeat(43)}` } });
    assert.equal(r.body.user, null);
    r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: 'Basic Zm9vOmJhcg==' } });
    assert.equal(r.body.user, null);
  });

  test('the bearer token expires after 2 hours', async () => {
    const t = createTestApp();
    const token = await signInBearer(t);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 3_600_000 + 1000);
    const r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(r.body.user, null);
  });
});

describe('/login', () => {
  test('the page: labels, autocomplete, no inline script or style, page CSP', async () => {
    const t = createTestApp();
    const res = await call(t, 'GET', '/login');
    assert.equal(res.headers.get('content-security-policy'), "default-src 'self'; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
    const { text: html } = await checkResponse('GET', '/login', res);
    assert.match(html, /<label for="email">/);
    assert.match(html, /<label for="password">/);
    assert.match(html, /autocomplete="username"/);
    assert.match(html, /autocomplete="current-password"/);
    assert.match(html, /<link rel="stylesheet" href="\/auth.css">/);
    assert.match(html, /<script src="\/auth.js" defer><\/script>/);
    assert.doesNotMatch(html, /<script>|<style|style=|\son[a-z]+=/i);
    assert.doesNotMatch(html, /https?:\/\//, 'no third-party assets');
  });

  test('/auth.js and /auth.css are served same-origin', async () => {
    const t = createTestApp();
    const js = await call(t, 'GET', '/auth.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /^text\/javascript/);
    const src = await js.text();
    assert.match(src, /postMessage\(\{ type: 'hearth:session', token: token \}, origin\)/);
    assert.doesNotMatch(src, /'\*'/, 'never targetOrigin "*"');
    const css = await call(t, 'GET', '/auth.css');
    assert.match(css.headers.get('content-type')!, /^text\/css/);
  });

  test('sign-in sets an HttpOnly SameSite=Lax cookie and redirects to a same-origin return path', async () => {
    const t = createTestApp();
    const res = await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, return: '/essay?x=1#refs' }));
    const r = await checkResponse('POST', '/login', res);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/essay?x=1#refs');
    const cookie = r.headers.get('set-cookie')!;
    assert.match(cookie, /^hearth_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    assert.doesNotMatch(cookie, /Secure/);
    // Only a hash of the token is stored.
    const token = /hearth_session=([^;]+)/.exec(cookie)![1]!;
    const rows = t.store.db.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
    assert.ok(rows.length >= 1);
    assert.ok(!rows.includes(token));
  });

  test('Secure cookie over HTTPS', async () => {
    const t = createTestApp();
    const res = await t.app.request('https://hearth.test/login', {
      method: 'POST',
      ...form({ email: DEMO_USER.email, password: DEMO_USER.password }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://hearth.test' },
    });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('set-cookie')!, /; Secure/);
  });

  test('no open redirect: foreign return paths fall back to /', async () => {
    const t = createTestApp();
    for (const ret of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/%0d%0aSet-Cookie:x', 'evil']) {
      const res = await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, return: ret }));
      assert.equal(res.status, 303, ret);
      const location = res.headers.get('location')!;
      assert.ok(location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\'), `${ret} → ${location}`);
      assert.ok(!/evil|javascript/.test(location) || location.startsWith('/%0'), `${ret} → ${location}`);
    }
  });

  test('popup blocked on an allowlisted site: 303 back to its page with a bearer token in the fragment', async () => {
    const t = createTestApp();
    const ret = `${PARTNER}/essay?x=1#old-hash`;
    const page = await checkResponse('GET', '/login', await call(t, 'GET', `/login?return=${encodeURIComponent(ret)}`));
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(`name="return" value="${PARTNER}/essay?x=1"`), 'the form carries the URL (without its fragment)');
    assert.ok(page.text.includes(`href="/signup?return=${encodeURIComponent(`${PARTNER}/essay?x=1`)}"`), 'and so does the sign-up link');
    // Browsers apply form-action to the form's redirect: the page allows exactly that site too.
    assert.equal(page.headers.get('content-security-policy'), PAGE_CSP.replace("form-action 'self'", `form-action 'self' ${PARTNER}`));
    assert.equal((await call(t, 'GET', '/login?return=/x')).headers.get('content-security-policy'), PAGE_CSP);
    const r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, return: ret })));
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const location = r.headers.get('location')!;
    const m = /^https:\/\/partner\.example\/essay\?x=1#hearth-token=([A-Za-z0-9_-]{43})$/.exec(location);
    assert.ok(m, location);
    const s = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${m[1]}` } });
    assert.equal(s.body.user.id, 'demo-visitor');
    // A bearer token (2 hours), not the cookie's.
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 3_600_000 + 1000);
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${m[1]}` } })).body.user, null);
  });

  test('return URL on an allowlisted site: signup, and a visitor signed in by cookie, get the token redirect too', async () => {
    const t = createTestApp();
    const ret = `${PARTNER}/page`;
    let r = await checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ name: 'Cy', email: 'cy@example.org', password: 'long enough', return: ret })));
    assert.equal(r.status, 303);
    assert.match(r.headers.get('location')!, /^https:\/\/partner\.example\/page#hearth-token=[A-Za-z0-9_-]{43}$/);
    const cookie = await signInCookie(t);
    r = await checkResponse('GET', '/login', await call(t, 'GET', `/login?return=${encodeURIComponent(ret)}`, { headers: { Cookie: cookie } }));
    assert.equal(r.status, 303);
    const token = /#hearth-token=(.+)$/.exec(r.headers.get('location')!)![1]!;
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${token}` } })).body.user.id, 'demo-visitor');
  });

  test('return URLs that are not allowlisted, not http(s), or odd go to / without a token; own-origin ones keep the path', async () => {
    const t = createTestApp();
    const cases: Array<[string, string]> = [
      ['https://evil.example/x', '/'],
      [`${PARTNER}.evil.example/x`, '/'],
      [`http://partner.example/x`, '/'], // another scheme: another origin
      [`https://user:pw@partner.example/x`, '/'],
      ['javascript:alert(1)', '/'],
      [`javascript://partner.example/%0aalert(1)`, '/'],
      ['data:text/html,<script>alert(1)</script>', '/'],
      [`//partner.example/x`, '/'],
      [`${PARTNER}/x\n`, '/'],
      [`${ORIGIN}/essay?y=2#frag`, '/essay?y=2'],
      [`${ORIGIN}//evil.example/x`, '/'],
      ['/same/path?z=3#h', '/same/path?z=3#h'],
    ];
    for (const [ret, want] of cases) {
      const r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, return: ret })));
      assert.equal(r.status, 303, ret);
      assert.equal(r.headers.get('location'), want, ret);
      const page = await checkResponse('GET', '/login', await call(t, 'GET', `/login?return=${encodeURIComponent(ret)}`));
      assert.doesNotMatch(page.text, /evil|javascript|data:/, ret);
    }
  });

  test('wrong password: 401 page with an error summary (role=alert) and the email kept', async () => {
    const t = createTestApp();
    const res = await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: 'nope' }));
    const r = await checkResponse('POST', '/login', res);
    assert.equal(r.status, 401);
    assert.match(r.text, /role="alert"/);
    assert.match(r.text, /aria-invalid="true"/);
    assert.match(r.text, /value="demo@example.com"/);
    assert.equal(r.headers.get('set-cookie'), null);
  });

  test('unknown account: the same 401', async () => {
    const t = createTestApp();
    const r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: 'who@example.org', password: 'whatever1' })));
    assert.equal(r.status, 401);
  });

  test('missing fields: 422 page listing each', async () => {
    const t = createTestApp();
    const r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: '', password: '' })));
    assert.equal(r.status, 422);
    assert.match(r.text, /href="#email"/);
    assert.match(r.text, /href="#password"/);
  });

  test('cross-site form post: 403; wrong content type: 415', async () => {
    const t = createTestApp();
    let res = await call(t, 'POST', '/login', {
      ...form({ email: DEMO_USER.email, password: DEMO_USER.password }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
    });
    assert.equal((await checkResponse('POST', '/login', res)).status, 403);
    // A browser's same-origin form post under Referrer-Policy: no-referrer carries Origin: null.
    res = await call(t, 'POST', '/login', {
      ...form({ email: DEMO_USER.email, password: DEMO_USER.password }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null', 'Sec-Fetch-Site': 'same-origin' },
    });
    assert.equal((await checkResponse('POST', '/login', res)).status, 303);
    res = await call(t, 'POST', '/login', {
      ...form({ email: DEMO_USER.email, password: DEMO_USER.password }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
    });
    assert.equal((await checkResponse('POST', '/login', res)).status, 403);
    res = await call(t, 'POST', '/login', { json: { email: DEMO_USER.email }, headers: { Origin: ORIGIN } });
    assert.equal((await checkResponse('POST', '/login', res)).status, 415);
    res = await call(t, 'POST', '/login', { ...form({ email: 'x'.repeat(17_000), password: 'y' }) });
    assert.equal((await checkResponse('POST', '/login', res)).status, 413);
  });

  test('popup: the token page carries the token and the exact origin for /auth.js', async () => {
    const t = createTestApp();
    let res = await call(t, 'GET', `/login?origin=${encodeURIComponent(PARTNER)}`);
    let r = await checkResponse('GET', '/login', res);
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`name="origin" value="${PARTNER}"`));
    res = await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, origin: PARTNER }));
    r = await checkResponse('POST', '/login', res);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const origin = /data-origin="([^"]+)"/.exec(r.text)?.[1];
    const token = /data-token="([^"]+)"/.exec(r.text)?.[1];
    assert.equal(origin, PARTNER);
    assert.match(token!, /^[A-Za-z0-9_-]{43}$/);
    assert.doesNotMatch(r.text, /<script>/);
    const s = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(s.body.user.id, 'demo-visitor');
  });

  test('popup from a site that is not allowlisted: 400, no token, not even after a correct sign-in', async () => {
    const t = createTestApp();
    const evil = 'https://evil.example';
    let r = await checkResponse('GET', '/login', await call(t, 'GET', `/login?origin=${encodeURIComponent(evil)}`));
    assert.equal(r.status, 400);
    assert.doesNotMatch(r.text, /data-token|evil\.example/);
    r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, origin: evil })));
    assert.equal(r.status, 400);
    assert.doesNotMatch(r.text, /data-token/);
    assert.equal(r.headers.get('set-cookie'), null);
    // An origin with a path or a lookalike is not the allowlisted origin either.
    for (const o of [`${PARTNER}.evil.example`, `${PARTNER}/x`, 'null', 'partner.example']) {
      r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, origin: o })));
      assert.equal(r.status, 400, o);
      assert.doesNotMatch(r.text, /data-token/);
    }
  });

  test('popup while signed in by cookie: the token page at once', async () => {
    const t = createTestApp();
    const cookie = await signInCookie(t);
    const r = await checkResponse('GET', '/login', await call(t, 'GET', `/login?origin=${encodeURIComponent(PARTNER)}`, { headers: { Cookie: cookie } }));
    assert.equal(r.status, 200);
    assert.match(r.text, /data-token="[A-Za-z0-9_-]{43}"/);
    const again = await checkResponse('GET', '/login', await call(t, 'GET', '/login?return=/x', { headers: { Cookie: cookie } }));
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), '/x');
  });
});

describe('/signup', () => {
  const valid = { name: 'Bo Reader', email: 'bo@example.org', password: 'correct horse' };

  test('the page: labels and autocomplete', async () => {
    const t = createTestApp();
    const r = await checkResponse('GET', '/signup', await call(t, 'GET', '/signup?return=/a'));
    assert.equal(r.status, 200);
    for (const a of ['autocomplete="name"', 'autocomplete="email"', 'autocomplete="new-password"', '<label for="name">', 'name="return" value="/a"'])
      assert.ok(r.text.includes(a), a);
  });

  test('creates an account, signs in, and the password is hashed with scrypt', async () => {
    const t = createTestApp();
    const r = await checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form(valid)));
    assert.equal(r.status, 303);
    const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const s = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } });
    assert.equal(s.body.user.name, 'Bo Reader');
    const hash = t.store.db.prepare('SELECT password_hash FROM users WHERE email = ?').pluck().get('bo@example.org') as string;
    assert.match(hash, /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    assert.ok(!hash.includes(valid.password));
  });

  test('validation: 422 with an error per field; existing email refused', async () => {
    const t = createTestApp();
    let r = await checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ name: '', email: 'nope', password: 'short' })));
    assert.equal(r.status, 422);
    assert.match(r.text, /role="alert"/);
    for (const f of ['name', 'email', 'password']) {
      assert.match(r.text, new RegExp(`href="#${f}"`));
      assert.match(r.text, new RegExp(`id="${f}-error"`));
    }
    assert.match(r.text, /value="nope"/);
    assert.doesNotMatch(r.text, /value="short"/, 'the password is never echoed');
    r = await checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ ...valid, name: 'x'.repeat(101) })));
    assert.equal(r.status, 422);
    r = await checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ ...valid, email: DEMO_USER.email.toUpperCase() })));
    assert.equal(r.status, 422);
    assert.match(r.text, /exists already/);
  });

  test('popup signup hands out a token too', async () => {
    const t = createTestApp();
    const r = await checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ ...valid, origin: PARTNER })));
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`data-origin="${PARTNER}"`));
  });

  test('HTML is escaped', async () => {
    const t = createTestApp();
    const r = await checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ name: '<img src=x onerror=alert(1)>', email: '"><script>', password: 'x' })));
    assert.equal(r.status, 422);
    assert.doesNotMatch(r.text, /<img src=x|"><script>/);
    assert.match(r.text, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});

describe('POST /api/logout', () => {
  test('cookie: ends the session and clears the cookie', async () => {
    const t = createTestApp();
    const cookie = await signInCookie(t);
    const r = await checked(t, 'POST', '/api/logout', '/api/logout', { headers: { Cookie: cookie, Origin: ORIGIN } });
    assert.equal(r.status, 204);
    assert.match(r.headers.get('set-cookie')!, /hearth_session=; .*Max-Age=0/);
    const s = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } });
    assert.equal(s.body.user, null);
  });

  test('bearer: ends that token', async () => {
    const t = createTestApp();
    const token = await signInBearer(t);
    const auth = { Authorization: `Bearer ${token}` };
    assert.equal((await checked(t, 'POST', '/api/logout', '/api/logout', { headers: auth })).status, 204);
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: auth })).body.user, null);
  });

  test('signed out: 204 anyway', async () => {
    const t = createTestApp();
    assert.equal((await checked(t, 'POST', '/api/logout', '/api/logout')).status, 204);
  });

  test('cookie logout from a foreign origin: 403 (CSRF)', async () => {
    const t = createTestApp();
    const cookie = await signInCookie(t);
    const r = await checked(t, 'POST', '/api/logout', '/api/logout', { headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    assert.equal(r.status, 403);
    assert.equal(r.body.type, '/problems/csrf');
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } })).body.user.id, 'demo-visitor');
  });
});
