// Cross-cutting behaviour: headers, CORS, 404/405, errors, logs, static files.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/src/app.js';
import { booking, call, checked, createTestApp, DEMO_USER, newKey, ORIGIN, PARTNER, signInBearer } from './helpers.js';
import { checkGenericProblem, checkResponse } from './contract.js';

describe('security headers', () => {
  test('nosniff and no-referrer on every answer; API CSP on JSON; page CSP on pages', async () => {
    const t = await createTestApp();
    for (const path of ['/api/session', '/api/specialists', '/api/nope', '/login', '/auth.js', '/nope']) {
      const res = await call(t, 'GET', path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.ok(res.headers.get('content-security-policy'), path);
    }
    const api = await call(t, 'GET', '/api/session');
    assert.equal(api.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
  });
});

describe('404 and 405', () => {
  test('unknown routes: 404 problem+json', async () => {
    const t = await createTestApp();
    for (const path of ['/api/nope', '/api/', '/api', '/api/consultations/manage', '/api/references/', '/nope', '/api/session/extra']) {
      const r = await checkGenericProblem(404, await call(t, 'GET', path));
      assert.equal(r.body.status, 404, path);
    }
  });

  test('wrong method: 405 problem+json with Allow', async () => {
    const t = await createTestApp();
    const cases: Array<[string, string, string]> = [
      ['DELETE', '/api/session', 'GET, HEAD, OPTIONS'],
      ['GET', '/api/messages', 'POST, OPTIONS'],
      ['PUT', '/api/consultations', 'POST, OPTIONS'],
      ['POST', '/api/specialists', 'GET, HEAD, OPTIONS'],
      ['PATCH', '/api/consultations/manage/abc', 'GET, DELETE, HEAD, OPTIONS'],
      ['POST', '/api/references/essay', 'GET, HEAD, OPTIONS'],
      ['DELETE', '/login', 'GET, POST, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const r = await checkGenericProblem(405, await call(t, method, path));
      assert.equal(r.headers.get('allow'), allow, `${method} ${path}`);
    }
  });
});

describe('CORS', () => {
  const preflight = (origin: string, method = 'POST') => ({
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type, idempotency-key, authorization' },
  });

  test('preflight from an allowlisted origin', async () => {
    const t = await createTestApp();
    const res = await call(t, 'OPTIONS', '/api/messages', preflight(PARTNER));
    const r = await checkResponse('OPTIONS', '/api/messages', res);
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('access-control-allow-origin'), PARTNER);
    assert.equal(r.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(r.headers.get('access-control-allow-headers'), 'Content-Type, Authorization, Idempotency-Key');
    assert.match(r.headers.get('access-control-allow-methods')!, /POST/);
    const m = await checkResponse('OPTIONS', '/api/consultations/manage/{token}', await call(t, 'OPTIONS', '/api/consultations/manage/x', preflight(PARTNER, 'DELETE')));
    assert.match(m.headers.get('access-control-allow-methods')!, /DELETE/);
  });

  test('preflight from any other origin: no CORS headers, no credentials', async () => {
    const t = await createTestApp();
    const r = await checkResponse('OPTIONS', '/api/messages', await call(t, 'OPTIONS', '/api/messages', preflight('https://evil.example')));
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    assert.equal(r.headers.get('access-control-allow-credentials'), null);
  });

  test('preflight of an unknown path: 404', async () => {
    const t = await createTestApp();
    await checkGenericProblem(404, await call(t, 'OPTIONS', '/api/nope', preflight(PARTNER)));
  });

  test('answers to allowlisted origins expose Retry-After and Idempotent-Replayed; others get nothing', async () => {
    const t = await createTestApp();
    let res = await call(t, 'GET', '/api/session', { headers: { Origin: PARTNER } });
    assert.equal(res.headers.get('access-control-allow-origin'), PARTNER);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(res.headers.get('access-control-expose-headers'), 'Retry-After, Idempotent-Replayed');
    assert.match(res.headers.get('vary')!, /Origin/);
    await checkResponse('GET', '/api/session', res);
    res = await call(t, 'GET', '/api/session', { headers: { Origin: 'https://evil.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
    await checkResponse('GET', '/api/session', res);
  });
});

describe('errors', () => {
  test('an unexpected failure is a 500 problem without internals', async () => {
    const t = await createTestApp();
    const store = {
      ...t.store,
      clinic: {
        ...t.store.clinic,
        listSpecialists: () => Promise.reject(new Error('SQLITE_CORRUPT: secret internals at /srv/db')),
      },
    };
    const app = createApp({ store, config: t.config, log: () => {} });
    const original = console.error;
    const errors: string[] = [];
    console.error = (...a: unknown[]) => void errors.push(a.join(' '));
    try {
      const r = await checkResponse('GET', '/api/specialists', await app.request('/api/specialists'));
      assert.equal(r.status, 500);
      assert.doesNotMatch(r.text, /SQLITE|secret|srv|stack/i);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    } finally {
      console.error = original;
    }
    assert.equal(errors.length, 1);
  });
});

describe('request log', () => {
  test('one JSON line per request with the route pattern; no emails, names, bodies, tokens or query strings', async () => {
    const t = await createTestApp();
    const token = await signInBearer(t);
    const secretBody = 'my very private message';
    await call(t, 'POST', '/api/messages', { json: { body: secretBody }, headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': newKey() } });
    const b = await checked(t, 'POST', '/api/consultations', '/api/consultations', { json: booking(), headers: { 'Idempotency-Key': newKey() } });
    const manage = new URL(b.body.manageUrl).pathname;
    await call(t, 'GET', manage);
    await call(t, 'GET', '/api/consultations/availability?specialist=olena-kovalenko&from=2026-06-01&to=2026-06-02');
    await call(t, 'GET', '/api/nope?email=ada@example.org');
    const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(lines.length >= 6);
    for (const l of lines) assert.deepEqual(Object.keys(l).sort(), ['method', 'ms', 'route', 'status', 'time']);
    const routes = lines.map((l) => l.route);
    assert.ok(routes.includes('/api/messages'));
    assert.ok(routes.includes('/api/consultations/manage/:token'));
    assert.ok(routes.includes('/api/consultations/availability'));
    assert.ok(routes.includes(null), 'an unmatched route');
    const all = t.logs.join('\n');
    for (const secret of [DEMO_USER.email, DEMO_USER.password, 'Demo Visitor', 'Ada Visitor', 'ada@example.org', secretBody, token, manage.split('/').pop()!, 'specialist=', '?'])
      assert.ok(!all.includes(secret), `log contains ${secret}`);
  });

  test('HEARTH_LOG=0 (config.log false) silences it', async () => {
    const t = await createTestApp({ config: { log: false } });
    await call(t, 'GET', '/api/session');
    assert.deepEqual(t.logs, []);
  });
});

describe('static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-static-'));
  mkdirSync(join(dir, 'demo'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(dir, 'dist', 'hearth.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  const roots = [
    { prefix: '/dist/', dir: join(dir, 'dist') },
    { prefix: '/', dir: join(dir, 'demo') },
  ];

  test('the demo page at / and widgets at /dist/, with the strict CSP', async () => {
    const t = await createTestApp({ staticRoots: roots });
    const page = await call(t, 'GET', '/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    assert.equal(
      page.headers.get('content-security-policy'),
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'",
    );
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const js = await call(t, 'GET', '/dist/hearth.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /^text\/javascript/);
  });

  test('no path traversal; the API and pages win over files', async () => {
    const t = await createTestApp({ staticRoots: roots });
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/dist/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const res = await call(t, 'GET', p);
      assert.equal(res.status, 404, p);
      assert.doesNotMatch(await res.text(), /do not serve/);
    }
    assert.equal((await call(t, 'GET', '/login')).headers.get('content-security-policy')!.includes('form-action'), true);
    await checkGenericProblem(404, await call(t, 'GET', '/api/index.html'));
  });
});

describe('origin of the server itself', () => {
  test('a same-origin cookie write is allowed', async () => {
    const t = await createTestApp();
    const res = await call(t, 'POST', '/api/logout', { headers: { Cookie: 'hearth_session=' + 'a'.repeat(43), Origin: ORIGIN } });
    assert.equal(res.status, 204);
  });
});
