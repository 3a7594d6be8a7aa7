import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attempt, call, checked, createTestApp, DEMO_USER, exchange, ORIGIN, PARTNER, signInBearer, signInCookie, type TestApp } from './helpers.js';
import { checkResponse } from './contract.js';
import { PAGE_CSP } from '../../server/src/security.js';

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
});

describe('GET /api/session', () => {
  test('signed out: user null and absolute login/signup URLs', async () => {
    const t = await createTestApp();
    const r = await checked(t, 'GET', '/api/session', '/api/session');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { user: null, loginUrl: `${ORIGIN}/login`, signupUrl: `${ORIGIN}/signup`, tokenUrl: `${ORIGIN}/api/session/token` });
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });

  test('HEARTH_PUBLIC_URL sets the absolute URLs', async () => {
    const t = await createTestApp({ config: { publicUrl: 'https://care.example' } });
    const r = await checked(t, 'GET', '/api/session', '/api/session');
    assert.equal(r.body.loginUrl, 'https://care.example/login');
  });

  test('cookie session', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } });
    assert.equal(r.body.user.name, 'Demo Visitor');
    assert.deepEqual(Object.keys(r.body.user).sort(), ['id', 'name', 'role', 'specialist'], 'no email');
    assert.equal(r.body.user.role, 'visitor');
    assert.equal(r.body.user.specialist, null);
  });

  test("a specialist's session names their specialist id (whose hours and bookings are theirs)", async () => {
    const t = await createTestApp();
    const token = await signInBearer(t, undefined, { email: 'olena@example.com', password: 'demo1234' });
    const r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual([r.body.user.role, r.body.user.specialist], ['specialist', 'olena-kovalenko']);
  });

  test('bearer session; an unknown or malformed bearer is signed out', async () => {
    const t = await createTestApp();
    const token = await signInBearer(t);
    let r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(r.body.user.name, 'Demo Visitor');
    r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${'x'.repeat(43)}` } });
    assert.equal(r.body.user, null);
    r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: 'Basic Zm9vOmJhcg==' } });
    assert.equal(r.body.user, null);
  });

  test('the bearer token expires after 2 hours', async () => {
    const t = await createTestApp();
    const token = await signInBearer(t);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 3_600_000 + 1000);
    const r = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(r.body.user, null);
  });
});

describe('/login', () => {
  test('the page: labels, autocomplete, no inline script or style, page CSP', async () => {
    const t = await createTestApp();
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
    const t = await createTestApp();
    const js = await call(t, 'GET', '/auth.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /^text\/javascript/);
    const src = await js.text();
    assert.match(src, /postMessage\(\{ type: 'hearth:session', code: code \}, origin\)/);
    assert.doesNotMatch(src, /'\*'/, 'never targetOrigin "*"');
    const css = await call(t, 'GET', '/auth.css');
    assert.match(css.headers.get('content-type')!, /^text\/css/);
  });

  test('sign-in sets an HttpOnly SameSite=Lax cookie and redirects to a same-origin return path', async () => {
    const t = await createTestApp();
    const res = await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, return: '/essay?x=1#refs' }));
    const r = await checkResponse('POST', '/login', res);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/essay?x=1#refs');
    const cookie = r.headers.get('set-cookie')!;
    assert.match(cookie, /^hearth_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    assert.doesNotMatch(cookie, /Secure/);
    // Only a hash of the token is stored.
    const token = /hearth_session=([^;]+)/.exec(cookie)![1]!;
    const rows = (await t.column('SELECT token_hash FROM sessions')) as string[];
    assert.ok(rows.length >= 1);
    assert.ok(!rows.includes(token));
  });

  test('Secure cookie over HTTPS', async () => {
    const t = await createTestApp({ config: { publicUrl: 'https://hearth.test' } });
    const res = await t.app.request('https://hearth.test/login', {
      method: 'POST',
      ...form({ email: DEMO_USER.email, password: DEMO_USER.password }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://hearth.test' },
    });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('set-cookie')!, /; Secure/);
  });

  test('no open redirect: foreign return paths fall back to /', async () => {
    const t = await createTestApp();
    const dotted = ['/.//evil.example/x', '/x/..//evil.example/x', '/%2e//evil.example/x', '/%2E%2E//evil.example/x', '/./\\evil.example', `${ORIGIN}/.//evil.example/x`];
    for (const ret of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/%0d%0aSet-Cookie:x', 'evil', ...dotted]) {
      const res = await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, return: ret }));
      assert.equal(res.status, 303, ret);
      const location = res.headers.get('location')!;
      assert.ok(location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\'), `${ret} → ${location}`);
      assert.ok(!/evil|javascript/.test(location) || location.startsWith('/%0'), `${ret} → ${location}`);
    }
  });

  test('popup blocked on an allowlisted site: 303 back to its page with a one-time code and the state in the fragment', async () => {
    const t = await createTestApp();
    const ret = `${PARTNER}/essay?x=1#old-hash`;
    const a = attempt();
    const handoff = `challenge=${a.challenge}&state=${a.state}`;
    const page = await checkResponse('GET', '/login', await call(t, 'GET', `/login?return=${encodeURIComponent(ret)}&${handoff}`));
    assert.equal(page.status, 200);
    assert.ok(page.text.includes(`name="return" value="${PARTNER}/essay?x=1"`), 'the form carries the URL (without its fragment)');
    assert.ok(page.text.includes(`name="challenge" value="${a.challenge}"`) && page.text.includes(`name="state" value="${a.state}"`));
    assert.ok(page.text.includes(`href="/signup?return=${encodeURIComponent(`${PARTNER}/essay?x=1`)}&amp;${handoff.replace('&', '&amp;')}"`), 'and so does the sign-up link');
    // Browsers apply form-action to the form's redirect: the page allows exactly that site too.
    assert.equal(page.headers.get('content-security-policy'), PAGE_CSP.replace("form-action 'self'", `form-action 'self' ${PARTNER}`));
    assert.equal((await call(t, 'GET', '/login?return=/x')).headers.get('content-security-policy'), PAGE_CSP);
    const r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, return: ret, challenge: a.challenge, state: a.state })));
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const location = r.headers.get('location')!;
    const m = /^https:\/\/partner\.example\/essay\?x=1#hearth-code=([A-Za-z0-9_-]{43})&state=([A-Za-z0-9_-]{43})$/.exec(location);
    assert.ok(m, location);
    assert.equal(m[2], a.state);
    // The code is no token.
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${m[1]}` } })).body.user, null);
    // It is worth a token once, with the verifier, from the partner's origin.
    const x = await checkResponse('POST', '/api/session/token', await exchange(t, m[1]!, a.verifier));
    assert.equal(x.status, 200);
    const s = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${x.body.token}` } });
    assert.equal(s.body.user.id, 'demo-visitor');
    // A bearer token (2 hours), not the cookie's.
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 3_600_000 + 1000);
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${x.body.token}` } })).body.user, null);
  });

  test('handing a sign-in to another site needs a challenge (and by redirect a state): 400 without', async () => {
    const t = await createTestApp();
    const a = attempt();
    const ret = encodeURIComponent(`${PARTNER}/page`);
    for (const q of [`return=${ret}`, `return=${ret}&challenge=${a.challenge}`, `return=${ret}&state=${a.state}`, `origin=${encodeURIComponent(PARTNER)}`, `origin=${encodeURIComponent(PARTNER)}&challenge=short`]) {
      const r = await checkResponse('GET', '/login', await call(t, 'GET', `/login?${q}`));
      assert.equal(r.status, 400, q);
      assert.match(r.text, /incomplete/);
    }
    const r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, return: `${PARTNER}/page` })));
    assert.equal(r.status, 400);
    assert.equal(r.headers.get('set-cookie'), null);
  });

  test('a signed-in visitor is asked "Continue to partner.example as …" before anything goes to that site; "Not you?" signs out', async () => {
    const t = await createTestApp();
    const a = attempt();
    const cookie = await signInCookie(t);
    const ret = `${PARTNER}/page`;
    const q = `return=${encodeURIComponent(ret)}&challenge=${a.challenge}&state=${a.state}`;
    const page = await checkResponse('GET', '/login', await call(t, 'GET', `/login?${q}`, { headers: { Cookie: cookie } }));
    assert.equal(page.status, 200, 'no redirect, no code, without a click');
    assert.equal((await t.scalar('SELECT COUNT(*) FROM login_codes')), 0);
    assert.match(page.text, /Continue to partner\.example as Demo Visitor/);
    assert.match(page.text, /action="\/login\/continue"/);
    assert.match(page.text, /Not you\? Sign out/);
    // The click (a same-origin form post) hands over a code.
    const go = await checkResponse('POST', '/login/continue', await call(t, 'POST', '/login/continue', { ...form({ return: ret, challenge: a.challenge, state: a.state }), headers: { ...form({}).headers, Cookie: cookie } }));
    assert.equal(go.status, 303);
    const code = /#hearth-code=([\w-]+)&state=/.exec(go.headers.get('location')!)![1]!;
    assert.equal((await exchange(t, code, a.verifier)).status, 200);
    // A cross-site post of the same form is refused (the cookie would not even be sent: SameSite=Lax).
    const forged = await call(t, 'POST', '/login/continue', { ...form({ return: ret, challenge: a.challenge, state: a.state }), headers: { ...form({}).headers, Origin: 'https://evil.example', Cookie: cookie } });
    assert.equal(forged.status, 403);
    // "Not you? Sign out": the sign-in ends, back to the form with the same handoff.
    const out = await checkResponse('POST', '/logout', await call(t, 'POST', '/logout', { ...form({ return: ret, challenge: a.challenge, state: a.state }), headers: { ...form({}).headers, Cookie: cookie } }));
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), `/login?${q}`);
    assert.match(out.headers.get('set-cookie')!, /Max-Age=0/);
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } })).body.user, null);
    const again = await checkResponse('GET', '/login', await call(t, 'GET', `/login?${q}`, { headers: { Cookie: cookie } }));
    assert.match(again.text, /type="password"/, 'the password is asked again');
  });

  test('return URLs that are not allowlisted, not http(s), or odd go to / without a token; own-origin ones keep the path', async () => {
    const t = await createTestApp();
    const cases: Array<[string, string]> = [
      ['/.//evil.example/x', '/'],
      ['/x/..//evil.example/x', '/'],
      ['/%2e//evil.example/x', '/'],
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
      const a = attempt();
      const r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, return: ret, challenge: a.challenge, state: a.state })));
      assert.equal(r.status, 303, ret);
      assert.equal(r.headers.get('location'), want, ret);
      const page = await checkResponse('GET', '/login', await call(t, 'GET', `/login?return=${encodeURIComponent(ret)}`));
      assert.doesNotMatch(page.text, /evil|javascript|data:/, ret);
    }
  });

  test('wrong password: 401 page with an error summary (role=alert) and the email kept', async () => {
    const t = await createTestApp();
    const res = await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: 'nope' }));
    const r = await checkResponse('POST', '/login', res);
    assert.equal(r.status, 401);
    assert.match(r.text, /role="alert"/);
    assert.match(r.text, /aria-invalid="true"/);
    assert.match(r.text, /value="demo@example.com"/);
    assert.equal(r.headers.get('set-cookie'), null);
  });

  test('unknown account: the same 401', async () => {
    const t = await createTestApp();
    const r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: 'who@example.org', password: 'whatever1' })));
    assert.equal(r.status, 401);
  });

  test('missing fields: 422 page listing each', async () => {
    const t = await createTestApp();
    const r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: '', password: '' })));
    assert.equal(r.status, 422);
    assert.match(r.text, /href="#email"/);
    assert.match(r.text, /href="#password"/);
  });

  test('cross-site form post: 403; wrong content type: 415', async () => {
    const t = await createTestApp();
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

  test('popup: the page carries a one-time code and the exact origin for /auth.js; the code is worth one token', async () => {
    const t = await createTestApp();
    const a = attempt();
    let res = await call(t, 'GET', `/login?origin=${encodeURIComponent(PARTNER)}&challenge=${a.challenge}`);
    let r = await checkResponse('GET', '/login', res);
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`name="origin" value="${PARTNER}"`));
    res = await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, origin: PARTNER, challenge: a.challenge }));
    r = await checkResponse('POST', '/login', res);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.doesNotMatch(r.text, /data-token/);
    const origin = /data-origin="([^"]+)"/.exec(r.text)?.[1];
    const code = /data-code="([^"]+)"/.exec(r.text)![1]!;
    assert.equal(origin, PARTNER);
    assert.match(code, /^[A-Za-z0-9_-]{43}$/);
    assert.doesNotMatch(r.text, /<script>/);
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${code}` } })).body.user, null, 'a code is no token');
    const x = await checkResponse('POST', '/api/session/token', await exchange(t, code, a.verifier));
    assert.equal(x.status, 200);
    assert.equal(x.headers.get('cache-control'), 'no-store');
    const s = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${x.body.token}` } });
    assert.equal(s.body.user.id, 'demo-visitor');
    const twice = await checkResponse('POST', '/api/session/token', await exchange(t, code, a.verifier));
    assert.equal(twice.status, 400, 'single use');
    assert.equal(twice.body.type, '/problems/invalid-code');
  });

  test('a code is refused with another verifier, from another origin, after a minute, or when malformed', async () => {
    const t = await createTestApp();
    const codeFor = async (a: ReturnType<typeof attempt>) => {
      const res = await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, origin: PARTNER, challenge: a.challenge }));
      return /data-code="([^"]+)"/.exec(await res.text())![1]!;
    };
    const a = attempt();
    let code = await codeFor(a);
    assert.equal((await exchange(t, code, attempt().verifier)).status, 400, 'another verifier');
    assert.equal((await exchange(t, code, a.verifier)).status, 400, 'and the code is spent by the failed try');
    code = await codeFor(a);
    assert.equal((await exchange(t, code, a.verifier, 'https://evil.example')).status, 400, 'another origin');
    code = await codeFor(a);
    assert.equal((await exchange(t, code, a.verifier, ORIGIN)).status, 400, 'the server’s own origin is not the partner either');
    code = await codeFor(a);
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    assert.equal((await exchange(t, code, a.verifier)).status, 400, 'expired');
    for (const body of [{}, { code: 1, verifier: a.verifier }, { code: 'x', verifier: 'y' }, [code, a.verifier]]) {
      const r = await checkResponse('POST', '/api/session/token', await call(t, 'POST', '/api/session/token', { json: body, headers: { Origin: PARTNER } }));
      assert.equal(r.status, 400, JSON.stringify(body));
    }
  });

  test('popup from a site that is not allowlisted: 400, no token, not even after a correct sign-in', async () => {
    const t = await createTestApp();
    const evil = 'https://evil.example';
    let r = await checkResponse('GET', '/login', await call(t, 'GET', `/login?origin=${encodeURIComponent(evil)}`));
    assert.equal(r.status, 400);
    assert.doesNotMatch(r.text, /data-code|evil\.example/);
    r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, origin: evil, challenge: attempt().challenge })));
    assert.equal(r.status, 400);
    assert.doesNotMatch(r.text, /data-code/);
    assert.equal(r.headers.get('set-cookie'), null);
    // An origin with a path or a lookalike is not the allowlisted origin either.
    for (const o of [`${PARTNER}.evil.example`, `${PARTNER}/x`, 'null', 'partner.example']) {
      r = await checkResponse('POST', '/login', await call(t, 'POST', '/login', form({ email: DEMO_USER.email, password: DEMO_USER.password, origin: o, challenge: attempt().challenge })));
      assert.equal(r.status, 400, o);
      assert.doesNotMatch(r.text, /data-code/);
    }
  });

  test('popup while signed in by cookie: "Continue" first, no code without the click; a same-origin path goes on at once', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const a = attempt();
    const r = await checkResponse('GET', '/login', await call(t, 'GET', `/login?origin=${encodeURIComponent(PARTNER)}&challenge=${a.challenge}`, { headers: { Cookie: cookie } }));
    assert.equal(r.status, 200);
    assert.doesNotMatch(r.text, /data-code/);
    assert.match(r.text, /Continue to partner\.example as Demo Visitor/);
    const go = await checkResponse('POST', '/login/continue', await call(t, 'POST', '/login/continue', { ...form({ origin: PARTNER, challenge: a.challenge }), headers: { ...form({}).headers, Cookie: cookie } }));
    assert.equal(go.status, 200);
    assert.match(go.text, /data-code="[A-Za-z0-9_-]{43}"/);
    const again = await checkResponse('GET', '/login', await call(t, 'GET', '/login?return=/x', { headers: { Cookie: cookie } }));
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), '/x');
  });

  test('"Continue" after the sign-in ended elsewhere asks for the password', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    await call(t, 'POST', '/api/logout', { headers: { Cookie: cookie, Origin: ORIGIN } });
    const r = await checkResponse('POST', '/login/continue', await call(t, 'POST', '/login/continue', { ...form({ origin: PARTNER, challenge: attempt().challenge }), headers: { ...form({}).headers, Cookie: cookie } }));
    assert.equal(r.status, 200);
    assert.match(r.text, /type="password"/);
    assert.doesNotMatch(r.text, /data-code/);
  });
});

describe('tokens work only as presented', () => {
  test('the cookie’s token is no bearer token, and a bearer token is no cookie', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const cookieToken = cookie.split('=')[1]!;
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${cookieToken}` } })).body.user, null);
    const bearer = await signInBearer(t);
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: `hearth_session=${bearer}` } })).body.user, null);
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${bearer}` } })).body.user.id, 'demo-visitor');
  });
});

describe('/signup', () => {
  const valid = { name: 'Bo Reader', email: 'bo@example.org', password: 'correct horse' };

  test('the page: labels and autocomplete', async () => {
    const t = await createTestApp();
    const r = await checkResponse('GET', '/signup', await call(t, 'GET', '/signup?return=/a'));
    assert.equal(r.status, 200);
    for (const a of ['autocomplete="name"', 'autocomplete="email"', 'autocomplete="new-password"', '<label for="name">', 'name="return" value="/a"'])
      assert.ok(r.text.includes(a), a);
  });

  const signup = (t: TestApp, fields: Record<string, string>) => call(t, 'POST', '/signup', form(fields)).then((r) => checkResponse('POST', '/signup', r));
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  test('answers "Check your email" for a new and an existing address alike; the new one gets a link that creates the account', async () => {
    const t = await createTestApp();
    const fresh = await signup(t, valid);
    const taken = await signup(t, { ...valid, email: DEMO_USER.email.toUpperCase() });
    for (const r of [fresh, taken]) {
      assert.equal(r.status, 200);
      assert.match(r.text, /Check your email to finish/);
      assert.equal(r.headers.get('set-cookie'), null, 'nobody is signed in yet');
    }
    assert.equal(fresh.text, taken.text, 'the same page, byte for byte');
    assert.equal(await t.store.accounts.findUserByEmail(valid.email), undefined, 'no account before the link');
    await settle();
    assert.equal(t.mail.length, 2);
    const [toNew, toOwner] = t.mail;
    assert.equal(toNew!.to, valid.email);
    assert.equal(toOwner!.to, DEMO_USER.email.toUpperCase());
    assert.match(toOwner!.text, /has one already/);
    assert.doesNotMatch(toOwner!.text, /confirm/);
    const link = /http:\/\/localhost\/signup\/confirm\?token=([\w-]{43})/.exec(toNew!.text);
    assert.ok(link, toNew!.text);
    // Nothing in the logs names the address.
    assert.ok(!t.logs.join('\n').includes(valid.email));
    // The link's page has a button (scanners that open links create nothing).
    const page = await checkResponse('GET', '/signup/confirm', await call(t, 'GET', `/signup/confirm?token=${link[1]}`));
    assert.equal(page.status, 200);
    assert.equal(await t.store.accounts.findUserByEmail(valid.email), undefined);
    const done = await checkResponse('POST', '/signup/confirm', await call(t, 'POST', '/signup/confirm', form({ token: link[1]! })));
    assert.equal(done.status, 200);
    const cookie = done.headers.get('set-cookie')!.split(';')[0]!;
    const s = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } });
    assert.equal(s.body.user.name, 'Bo Reader');
    const hash = (await t.scalar('SELECT password_hash FROM users WHERE email = ?', ['bo@example.org'])) as string;
    assert.match(hash, /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    assert.ok(!hash.includes(valid.password));
    // Once only.
    assert.equal((await call(t, 'POST', '/signup/confirm', form({ token: link[1]! }))).status, 400);
  });

  test('the link returns to a same-origin return path, and expires after 24 hours', async () => {
    const t = await createTestApp();
    await signup(t, { ...valid, return: '/essay#refs' });
    await signup(t, { ...valid, name: 'Late', email: 'late@example.org' });
    await settle();
    const tokenOf = (i: number) => /token=([\w-]{43})/.exec(t.mail[i]!.text)![1]!;
    const r = await checkResponse('POST', '/signup/confirm', await call(t, 'POST', '/signup/confirm', form({ token: tokenOf(0) })));
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/essay#refs');
    t.clock.now = new Date(t.clock.now.getTime() + 24 * 3_600_000 + 1000);
    const late = await checkResponse('POST', '/signup/confirm', await call(t, 'POST', '/signup/confirm', form({ token: tokenOf(1) })));
    assert.equal(late.status, 400);
    assert.match(late.text, /Link not valid/);
    assert.equal(await t.store.accounts.findUserByEmail('late@example.org'), undefined);
  });

  test('validation: 422 with an error per field', async () => {
    const t = await createTestApp();
    let r = await signup(t, { name: '', email: 'nope', password: 'short' });
    assert.equal(r.status, 422);
    assert.match(r.text, /role="alert"/);
    for (const f of ['name', 'email', 'password']) {
      assert.match(r.text, new RegExp(`href="#${f}"`));
      assert.match(r.text, new RegExp(`id="${f}-error"`));
    }
    assert.match(r.text, /value="nope"/);
    assert.doesNotMatch(r.text, /value="short"/, 'the password is never echoed');
    r = await signup(t, { ...valid, name: 'x'.repeat(101) });
    assert.equal(r.status, 422);
  });

  test('HTML is escaped', async () => {
    const t = await createTestApp();
    const r = await checkResponse('POST', '/signup', await call(t, 'POST', '/signup', form({ name: '<img src=x onerror=alert(1)>', email: '"><script>', password: 'x' })));
    assert.equal(r.status, 422);
    assert.doesNotMatch(r.text, /<img src=x|"><script>/);
    assert.match(r.text, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});

describe('POST /api/logout', () => {
  test('cookie: ends the session and clears the cookie', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const r = await checked(t, 'POST', '/api/logout', '/api/logout', { headers: { Cookie: cookie, Origin: ORIGIN } });
    assert.equal(r.status, 204);
    assert.match(r.headers.get('set-cookie')!, /hearth_session=; .*Max-Age=0/);
    const s = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } });
    assert.equal(s.body.user, null);
  });

  test('bearer: ends that token, the cookie session it came from and every other token of that sign-in', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const bearer = await signInBearer(t, PARTNER, { cookie });
    const other = await signInCookie(t); // another sign-in (another computer) stays
    // A second token minted from the first cookie session ("Continue to … as …").
    const a = attempt();
    const go = await call(t, 'POST', '/login/continue', { ...form({ origin: PARTNER, challenge: a.challenge }), headers: { ...form({}).headers, Cookie: cookie } });
    const code = /data-code="([^"]+)"/.exec(await go.text())![1]!;
    const second = ((await (await exchange(t, code, a.verifier)).json()) as { token: string }).token;
    assert.equal((await checked(t, 'POST', '/api/logout', '/api/logout', { headers: { Authorization: `Bearer ${second}` } })).status, 204);
    for (const headers of [{ Authorization: `Bearer ${second}` }, { Cookie: cookie }] as Record<string, string>[])
      assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers })).body.user, null, JSON.stringify(headers));
    // The popup sign-in that made `bearer` was a sign-in of its own (a password was typed), so it stays, as does the other computer.
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Authorization: `Bearer ${bearer}` } })).body.user.id, 'demo-visitor');
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: other } })).body.user.id, 'demo-visitor');
    // So the next Log in asks for the password.
    const page = await checkResponse('GET', '/login', await call(t, 'GET', `/login?origin=${encodeURIComponent(PARTNER)}&challenge=${attempt().challenge}`, { headers: { Cookie: cookie } }));
    assert.match(page.text, /type="password"/);
  });

  test('a code handed out before the sign-out is worth nothing after it', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const a = attempt();
    const go = await call(t, 'POST', '/login/continue', { ...form({ origin: PARTNER, challenge: a.challenge }), headers: { ...form({}).headers, Cookie: cookie } });
    const code = /data-code="([^"]+)"/.exec(await go.text())![1]!;
    await call(t, 'POST', '/api/logout', { headers: { Cookie: cookie, Origin: ORIGIN } });
    assert.equal((await exchange(t, code, a.verifier)).status, 400);
  });

  test('an account keeps at most 10 sign-ins: the oldest ends', async () => {
    const t = await createTestApp();
    const first = await signInCookie(t);
    const later: string[] = [];
    for (let i = 0; i < 10; i++) {
      t.clock.now = new Date(t.clock.now.getTime() + 1000);
      later.push(await signInCookie(t));
    }
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: first } })).body.user, null);
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: later[0]! } })).body.user.id, 'demo-visitor');
    assert.equal((await t.scalar('SELECT COUNT(DISTINCT family) FROM sessions')), 10);
  });

  test('signed out: 204 anyway', async () => {
    const t = await createTestApp();
    assert.equal((await checked(t, 'POST', '/api/logout', '/api/logout')).status, 204);
  });

  test('cookie logout from a foreign origin: 403 (CSRF)', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const r = await checked(t, 'POST', '/api/logout', '/api/logout', { headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    assert.equal(r.status, 403);
    assert.equal(r.body.type, '/problems/csrf');
    assert.equal((await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } })).body.user.id, 'demo-visitor');
  });
});
