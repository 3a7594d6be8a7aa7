import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, checked, createTestApp, newKey, ORIGIN, PARTNER, signInBearer, signInCookie, type TestApp } from './helpers.js';

const T = '/api/messages';
const count = async (t: TestApp) => (await t.scalar('SELECT count(*) FROM messages')) as number;

async function setup(config = {}) {
  const t = await createTestApp({ config });
  const token = await signInBearer(t);
  const auth = { Authorization: `Bearer ${token}` };
  const send = (json: unknown, headers: Record<string, string> = {}) =>
    checked(t, 'POST', T, T, { json, headers: { ...auth, 'Idempotency-Key': newKey(), ...headers } });
  return { t, auth, send };
}

describe('POST /api/messages', () => {
  test('201 {id, createdAt} and the message is stored with sender and time', async () => {
    const { t, send, auth } = await setup();
    const r = await send({ to: 'olena-kovalenko', subject: ' Hello ', body: '  I would like to talk.  ', pageUrl: 'https://partner.example/essay' });
    assert.equal(r.status, 201);
    assert.equal(r.body.createdAt, '2026-06-01T00:00:00Z');
    const row = (await t.row('SELECT * FROM messages WHERE id = ?', [r.body.id])) as Record<string, string>;
    assert.equal(row.user_id, 'demo-visitor');
    assert.match(row.body!, /^hb1\./, 'the body is encrypted at rest');
    assert.ok(!row.body!.includes('talk'));
    const thread = await checked(t, 'GET', '/api/conversations/{conversationId}', `/api/conversations/${r.body.conversationId}`, { headers: auth });
    assert.equal(thread.body.messages[0].body, 'I would like to talk.');
    assert.equal(row.subject, 'Hello');
    assert.equal(row.recipient, 'olena-kovalenko');
    assert.equal(row.page_url, 'https://partner.example/essay');
    assert.equal(row.created_at, '2026-06-01T00:00:00Z');
  });

  test('only body is required; null optional fields are fine', async () => {
    const { send } = await setup();
    assert.equal((await send({ body: 'Hi' })).status, 201);
    assert.equal((await send({ body: 'Hi', to: null, subject: null, pageUrl: null })).status, 201);
  });

  test('401 when signed out (problem+json)', async () => {
    const t = await createTestApp();
    const r = await checked(t, 'POST', T, T, { json: { body: 'Hi' }, headers: { 'Idempotency-Key': newKey() } });
    assert.equal(r.status, 401);
    assert.match(r.headers.get('content-type')!, /^application\/problem\+json/);
    assert.equal(await count(t), 0);
  });

  test('cookie-authenticated: allowed from the own origin and allowlisted origins, 403 otherwise (CSRF)', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const post = (origin?: string) =>
      checked(t, 'POST', T, T, { json: { body: 'Hi' }, headers: { Cookie: cookie, 'Idempotency-Key': newKey(), ...(origin ? { Origin: origin } : {}) } });
    assert.equal((await post(ORIGIN)).status, 201);
    assert.equal((await post(PARTNER)).status, 201);
    const evil = await post('https://evil.example');
    assert.equal(evil.status, 403);
    assert.equal(evil.body.type, '/problems/csrf');
    assert.equal((await post()).status, 403, 'no Origin at all');
    assert.equal((await post('null')).status, 403);
    assert.equal(await count(t), 2);
  });

  test('cookie-authenticated from the server\'s own page with Origin: null (Referrer-Policy: no-referrer) passes by Sec-Fetch-Site', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const post = (site: string) =>
      checked(t, 'POST', T, T, { json: { body: 'Hi' }, headers: { Cookie: cookie, 'Idempotency-Key': newKey(), Origin: 'null', 'Sec-Fetch-Site': site } });
    assert.equal((await post('same-origin')).status, 201);
    assert.equal((await post('same-site')).status, 403);
    assert.equal((await post('cross-site')).status, 403);
    assert.equal(await count(t), 1);
  });

  test('bearer-authenticated writes need no Origin', async () => {
    const { send } = await setup();
    assert.equal((await send({ body: 'Hi' }, { Origin: 'https://elsewhere.example' })).status, 201);
  });

  test('422 per field', async () => {
    const { t, send } = await setup();
    const cases: Array<[unknown, string]> = [
      [{}, 'body'],
      [{ body: '   ' }, 'body'],
      [{ body: 'x'.repeat(5001) }, 'body'],
      [{ body: 42 }, 'body'],
      [{ body: 'ok', subject: 's'.repeat(201) }, 'subject'],
      [{ body: 'ok', to: 't'.repeat(101) }, 'to'],
      [{ body: 'ok', to: 'a\nb' }, 'to'],
      [{ body: 'ok', pageUrl: 'javascript:alert(1)' }, 'pageUrl'],
      [{ body: 'ok', pageUrl: 'not a url' }, 'pageUrl'],
      [{ body: 'ok', pageUrl: 'https://x.example/' + 'p'.repeat(2000) }, 'pageUrl'],
      [{ body: 'a\u0000b' }, 'body'],
      [[], ''],
      ['text', ''],
      [null, ''],
    ];
    for (const [json, field] of cases) {
      const r = await send(json);
      assert.equal(r.status, 422, JSON.stringify(json).slice(0, 80));
      assert.ok(Array.isArray(r.body.errors[field]) && r.body.errors[field].length, `${field}: ${JSON.stringify(r.body.errors)}`);
      assert.equal(r.body.type, '/problems/validation');
    }
    assert.equal((await send({ body: 'x'.repeat(5000) })).status, 201, '5,000 characters are fine');
    assert.equal(await count(t), 1);
  });

  test('413 for a body over 16 KiB, by Content-Length and by the bytes actually read', async () => {
    const { t, auth } = await setup();
    const big = JSON.stringify({ body: 'x'.repeat(17_000) });
    let r = await checked(t, 'POST', T, T, { body: big, headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': newKey() } });
    assert.equal(r.status, 413);
    // A streamed body without Content-Length.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        c.close();
      },
    });
    const res = await t.app.request(T, {
      method: 'POST',
      body: stream,
      headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.headers.get('content-length'), null);
    const { checkResponse } = await import('./contract.js');
    r = await checkResponse('POST', T, res);
    assert.equal(r.status, 413);
    // A lying Content-Length: the bytes read decide.
    const res2 = await t.app.request(T, {
      method: 'POST',
      body: big,
      headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': '10', 'Idempotency-Key': newKey() },
    });
    assert.ok([400, 413].includes(res2.status), String(res2.status));
    assert.equal(await count(t), 0);
  });

  test('415 for another content type, 400 for malformed JSON', async () => {
    const { t, auth } = await setup();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const r = await checked(t, 'POST', T, T, { body: '{"body":"hi"}', headers: { ...auth, 'Idempotency-Key': newKey(), ...(type ? { 'Content-Type': type } : {}) } });
      assert.equal(r.status, 415, type);
    }
    assert.equal((await checked(t, 'POST', T, T, { body: '{"body":"hi"}', headers: { ...auth, 'Idempotency-Key': newKey(), 'Content-Type': 'application/json; charset=utf-8' } })).status, 201);
    for (const body of ['{"body":', '', 'undefined', '{body: "x"}', '{"body":"x"} trailing']) {
      const r = await checked(t, 'POST', T, T, { body, headers: { ...auth, 'Idempotency-Key': newKey(), 'Content-Type': 'application/json' } });
      assert.equal(r.status, 400, body);
    }
    const bad = await checked(t, 'POST', T, T, { body: new Uint8Array([0x7b, 0xff, 0x7d]), headers: { ...auth, 'Idempotency-Key': newKey(), 'Content-Type': 'application/json' } });
    assert.equal(bad.status, 400, 'not UTF-8');
  });

  test('428 without Idempotency-Key; 400 for a malformed one', async () => {
    const { t, auth } = await setup();
    let r = await checked(t, 'POST', T, T, { json: { body: 'Hi' }, headers: auth });
    assert.equal(r.status, 428);
    assert.equal(r.body.type, '/problems/idempotency-key-required');
    r = await checked(t, 'POST', T, T, { json: { body: 'Hi' }, headers: { ...auth, 'Idempotency-Key': 'k'.repeat(256) } });
    assert.equal(r.status, 400);
    r = await checked(t, 'POST', T, T, { json: { body: 'Hi' }, headers: { ...auth, 'Idempotency-Key': 'has space' } });
    assert.equal(r.status, 400);
    assert.equal(await count(t), 0);
  });

  test('same key + same body replays the first answer; another body is refused (422)', async () => {
    const { t, auth } = await setup();
    const key = newKey();
    const headers = { ...auth, 'Idempotency-Key': key };
    const first = await checked(t, 'POST', T, T, { json: { body: 'Hi', subject: 'S' }, headers });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const again = await checked(t, 'POST', T, T, { json: { subject: 'S', body: 'Hi' }, headers }); // key order does not matter
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const other = await checked(t, 'POST', T, T, { json: { body: 'Something else' }, headers });
    assert.equal(other.status, 422);
    assert.equal(other.body.type, '/problems/idempotency-key-reused');
    assert.equal(await count(t), 1);
    // The key is scoped to the account: another user's identical key is a new request.
    const cookie2 = await signUp(t);
    const mine = await checked(t, 'POST', T, T, { json: { body: 'Hi', subject: 'S' }, headers: { Cookie: cookie2, Origin: ORIGIN, 'Idempotency-Key': key } });
    assert.equal(mine.status, 201);
    assert.notEqual(mine.body.id, first.body.id);
    // After 24 hours the key is forgotten.
    t.clock.now = new Date(t.clock.now.getTime() + 25 * 3_600_000);
    const later = await checked(t, 'POST', T, T, { json: { body: 'Hi', subject: 'S' }, headers: { ...auth, 'Idempotency-Key': key } });
    assert.equal(later.status, 401, 'the 2-hour token expired meanwhile');
    // The stored answer is encrypted: no plaintext ids in the table.
    const answers = (await t.column('SELECT answer FROM idempotency_keys')) as string[];
    assert.ok(answers.every((a) => !a.includes(first.body.id)));
  });

  test('an error answer is not stored: the same key can be retried with a fixed body', async () => {
    const { auth, t } = await setup();
    const headers = { ...auth, 'Idempotency-Key': newKey() };
    assert.equal((await checked(t, 'POST', T, T, { json: { body: '' }, headers })).status, 422);
    assert.equal((await checked(t, 'POST', T, T, { json: { body: 'fixed' }, headers })).status, 201);
  });

  test('429 with Retry-After after the configured number per minute; replays are not counted', async () => {
    const { t, send, auth } = await setup({ messagesPerMinute: 3 });
    const key = newKey();
    assert.equal((await send({ body: '1' }, { 'Idempotency-Key': key })).status, 201);
    assert.equal((await send({ body: '1' }, { 'Idempotency-Key': key })).status, 201, 'replay');
    assert.equal((await send({ body: '2' })).status, 201);
    assert.equal((await send({ body: '3' })).status, 201);
    const limited = await send({ body: '4' });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.type, '/problems/rate-limited');
    const after = Number(limited.headers.get('retry-after'));
    assert.ok(after >= 1 && after <= 60, String(after));
    assert.equal(await count(t), 3);
    t.clock.now = new Date(t.clock.now.getTime() + after * 1000);
    assert.equal((await checked(t, 'POST', T, T, { json: { body: '5' }, headers: { ...auth, 'Idempotency-Key': newKey() } })).status, 201);
  });
});

/** A second visitor: signs up, follows the emailed link; returns the Cookie header value. */
async function signUp(t: TestApp): Promise<string> {
  const form = (fields: Record<string, string>) => ({
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
  });
  await call(t, 'POST', '/signup', form({ name: 'Second', email: `second${Math.random()}@example.org`, password: 'a second password' }));
  await new Promise((resolve) => setImmediate(resolve)); // the mail goes out after the answer
  const token = /token=([\w-]{43})/.exec(t.mail.at(-1)!.text)![1]!;
  const res = await call(t, 'POST', '/signup/confirm', form({ token }));
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
