import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { booking, call, checked, createTestApp, newKey, NOW, OLENA_SLOT, ORIGIN, signInCookie, type TestApp } from './helpers.js';
import { checkResponse } from './contract.js';

const A = '/api/consultations/availability';
const B = '/api/consultations';
const M = '/api/consultations/manage/{token}';
const ICS = '/api/consultations/manage/{token}/ics';

const book = (t: TestApp, json: unknown, o: { ip?: string; headers?: Record<string, string> } = {}) =>
  checked(t, 'POST', B, B, { json, ip: o.ip, headers: { 'Idempotency-Key': newKey(), ...o.headers } });
const availability = (t: TestApp, q: string) => checked(t, 'GET', A, `${A}?${q}`);
const tokenOf = (manageUrl: string) => new URL(manageUrl).pathname.split('/').pop()!;

describe('GET /api/specialists', () => {
  test('the two seeded specialists, with bio, languages, photo and their next free time (12 h notice from Monday 00:00 UTC)', async () => {
    const t = await createTestApp();
    const r = await checked(t, 'GET', '/api/specialists', '/api/specialists');
    assert.deepEqual(r.body, [
      {
        id: 'olena-kovalenko',
        name: 'Dr. Olena Kovalenko',
        title: 'Clinical psychologist',
        timeZone: 'Europe/Kyiv',
        bio: 'Works with anxiety, burnout and grief; sessions in Ukrainian or English.',
        languages: ['uk', 'en'],
        photoUrl: null,
        nextFree: '2026-06-01T12:00:00Z', // Monday 15:00 in Kyiv
      },
      {
        id: 'sam-rivera',
        name: 'Sam Rivera, LCSW',
        title: 'Licensed clinical social worker',
        timeZone: 'America/New_York',
        bio: 'Supports families and young adults through change.',
        languages: ['en', 'es'],
        photoUrl: null,
        nextFree: '2026-06-01T14:00:00Z', // Monday 10:00 in New York
      },
    ]);
  });
});

describe('GET /api/consultations/availability', () => {
  test('a week of Dr. Kovalenko with a fixed now: working hours in Kyiv, the 12 h notice applied', async () => {
    const t = await createTestApp();
    const r = await availability(t, 'specialist=olena-kovalenko&from=2026-06-01&to=2026-06-08');
    assert.equal(r.status, 200);
    assert.equal(r.body.durationMinutes, 30);
    const starts: string[] = r.body.slots.map((s: { start: string }) => s.start);
    // Monday: now is 00:00Z, notice 12 h → first slot 12:00Z (15:00 Kyiv); 14:00–18:00 Kyiv = 11:00–15:00Z.
    assert.equal(starts[0], '2026-06-01T12:00:00Z');
    assert.equal(starts.filter((s) => s.startsWith('2026-06-01')).length, 6);
    // Tuesday–Friday: 8 + 8 slots a day.
    for (const day of ['02', '03', '04', '05']) assert.equal(starts.filter((s) => s.startsWith(`2026-06-${day}`)).length, 16, day);
    assert.ok(starts.includes('2026-06-02T06:00:00Z'));
    assert.ok(!starts.includes('2026-06-02T10:00:00Z'), 'lunch 13:00–14:00 Kyiv');
    assert.ok(!starts.some((s) => s.startsWith('2026-06-06') || s.startsWith('2026-06-07')), 'no weekend');
    for (const s of r.body.slots) assert.equal(Date.parse(s.end) - Date.parse(s.start), 30 * 60_000);
  });

  test('Sam Rivera in New York: Mon–Thu 10:00–16:00 local', async () => {
    const t = await createTestApp();
    const r = await availability(t, 'specialist=sam-rivera&from=2026-06-02T00:00:00Z&to=2026-06-03T00:00:00Z');
    assert.equal(r.body.slots[0].start, '2026-06-02T14:00:00Z');
    assert.equal(r.body.slots.at(-1).end, '2026-06-02T20:00:00Z');
    assert.equal(r.body.slots.length, 12);
    const fri = await availability(t, 'specialist=sam-rivera&from=2026-06-05&to=2026-06-06');
    assert.deepEqual(fri.body.slots, []);
  });

  test('booked slots disappear, and come back when cancelled', async () => {
    const t = await createTestApp();
    const created = await book(t, booking());
    assert.equal(created.status, 201);
    let r = await availability(t, 'specialist=olena-kovalenko&from=2026-06-02&to=2026-06-03');
    assert.ok(!r.body.slots.some((s: { start: string }) => s.start === OLENA_SLOT));
    assert.equal(r.body.slots.length, 15);
    await checked(t, 'DELETE', M, new URL(created.body.manageUrl).pathname);
    r = await availability(t, 'specialist=olena-kovalenko&from=2026-06-02&to=2026-06-03');
    assert.equal(r.body.slots[0].start, OLENA_SLOT);
  });

  test('422: specialist missing (two exist) or unknown; from/to missing, malformed, reversed, over 62 days', async () => {
    const t = await createTestApp();
    const cases: Array<[string, string]> = [
      ['from=2026-06-01&to=2026-06-02', 'specialist'],
      ['specialist=nobody&from=2026-06-01&to=2026-06-02', 'specialist'],
      ['specialist=sam-rivera&to=2026-06-02', 'from'],
      ['specialist=sam-rivera&from=2026-06-01', 'to'],
      ['specialist=sam-rivera&from=yesterday&to=2026-06-02', 'from'],
      ['specialist=sam-rivera&from=2026-02-30&to=2026-06-02', 'from'],
      ['specialist=sam-rivera&from=2026-06-01T10:00:00&to=2026-06-02', 'from'],
      ['specialist=sam-rivera&from=2026-06-02&to=2026-06-01', 'to'],
      ['specialist=sam-rivera&from=2026-06-01&to=2026-06-01', 'to'],
      ['specialist=sam-rivera&from=2026-06-01&to=2026-08-03', 'to'],
    ];
    for (const [q, field] of cases) {
      const r = await availability(t, q);
      assert.equal(r.status, 422, q);
      assert.ok(r.body.errors[field], `${q}: ${JSON.stringify(r.body.errors)}`);
    }
    assert.equal((await availability(t, 'specialist=sam-rivera&from=2026-06-01&to=2026-08-02')).status, 200, 'exactly 62 days');
  });

  test('specialist is optional when only one exists', async () => {
    const t = await createTestApp();
    (await t.store.query("DELETE FROM specialists WHERE id = 'sam-rivera'"));
    const r = await availability(t, 'from=2026-06-02&to=2026-06-03');
    assert.equal(r.status, 200);
    assert.equal(r.body.slots.length, 16);
    const b = await book(t, booking({ specialist: undefined }));
    assert.equal(b.status, 201);
  });
});

describe('POST /api/consultations', () => {
  test('201 {id, start, end, manageUrl, icsUrl}; consent recorded; manage token stored only as a hash', async () => {
    const t = await createTestApp();
    const r = await book(t, booking({ start: '2026-06-02T09:00:00+03:00' }));
    assert.equal(r.status, 201);
    assert.equal(r.body.start, OLENA_SLOT, 'normalized to UTC');
    assert.equal(r.body.end, '2026-06-02T06:30:00Z');
    assert.match(r.body.manageUrl, /^http:\/\/localhost\/api\/consultations\/manage\/[A-Za-z0-9_-]{43}$/);
    assert.equal(r.body.icsUrl, `${r.body.manageUrl}/ics`);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const row = (await t.row('SELECT * FROM bookings WHERE id = ?', [r.body.id])) as Record<string, string>;
    assert.equal(row.consent_version, 'consent-v1');
    assert.equal(row.consent_at, NOW.toISOString().slice(0, 19) + 'Z');
    assert.equal(row.name, 'Ada Visitor');
    assert.equal(row.time_zone, 'Europe/Kyiv');
    assert.match(row.manage_hash!, /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(row).includes(tokenOf(r.body.manageUrl)));
  });

  test('409 slot-taken for a booked slot, with a detail the widget can show', async () => {
    const t = await createTestApp();
    assert.equal((await book(t, booking())).status, 201);
    const r = await book(t, booking({ email: 'other@example.org', start: '2026-06-02T06:00:00.000Z' }));
    assert.equal(r.status, 409);
    assert.match(r.body.type, /\/slot-taken$/);
    assert.ok(r.body.detail.length > 10);
    // Another specialist's same instant is a different slot.
    assert.equal((await book(t, booking({ specialist: 'sam-rivera', start: '2026-06-02T14:00:00Z' }))).status, 201);
  });

  test('422 cases, each on its field', async () => {
    const t = await createTestApp();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ consent: false }, 'consent'],
      [{ consent: 'true' }, 'consent'],
      [{ consent: undefined }, 'consent'],
      [{ start: '2026-06-02T06:15:00Z' }, 'start'], // not on a slot boundary
      [{ start: '2026-06-02T10:00:00Z' }, 'start'], // lunch
      [{ start: '2026-06-06T06:00:00Z' }, 'start'], // Saturday
      [{ start: '2026-06-01T06:00:00Z' }, 'start'], // past
      [{ start: '2026-06-01T11:30:00Z' }, 'start'], // inside the 12 h notice
      [{ start: '2026-06-02T06:00:00' }, 'start'], // no zone
      [{ start: 'tomorrow' }, 'start'],
      [{ start: 12 }, 'start'],
      [{ start: undefined }, 'start'],
      [{ name: '' }, 'name'],
      [{ name: 'n'.repeat(101) }, 'name'],
      [{ email: 'not-an-email' }, 'email'],
      [{ email: `${'e'.repeat(250)}@x.org` }, 'email'],
      [{ phone: '555-CALL-NOW' }, 'phone'],
      [{ phone: '1'.repeat(41) }, 'phone'],
      [{ note: 'n'.repeat(1001) }, 'note'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ timeZone: undefined }, 'timeZone'],
      [{ specialist: 'nobody' }, 'specialist'],
      [{ specialist: undefined }, 'specialist'],
    ];
    for (const [over, field] of cases) {
      const r = await book(t, booking(over));
      assert.equal(r.status, 422, JSON.stringify(over));
      assert.ok(r.body.errors[field]?.length, `${JSON.stringify(over)} → ${JSON.stringify(r.body.errors)}`);
    }
    for (const json of [[], 'x', null, 1]) assert.equal((await book(t, json)).status, 422);
    assert.equal((await t.scalar('SELECT count(*) FROM bookings')), 0);
    assert.equal((await book(t, booking({ phone: null, note: '' }))).status, 201, 'empty optional fields are fine');
  });

  test('415, 400, 413, 428', async () => {
    const t = await createTestApp();
    const post = (body: string, headers: Record<string, string>) => checked(t, 'POST', B, B, { body, headers });
    assert.equal((await post(JSON.stringify(booking()), { 'Content-Type': 'text/plain', 'Idempotency-Key': newKey() })).status, 415);
    assert.equal((await post('{"start":', { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() })).status, 400);
    assert.equal((await post(JSON.stringify(booking({ note: 'x'.repeat(17_000) })), { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() })).status, 413);
    assert.equal((await post(JSON.stringify(booking()), { 'Content-Type': 'application/json' })).status, 428);
  });

  test('idempotent replay returns the same booking and manage link; another body with the key is 422', async () => {
    const t = await createTestApp();
    const key = newKey();
    const first = await book(t, booking(), { headers: { 'Idempotency-Key': key } });
    const again = await book(t, booking(), { headers: { 'Idempotency-Key': key } });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const other = await book(t, booking({ name: 'Someone Else' }), { headers: { 'Idempotency-Key': key } });
    assert.equal(other.status, 422);
    assert.equal(other.body.type, '/problems/idempotency-key-reused');
    assert.equal((await t.scalar('SELECT count(*) FROM bookings')), 1);
  });

  test('rate limits: per email and per client address, 429 with Retry-After', async () => {
    const t = await createTestApp({ config: { bookingsPerHour: 2 } });
    const slots = ['2026-06-02T06:00:00Z', '2026-06-02T06:30:00Z', '2026-06-02T07:00:00Z', '2026-06-02T07:30:00Z', '2026-06-02T08:00:00Z'];
    // Same email from different addresses.
    assert.equal((await book(t, booking({ start: slots[0] }), { ip: '10.0.0.1' })).status, 201);
    assert.equal((await book(t, booking({ start: slots[1] }), { ip: '10.0.0.2' })).status, 201);
    const byEmail = await book(t, booking({ start: slots[2] }), { ip: '10.0.0.3' });
    assert.equal(byEmail.status, 429);
    assert.ok(Number(byEmail.headers.get('retry-after')) > 0);
    // Different emails from one address.
    assert.equal((await book(t, booking({ start: slots[2], email: 'a@example.org' }), { ip: '10.0.0.9' })).status, 201);
    assert.equal((await book(t, booking({ start: slots[3], email: 'b@example.org' }), { ip: '10.0.0.9' })).status, 201);
    const byIp = await book(t, booking({ start: slots[4], email: 'c@example.org' }), { ip: '10.0.0.9' });
    assert.equal(byIp.status, 429);
    // X-Forwarded-For is ignored unless HEARTH_TRUST_PROXY=1.
    const spoofed = await book(t, booking({ start: slots[4], email: 'd@example.org' }), { ip: '10.0.0.9', headers: { 'X-Forwarded-For': '1.2.3.4' } });
    assert.equal(spoofed.status, 429);
    // An hour later it works again.
    t.clock.now = new Date(NOW.getTime() + 3_600_000);
    assert.equal((await book(t, booking({ start: slots[4], email: 'c@example.org' }), { ip: '10.0.0.9' })).status, 201);
  });

  test('behind a trusted proxy the forwarded address counts', async () => {
    const t = await createTestApp({ config: { bookingsPerHour: 1, trustProxy: true } });
    assert.equal((await book(t, booking({ email: 'a@example.org' }), { headers: { 'X-Forwarded-For': '1.1.1.1' } })).status, 201);
    const r = await book(t, booking({ email: 'b@example.org', start: '2026-06-02T06:30:00Z' }), { headers: { 'X-Forwarded-For': '1.1.1.1' } });
    assert.equal(r.status, 429);
    const other = await book(t, booking({ email: 'c@example.org', start: '2026-06-02T06:30:00Z' }), { headers: { 'X-Forwarded-For': '9.9.9.9, 2.2.2.2' } });
    assert.equal(other.status, 201);
  });

  test('cookie-authenticated booking from a foreign origin: 403', async () => {
    const t = await createTestApp();
    const cookie = await signInCookie(t);
    const r = await book(t, booking(), { headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    assert.equal(r.status, 403);
    assert.equal((await book(t, booking(), { headers: { Cookie: cookie, Origin: ORIGIN } })).status, 201);
  });
});

describe('manage link', () => {
  test('GET the booking (no personal data), ics, DELETE cancels and frees the slot, repeat 204', async () => {
    const t = await createTestApp();
    const created = await book(t, booking());
    const path = new URL(created.body.manageUrl).pathname;
    let r = await checked(t, 'GET', M, path);
    assert.deepEqual(r.body, {
      id: created.body.id,
      start: OLENA_SLOT,
      end: '2026-06-02T06:30:00Z',
      specialist: { id: 'olena-kovalenko', name: 'Dr. Olena Kovalenko' },
      status: 'confirmed',
      service: { id: 'olena-kovalenko-initial', name: 'Free initial consultation', durationMinutes: 30 },
    });
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.ok(!r.text.includes('ada@example.org') && !r.text.includes('Ada'));

    const ics = await checked(t, 'GET', ICS, new URL(created.body.icsUrl).pathname);
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type')!, /^text\/calendar/);
    assert.match(ics.text, /BEGIN:VEVENT/);
    assert.match(ics.text, /DTSTART:20260602T060000Z/);
    assert.match(ics.text.replace(/\r\n /g, ''), new RegExp(created.body.manageUrl.replace(/[/.]/g, '\\$&')));

    r = await checked(t, 'DELETE', M, path);
    assert.equal(r.status, 204);
    r = await checked(t, 'GET', M, path);
    assert.equal(r.body.status, 'cancelled');
    assert.equal((await checked(t, 'DELETE', M, path)).status, 204, 'repeat');
    assert.equal((await checked(t, 'GET', ICS, `${path}/ics`)).status, 410);
    // The slot is free again.
    const rebook = await book(t, booking({ email: 'next@example.org' }));
    assert.equal(rebook.status, 201);
  });

  test('unknown or malformed tokens: 404 problem', async () => {
    const t = await createTestApp();
    for (const token of ['A'.repeat(43), 'short', '%00', 'x'.repeat(500)]) {
      assert.equal((await checked(t, 'GET', M, `/api/consultations/manage/${token}`)).status, 404, token);
      assert.equal((await checked(t, 'DELETE', M, `/api/consultations/manage/${token}`)).status, 404, token);
      assert.equal((await checked(t, 'GET', ICS, `/api/consultations/manage/${token}/ics`)).status, 404, token);
    }
  });

  test('HEAD works where GET does', async () => {
    const t = await createTestApp();
    const created = await book(t, booking());
    const res = await call(t, 'HEAD', new URL(created.body.manageUrl).pathname);
    const r = await checkResponse('HEAD', M, res);
    assert.equal(r.status, 200);
    assert.equal(r.text, '');
  });
});
