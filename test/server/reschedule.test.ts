// The visitor moves a booking by its manage link (issue 13): POST
// /api/consultations/manage/{token}/reschedule moves it in one transaction (the old time free
// again, the link the same), 409 when the new time is taken (the booking keeps its own) or the
// booking is cancelled, 422 on `start`, 404 for an unknown link, idempotent, rate-limited like
// booking, raced against other moves and bookings; the manage page offers "Choose another time".
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { booking, call, checked, createTestApp, newKey, NOW, type TestApp } from './helpers.js';

const DAY = '2026-06-02';
/** Olena's slots on Tuesday 2 June 2026 (Kyiv 09:00 = 06:00 UTC). */
const A = '2026-06-02T06:00:00Z';
const B = '2026-06-02T06:30:00Z';
const C = '2026-06-02T07:00:00Z';
const D = '2026-06-02T07:30:00Z';
const E = '2026-06-02T08:00:00Z';
const F = '2026-06-02T08:30:00Z';

interface Booked {
  id: string;
  token: string;
}

describe('reschedule', () => {
  let t: TestApp;
  let n = 0;
  const bookAt = async (start: string, over: Record<string, unknown> = {}): Promise<Booked> => {
    const r = await call(t, 'POST', '/api/consultations', { json: booking({ start, email: `r${++n}@example.org`, ...over }), headers: { 'Idempotency-Key': newKey() } });
    const text = await r.text();
    assert.equal(r.status, 201, text);
    const b = JSON.parse(text) as { id: string; manageUrl: string };
    return { id: b.id, token: b.manageUrl.split('/').pop()! };
  };
  const move = (token: string, json: unknown, key: string | null = newKey(), ip?: string) =>
    checked(t, 'POST', '/api/consultations/manage/{token}/reschedule', `/api/consultations/manage/${token}/reschedule`, {
      json,
      headers: key === null ? {} : { 'Idempotency-Key': key },
      ip,
    });
  const free = async () =>
    ((await (await call(t, 'GET', `/api/consultations/availability?specialist=olena-kovalenko&from=${DAY}&to=${DAY}T23:59:59Z`)).json()) as { slots: Array<{ start: string }> }).slots.map(
      (s) => s.start,
    );
  const startOf = async (id: string) => String(await t.scalar('SELECT start FROM bookings WHERE id = ?', [id]));

  before(async () => {
    t = await createTestApp({ config: { bookingsPerHour: 1000 } });
  });

  test('moves the booking: the new time is taken, the old one free again, the manage link the same; the visitor and the specialist are told', async () => {
    const b = await bookAt(A);
    assert.ok(!(await free()).includes(A));
    const deliveries = Number(await t.scalar('SELECT count(*) FROM deliveries'));
    const r = await move(b.token, { start: '2026-06-02T10:00:00+03:00', timeZone: 'Europe/Berlin' }); // C, another spelling
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { id: b.id, start: C, end: '2026-06-02T07:30:00Z', specialist: { id: 'olena-kovalenko', name: 'Dr. Olena Kovalenko' }, status: 'confirmed', ...(r.body.service ? { service: r.body.service } : {}) });
    const slots = await free();
    assert.ok(slots.includes(A), 'the old time is offered again');
    assert.ok(!slots.includes(C), 'the new one is not');
    const managed = await checked(t, 'GET', '/api/consultations/manage/{token}', `/api/consultations/manage/${b.token}`);
    assert.equal(managed.body.start, C);
    assert.equal(await t.scalar('SELECT time_zone FROM bookings WHERE id = ?', [b.id]), 'Europe/Berlin');
    assert.equal(await t.scalar('SELECT count(*) FROM bookings'), 1, 'moved, not copied');
    const payloads = (await t.column('SELECT payload FROM deliveries ORDER BY created_at')).slice(deliveries).map((p) => JSON.parse(String(p)) as { template?: string });
    assert.deepEqual(payloads.filter((p) => p.template).map((p) => p.template).sort(), ['staff.booking.rescheduled', 'visitor.booking.rescheduled']);
    // Back to A for the tests below.
    assert.equal((await move(b.token, { start: A })).status, 200);
  });

  test('422 on start: not an offered slot, not a date, missing, the booking’s own time; 404 unknown link; 428 without a key; 415, 400', async () => {
    const b = await bookAt(E);
    for (const start of ['2026-06-02T06:10:00Z', '2026-06-06T07:00:00Z', '2026-06-01T06:00:00Z', 'tomorrow', 42, null, E]) {
      const r = await move(b.token, { start });
      assert.equal(r.status, 422, JSON.stringify(start));
      assert.ok(r.body.errors.start, JSON.stringify(r.body));
    }
    assert.equal((await move(b.token, {})).status, 422);
    assert.equal((await move(b.token, { start: F, timeZone: 'Mars/Olympus' })).body.errors.timeZone?.length, 1);
    assert.equal((await move('x'.repeat(43), { start: F })).status, 404);
    assert.equal((await move('short', { start: F })).status, 404);
    assert.equal((await move(b.token, { start: F }, null)).status, 428);
    const wrongType = await call(t, 'POST', `/api/consultations/manage/${b.token}/reschedule`, { body: 'start=x', headers: { 'Content-Type': 'text/plain', 'Idempotency-Key': newKey() } });
    assert.equal(wrongType.status, 415);
    const broken = await call(t, 'POST', `/api/consultations/manage/${b.token}/reschedule`, { body: '{', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() } });
    assert.equal(broken.status, 400);
    assert.equal(await startOf(b.id), E, 'unchanged');
  });

  test('409 slot-taken when another booking has the time (the booking keeps its own); 409 booking-cancelled', async () => {
    const mine = await bookAt(B);
    await bookAt(D);
    const r = await move(mine.token, { start: D });
    assert.equal(r.status, 409);
    assert.equal(r.body.type, '/problems/slot-taken');
    assert.equal(await startOf(mine.id), B);
    assert.ok(!(await free()).includes(B), 'still booked');
    assert.equal((await call(t, 'DELETE', `/api/consultations/manage/${mine.token}`)).status, 204);
    const gone = await move(mine.token, { start: F });
    assert.equal(gone.status, 409);
    assert.equal(gone.body.type, '/problems/booking-cancelled');
  });

  test('a started booking cannot be moved (409 booking-past)', async () => {
    const b = await bookAt('2026-06-03T06:00:00Z');
    t.clock.now = new Date('2026-06-03T06:05:00Z');
    try {
      const r = await move(b.token, { start: '2026-06-04T06:00:00Z' });
      assert.equal(r.status, 409);
      assert.equal(r.body.type, '/problems/booking-past');
    } finally {
      t.clock.now = NOW;
    }
  });

  test('the same key replays the first answer and moves nothing more; another body with it: 422', async () => {
    const b = await bookAt('2026-06-03T07:00:00Z');
    const key = newKey();
    const first = await move(b.token, { start: '2026-06-03T07:30:00Z' }, key);
    assert.equal(first.status, 200);
    // Someone moves it meanwhile with another key; the replay does not move it back.
    assert.equal((await move(b.token, { start: '2026-06-03T08:00:00Z' })).status, 200);
    const again = await move(b.token, { start: '2026-06-03T07:30:00Z' }, key);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    assert.equal(await startOf(b.id), '2026-06-03T08:00:00Z');
    assert.equal((await move(b.token, { start: '2026-06-03T08:30:00Z' }, key)).status, 422);
  });

  test('races: two bookings moved to one slot, and a move against a new booking: one wins, the other 409, nothing overlaps', async () => {
    const x = await bookAt('2026-06-04T06:00:00Z');
    const y = await bookAt('2026-06-04T06:30:00Z');
    const target = '2026-06-04T08:00:00Z';
    const answers = await Promise.all([move(x.token, { start: target }), move(y.token, { start: target })]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    assert.equal(await t.scalar('SELECT count(*) FROM bookings WHERE start = ? AND cancelled_at IS NULL', [target]), 1);
    const loser = answers[0]!.status === 409 ? x : y;
    assert.equal(await startOf(loser.id), loser === x ? '2026-06-04T06:00:00Z' : '2026-06-04T06:30:00Z', 'the loser keeps its time');

    const target2 = '2026-06-04T09:00:00Z';
    const [moved, booked] = await Promise.all([
      move(loser.token, { start: target2 }),
      call(t, 'POST', '/api/consultations', { json: booking({ start: target2, email: 'racer@example.org' }), headers: { 'Idempotency-Key': newKey() } }),
    ]);
    assert.equal([moved.status === 200, booked.status === 201].filter(Boolean).length, 1, `${moved.status} ${booked.status}`);
    assert.ok(moved.status === 409 || booked.status === 409);
    assert.equal(await t.scalar('SELECT count(*) FROM bookings WHERE start = ? AND cancelled_at IS NULL', [target2]), 1);
  });

  test('rate-limited like booking (per email and client address per hour, counted with bookings)', async () => {
    const limited = await createTestApp({ config: { bookingsPerHour: 2 } });
    const r1 = await call(limited, 'POST', '/api/consultations', { json: booking({ start: A, email: 'quota@example.org' }), headers: { 'Idempotency-Key': newKey() }, ip: '10.0.0.7' });
    assert.equal(r1.status, 201);
    const token = ((await r1.json()) as { manageUrl: string }).manageUrl.split('/').pop()!;
    const go = (start: string) =>
      checked(limited, 'POST', '/api/consultations/manage/{token}/reschedule', `/api/consultations/manage/${token}/reschedule`, {
        json: { start },
        headers: { 'Idempotency-Key': newKey() },
        ip: '10.0.0.9',
      });
    assert.equal((await go(B)).status, 200, 'the second hit for this email');
    const third = await go(C);
    assert.equal(third.status, 429);
    assert.ok(Number(third.headers.get('retry-after')) > 0);
    assert.equal(String(await limited.scalar('SELECT start FROM bookings')), B);
  });

  test('the manage page offers "Choose another time" (the booking button in reschedule mode, script from this server) while it can move', async () => {
    const b = await bookAt('2026-06-05T06:00:00Z');
    const page = await call(t, 'GET', `/api/consultations/manage/${b.token}`, { headers: { Accept: 'text/html' } });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes('<h2>Choose another time</h2>'));
    assert.ok(html.includes(`<hearth-consultation-button api="/api" reschedule="${b.token}">Choose another time</hearth-consultation-button>`));
    assert.ok(html.includes('<script type="module" src="/dist/hearth.js"></script>'));
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal((await call(t, 'DELETE', `/api/consultations/manage/${b.token}`)).status, 204);
    const cancelled = await (await call(t, 'GET', `/api/consultations/manage/${b.token}`, { headers: { Accept: 'text/html' } })).text();
    assert.ok(!cancelled.includes('hearth-consultation-button') && !cancelled.includes('/dist/hearth.js'));
  });
});
