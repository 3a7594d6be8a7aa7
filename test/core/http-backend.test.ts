import { expect } from '@open-wc/testing';
import { HttpBackend, httpBackend, type HttpBackendOptions } from '../../src/core/http-backend.js';
import { HearthError, isHearthError, type HearthErrorKind } from '../../src/core/errors.js';
import { errorFromResponse } from '../../src/core/problem.js';
import { apiBackend } from '../../src/core/api-backend.js';


const BASE = 'https://api.test/hearth';

type Answer = Response | Error | ((request: Request, init: RequestInit) => Response | Promise<Response>);

/** A fetch that answers from `answers` in turn (the last one repeats) and records each Request. */
function stub(...answers: Answer[]) {
  const requests: Request[] = [];
  const inits: RequestInit[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    inits.push(init);
    init.signal?.throwIfAborted(); // as the real fetch does
    const answer = answers[Math.min(requests.length, answers.length) - 1];
    if (answer instanceof Error) throw answer;
    return answer instanceof Response ? answer.clone() : answer(request, init);
  };
  return { fetch, requests, inits };
}

/** Never answers; rejects with the signal's reason when it aborts (like the real fetch). */
const hang = (_request: Request, init: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  json(status, { status, ...body }, { 'Content-Type': 'application/problem+json', ...headers });

const backend = (fetch: Answer[] | ReturnType<typeof stub>, options: Partial<HttpBackendOptions> = {}) =>
  new HttpBackend({
    baseUrl: BASE,
    retryDelay: 1,
    fetch: (Array.isArray(fetch) ? stub(...fetch) : fetch).fetch,
    ...options,
  });

/** The rejection of `promise` (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<HearthError> {
  try {
    await promise;
  } catch (e) {
    return e as HearthError;
  }
  throw new Error('expected a rejection');
}

const aborted = () => {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
};

describe('HearthError', () => {
  it('carries kind, name, an empty fieldErrors object and cause', () => {
    const cause = new TypeError('x');
    const e = new HearthError('offline', undefined, { cause });
    expect(e).to.be.instanceOf(Error);
    expect(e.name).to.equal('HearthError');
    expect(e.kind).to.equal('offline');
    expect(e.message).to.equal('offline');
    expect(e.fieldErrors).to.deep.equal({});
    expect(e.cause).to.equal(cause);
    expect(e.status).to.equal(undefined);
  });

  it('isHearthError accepts errors from another copy of the module, and nothing else', () => {
    expect(isHearthError(new HearthError('server'))).to.equal(true);
    expect(isHearthError(Object.assign(new Error('x'), { name: 'HearthError', kind: 'timeout' }))).to.equal(true);
    expect(isHearthError(new Error('x'))).to.equal(false);
    expect(isHearthError(new DOMException('x', 'AbortError'))).to.equal(false);
    expect(isHearthError(null)).to.equal(false);
    expect(isHearthError(undefined)).to.equal(false);
    expect(isHearthError('HearthError')).to.equal(false);
  });
});

describe('errorFromResponse', () => {
  const table: Array<[number, HearthErrorKind]> = [
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [405, 'bad-request'],
    [409, 'conflict'],
    [410, 'not-found'],
    [413, 'bad-request'],
    [415, 'bad-request'],
    [422, 'validation'],
    [429, 'rate-limited'],
    [451, 'bad-request'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [504, 'server'],
  ];
  for (const [status, kind] of table) {
    it(`maps ${status} to ${kind} (through HttpBackend, not retried for POST)`, async () => {
      const s = stub(problem(status, { title: 'T' + status }));
      const e = await rejection(backend(s).request('POST', '/messages', { body: {} }));
      expect(isHearthError(e)).to.equal(true);
      expect(e.kind).to.equal(kind);
      expect(e.status).to.equal(status);
      expect(e.message).to.contain(String(status)).and.contain('T' + status);
      expect(s.requests).to.have.length(1);
    });
  }

  it('prefers detail over title in the message and keeps the problem', () => {
    const body = { type: 'https://hearth.dev/problems/slot-taken', title: 'Slot taken', detail: 'Pick another time', extra: 1 };
    const e = errorFromResponse(problem(409, body), JSON.stringify({ status: 409, ...body }));
    expect(e.kind).to.equal('conflict');
    expect(e.message).to.equal('HTTP 409 Pick another time');
    expect(e.problem).to.deep.include({ ...body, status: 409 });
  });

  it('parses a plain JSON error body leniently', () => {
    const e = errorFromResponse(new Response('', { status: 400 }), '{"detail":"no"}');
    expect(e.problem).to.deep.equal({ detail: 'no' });
    expect(e.message).to.contain('no');
  });

  it('ignores a non-JSON body', () => {
    const e = errorFromResponse(new Response('', { status: 502, statusText: 'Bad Gateway' }), '<html>oops</html>');
    expect(e.kind).to.equal('server');
    expect(e.problem).to.equal(undefined);
    expect(e.message).to.equal('HTTP 502 Bad Gateway');
    expect(e.fieldErrors).to.deep.equal({});
  });

  it('ignores a JSON body that is not an object', () => {
    expect(errorFromResponse(new Response('', { status: 400 }), '["x"]').problem).to.equal(undefined);
    expect(errorFromResponse(new Response('', { status: 400 }), 'null').problem).to.equal(undefined);
  });

  it('normalizes 422 field errors given as an object', async () => {
    const e = await rejection(
      backend([problem(422, { title: 'Invalid', errors: { body: ['Too short', 'No links'], subject: 'Required' } })]).request(
        'POST',
        '/messages',
        { body: {} },
      ),
    );
    expect(e.kind).to.equal('validation');
    expect(e.fieldErrors).to.deep.equal({ body: ['Too short', 'No links'], subject: ['Required'] });
  });

  it('normalizes 422 field errors given as an array (pointer, field, name)', async () => {
    const errors = [
      { pointer: '/body', detail: 'Too short' },
      { pointer: '#/email', detail: 'Invalid' },
      { field: 'email', message: 'Taken' },
      { name: 'phone', reason: 'Digits only' },
      { pointer: '/address/city', detail: 'Required' },
      { detail: 'Something about the whole form' },
      { pointer: '/x' },
      null,
    ];
    const e = await rejection(backend([problem(422, { errors })]).request('POST', '/consultations', { body: {} }));
    expect(e.fieldErrors).to.deep.equal({
      body: ['Too short'],
      email: ['Invalid', 'Taken'],
      phone: ['Digits only'],
      'address.city': ['Required'],
      '': ['Something about the whole form'],
    });
  });

  it('reads 422 fields named constructor, toString and __proto__ as fields: a validation error, not "offline", not retried', async () => {
    const body = '{"status":422,"errors":{"constructor":["Not allowed"],"toString":"Bad","__proto__":["Odd"]}}';
    const s = stub(new Response(body, { status: 422, headers: { 'Content-Type': 'application/problem+json' } }));
    const e = await rejection(backend(s).request('POST', '/messages', { body: {} }));
    expect(e.kind).to.equal('validation');
    expect(Object.getPrototypeOf(e.fieldErrors)).to.equal(null);
    expect(Object.keys(e.fieldErrors)).to.deep.equal(['constructor', 'toString', '__proto__']);
    expect(e.fieldErrors.constructor).to.deep.equal(['Not allowed']);
    expect(e.fieldErrors.toString).to.deep.equal(['Bad']);
    expect(Object.getOwnPropertyDescriptor(e.fieldErrors, '__proto__')!.value).to.deep.equal(['Odd']);
    expect(s.requests).to.have.length(1);
    // The array shape, too; and an error without field errors has a prototype-free map.
    const listed = errorFromResponse(new Response('', { status: 422 }), '[]');
    expect(Object.getPrototypeOf(listed.fieldErrors)).to.equal(null);
    const array = errorFromResponse(new Response('', { status: 422 }), '{"errors":[{"field":"constructor","detail":"No"},{"pointer":"/hasOwnProperty","detail":"No"}]}');
    expect({ ...array.fieldErrors }).to.deep.equal({ constructor: ['No'], hasOwnProperty: ['No'] });
    expect(Object.getPrototypeOf(new HearthError('server').fieldErrors)).to.equal(null);
  });

  it('ignores an `errors` member of an unknown shape', () => {
    const e = errorFromResponse(new Response('', { status: 422 }), '{"errors":"bad"}');
    expect(e.fieldErrors).to.deep.equal({});
  });

  it('reads Retry-After as delta-seconds', async () => {
    const e = await rejection(backend([problem(429, {}, { 'Retry-After': '120' })]).request('POST', '/messages', { body: {} }));
    expect(e.kind).to.equal('rate-limited');
    expect(e.retryAfter).to.equal(120);
  });

  it('reads Retry-After as an HTTP date', () => {
    const date = new Date(Date.now() + 30_000).toUTCString();
    const e = errorFromResponse(new Response('', { status: 503, headers: { 'Retry-After': date } }), '');
    expect(e.retryAfter).to.be.within(28, 31);
  });

  it('reads a past Retry-After date and "0" as 0, garbage or none as undefined', () => {
    const after = (value?: string) =>
      errorFromResponse(new Response('', { status: 429, headers: value === undefined ? {} : { 'Retry-After': value } }), '')
        .retryAfter;
    expect(after(new Date(Date.now() - 60_000).toUTCString())).to.equal(0);
    expect(after('0')).to.equal(0);
    expect(after('soon')).to.equal(undefined);
    expect(after()).to.equal(undefined);
  });
});

describe('HttpBackend: answers', () => {
  it('parses a JSON body', async () => {
    expect(await backend([json(200, [{ id: 1 }])]).request('GET', '/references/x')).to.deep.equal([{ id: 1 }]);
  });

  it('accepts +json types and parameters', async () => {
    const r = new Response('{"a":1}', { headers: { 'Content-Type': 'application/vnd.api+json; charset=utf-8' } });
    expect(await backend([r]).request('GET', '/x')).to.deep.equal({ a: 1 });
  });

  it('resolves 204 and an empty body with undefined', async () => {
    expect(await backend([new Response(null, { status: 204 })]).request('DELETE', '/x')).to.equal(undefined);
    expect(await backend([new Response('', { status: 200 })]).request('GET', '/x')).to.equal(undefined);
  });

  it('rejects invalid JSON as malformed, without retrying', async () => {
    const s = stub(new Response('{"a":', { headers: { 'Content-Type': 'application/json' } }));
    const e = await rejection(backend(s).request('GET', '/x'));
    expect(e.kind).to.equal('malformed');
    expect(e.status).to.equal(200);
    expect(e.cause).to.be.instanceOf(SyntaxError);
    expect(s.requests).to.have.length(1);
  });

  it('rejects a non-JSON content type as malformed', async () => {
    const e = await rejection(
      backend([new Response('[1]', { headers: { 'Content-Type': 'text/html' } })]).request('GET', '/x'),
    );
    expect(e.kind).to.equal('malformed');
    expect(e.message).to.contain('text/html');
    const none = await rejection(backend([new Response(new Blob(['[1]']))]).request('GET', '/x'));
    expect(none.kind).to.equal('malformed');
  });

  it('turns a network failure into offline when the browser is offline', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const cause = new TypeError('Failed to fetch');
      const e = await rejection(backend([cause], { retries: 0 }).request('GET', '/x'));
      expect(e.kind).to.equal('offline');
      expect(e.cause).to.equal(cause);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
  });

  it('turns a network failure while online into unreachable, and tells the developer once what to check (base URL only)', async () => {
    const logged: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      const base = 'https://unreachable.test/hearth';
      const failing = () => new HttpBackend({ baseUrl: base, retries: 0, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
      const e = await rejection(failing().request('GET', '/consultations/manage/secret-token'));
      expect(e.kind).to.equal('unreachable');
      expect(e.cause).to.be.instanceOf(TypeError);
      await rejection(failing().request('GET', '/specialists'));
      expect(logged).to.have.length(1); // once per base URL
      expect(logged[0]).to.contain(base).and.contain('HEARTH_ALLOWED_ORIGINS').and.contain(location.origin).and.contain('api');
      expect(logged[0]).not.to.contain('secret-token');
    } finally {
      console.error = error;
    }
  });

  it('lets other errors of fetch through unchanged', async () => {
    const odd = new RangeError('odd');
    expect(await rejection(backend([odd]).request('GET', '/x'))).to.equal(odd);
  });

  it('uses the global fetch by default', async () => {
    const e = await rejection(new HttpBackend({ baseUrl: location.origin, retries: 0 }).request('GET', '/__no_such_path__'));
    expect(e.kind).to.equal('not-found');
  });
});

describe('HttpBackend: requests', () => {
  it('joins the base URL and the path, with or without a trailing slash', async () => {
    const s = stub(json(200, {}));
    await backend(s).request('GET', '/specialists');
    await backend(s, { baseUrl: BASE + '/' }).request('GET', '/specialists');
    await backend(s, { baseUrl: BASE + '/' }).request('GET', '');
    expect(s.requests.map((r) => r.url)).to.deep.equal([`${BASE}/specialists`, `${BASE}/specialists`, `${BASE}/`]);
  });

  it('getReferences GETs /references/{listId}, encoded', async () => {
    const s = stub(json(200, [{ id: 'a' }]));
    expect(await backend(s).getReferences('essay 1/b?')).to.deep.equal([{ id: 'a' }]);
    expect(s.requests[0].method).to.equal('GET');
    expect(s.requests[0].url).to.equal(`${BASE}/references/essay%201%2Fb%3F`);
  });

  it('sends Accept, and no Content-Type, Authorization or Idempotency-Key by default', async () => {
    const s = stub(json(200, {}));
    await backend(s).request('GET', '/x');
    const h = s.requests[0].headers;
    expect(h.get('Accept')).to.equal('application/json');
    expect(h.has('Content-Type')).to.equal(false);
    expect(h.has('Authorization')).to.equal(false);
    expect(h.has('Idempotency-Key')).to.equal(false);
  });

  it('sends a JSON body with Content-Type and the Idempotency-Key', async () => {
    const s = stub(json(201, { id: 'm1' }));
    const body = { body: 'Hello', to: 'dr-a' };
    const answer = await backend(s).request('POST', '/messages', { body, idempotencyKey: 'k-1' });
    expect(answer).to.deep.equal({ id: 'm1' });
    const r = s.requests[0];
    expect(r.method).to.equal('POST');
    expect(r.headers.get('Content-Type')).to.equal('application/json');
    expect(r.headers.get('Idempotency-Key')).to.equal('k-1');
    expect(await r.text()).to.equal(JSON.stringify(body));
  });

  it('sends a bearer token from a sync or async getToken, none for null', async () => {
    const s = stub(json(200, {}));
    await backend(s, { getToken: () => 'sync-token' }).request('GET', '/x');
    await backend(s, { getToken: async () => 'async-token' }).request('GET', '/x');
    await backend(s, { getToken: () => null }).request('GET', '/x');
    expect(s.requests.map((r) => r.headers.get('Authorization'))).to.deep.equal([
      'Bearer sync-token',
      'Bearer async-token',
      null,
    ]);
  });

  it('adds extra headers from an object or a function called per request', async () => {
    const s = stub(json(200, {}));
    let n = 0;
    await backend(s, { headers: { 'X-Site': 'blog' } }).request('GET', '/x');
    const b = backend(s, { headers: () => ({ 'X-Count': String(++n) }) });
    await b.request('GET', '/x');
    await b.request('GET', '/x');
    expect(s.requests[0].headers.get('X-Site')).to.equal('blog');
    expect(s.requests[0].headers.get('Accept')).to.equal('application/json');
    expect(s.requests.slice(1).map((r) => r.headers.get('X-Count'))).to.deep.equal(['1', '2']);
  });

  it("uses credentials 'same-origin' by default, or the option", async () => {
    const s = stub(json(200, {}));
    await backend(s).request('GET', '/x');
    await backend(s, { credentials: 'include' }).request('GET', '/x');
    expect(s.requests.map((r) => r.credentials)).to.deep.equal(['same-origin', 'include']);
  });
});

describe('HttpBackend: timeout and abort', () => {
  it('rejects with timeout when no answer comes in time', async () => {
    const started = Date.now();
    const e = await rejection(backend([hang], { timeout: 30, retries: 0 }).request('GET', '/x'));
    expect(e.kind).to.equal('timeout');
    expect(Date.now() - started).to.be.below(500);
  });

  it('retries a GET after a timeout', async () => {
    const s = stub(hang, json(200, { ok: true }));
    expect(await backend(s, { timeout: 30 }).request('GET', '/x')).to.deep.equal({ ok: true });
    expect(s.requests).to.have.length(2);
  });

  it('rejects with the caller’s reason when aborted before the call', async () => {
    const signal = aborted();
    const s = stub(json(200, {}));
    const e = await rejection(backend(s).request('GET', '/x', { signal }));
    expect(e).to.equal(signal.reason);
    expect((e as unknown as DOMException).name).to.equal('AbortError');
  });

  it('rejects with the caller’s reason when aborted during the call, without retrying', async () => {
    const controller = new AbortController();
    const s = stub(hang);
    const p = backend(s).request('GET', '/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const e = await rejection(p);
    expect(e).to.equal(controller.signal.reason);
    expect(isHearthError(e)).to.equal(false);
    expect(s.requests).to.have.length(1);
  });

  it('keeps a custom abort reason as is', async () => {
    const controller = new AbortController();
    const reason = new DOMException('list changed', 'AbortError');
    const p = backend([hang]).getReferences('x', { signal: controller.signal });
    controller.abort(reason);
    expect(await rejection(p)).to.equal(reason);
  });

  it('stops a backoff wait at once when the caller aborts', async () => {
    const controller = new AbortController();
    const s = stub(problem(503, {}, { 'Retry-After': '4' }));
    const p = backend(s, { maxRetryDelay: 10_000 }).request('GET', '/x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    const e = await rejection(p);
    expect(e).to.equal(controller.signal.reason);
    expect(Date.now() - started).to.be.below(300);
    expect(s.requests).to.have.length(1);
  });
});

describe('HttpBackend: retries', () => {
  const realSetTimeout = window.setTimeout;
  let delays: number[] = [];
  /** Records the backoff waits and runs them at once. */
  const recordWaits = () => {
    delays = [];
    window.setTimeout = ((fn: () => void, ms = 0) => {
      delays.push(ms);
      return realSetTimeout(fn, 0);
    }) as typeof setTimeout;
  };
  afterEach(() => {
    window.setTimeout = realSetTimeout;
  });

  it('retries a GET after a 5xx and resolves', async () => {
    const s = stub(problem(500, {}), problem(502, {}), json(200, [1]));
    expect(await backend(s).request('GET', '/x')).to.deep.equal([1]);
    expect(s.requests).to.have.length(3);
  });

  it('retries HEAD too', async () => {
    const s = stub(problem(503, {}), new Response(null, { status: 200 }));
    expect(await backend(s).request('HEAD', '/x')).to.equal(undefined);
    expect(s.requests).to.have.length(2);
  });

  it('gives up after `retries` retries with the last error', async () => {
    const s = stub(problem(500, {}), problem(500, {}), problem(503, { detail: 'last' }));
    const e = await rejection(backend(s).request('GET', '/x'));
    expect(e.kind).to.equal('server');
    expect(e.message).to.contain('last');
    expect(s.requests).to.have.length(3);
    const once = stub(problem(500, {}));
    await rejection(backend(once, { retries: 0 }).request('GET', '/x'));
    expect(once.requests).to.have.length(1);
  });

  it('retries offline GETs', async () => {
    const s = stub(new TypeError('Failed to fetch'), json(200, 'ok'));
    expect(await backend(s).request('GET', '/x')).to.equal('ok');
    expect(s.requests).to.have.length(2);
  });

  it('does not retry a 4xx', async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      const s = stub(problem(status, {}), json(200, {}));
      await rejection(backend(s).request('GET', '/x'));
      expect(s.requests, String(status)).to.have.length(1);
    }
  });

  it('never retries POST, PUT or DELETE', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      for (const answer of [problem(503, {}), problem(429, {}), new TypeError('Failed to fetch')]) {
        const s = stub(answer, json(200, {}));
        await rejection(backend(s).request(method, '/messages', { body: {}, idempotencyKey: 'k' }));
        expect(s.requests, method).to.have.length(1);
      }
    }
  });

  it('backs off exponentially with full jitter, capped by maxRetryDelay', async () => {
    recordWaits();
    const s = stub(problem(500, {}));
    await rejection(backend(s, { retries: 4, retryDelay: 100, maxRetryDelay: 300 }).request('GET', '/x'));
    expect(s.requests).to.have.length(5);
    expect(delays).to.have.length(4);
    [100, 200, 300, 300].forEach((cap, i) => expect(delays[i]).to.be.within(0, cap));
  });

  it('waits as long as Retry-After says on 429 and 503', async () => {
    recordWaits();
    const s = stub(problem(429, {}, { 'Retry-After': '2' }), problem(503, {}, { 'Retry-After': '0' }), json(200, 'ok'));
    expect(await backend(s).request('GET', '/x')).to.equal('ok');
    expect(delays).to.deep.equal([2000, 0]);
  });

  it('fails at once when Retry-After is longer than maxRetryDelay', async () => {
    const s = stub(problem(429, {}, { 'Retry-After': '60' }), json(200, {}));
    const started = Date.now();
    const e = await rejection(backend(s).request('GET', '/x'));
    expect(e.kind).to.equal('rate-limited');
    expect(e.retryAfter).to.equal(60);
    expect(s.requests).to.have.length(1);
    expect(Date.now() - started).to.be.below(200);
  });

  it('never waits past the longest delay: a Retry-After beyond setTimeout\'s range (or 1e400) does not fire at once', async () => {
    for (const value of ['2147484', '1e400', new Date(Date.now() + 400 * 864e5).toUTCString()]) {
      const s = stub(problem(503, {}, { 'Retry-After': value }), json(200, 'ok'));
      const controller = new AbortController();
      const pending = rejection(backend(s, { maxRetryDelay: Infinity }).request('GET', '/x', { signal: controller.signal }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(s.requests, value).to.have.length(1);
      controller.abort();
      await pending;
    }
  });

  it('retries a 429 without Retry-After with backoff', async () => {
    const s = stub(problem(429, {}), json(200, 'ok'));
    expect(await backend(s).request('GET', '/x')).to.equal('ok');
    expect(s.requests).to.have.length(2);
  });
});

describe('httpBackend()', () => {
  it('shares one instance per absolute base URL', () => {
    const a = httpBackend('https://shared.test/hearth');
    expect(httpBackend('https://shared.test/hearth')).to.equal(a);
    expect(httpBackend('https://other.test/hearth')).not.to.equal(a);
    expect(a).to.be.instanceOf(HttpBackend);
    expect(a.options.baseUrl).to.equal('https://shared.test/hearth');
  });

  it('resolves a relative base URL against document.baseURI', () => {
    const rel = httpBackend('api/hearth');
    const abs = new URL('api/hearth', document.baseURI).href;
    expect(rel.options.baseUrl).to.equal(abs);
    expect(httpBackend(abs)).to.equal(rel);
  });
});

describe('apiBackend() (the `api` attribute\'s backend)', () => {
  // Every method the HTTP client implements, read from its prototype, except its transport (request,
  // and open for the live stream), which elements never call through the backend: the Proxy must
  // forward each one, so none comes back undefined.
  const transport = ['constructor', 'request', 'open'];
  const methods = Object.getOwnPropertyNames(HttpBackend.prototype).filter(
    (name) => !transport.includes(name) && typeof (HttpBackend.prototype as unknown as Record<string, unknown>)[name] === 'function',
  );

  it('forwards every method of the HTTP client', () => {
    const backend = apiBackend('https://forward.test/hearth') as unknown as Record<string, unknown>;
    expect(methods.length).to.be.greaterThan(25);
    const missing = methods.filter((name) => typeof backend[name] !== 'function');
    expect(missing).to.deep.equal([]);
  });

  it('answers undefined for what is not a method (then, lit-html probes, symbols)', () => {
    const backend = apiBackend('https://forward.test/hearth') as unknown as Record<string | symbol, unknown>;
    for (const name of ['then', '_$litDirective$', ...transport, 'options', 'getreferences']) expect(backend[name], name).to.equal(undefined);
    expect(backend[Symbol.iterator]).to.equal(undefined);
  });

  it('is one object per base URL', () => {
    expect(apiBackend('https://forward.test/hearth')).to.equal(apiBackend('https://forward.test/hearth'));
  });
});

describe('HttpBackend: conversations and staff', () => {
  it('asks for a page of conversations with only the filters given', async () => {
    const s = stub(json(200, { items: [], next: null }));
    const b = backend(s);
    await b.listConversations({ status: 'open', mine: true, recipient: 'olena kovalenko', before: 'c/1', limit: 50 });
    await b.listConversations({ mine: false });
    expect(s.requests[0].url).to.equal(`${BASE}/conversations?status=open&recipient=olena+kovalenko&before=c%2F1&mine=1&limit=50`);
    expect(s.requests[1].url).to.equal(`${BASE}/conversations?`);
  });

  it('replies, updates, marks read and invites with the paths, methods, bodies and keys of the contract', async () => {
    const s = stub(json(201, { id: 'm1', createdAt: '2026-01-01T00:00:00Z' }));
    const b = backend(s);
    await b.getConversation('a/b');
    await b.replyToConversation('c1', { body: 'Of course' }, { idempotencyKey: 'k1' });
    await b.updateConversation('c1', { status: 'handled' }, { idempotencyKey: 'k2' });
    await b.markConversationRead('c1');
    await b.listStaff();
    await b.inviteStaff({ email: 'a@b.c', name: 'A', role: 'admin' }, { idempotencyKey: 'k3' });
    const seen = await Promise.all(s.requests.map(async (r) => [r.method, r.url.slice(BASE.length), r.headers.get('Idempotency-Key'), await r.text()]));
    expect(seen).to.deep.equal([
      ['GET', '/conversations/a%2Fb', null, ''],
      ['POST', '/conversations/c1/messages', 'k1', '{"body":"Of course"}'],
      ['PATCH', '/conversations/c1', 'k2', '{"status":"handled"}'],
      ['POST', '/conversations/c1/read', null, ''],
      ['GET', '/staff', null, ''],
      ['POST', '/staff', 'k3', '{"email":"a@b.c","name":"A","role":"admin"}'],
    ]);
  });
});
