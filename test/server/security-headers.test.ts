// Permissions-Policy on every answer, Cross-Origin-Opener-Policy on the server's HTML pages (none
// on the sign-in popup's pages), HSTS over https, and the own origin that never follows the Host
// header (issue 10, items 13 and 16).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { booking, call, createTestApp, newKey, type TestApp } from './helpers.js';
import { clientErrorResponse, HSTS, isPopupPath, openerPolicy, PERMISSIONS_POLICY, withHsts } from '../../server/src/security.js';

const demo = fileURLToPath(new URL('../../demo', import.meta.url));

describe('Permissions-Policy and Cross-Origin-Opener-Policy', () => {
  test('every answer denies camera, microphone, geolocation and the like', async () => {
    const t = await createTestApp({ staticRoots: [{ prefix: '/', dir: demo }] });
    for (const path of ['/api/session', '/login', '/', '/nothing-here', '/api/specialists']) {
      const res = await call(t, 'GET', path);
      assert.equal(res.headers.get('permissions-policy'), PERMISSIONS_POLICY, path);
    }
    assert.match(PERMISSIONS_POLICY, /camera=\(\), microphone=\(\), geolocation=\(\)/);
  });

  test('the sign-in popup pages keep window.opener: no COOP on /login, /signup, /logout and below', async () => {
    const t = await createTestApp();
    for (const path of ['/login', '/signup', '/login?origin=https%3A%2F%2Fpartner.example']) {
      const res = await call(t, 'GET', path);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, path);
      assert.equal(res.headers.get('cross-origin-opener-policy'), null, path);
    }
    // A POST answer in the popup (here a refused one) has none either.
    const post = await call(t, 'POST', '/login', { body: 'email=a', headers: { 'Content-Type': 'text/plain' } });
    assert.match(post.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(post.headers.get('cross-origin-opener-policy'), null);
    for (const p of ['/login', '/login/continue', '/signup', '/signup/confirm', '/logout']) assert.ok(isPopupPath(p), p);
    for (const p of ['/loginx', '/', '/api/consultations/manage/x', '/signups']) assert.equal(isPopupPath(p), false, p);
  });

  test('the demo page (it opens the popup) gets same-origin-allow-popups; the manage page same-origin; JSON none', async () => {
    const t = await createTestApp({ staticRoots: [{ prefix: '/', dir: demo }] });
    const page = await call(t, 'GET', '/');
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(page.headers.get('cross-origin-opener-policy'), 'same-origin-allow-popups');
    const made = await call(t, 'POST', '/api/consultations', { json: booking(), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(made.status, 201);
    const { manageUrl } = (await made.json()) as { manageUrl: string };
    const manage = await call(t, 'GET', new URL(manageUrl).pathname, { headers: { Accept: 'text/html' } });
    assert.match(manage.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(manage.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal((await call(t, 'GET', '/api/session')).headers.get('cross-origin-opener-policy'), null);
    assert.equal(openerPolicy('/login', false), undefined);
    assert.equal(openerPolicy('/x.html', true), 'same-origin-allow-popups');
  });
});

describe('HSTS', () => {
  test('withHsts adds Strict-Transport-Security only when the public URL is https', async () => {
    const app = () => new Response('ok');
    assert.equal((await withHsts(app, { publicUrl: 'https://care.example' })(new Request('http://x/'))).headers.get('strict-transport-security'), HSTS);
    assert.equal((await withHsts(app, { publicUrl: 'http://localhost:8080' })(new Request('http://x/'))).headers.get('strict-transport-security'), null);
    // A response with immutable headers (e.g. one passed through from fetch) is copied.
    const frozen = Response.redirect('https://care.example/next', 303);
    assert.throws(() => frozen.headers.set('x', '1'), 'Response.redirect has immutable headers');
    const copied = await withHsts(() => frozen, { publicUrl: 'https://care.example' })(new Request('http://x/'));
    assert.equal(copied.headers.get('strict-transport-security'), HSTS);
    assert.equal(copied.status, 303);
    assert.equal(copied.headers.get('location'), 'https://care.example/next');
  });

  test("Node's own error answers: 400, 408, 431 with the security headers, and HSTS over https", () => {
    assert.match(clientErrorResponse('ERR_HTTP_REQUEST_TIMEOUT', {}), /^HTTP\/1\.1 408 Request Timeout\r\n/);
    assert.match(clientErrorResponse('HPE_HEADER_OVERFLOW', {}), /^HTTP\/1\.1 431 /);
    assert.match(clientErrorResponse('HPE_INVALID_METHOD', {}), /^HTTP\/1\.1 400 /);
    assert.doesNotMatch(clientErrorResponse(undefined, {}), /Strict-Transport-Security/);
    assert.match(clientErrorResponse(undefined, { publicUrl: 'https://care.example' }), /\r\nStrict-Transport-Security: max-age=31536000\r\n/);
    const text = clientErrorResponse('ERR_HTTP_REQUEST_TIMEOUT', {});
    const [head, body] = text.split('\r\n\r\n');
    assert.equal(Buffer.byteLength(body!), Number(/Content-Length: (\d+)/.exec(head!)![1]));
    assert.deepEqual(JSON.parse(body!), { type: 'about:blank', title: 'Request Timeout', status: 408, detail: 'The request did not arrive in time.' });
  });
});

describe('the own origin never follows the Host header', () => {
  let t: TestApp;
  let server: ServerType;
  let port: number;
  before(async () => {
    t = await createTestApp({ config: { log: false, publicUrl: undefined } });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (path: string, headers: Record<string, string>, method = 'GET', body?: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  test('without HEARTH_PUBLIC_URL (in-process use): Host: evil.example gives neither links nor CORS nor CSRF passage', async () => {
    const s = await send('/api/session', { Host: 'evil.example', Origin: 'http://evil.example' });
    const body = JSON.parse(s.body) as { loginUrl: string };
    assert.equal(body.loginUrl, 'http://localhost/login');
    assert.equal(s.headers['access-control-allow-origin'], undefined);
    const pre = await send('/api/messages', { Host: 'evil.example', Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' }, 'OPTIONS');
    assert.equal(pre.headers['access-control-allow-origin'], undefined);
    const csrf = await send('/api/logout', { Host: 'evil.example', Origin: 'http://evil.example', Cookie: 'hearth_session=x' }, 'POST');
    assert.equal(csrf.status, 403);
    const made = await send('/api/consultations', { Host: 'evil.example', 'Content-Type': 'application/json', 'Idempotency-Key': newKey() }, 'POST', JSON.stringify(booking()));
    assert.equal(made.status, 201);
    const { manageUrl, icsUrl } = JSON.parse(made.body) as { manageUrl: string; icsUrl: string };
    assert.match(manageUrl, /^http:\/\/localhost\/api\/consultations\/manage\//);
    assert.match(icsUrl, /^http:\/\/localhost\//);
    const ics = await send(`${new URL(icsUrl).pathname}`, { Host: 'evil.example' });
    assert.doesNotMatch(ics.body, /evil\.example/);
  });

  test('a loopback Host keeps its port (the in-process default)', async () => {
    const s = await send('/api/session', { Host: `localhost:${port}`, Origin: `http://localhost:${port}` });
    assert.equal((JSON.parse(s.body) as { loginUrl: string }).loginUrl, `http://localhost:${port}/login`);
    assert.equal(s.headers['access-control-allow-origin'], `http://localhost:${port}`);
  });

  test('with HEARTH_PUBLIC_URL only that origin (and the allowlist) is the own one', async () => {
    const p = await createTestApp({ config: { publicUrl: 'https://care.example' } });
    const s = await call(p, 'GET', '/api/session', { headers: { Origin: 'http://localhost' } });
    assert.equal((await s.json() as { loginUrl: string }).loginUrl, 'https://care.example/login');
    assert.equal(s.headers.get('access-control-allow-origin'), null, 'the request URL origin is not the own one');
    const own = await call(p, 'GET', '/api/session', { headers: { Origin: 'https://care.example' } });
    assert.equal(own.headers.get('access-control-allow-origin'), 'https://care.example');
  });
});
