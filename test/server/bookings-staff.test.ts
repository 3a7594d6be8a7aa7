// Bookings for the care team (issue 13): GET /api/clinic/bookings (every role, upcoming/past,
// keyset pages, the note and the reason opened for staff only), PATCH attended/no-show, POST
// …/cancel with a reason (slot freed, visitor told without the reason), and the CSV export (RFC
// 4180 quoting, no formula injection, no notes).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { booking, call, checked, createTestApp, newKey, NOW, ORIGIN, type TestApp } from './helpers.js';
import { DEMO_ADMIN, DEMO_SPECIALIST_USER, DEMO_USER } from '../../server/src/seed.js';
import { hashPasswordSync } from '../../server/src/passwords.js';
import { bookingsCsv, csvCell } from '../../server/src/bookings-csv.js';
import type { StaffBookingRow } from '../../server/src/store/index.js';

type Who = 'none' | 'visitor' | 'olena' | 'sam' | 'admin';
const SAM = { id: 'staff-sam', email: 'sam@clinic.example', password: 'sam-password-1', name: 'Sam Rivera' };
/** A cookie sign-in (7 days: the tests move the clock by days; a bearer token lasts 2 hours), with the own Origin for writes. */
async function signIn(t: TestApp, email: string, password: string): Promise<Record<string, string>> {
  const res = await call(t, 'POST', '/login', {
    body: new URLSearchParams({ email, password }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
  });
  assert.equal(res.status, 303);
  return { Cookie: res.headers.get('set-cookie')!.split(';')[0]!, Origin: ORIGIN };
}

/** Olena's slots (Kyiv 09:00–13:00, 14:00–18:00 on weekdays) from Tuesday 2 June 2026, UTC. */
const OLENA = ['2026-06-02T06:00:00Z', '2026-06-02T06:30:00Z', '2026-06-02T07:00:00Z', '2026-06-02T07:30:00Z', '2026-06-02T08:00:00Z'];
/** Sam's (New York 10:00–16:00, Monday to Thursday). */
const SAM_SLOT = '2026-06-02T14:00:00Z';

interface Booked {
  id: string;
  token: string;
}

async function bookAt(t: TestApp, start: string, over: Record<string, unknown> = {}): Promise<Booked> {
  const r = await call(t, 'POST', '/api/consultations', { json: booking({ start, ...over }), headers: { 'Idempotency-Key': newKey() } });
  const text = await r.text();
  assert.equal(r.status, 201, text);
  const b = JSON.parse(text) as { id: string; manageUrl: string };
  return { id: b.id, token: b.manageUrl.split('/').pop()! };
}

describe('bookings for staff', () => {
  let t: TestApp;
  let as: Record<Who, Record<string, string>>;
  const list = (who: Who, query = '') => checked(t, 'GET', '/api/clinic/bookings', `/api/clinic/bookings${query}`, { headers: as[who] });
  const patch = (who: Who, id: string, json: unknown, key: string | null = newKey()) =>
    checked(t, 'PATCH', '/api/clinic/bookings/{bookingId}', `/api/clinic/bookings/${id}`, { json, headers: { ...as[who], ...(key === null ? {} : { 'Idempotency-Key': key }) } });
  const cancel = (who: Who, id: string, json: unknown, key: string | null = newKey()) =>
    checked(t, 'POST', '/api/clinic/bookings/{bookingId}/cancel', `/api/clinic/bookings/${id}/cancel`, { json, headers: { ...as[who], ...(key === null ? {} : { 'Idempotency-Key': key }) } });
  const csv = (who: Who) => checked(t, 'GET', '/api/clinic/bookings.csv', '/api/clinic/bookings.csv', { headers: as[who] });
  const free = async (specialist: string, day: string) =>
    ((await (await call(t, 'GET', `/api/consultations/availability?specialist=${specialist}&from=${day}&to=${day}T23:59:59Z`)).json()) as { slots: Array<{ start: string }> }).slots.map((s) => s.start);

  let olena: Booked[] = [];
  let sam: Booked;

  before(async () => {
    t = await createTestApp({ config: { bookingsPerHour: 1000 } });
    await t.store.accounts.createUser({ ...SAM, passwordHash: hashPasswordSync(SAM.password), createdAt: '2026-05-01T00:00:00Z', role: 'specialist', specialistId: 'sam-rivera' });
    as = {
      none: {},
      visitor: await signIn(t, DEMO_USER.email, DEMO_USER.password),
      olena: await signIn(t, DEMO_SPECIALIST_USER.email, DEMO_SPECIALIST_USER.password),
      sam: await signIn(t, SAM.email, SAM.password),
      admin: await signIn(t, DEMO_ADMIN.email, DEMO_ADMIN.password),
    };
    // Booked out of order, so that the list's order is the server's.
    for (const start of [OLENA[2]!, OLENA[0]!, OLENA[4]!, OLENA[1]!, OLENA[3]!]) olena.push(await bookAt(t, start, { email: `v${olena.length}@example.org` }));
    olena = olena.sort((a, b) => a.id.localeCompare(b.id));
    sam = await bookAt(t, SAM_SLOT, { specialist: 'sam-rivera', note: null, phone: null, name: 'Bo Sam' });
  });

  test('GET: 401 signed out, 403 a visitor; a specialist sees their own (naming another: 403), an admin all or one specialist’s', async () => {
    assert.equal((await list('none')).status, 401);
    assert.equal((await list('visitor')).status, 403);
    const own = await list('olena');
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('cache-control'), 'no-store');
    assert.deepEqual(own.body.items.map((b: { start: string }) => b.start), OLENA, 'upcoming: soonest first');
    assert.ok(own.body.items.every((b: { specialist: { id: string } }) => b.specialist.id === 'olena-kovalenko'));
    assert.equal(own.body.next, null);
    assert.equal((await list('olena', '?specialist=sam-rivera')).status, 403);
    assert.equal((await list('olena', '?specialist=olena-kovalenko')).status, 200);
    const samOwn = await list('sam');
    assert.deepEqual(samOwn.body.items.map((b: { id: string }) => b.id), [sam.id]);
    assert.equal((await list('sam', '?specialist=olena-kovalenko')).status, 403);
    const all = await list('admin');
    assert.equal(all.body.items.length, 6);
    assert.deepEqual((await list('admin', '?specialist=sam-rivera')).body.items.map((b: { id: string }) => b.id), [sam.id]);
    for (const q of ['?specialist=nobody', '?when=soon', '?limit=0', '?limit=101', '?limit=x', '?before=%%%', `?before=${Buffer.from('x y').toString('base64url')}`]) {
      const r = await list('admin', q);
      assert.equal(r.status, 422, q);
    }
  });

  test('staff see the visitor’s details and the note opened; the database holds it sealed; the visitor’s manage link shows nothing personal', async () => {
    const item = (await list('olena')).body.items[0];
    assert.equal(item.name, 'Ada Visitor');
    assert.equal(item.email, 'v1@example.org');
    assert.equal(item.phone, '+380 (44) 123-45-67');
    assert.equal(item.note, 'First time.');
    assert.equal(item.status, 'confirmed');
    assert.equal(item.timeZone, 'Europe/Kyiv');
    assert.equal(item.cancelReason, null);
    assert.equal(item.cancelledBy, null);
    assert.match(String(await t.scalar('SELECT note FROM bookings WHERE id = ?', [item.id])), /^hb1\./);
    const samItem = (await list('sam')).body.items[0];
    assert.equal(samItem.note, null);
    assert.equal(samItem.phone, null);
    const olenaToken = olena.find((b) => b.id === item.id)!.token;
    const managed = await checked(t, 'GET', '/api/consultations/manage/{token}', `/api/consultations/manage/${olenaToken}`);
    assert.equal(managed.status, 200);
    for (const k of ['name', 'email', 'phone', 'note']) assert.equal(k in managed.body, false, k);
  });

  test('pages: keyset cursor, upcoming soonest first, past latest first; a booking in progress is upcoming', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const r = await list('olena', `?limit=2${next ? `&before=${next}` : ''}`);
      assert.equal(r.status, 200);
      seen.push(...r.body.items.map((b: { start: string }) => b.start));
      next = r.body.next;
      pages++;
    } while (next);
    assert.equal(pages, 3);
    assert.deepEqual(seen, OLENA);

    t.clock.now = new Date('2026-06-02T07:10:00Z'); // the 07:00 one is on
    try {
      assert.deepEqual((await list('olena')).body.items.map((b: { start: string }) => b.start), OLENA.slice(2));
      const past: string[] = [];
      next = null;
      do {
        const r = await list('olena', `?when=past&limit=1${next ? `&before=${next}` : ''}`);
        past.push(...r.body.items.map((b: { start: string }) => b.start));
        next = r.body.next;
      } while (next);
      assert.deepEqual(past, [OLENA[1], OLENA[0]], 'past: latest first');
    } finally {
      t.clock.now = NOW;
    }
  });

  test('PATCH attended / no-show: once started (422 before), its specialist or an admin; 403 another specialist, 404 unknown, idempotent', async () => {
    const b = olena[0]!; // whichever it is, check by its own start
    const start = String(await t.scalar('SELECT start FROM bookings WHERE id = ?', [b.id]));
    assert.equal((await patch('none', b.id, { status: 'attended' })).status, 401);
    assert.equal((await patch('visitor', b.id, { status: 'attended' })).status, 403);
    assert.equal((await patch('visitor', 'no-such-booking', { status: 'attended' })).status, 403, 'a visitor learns nothing of ids');
    assert.equal((await patch('olena', b.id, { status: 'attended' })).status, 422, 'not started yet');
    t.clock.now = new Date(Date.parse(start) + 5 * 60_000);
    try {
      assert.equal((await patch('sam', b.id, { status: 'attended' })).status, 403);
      assert.equal((await patch('olena', 'no-such-booking', { status: 'attended' })).status, 404);
      assert.equal((await patch('olena', 'bad id!', { status: 'attended' })).status, 404);
      assert.equal((await patch('olena', b.id, { status: 'attended' }, null)).status, 428);
      assert.equal((await patch('olena', b.id, { status: 'cancelled' })).status, 422);
      assert.equal((await patch('olena', b.id, {})).status, 422);
      const key = newKey();
      const r = await patch('olena', b.id, { status: 'no-show' }, key);
      assert.equal(r.status, 200);
      assert.equal(r.body.status, 'no-show');
      const again = await patch('olena', b.id, { status: 'no-show' }, key);
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal((await patch('olena', b.id, { status: 'attended' }, key)).status, 422, 'same key, another body');
      const admin = await patch('admin', b.id, { status: 'attended' });
      assert.equal(admin.status, 200);
      assert.equal(admin.body.status, 'attended');
      const token = b.token;
      const managed = await checked(t, 'GET', '/api/consultations/manage/{token}', `/api/consultations/manage/${token}`);
      assert.equal(managed.body.status, 'attended');
    } finally {
      t.clock.now = NOW;
    }
  });

  test('POST cancel: a reason (422 without), upcoming confirmed only (409), frees the slot, sealed reason for staff, the visitor told without it', async () => {
    const b = sam;
    const body = { reason: 'The specialist is ill — reschedule with Dr. K.' };
    assert.equal((await cancel('none', b.id, body)).status, 401);
    assert.equal((await cancel('visitor', b.id, body)).status, 403);
    assert.equal((await cancel('olena', b.id, body)).status, 403);
    assert.equal((await cancel('sam', 'no-such-booking', body)).status, 404);
    assert.equal((await cancel('sam', b.id, body, null)).status, 428);
    for (const bad of [{}, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 5 }]) assert.equal((await cancel('sam', b.id, bad)).status, 422, JSON.stringify(bad));
    assert.equal((await free('sam-rivera', '2026-06-02')).includes(SAM_SLOT), false);
    const before = Number(await t.scalar('SELECT count(*) FROM deliveries'));
    const key = newKey();
    const r = await cancel('sam', b.id, body, key);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'cancelled');
    assert.equal(r.body.cancelledBy, 'staff');
    assert.equal(r.body.cancelReason, body.reason);
    assert.equal((await cancel('sam', b.id, body, key)).headers.get('idempotent-replayed'), 'true');
    assert.equal((await cancel('admin', b.id, body)).status, 409, 'cancelled already');
    assert.match(String(await t.scalar('SELECT cancel_reason FROM bookings WHERE id = ?', [b.id])), /^hb1\./, 'sealed at rest');
    assert.ok((await free('sam-rivera', '2026-06-02')).includes(SAM_SLOT), 'the slot is free again');
    const listed = (await list('admin', '?specialist=sam-rivera')).body.items[0];
    assert.equal(listed.cancelReason, body.reason);
    // The visitor is told by the outbox (one mail; the specialist cancelled, so no staff mail), never the reason.
    const payloads = (await t.column('SELECT payload FROM deliveries ORDER BY created_at')).slice(before).map(String);
    assert.ok(payloads.some((p) => JSON.parse(p).template === 'visitor.booking.cancelled' && JSON.parse(p).by === 'staff'), payloads.join('\n'));
    assert.ok(payloads.every((p) => !p.includes('ill') && !p.includes('Dr. K')));
    // Past: 409.
    const started = olena[1]!;
    t.clock.now = new Date('2026-06-03T00:00:00Z');
    try {
      const late = await cancel('olena', started.id, body);
      assert.equal(late.status, 409);
      assert.equal(late.body.type, '/problems/booking-past');
    } finally {
      t.clock.now = NOW;
    }
    // A visitor's own cancellation records cancelledBy visitor.
    const mine = await bookAt(t, '2026-06-03T06:00:00Z');
    assert.equal((await call(t, 'DELETE', `/api/consultations/manage/${mine.token}`)).status, 204);
    const row = (await list('olena')).body.items.find((x: { id: string }) => x.id === mine.id);
    assert.deepEqual([row.status, row.cancelledBy, row.cancelReason], ['cancelled', 'visitor', null]);
  });

  test('CSV: admins only; the documented columns, RFC 4180, no formulas, no notes, an attachment named by date', async () => {
    assert.equal((await csv('none')).status, 401);
    for (const who of ['visitor', 'olena', 'sam'] as const) assert.equal((await csv(who)).status, 403, who);
    await bookAt(t, '2026-06-03T06:30:00Z', { name: '=HYPERLINK("http://x.example"), "Jo"', note: 'SECRET NOTE' });
    const r = await call(t, 'GET', '/api/clinic/bookings.csv', { headers: as.admin });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.equal(r.headers.get('content-disposition'), 'attachment; filename="hearth-bookings-2026-06-01.csv"');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const bytes = Buffer.from(await r.arrayBuffer()); // (text() would drop the byte order mark)
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
    const text = bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFFid,specialist,service,start,end,status,name,email,phone,timeZone,createdAt,cancelledBy\r\n'));
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!text.includes('SECRET NOTE') && !text.includes('First time'), 'no notes');
    assert.ok(text.includes(`"'=HYPERLINK(""http://x.example""), ""Jo"""`), 'quoted, quotes doubled, defused');
    assert.ok(text.includes(`,'+380 (44) 123-45-67,`), 'a phone starting with + is text');
    const lines = text.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + Number(await t.scalar('SELECT count(*) FROM bookings')));
  });

  test('csvCell / bookingsCsv: quoting and the formula guard', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvCell(s).replace(/^"/, '').startsWith(`'`), JSON.stringify(s));
    assert.equal(csvCell('=a,b'), `"'=a,b"`);
    const row: StaffBookingRow = {
      id: 'b1', specialistId: 's', specialistName: 'Dr. S', service: { id: 'x', name: 'Intro', durationMinutes: 30 }, start: '2026-06-02T06:00:00Z', end: '2026-06-02T06:30:00Z',
      name: 'N', email: 'n@example.org', phone: null, note: 'sealed', timeZone: 'UTC', createdAt: '2026-06-01T00:00:00Z', cancelledAt: null, attendance: 'attended', cancelReason: 'r', cancelledBy: null,
    };
    assert.equal(bookingsCsv([row]).split('\r\n')[1], 'b1,Dr. S,Intro,2026-06-02T06:00:00Z,2026-06-02T06:30:00Z,attended,N,n@example.org,,UTC,2026-06-01T00:00:00Z,');
  });

  test('nothing personal in the request log', async () => {
    const logs = t.logs.join('\n');
    for (const s of ['Ada Visitor', 'First time', 'v1@example.org', 'is ill', 'HYPERLINK']) assert.equal(logs.includes(s), false, s);
  });
});
