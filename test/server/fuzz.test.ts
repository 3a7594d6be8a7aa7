// 1,500 randomly malformed requests (seeded, so a failure reproduces) across every route: random
// methods, paths, garbage JSON, wrong types, huge strings, unicode, null bytes, odd headers.
// None may answer 5xx or crash, and every answer must match openapi.yaml.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { booking, createTestApp, DEMO_USER, newKey, ORIGIN, PARTNER, signInBearer, signInCookie } from './helpers.js';
import { checkGenericProblem, checkResponse, openapi, templateOf } from './contract.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20260601);
const COUNT = Number(process.env.FUZZ_COUNT ?? 1500);

/** mulberry32 */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fuzz', () => {
  test(`${COUNT} malformed requests (seed ${SEED}): no 5xx, every answer per openapi.yaml`, async () => {
    const t = await createTestApp({ config: { log: false, messagesPerMinute: 50, bookingsPerHour: 50, loginFreeFailures: 10_000, loginFailuresPerAddressPer15Min: 10_000, loginsPerAccountPer15Min: 10_000, signupsPerHour: 10_000 } });
    const token = await signInBearer(t);
    const cookie = await signInCookie(t);
    const created = await checkResponse('POST', '/api/consultations', await t.app.request('/api/consultations', {
      method: 'POST',
      body: JSON.stringify(booking()),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
    }));
    const manageToken = new URL(created.body.manageUrl).pathname.split('/').pop()!;
    const conversationId = (await checkResponse('POST', '/api/messages', await t.app.request('/api/messages', {
      method: 'POST',
      body: JSON.stringify({ body: 'hello', to: 'olena-kovalenko' }),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), Authorization: `Bearer ${token}` },
    }))).body.conversationId as string;

    const rand = prng(SEED);
    const int = (n: number) => Math.floor(rand() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const chance = (p: number) => rand() < p;

    const weird = [
      '', ' ', '\u0000', 'a\u0000b', '\uFFFF', '\uD800', '💥'.repeat(50), 'é́́', 'الْعَرَبِيَّة', '<script>alert(1)</script>', "'; DROP TABLE bookings; --",
      '../../etc/passwd', '%00', '%', '%%', '?', '#', '\r\nX-Injected: 1', 'null', 'undefined', 'NaN', '-1', '1e309', 'x'.repeat(5000), 'ж'.repeat(3000),
    ];
    const scalar = (): unknown =>
      pick<() => unknown>([
        () => pick(weird),
        () => int(1e9) - 5e8,
        () => rand(),
        () => pick([true, false, null]),
        () => 'x'.repeat(int(20_000)),
        () => [],
        () => ({}),
        () => Number.MAX_SAFE_INTEGER,
        () => new Date(int(4e12)).toISOString(),
        () => pick(['2026-06-02T06:00:00Z', '2026-06-02', '2026-13-40T99:99:99Z', '+275760-09-13T00:00:00Z', '0000-01-01T00:00:00Z']),
        () => pick(['Europe/Kyiv', 'UTC', 'Etc/GMT+14', 'America/New_York', '../zoneinfo', 'Mars/Base']),
      ])();
    const value = (depth = 0): unknown => {
      if (depth > 3 || chance(0.6)) return scalar();
      if (chance(0.5)) return Array.from({ length: int(5) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(['body', 'to', 'start', 'email', 'consent', '__proto__', 'constructor', pick(weird)]), value(depth + 1)]));
    };
    const mutate = (base: Record<string, unknown>) => {
      const o: Record<string, unknown> = { ...base };
      for (let i = 0, n = int(4); i < n; i++) {
        const k = pick(Object.keys(base));
        if (chance(0.2)) delete o[k];
        else o[k] = scalar();
      }
      if (chance(0.2)) o[pick(weird)] = value();
      return o;
    };
    const body = (): string | Uint8Array | undefined =>
      pick<() => string | Uint8Array | undefined>([
        () => undefined,
        () => '',
        () => JSON.stringify(value()),
        () => JSON.stringify(mutate({ body: 'hello', subject: 's', to: 'olena-kovalenko', pageUrl: 'https://x.example/' })),
        () => JSON.stringify(mutate(booking({ start: `2026-06-0${2 + int(4)}T${pick(['06', '07', '08', '11', '12'])}:${pick(['00', '30'])}:00Z`, email: `f${int(1e6)}@example.org` }))),
        () => JSON.stringify(mutate(booking())).slice(0, int(100)),
        () => '{"body": "unterminated',
        () => '['.repeat(8000) + ']'.repeat(8000),
        () => '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
        () => JSON.stringify({ body: 'x'.repeat(17_000) }),
        () => new Uint8Array(Array.from({ length: int(200) }, () => int(256))),
        () => pick(weird),
        () => 'email=a%40b.c&password=' + enc(pick(weird)) + '&origin=' + enc(pick([PARTNER, 'https://evil.example', pick(weird)])),
        () => `name=${enc(pick(weird))}&email=${enc(pick(weird))}&password=${enc(pick(weird))}&return=${enc(pick(weird))}`,
      ])();
    const enc = (x: string) => {
      try {
        return encodeURIComponent(x);
      } catch {
        return '%ED%A0%80'; // a lone surrogate, as raw UTF-8 bytes
      }
    };
    const seg = () => (chance(0.5) ? enc(pick(weird)).slice(0, 300) : pick(['essay', manageToken, 'x', '%00', '%2e%2e', '..', '%F0%9F%92%A5', 'A'.repeat(43)]));
    const path = (): string =>
      pick<() => string>([
        () => '/api/session',
        () => '/api/logout',
        () => '/api/messages',
        () => '/api/specialists',
        () => `/api/consultations/availability?${new URLSearchParams(Object.fromEntries(['specialist', 'from', 'to'].filter(() => chance(0.8)).map((k) => [k, String(scalar()).slice(0, 500)])))}`,
        () => '/api/consultations/availability?specialist=olena-kovalenko&from=2026-06-01&to=2026-06-0' + int(10),
        () => '/api/consultations',
        () => `/api/consultations/manage/${seg()}`,
        () => `/api/consultations/manage/${seg()}/ics`,
        () => `/api/consultations/manage/${seg()}/cancel`,
        () => `/api/references/${seg()}`,
        () => `/api/conversations?${new URLSearchParams(Object.fromEntries(['status', 'mine', 'before', 'limit'].filter(() => chance(0.5)).map((k) => [k, String(scalar()).slice(0, 300)])))}`,
        () => `/api/conversations/${chance(0.5) ? conversationId : seg()}${pick(['', '/messages', '/read'])}`,
        () => `/api/${seg()}`,
        () => `/api/${seg()}/${seg()}/${seg()}`,
        () => `/login?origin=${enc(String(scalar()).slice(0, 200))}&return=${enc(pick(weird).slice(0, 200))}`,
        () => '/login',
        () => '/signup',
        () => `/${seg()}`,
      ])();
    const headers = (): Record<string, string> => {
      const h: Record<string, string> = {};
      if (chance(0.7)) h['Content-Type'] = pick(['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json;;;', '*/*', '']);
      if (chance(0.6)) h['Idempotency-Key'] = pick([newKey(), newKey(), 'fixed-key', 'x'.repeat(300), ' ', 'ключ', 'a b']);
      if (chance(0.5)) h.Authorization = pick([`Bearer ${token}`, `Bearer ${token}`, 'Bearer', 'Bearer ' + 'x'.repeat(500), 'Basic abc', 'Bearer \u00e9t\u00e9', '']);
      if (chance(0.2)) h.Cookie = pick([cookie, cookie, 'hearth_session=', 'hearth_session=%%%', 'a=b; hearth_session="quoted"', 'x'.repeat(2000)]);
      if (chance(0.4)) h.Origin = pick([ORIGIN, PARTNER, 'https://evil.example', 'null', '', 'not a url']);
      if (chance(0.05)) h['Content-Length'] = pick(['0', '-1', 'abc', '99999999', '1.5']);
      if (chance(0.1)) h['X-Forwarded-For'] = pick(['1.2.3.4', 'garbage', '']);
      if (chance(0.1)) h['Access-Control-Request-Method'] = pick(['POST', 'DELETE', 'BREW']);
      if (chance(0.2)) h.Accept = pick(['text/html', 'text/html,*/*;q=0.8', 'application/json', '*/*', 'text/html;q=0, application/json', 'text/html;q=abc', ';;,', '']);
      if (chance(0.1)) h['Sec-Fetch-Site'] = pick(['same-origin', 'cross-site', 'none', '']);
      return h;
    };
    const methods = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND'];
    /** Mostly the methods each path serves, so that requests get past routing. */
    const methodFor = (p: string) => {
      if (chance(0.25)) return pick(methods);
      const template = templateOf(new URL(p, 'http://localhost').pathname);
      const item = template ? (openapi.paths as Record<string, Record<string, unknown>>)[template]! : {};
      const served = Object.keys(item).filter((m) => m !== 'parameters' && m !== 'options').map((m) => m.toUpperCase());
      return served.length ? pick(served) : pick(methods);
    };

    const statuses = new Map<number, number>();
    for (let i = 0; i < COUNT; i++) {
      const p = path();
      const method = methodFor(p);
      const h = headers();
      if (method === 'POST' && chance(0.5)) h['Content-Type'] = p.startsWith('/api/') ? 'application/json' : 'application/x-www-form-urlencoded';
      let b = method === 'GET' || method === 'HEAD' ? undefined : body();
      // Now and then a well-formed write with one or no odd field, so that the mix reaches the database.
      if (method === 'POST' && /^\/api\/(messages|consultations)$/.test(p) && chance(0.3)) {
        Object.assign(h, { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), Authorization: `Bearer ${token}` });
        const start = `2026-06-0${2 + int(4)}T${pick(['06', '07', '08', '11', '12'])}:${pick(['00', '30'])}:00Z`;
        const valid = p === '/api/messages' ? { body: pick(weird) || 'hi', subject: 's' } : booking({ start, email: `f${int(1e6)}@example.org` });
        b = JSON.stringify(chance(0.5) ? valid : mutate(valid));
      }
      let res: Response;
      try {
        res = await t.app.request(p, { method, headers: h, body: b });
      } catch (e) {
        // The request itself could not be built (e.g. an invalid header value): not the server's fault.
        if (e instanceof TypeError) continue;
        throw e;
      }
      const where = `#${i} ${method} ${p.slice(0, 120)} ${JSON.stringify(h).slice(0, 200)} ${String(b).slice(0, 120)}`;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      assert.ok(res.status < 500, `${where} → ${res.status}: ${await res.clone().text()}`);
      const template = templateOf(new URL(p, 'http://localhost').pathname);
      const op = template && (openapi.paths as Record<string, Record<string, unknown>>)[template]![method === 'HEAD' ? 'get' : method.toLowerCase()];
      try {
        if (op) await checkResponse(method, template, res);
        else await checkGenericProblem(res.status as 404 | 405, res, method);
      } catch (e) {
        throw new Error(`${where}\n${(e as Error).message}`, { cause: e });
      }
    }
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    assert.ok(total >= 1000, `only ${total} requests were sent`);
    // The mix reached deep into the routes, not only the front door.
    for (const s of [200, 201, 400, 401, 403, 404, 405, 413, 415, 422]) assert.ok(statuses.get(s), `no ${s} among ${JSON.stringify([...statuses])}`);
    // The server still works afterwards (the fuzz may have logged the first token out).
    const fresh = await signInBearer(t);
    const after = await t.app.request('/api/session', { headers: { Authorization: `Bearer ${fresh}` } });
    assert.equal((await checkResponse('GET', '/api/session', after)).body.user.name, DEMO_USER.name);
  });
});
