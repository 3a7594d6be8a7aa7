// Issue 10 items 11 and 14 (server half): failed bookings do not use up the booking quota, and
// names and JSON bodies are refused when they carry bidi controls, separators, control characters
// or lone surrogates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { messageSchema } from '../../server/src/routes/messages.js';
import { booking, call, checked, createTestApp, newKey, ORIGIN, signInCookie, type TestApp } from './helpers.js';

const B = '/api/consultations';
const T = '/api/messages';
const book = (t: TestApp, json: unknown, ip = '10.0.0.1') => checked(t, 'POST', B, B, { json, ip, headers: { 'Idempotency-Key': newKey() } });
/** Raw JSON text (JSON.stringify cannot produce the "\ud800" escapes an attacker can send). */
const postRaw = (t: TestApp, path: string, text: string, headers: Record<string, string> = {}) =>
  checked(t, 'POST', path, path, { body: text, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), ...headers } });
const bookings = async (t: TestApp) => (await t.scalar('SELECT count(*) FROM bookings')) as number;

const SLOTS = ['2026-06-02T06:00:00Z', '2026-06-02T06:30:00Z', '2026-06-02T07:00:00Z', '2026-06-02T07:30:00Z', '2026-06-02T08:00:00Z', '2026-06-02T08:30:00Z'];

describe('booking quota counts successful bookings only (item 11)', () => {
  test('409 slot-taken answers do not use up the quota of the email or the address', async () => {
    const t = await createTestApp({ config: { bookingsPerHour: 2 } });
    // Someone else books the first slot; our visitor loses the race for it five times.
    assert.equal((await book(t, booking({ email: 'other@example.org', start: SLOTS[0] }), '10.9.9.9')).status, 201);
    for (let i = 0; i < 5; i++) assert.equal((await book(t, booking({ start: SLOTS[0] }))).status, 409);
    // Then books two other times: both go through (the quota is 2).
    assert.equal((await book(t, booking({ start: SLOTS[1] }))).status, 201);
    assert.equal((await book(t, booking({ start: SLOTS[2] }))).status, 201);
    const third = await book(t, booking({ start: SLOTS[3] }));
    assert.equal(third.status, 429, 'the quota still holds for successful bookings');
    assert.ok(Number(third.headers.get('retry-after')) > 0);
  });

  test('422 answers do not use up the quota', async () => {
    const t = await createTestApp({ config: { bookingsPerHour: 1 } });
    for (const over of [{ start: '2026-06-06T06:00:00Z' }, { name: '' }, { consent: false }]) assert.equal((await book(t, booking(over))).status, 422);
    assert.equal((await book(t, booking({ start: SLOTS[1] }))).status, 201);
  });

  test('concurrent bookings cannot exceed the quota: 20 at once for 20 free slots, exactly 3 succeed', async () => {
    const t = await createTestApp({ config: { bookingsPerHour: 3 } });
    // Dr. Kovalenko works 06:00–10:00 and 11:00–15:00 UTC: 16 slots on Tuesday, 4 more on Wednesday.
    const slot = (day: string, minutes: number) => new Date(Date.parse(`${day}T06:00:00Z`) + minutes * 60_000).toISOString().replace('.000', '');
    const starts = [
      ...Array.from({ length: 16 }, (_, i) => slot('2026-06-02', i < 8 ? i * 30 : 300 + (i - 8) * 30)),
      ...Array.from({ length: 4 }, (_, i) => slot('2026-06-03', i * 30)),
    ];
    const answers = await Promise.all(starts.map((start) => book(t, booking({ start }))));
    const statuses = answers.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 201).length, 3, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 429).length, 17, statuses.join(','));
    assert.equal(await bookings(t), 3);
  });

  test('concurrent requests for one slot: one 201, the others 409, and the quota is charged once', async () => {
    const t = await createTestApp({ config: { bookingsPerHour: 2 } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => book(t, booking({ start: SLOTS[0] }))));
    assert.deepEqual(answers.map((r) => r.status).sort(), [201, ...Array(9).fill(409)]);
    assert.equal((await book(t, booking({ start: SLOTS[1] }))).status, 201);
  });
});

describe('names without bidi controls, separators or control characters (item 14)', () => {
  const bad = ['Ada\u202Egnp.exe', 'Ada\u2066x\u2069', 'Ada\u2028Admin', 'Ada\u2029x', 'Ada\u0085', 'Ada\u009Bx', 'Ada\tx'];

  test('booking name: 422 on name', async () => {
    const t = await createTestApp();
    for (const name of bad) {
      const r = await book(t, booking({ name }));
      assert.equal(r.status, 422, JSON.stringify(name));
      assert.ok(r.body.errors.name?.length, `${JSON.stringify(name)} → ${JSON.stringify(r.body.errors)}`);
    }
    assert.equal(await bookings(t), 0);
    assert.equal((await book(t, booking({ name: 'Олена Коваленко-Шевченко' }))).status, 201);
  });

  test('message schema: subject and recipient refused with a field error', () => {
    for (const s of bad) {
      const r = messageSchema.safeParse({ subject: s, to: s, body: 'Hello' });
      assert.equal(r.success, false);
      assert.deepEqual(!r.success && r.error.issues.map((i) => i.path.join('.')).sort(), ['subject', 'to']);
    }
    assert.ok(messageSchema.safeParse({ subject: 'שאלה על התור', to: 'Олена', body: 'Hello\nthere' }).success);
  });

  test('message subject and recipient: 422 on the field', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const send = (json: unknown) => checked(t, 'POST', T, T, { json, headers: { Cookie: cookie, Origin: ORIGIN, 'Idempotency-Key': newKey() } });
    for (const s of bad) {
      const r = await send({ subject: s, body: 'Hello' });
      assert.equal(r.status, 422, JSON.stringify(s));
      assert.ok(r.body.errors.subject?.length, JSON.stringify(r.body.errors));
      const r2 = await send({ to: s, body: 'Hello' });
      assert.equal(r2.status, 422);
      assert.ok(r2.body.errors.to?.length);
    }
    assert.equal((await send({ subject: 'שאלה על התור', body: 'Hello' })).status, 201);
  });
});

describe('lone surrogates anywhere in a JSON body: 422 with the field path (item 14)', () => {
  test('booking: name, note, and unknown or nested fields', async () => {
    const t = await createTestApp();
    const base = JSON.stringify(booking());
    const cases: Array<[string, string]> = [
      [base.replace('"Ada Visitor"', '"Ada \\ud800Visitor"'), 'name'],
      [base.replace('"First time."', '"First \\udfff time."'), 'note'],
      [base.replace(/}$/, ',"extra":{"list":["ok","\\udc00"]}}'), 'extra.list.1'],
      [base.replace(/}$/, ',"\\ud83dkey":1}'), '\uFFFDkey'],
    ];
    for (const [text, path] of cases) {
      const r = await postRaw(t, B, text);
      assert.equal(r.status, 422, text);
      assert.equal(r.body.type, '/problems/validation');
      assert.ok(r.body.errors[path]?.length, `${path}: ${JSON.stringify(r.body.errors)}`);
    }
    assert.equal(await bookings(t), 0);
    // A well-formed pair (an emoji written as escapes) is fine.
    assert.equal((await postRaw(t, B, base.replace('"First time."', '"First time \\ud83d\\ude00"'))).status, 201);
  });

  test('message body and subject', async () => {
    const t = await createTestApp();
    const auth = { Cookie: await signInCookie(t), Origin: ORIGIN };
    const r = await postRaw(t, T, '{"body":"hello \\ud800 there","subject":"\\udc01"}', auth);
    assert.equal(r.status, 422);
    assert.deepEqual(Object.keys(r.body.errors).sort(), ['body', 'subject']);
    assert.equal((await t.scalar('SELECT count(*) FROM messages')), 0);
    // The whole body being one string: the path is "".
    const whole = await call(t, 'POST', T, { body: '"\\ud800"', headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': newKey() } });
    assert.equal(whole.status, 422);
    assert.ok(((await whole.json()) as { errors: Record<string, string[]> }).errors['']?.length);
  });
});
