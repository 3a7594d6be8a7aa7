// Issue 16, "install it anywhere": the public, credential-free reads answer any origin
// (`Access-Control-Allow-Origin: *`, never with credentials); everything else keeps the allowlist.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { createApp } from '../../server/src/app.js';
import { cors, PUBLIC_READS } from '../../server/src/security.js';
import type { AppEnv, Deps } from '../../server/src/http.js';
import type { Store } from '../../server/src/store/index.js';
import { booking, call, checked, createTestApp, newKey, ORIGIN, PARTNER, signInBearer, signInCookie, type TestApp } from './helpers.js';
import { checkResponse } from './contract.js';

const STRANGER = 'https://blog.example'; // in no allowlist
const AVAILABILITY = '/api/consultations/availability?specialist=olena-kovalenko&from=2026-06-01&to=2026-06-08';

/** One request per public read: [openapi template, path]. */
const READS: Array<[string, string]> = [
  ['/api/health', '/api/health'],
  ['/api/specialists', '/api/specialists'],
  ['/api/specialists/{specialistId}/services', '/api/specialists/olena-kovalenko/services'],
  ['/api/consultations/availability', AVAILABILITY],
  ['/api/references/{listId}', '/api/references/essay'],
];

const preflight = (origin: string, method: string) => ({
  headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization' },
});

function assertAnyOrigin(res: Response, where: string) {
  assert.equal(res.headers.get('access-control-allow-origin'), '*', where);
  assert.equal(res.headers.get('access-control-allow-credentials'), null, where);
  assert.equal(res.headers.get('access-control-expose-headers'), 'Retry-After, Idempotent-Replayed', where);
  assert.match(res.headers.get('vary') ?? '', /(^|,\s*)Origin(\s*,|$)/, where);
  assert.equal(res.headers.get('set-cookie'), null, where);
}

function assertNoCors(res: Response, where: string) {
  assert.equal(res.headers.get('access-control-allow-origin'), null, where);
  assert.equal(res.headers.get('access-control-allow-credentials'), null, where);
}

/** The test app's store, counting session look-ups. */
function countingSessions(t: TestApp): { store: Store; count: () => number } {
  let n = 0;
  const accounts = new Proxy(t.store.accounts, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key === 'findSession') {
        return (...a: Parameters<Store['accounts']['findSession']>) => {
          n++;
          return target.findSession(...a);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: { ...t.store, accounts }, count: () => n };
}

describe('public reads answer any origin', () => {
  test('every public read is listed, and the list names only GET routes (createApp checks it)', () => {
    const shape = (path: string) => path.replace(/\{\w+\}|:\w+/g, '{}');
    assert.deepEqual(PUBLIC_READS.map(shape).sort(), READS.map(([template]) => shape(template)).sort());
  });

  test('from an origin not in the allowlist, and with no Origin: 200, Allow-Origin *, no credentials, Vary: Origin', async () => {
    const t = await createTestApp();
    for (const [template, path] of READS) {
      for (const headers of [{ Origin: STRANGER }, { Origin: 'null' }, {}] as Array<Record<string, string>>) {
        const r = await checked(t, 'GET', template, path, { headers });
        assert.equal(r.status, 200, path);
        assertAnyOrigin(new Response(null, { headers: r.headers }), `${path} ${JSON.stringify(headers)}`);
      }
      const head = await call(t, 'HEAD', path, { headers: { Origin: STRANGER } });
      assert.equal(head.status, 200, `HEAD ${path}`);
      assertAnyOrigin(head, `HEAD ${path}`);
    }
  });

  test('their error answers too (the widget reads the problem): 404 list, 422 availability, 404 specialist', async () => {
    const t = await createTestApp();
    const cases: Array<[string, string, number]> = [
      ['/api/references/{listId}', '/api/references/no-such-list', 404],
      ['/api/consultations/availability', '/api/consultations/availability?specialist=olena-kovalenko', 422],
      ['/api/specialists/{specialistId}/services', '/api/specialists/nobody/services', 404],
    ];
    for (const [template, path, status] of cases) {
      const r = await checked(t, 'GET', template, path, { headers: { Origin: STRANGER } });
      assert.equal(r.status, status, path);
      assertAnyOrigin(new Response(null, { headers: r.headers }), path);
    }
  });

  test('allowlisted and own origins keep the credentialed answer (Allow-Origin: <origin>, credentials)', async () => {
    const t = await createTestApp();
    for (const origin of [PARTNER, ORIGIN]) {
      for (const [, path] of READS) {
        const res = await call(t, 'GET', path, { headers: { Origin: origin } });
        assert.equal(res.status, 200, path);
        assert.equal(res.headers.get('access-control-allow-origin'), origin, path);
        assert.equal(res.headers.get('access-control-allow-credentials'), 'true', path);
        assert.match(res.headers.get('vary') ?? '', /Origin/, path);
      }
    }
  });

  test('preflight of a public read from any origin: 204, Allow-Origin *, GET/HEAD only, no credentials', async () => {
    const t = await createTestApp();
    for (const [template, path] of READS) {
      for (const method of ['GET', 'HEAD']) {
        const r = await checkResponse('OPTIONS', template, await call(t, 'OPTIONS', path, preflight(STRANGER, method)));
        assert.equal(r.status, 204, path);
        assert.equal(r.headers.get('access-control-allow-origin'), '*', path);
        assert.equal(r.headers.get('access-control-allow-credentials'), null, path);
        assert.equal(r.headers.get('access-control-allow-methods'), 'GET, HEAD, OPTIONS', path);
        assert.match(r.headers.get('access-control-allow-headers') ?? '', /Authorization/, path);
        assert.equal(r.headers.get('access-control-max-age'), '600', path);
        assert.match(r.headers.get('vary') ?? '', /Origin/, path);
      }
      // Another method on the same path from that origin: nothing.
      assertNoCors(await call(t, 'OPTIONS', path, preflight(STRANGER, 'POST')), `POST preflight ${path}`);
      assertNoCors(await call(t, 'OPTIONS', path, { headers: { Origin: STRANGER } }), `no request method ${path}`);
    }
    // An allowlisted origin keeps its credentialed preflight.
    const p = await call(t, 'OPTIONS', '/api/references/essay', preflight(PARTNER, 'GET'));
    assert.equal(p.headers.get('access-control-allow-origin'), PARTNER);
    assert.equal(p.headers.get('access-control-allow-credentials'), 'true');
  });

  test('everything else keeps the allowlist: session reads, manage-token reads and writes get no CORS from another origin', async () => {
    const t = await createTestApp();
    const made = await checked(t, 'POST', '/api/consultations', '/api/consultations', { json: booking(), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(made.status, 201);
    const manage = new URL((made.body as { manageUrl: string }).manageUrl).pathname;
    const cookie = await signInCookie(t);
    const reads = ['/api/session', '/api/conversations', '/api/staff', '/api/clinic/specialists', '/api/clinic/bookings', '/api/events', manage, `${manage}/ics`];
    for (const path of reads) {
      assertNoCors(await call(t, 'GET', path, { headers: { Origin: STRANGER, Cookie: cookie } }), path);
      assertNoCors(await call(t, 'OPTIONS', path, preflight(STRANGER, 'GET')), `preflight ${path}`);
    }
    const write = await call(t, 'POST', '/api/consultations', { json: booking({ email: 'b@example.org' }), headers: { Origin: STRANGER, 'Idempotency-Key': newKey() } });
    assertNoCors(write, 'POST /api/consultations');
    assertNoCors(await call(t, 'OPTIONS', '/api/consultations', preflight(STRANGER, 'POST')), 'preflight POST /api/consultations');
    // A cookie write from there is still refused (CSRF).
    const csrf = await call(t, 'POST', '/api/logout', { headers: { Origin: STRANGER, Cookie: cookie } });
    assert.equal(csrf.status, 403);
    assertNoCors(csrf, 'POST /api/logout');
  });

  test('from another origin the session is not even looked up (cookie or bearer), and the answer is the anonymous one', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const token = await signInBearer(t);
    const counted = countingSessions(t);
    const app = createApp({ store: counted.store, config: t.config, now: () => t.clock.now, log: () => {} });
    for (const [, path] of READS.filter(([template]) => template !== '/api/consultations/availability' && template !== '/api/health')) {
      const anonymous = await (await app.request(path)).text();
      for (const headers of [{ Origin: STRANGER, Cookie: cookie }, { Origin: STRANGER, Authorization: `Bearer ${token}` }] as Array<Record<string, string>>) {
        const before = counted.count();
        const res = await app.request(path, { headers });
        assert.equal(res.status, 200, path);
        assertAnyOrigin(res, path);
        assert.equal(await res.text(), anonymous, path);
        assert.equal(counted.count(), before, `no session look-up for ${path}`);
      }
    }
    // An allowlisted origin's request still authenticates as before.
    const before = counted.count();
    await app.request('/api/specialists', { headers: { Origin: PARTNER, Cookie: cookie } });
    assert.equal(counted.count(), before + 1);
  });

  test('a * answer never carries a Set-Cookie nor credentials, whatever the handler set', async () => {
    const deps = { config: { allowedOrigins: [PARTNER] } } as unknown as Deps;
    const app = new Hono<AppEnv>();
    app.use('*', cors(deps, () => ({ route: '/api/x', methods: ['GET', 'HEAD'] }), () => true));
    app.get('/api/x', (c) =>
      new Response('{}', { headers: { 'Content-Type': 'application/json', 'Set-Cookie': 'hearth_session=abc; Path=/', 'Access-Control-Allow-Credentials': 'true', seen: String(c.get('publicRead')) } }),
    );
    const res = await app.request('/api/x', { headers: { Origin: STRANGER } });
    assertAnyOrigin(res, '/api/x');
    assert.equal(res.headers.get('seen'), 'true');
    const own = await app.request('/api/x', { headers: { Origin: PARTNER } });
    assert.equal(own.headers.get('access-control-allow-origin'), PARTNER);
    assert.equal(own.headers.get('seen'), 'undefined');
  });
});
