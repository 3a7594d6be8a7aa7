// The clinic's side (issue 13): specialists, hours and services under /api/clinic with every role
// (none, visitor, the specialist themself, another specialist, admin), 422s per field, idempotent
// replay; availability and booking following hours and services at once; deactivation; bookings
// of different lengths racing; demo data seeded once per database.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { booking, call, checked, createTestApp, newKey, NOW, PARTNER, signInBearer, TEST_DB, type TestApp } from './helpers.js';
import { DEMO_ADMIN, DEMO_SPECIALIST_USER, DEMO_USER, seedDemoData } from '../../server/src/seed.js';

type Who = 'none' | 'visitor' | 'olena' | 'sam' | 'admin';
const WHO: Who[] = ['none', 'visitor', 'olena', 'sam', 'admin'];
const bearer = async (t: TestApp, email: string, password: string) => ({ Authorization: `Bearer ${await signInBearer(t, PARTNER, { email, password })}` });

const HOURS = {
  weekly: [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 1, start: '13:00', end: '15:00' },
    { weekday: 2, start: '09:00', end: '12:00' },
  ],
  overrides: [{ date: '2026-06-09', windows: [] }],
  timeOff: [{ from: '2026-06-08T13:00', to: '2026-06-08T14:00', note: 'dentist' }],
  minNoticeMinutes: 60,
  bufferMinutes: 0,
  maxPerDay: null,
};

describe('clinic', () => {
  let t: TestApp;
  let as: Record<Who, Record<string, string>>;
  const req = (who: Who, method: string, template: string, path: string, json?: unknown, key: string | null = newKey()) =>
    checked(t, method, template, path, { json, headers: { ...as[who], ...(key === null || method === 'GET' || method === 'PUT' ? {} : { 'Idempotency-Key': key }) } });

  before(async () => {
    t = await createTestApp();
    // Sam gets a specialist account too (the "other specialist").
    await t.store.accounts.createUser({
      id: 'sam-user',
      email: 'sam@example.com',
      name: 'Sam Rivera',
      passwordHash: (await t.row('SELECT password_hash AS h FROM users WHERE id = ?', [DEMO_ADMIN.id]))!.h as string,
      createdAt: '2026-05-01T00:00:00Z',
      role: 'specialist',
      specialistId: 'sam-rivera',
    });
    as = {
      none: {},
      visitor: await bearer(t, DEMO_USER.email, DEMO_USER.password),
      olena: await bearer(t, DEMO_SPECIALIST_USER.email, DEMO_SPECIALIST_USER.password),
      sam: await bearer(t, 'sam@example.com', DEMO_ADMIN.password),
      admin: await bearer(t, DEMO_ADMIN.email, DEMO_ADMIN.password),
    };
  });

  test('GET /api/clinic/specialists: staff only (specialists read too), inactive ones included', async () => {
    const statuses: Record<Who, number> = { none: 401, visitor: 403, olena: 200, sam: 200, admin: 200 };
    for (const who of WHO) assert.equal((await req(who, 'GET', '/api/clinic/specialists', '/api/clinic/specialists')).status, statuses[who], who);
    const r = await req('admin', 'GET', '/api/clinic/specialists', '/api/clinic/specialists');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.deepEqual(r.body[0], {
      id: 'olena-kovalenko',
      name: 'Dr. Olena Kovalenko',
      title: 'Clinical psychologist',
      timeZone: 'Europe/Kyiv',
      bio: 'Works with anxiety, burnout and grief; sessions in Ukrainian or English.',
      languages: ['uk', 'en'],
      photoUrl: null,
      email: 'olena@example.com',
      active: true,
    });
  });

  test('POST /api/clinic/specialists: admins only; 428; 422 per field; id from the name; taken id; default service; replay', async () => {
    const good = { name: 'Dr. Ana Lima', title: 'Psychotherapist', timeZone: 'America/Sao_Paulo', languages: ['pt-BR', 'en'], photoUrl: 'https://img.example/ana.jpg', email: 'ana@clinic.example' };
    for (const who of ['none', 'visitor', 'olena', 'sam'] as Who[])
      assert.equal((await req(who, 'POST', '/api/clinic/specialists', '/api/clinic/specialists', good)).status, { none: 401 }[who as 'none'] ?? 403, who);
    assert.equal((await req('admin', 'POST', '/api/clinic/specialists', '/api/clinic/specialists', good, null)).status, 428);
    const cases: Array<[unknown, string[]]> = [
      [{ ...good, name: '' }, ['name']],
      [{ ...good, title: 'x'.repeat(101) }, ['title']],
      [{ ...good, timeZone: 'Mars/Olympus' }, ['timeZone']],
      [{ ...good, photoUrl: 'http://img.example/a.jpg' }, ['photoUrl']],
      [{ ...good, photoUrl: 'javascript:alert(1)' }, ['photoUrl']],
      [{ ...good, languages: ['english!'] }, ['languages.0']],
      [{ ...good, email: 'nope' }, ['email']],
      [{ ...good, id: 'Bad Id' }, ['id']],
      [{ ...good, id: 'olena-kovalenko' }, ['id']],
      [{ ...good, name: 'Olena Kovalenko' }, ['name']], // its id would be olena-kovalenko's
      [{ ...good, bio: 'b'.repeat(601) }, ['bio']],
    ];
    for (const [json, fields] of cases) {
      const r = await req('admin', 'POST', '/api/clinic/specialists', '/api/clinic/specialists', json);
      assert.equal(r.status, 422, JSON.stringify(json));
      assert.deepEqual(Object.keys(r.body.errors).sort(), fields, JSON.stringify(json));
    }
    const key = newKey();
    const r = await req('admin', 'POST', '/api/clinic/specialists', '/api/clinic/specialists', good, key);
    assert.equal(r.status, 201);
    assert.deepEqual(r.body, { id: 'dr-ana-lima', ...good, bio: null, active: true });
    const again = await req('admin', 'POST', '/api/clinic/specialists', '/api/clinic/specialists', good, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await t.scalar('SELECT count(*) FROM specialists WHERE id = ?', ['dr-ana-lima']), 1);
    const services = await checked(t, 'GET', '/api/specialists/{specialistId}/services', '/api/specialists/dr-ana-lima/services');
    assert.deepEqual(services.body, [{ id: 'dr-ana-lima-initial', specialist: 'dr-ana-lima', name: 'Free initial consultation', durationMinutes: 30, price: 'free', active: true }]);
    // No hours yet: listed, nothing free.
    const listed = (await checked(t, 'GET', '/api/specialists', '/api/specialists')).body.find((s: { id: string }) => s.id === 'dr-ana-lima');
    assert.equal(listed.nextFree, null);
  });

  test('hours: GET/PUT for the specialist themself or an admin (other specialist and visitor 403, signed out 401); unknown 404', async () => {
    const path = '/api/clinic/specialists/olena-kovalenko/hours';
    const tpl = '/api/clinic/specialists/{specialistId}/hours';
    const statuses: Record<Who, number> = { none: 401, visitor: 403, olena: 200, sam: 403, admin: 200 };
    for (const who of WHO) {
      assert.equal((await req(who, 'GET', tpl, path)).status, statuses[who], `GET ${who}`);
      assert.equal((await req(who, 'PUT', tpl, path, HOURS)).status, statuses[who], `PUT ${who}`);
    }
    assert.equal((await req('admin', 'GET', tpl, '/api/clinic/specialists/nobody/hours')).status, 404);
    const r = await req('olena', 'GET', tpl, path);
    assert.deepEqual(r.body, { ...HOURS, weekly: HOURS.weekly });
    // Seeded ones carry the server's default notice (12 h).
    assert.equal((await req('admin', 'GET', tpl, '/api/clinic/specialists/sam-rivera/hours')).body.minNoticeMinutes, 720);
  });

  test('hours: 422 per field', async () => {
    const path = '/api/clinic/specialists/olena-kovalenko/hours';
    const tpl = '/api/clinic/specialists/{specialistId}/hours';
    const cases: Array<[unknown, string[]]> = [
      [{ ...HOURS, weekly: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }] }, ['weekly.1']],
      [{ ...HOURS, weekly: [{ weekday: 1, start: '12:00', end: '12:00' }] }, ['weekly.0.end']],
      [{ ...HOURS, weekly: [{ weekday: 8, start: '09:00', end: '12:00' }] }, ['weekly.0.weekday']],
      [{ ...HOURS, weekly: [{ weekday: 1, start: '9:00', end: '25:00' }] }, ['weekly.0.end', 'weekly.0.start']],
      [{ ...HOURS, overrides: [{ date: '2026-02-30', windows: [] }] }, ['overrides.0.date']],
      [{ ...HOURS, overrides: [{ date: '2026-06-10', windows: [] }, { date: '2026-06-10', windows: [] }] }, ['overrides.1.date']],
      [{ ...HOURS, overrides: [{ date: '2026-06-10', windows: [{ start: '10:00', end: '09:00' }] }] }, ['overrides.0.windows.0.end']],
      [{ ...HOURS, timeOff: [{ from: '2026-06-10T12:00', to: '2026-06-10T11:00' }] }, ['timeOff.0.to']],
      [{ ...HOURS, timeOff: [{ from: 'tomorrow', to: '2026-06-10T11:00' }] }, ['timeOff.0.from']],
      [{ ...HOURS, minNoticeMinutes: -1, bufferMinutes: 241, maxPerDay: 0 }, ['bufferMinutes', 'maxPerDay', 'minNoticeMinutes']],
      [{ weekly: [] }, ['bufferMinutes', 'maxPerDay', 'minNoticeMinutes', 'overrides', 'timeOff']],
      [[], ['']],
    ];
    for (const [json, fields] of cases) {
      const r = await req('admin', 'PUT', tpl, path, json);
      assert.equal(r.status, 422, JSON.stringify(json));
      assert.deepEqual(Object.keys(r.body.errors).sort(), fields, JSON.stringify(json));
    }
  });

  test('availability reflects every hours change at once (the cache is dropped): override, time off, notice, buffer, cap', async () => {
    const avail = async (q = '') =>
      (await checked(t, 'GET', '/api/consultations/availability', `/api/consultations/availability?specialist=sam-rivera&from=2026-06-08&to=2026-06-10${q}`)).body;
    const before = await avail();
    assert.equal(before.durationMinutes, 30);
    assert.ok(before.slots.length > 0);
    const put = (h: unknown) => req('admin', 'PUT', '/api/clinic/specialists/{specialistId}/hours', '/api/clinic/specialists/sam-rivera/hours', h);
    // Monday 8 June in New York: 10:00–12:00 weekly; Tuesday closed by an override.
    assert.equal((await put({ ...HOURS, weekly: [{ weekday: 1, start: '10:00', end: '12:00' }, { weekday: 2, start: '10:00', end: '12:00' }], timeOff: [], minNoticeMinutes: 0 })).status, 200);
    assert.deepEqual((await avail()).slots.map((s: { start: string }) => s.start), ['2026-06-08T14:00:00Z', '2026-06-08T14:30:00Z', '2026-06-08T15:00:00Z', '2026-06-08T15:30:00Z']);
    await put({ ...HOURS, weekly: [{ weekday: 1, start: '10:00', end: '12:00' }], overrides: [], timeOff: [{ from: '2026-06-08T10:00', to: '2026-06-08T11:00', note: null }], minNoticeMinutes: 0 });
    assert.deepEqual((await avail()).slots.map((s: { start: string }) => s.start), ['2026-06-08T15:00:00Z', '2026-06-08T15:30:00Z']);
    // Minimum notice per specialist: now is Monday 1 June 00:00Z; 7 days and 15 hours reach 8 June 15:00Z.
    await put({ ...HOURS, weekly: [{ weekday: 1, start: '10:00', end: '12:00' }], overrides: [], timeOff: [], minNoticeMinutes: 7 * 1440 + 900 });
    assert.deepEqual((await avail()).slots.map((s: { start: string }) => s.start), ['2026-06-08T15:00:00Z', '2026-06-08T15:30:00Z']);
    // Buffer and cap, with a booking at 10:30.
    await put({ ...HOURS, weekly: [{ weekday: 1, start: '10:00', end: '12:00' }], overrides: [], timeOff: [], minNoticeMinutes: 0, bufferMinutes: 30 });
    const b = await call(t, 'POST', '/api/consultations', { json: booking({ specialist: 'sam-rivera', start: '2026-06-08T14:30:00Z', email: 'cap@example.org' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(b.status, 201);
    assert.deepEqual((await avail()).slots.map((s: { start: string }) => s.start), ['2026-06-08T15:30:00Z']);
    const inBuffer = await call(t, 'POST', '/api/consultations', { json: booking({ specialist: 'sam-rivera', start: '2026-06-08T15:00:00Z', email: 'buf@example.org' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(inBuffer.status, 409, 'inside the buffer: taken');
    await put({ ...HOURS, weekly: [{ weekday: 1, start: '10:00', end: '12:00' }], overrides: [], timeOff: [], minNoticeMinutes: 0, bufferMinutes: 0, maxPerDay: 1 });
    assert.deepEqual((await avail()).slots, []);
    const overCap = await call(t, 'POST', '/api/consultations', { json: booking({ specialist: 'sam-rivera', start: '2026-06-08T15:30:00Z', email: 'cap2@example.org' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(overCap.status, 409, 'the day is full');
  });

  test('services: public list (active), staff list/add/edit per role, 422s, at least one active, ?service= and booking with a service', async () => {
    const tpl = '/api/clinic/specialists/{specialistId}/services';
    const path = '/api/clinic/specialists/olena-kovalenko/services';
    const statuses: Record<Who, number> = { none: 401, visitor: 403, olena: 200, sam: 403, admin: 200 };
    for (const who of WHO) assert.equal((await req(who, 'GET', tpl, path)).status, statuses[who], `GET ${who}`);
    const hour = { name: 'Therapy session', durationMinutes: 60, price: '€60' };
    for (const who of WHO) if (statuses[who] !== 200) assert.equal((await req(who, 'POST', tpl, path, hour)).status, statuses[who], `POST ${who}`);
    assert.equal((await req('olena', 'POST', tpl, path, hour, null)).status, 428);
    for (const [json, fields] of [
      [{ ...hour, durationMinutes: 10 }, ['durationMinutes']],
      [{ ...hour, durationMinutes: 125 }, ['durationMinutes']],
      [{ ...hour, durationMinutes: 32 }, ['durationMinutes']],
      [{ ...hour, name: '' }, ['name']],
      [{ ...hour, price: 'p'.repeat(41) }, ['price']],
    ] as Array<[unknown, string[]]>) {
      const r = await req('olena', 'POST', tpl, path, json);
      assert.equal(r.status, 422, JSON.stringify(json));
      assert.deepEqual(Object.keys(r.body.errors).sort(), fields);
    }
    const key = newKey();
    const created = await req('olena', 'POST', tpl, path, hour, key);
    assert.equal(created.status, 201);
    assert.equal((await req('olena', 'POST', tpl, path, hour, key)).headers.get('idempotent-replayed'), 'true');
    const id = created.body.id as string;
    assert.deepEqual(created.body, { id, specialist: 'olena-kovalenko', ...hour, active: true });

    // ?service= gives that length; an unknown one is 422 on service.
    const q = '/api/consultations/availability?specialist=olena-kovalenko&from=2026-06-02&to=2026-06-03';
    const long = await checked(t, 'GET', '/api/consultations/availability', `${q}&service=${id}`);
    assert.equal(long.body.durationMinutes, 60);
    assert.deepEqual(long.body.slots.slice(0, 2), [
      { start: '2026-06-02T06:00:00Z', end: '2026-06-02T07:00:00Z' },
      { start: '2026-06-02T07:00:00Z', end: '2026-06-02T08:00:00Z' },
    ]);
    const unknown = await checked(t, 'GET', '/api/consultations/availability', `${q}&service=sam-rivera-initial`);
    assert.equal(unknown.status, 422);
    assert.deepEqual(Object.keys(unknown.body.errors), ['service']);
    const bad = await call(t, 'POST', '/api/consultations', { json: booking({ service: 'nope' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys(((await bad.json()) as { errors: object }).errors), ['service']);
    // Off the 60-minute grid: 422 on start.
    const offGrid = await call(t, 'POST', '/api/consultations', { json: booking({ service: id, start: '2026-06-02T06:30:00Z' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(offGrid.status, 422);

    // A 60-minute booking blocks the two 30-minute slots it covers; its manage answer names the service.
    const booked = await checked(t, 'POST', '/api/consultations', '/api/consultations', { json: booking({ service: id, start: '2026-06-02T07:00:00Z', email: 'long@example.org' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(booked.status, 201);
    assert.equal(booked.body.end, '2026-06-02T08:00:00Z');
    const short = (await checked(t, 'GET', '/api/consultations/availability', q)).body.slots.map((s: { start: string }) => s.start);
    assert.ok(!short.includes('2026-06-02T07:00:00Z') && !short.includes('2026-06-02T07:30:00Z') && short.includes('2026-06-02T08:00:00Z'));
    const token = (booked.body.manageUrl as string).split('/').pop()!;
    const managed = await checked(t, 'GET', '/api/consultations/manage/{token}', `/api/consultations/manage/${token}`);
    assert.deepEqual(managed.body.service, { id, name: 'Therapy session', durationMinutes: 60 });
    // A 30-minute booking at 08:30 blocks the 60-minute slot at 08:00.
    const b30 = await call(t, 'POST', '/api/consultations', { json: booking({ start: '2026-06-02T08:30:00Z', email: 'short@example.org' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(b30.status, 201);
    const longNow = (await checked(t, 'GET', '/api/consultations/availability', `${q}&service=${id}`)).body.slots.map((s: { start: string }) => s.start);
    assert.ok(!longNow.includes('2026-06-02T08:00:00Z') && !longNow.includes('2026-06-02T07:00:00Z'));
    const overlap = await call(t, 'POST', '/api/consultations', { json: booking({ service: id, start: '2026-06-02T08:00:00Z', email: 'ov@example.org' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(overlap.status, 409);

    // PATCH: its specialist or an admin; the last active service cannot be deactivated.
    const ptpl = '/api/clinic/services/{serviceId}';
    const pstatuses: Record<Who, number> = { none: 401, visitor: 403, olena: 200, sam: 403, admin: 200 };
    for (const who of WHO) assert.equal((await req(who, 'PATCH', ptpl, `/api/clinic/services/${id}`, { price: 'free' })).status, pstatuses[who], `PATCH ${who}`);
    assert.equal((await req('admin', 'PATCH', ptpl, '/api/clinic/services/nope', { price: 'free' })).status, 404);
    assert.equal((await req('olena', 'PATCH', ptpl, `/api/clinic/services/${id}`, { durationMinutes: 7 })).status, 422);
    assert.equal((await req('olena', 'PATCH', ptpl, '/api/clinic/services/olena-kovalenko-initial', { active: false })).status, 200);
    const last = await req('olena', 'PATCH', ptpl, `/api/clinic/services/${id}`, { active: false });
    assert.equal(last.status, 422);
    assert.deepEqual(Object.keys(last.body.errors), ['active']);
    const pub = await checked(t, 'GET', '/api/specialists/{specialistId}/services', '/api/specialists/olena-kovalenko/services');
    assert.deepEqual(pub.body.map((s: { id: string }) => s.id), [id], 'the inactive default is not offered');
    assert.equal((await req('olena', 'GET', tpl, path)).body.length, 2, 'staff see inactive ones');
    assert.equal((await checked(t, 'GET', '/api/specialists/{specialistId}/services', '/api/specialists/nobody/services')).status, 404);
  });

  test('PATCH /api/clinic/specialists: admins only; deactivated: not listed, no availability or booking (422 on specialist), history kept', async () => {
    const tpl = '/api/clinic/specialists/{specialistId}';
    const path = '/api/clinic/specialists/sam-rivera';
    for (const who of ['none', 'visitor', 'olena', 'sam'] as Who[]) assert.equal((await req(who, 'PATCH', tpl, path, { title: 'x' })).status, who === 'none' ? 401 : 403, who);
    assert.equal((await req('admin', 'PATCH', tpl, path, { title: 'x' }, null)).status, 428);
    assert.equal((await req('admin', 'PATCH', tpl, '/api/clinic/specialists/nobody', { title: 'x' })).status, 404);
    for (const [json, fields] of [
      [{ id: 'other' }, ['id']],
      [{ timeZone: 'Nowhere/Land' }, ['timeZone']],
      [{ active: 'no' }, ['active']],
      [{ photoUrl: 'ftp://x.example/p.png' }, ['photoUrl']],
    ] as Array<[unknown, string[]]>) {
      const r = await req('admin', 'PATCH', tpl, path, json);
      assert.equal(r.status, 422, JSON.stringify(json));
      assert.deepEqual(Object.keys(r.body.errors), fields);
    }
    const edited = await req('admin', 'PATCH', tpl, path, { bio: 'New bio', languages: ['en'] });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.bio, 'New bio');

    // Sam has a booking (from the hours test): it stays readable after deactivation.
    const manage = (await t.column('SELECT id FROM bookings WHERE specialist_id = ?', ['sam-rivera'])).length;
    assert.ok(manage > 0);
    const off = await req('admin', 'PATCH', tpl, path, { active: false });
    assert.equal(off.status, 200);
    assert.equal(off.body.active, false);
    const listed = (await checked(t, 'GET', '/api/specialists', '/api/specialists')).body.map((s: { id: string }) => s.id);
    assert.ok(!listed.includes('sam-rivera'));
    const staffList = (await req('olena', 'GET', '/api/clinic/specialists', '/api/clinic/specialists')).body;
    assert.deepEqual(staffList.at(-1).id, 'sam-rivera', 'inactive ones last');
    const a = await checked(t, 'GET', '/api/consultations/availability', '/api/consultations/availability?specialist=sam-rivera&from=2026-06-08&to=2026-06-10');
    assert.equal(a.status, 422);
    assert.deepEqual(a.body.errors, { specialist: ['Unknown specialist'] });
    const b = await call(t, 'POST', '/api/consultations', { json: booking({ specialist: 'sam-rivera', start: '2026-06-09T14:00:00Z' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(b.status, 422);
    assert.equal(await t.scalar('SELECT count(*) FROM bookings WHERE specialist_id = ?', ['sam-rivera']), manage, 'history kept');
    assert.equal((await checked(t, 'GET', '/api/specialists/{specialistId}/services', '/api/specialists/sam-rivera/services')).status, 404);
    assert.equal((await req('admin', 'PATCH', tpl, path, { active: true })).body.active, true);
  });

  test('two overlapping bookings of different services race: one 201, one 409', async () => {
    // Olena's 60-minute service at 10:00 (07:00Z) and the 30-minute one at 10:30 (07:30Z).
    const services = (await req('olena', 'GET', '/api/clinic/specialists/{specialistId}/services', '/api/clinic/specialists/olena-kovalenko/services')).body as Array<{ id: string; durationMinutes: number }>;
    await req('olena', 'PATCH', '/api/clinic/services/{serviceId}', '/api/clinic/services/olena-kovalenko-initial', { active: true });
    const long = services.find((s) => s.durationMinutes === 60)!.id;
    for (const [round, day] of ['2026-06-15', '2026-06-22', '2026-06-29', '2026-07-06', '2026-07-13'].entries()) {
      // Mondays (the hours test left Olena Monday 09:00–12:00)
      const results = await Promise.all([
        call(t, 'POST', '/api/consultations', { json: booking({ service: long, start: `${day}T07:00:00Z`, email: `r${round}a@example.org` }), headers: { 'Idempotency-Key': newKey() }, ip: `10.0.${round}.1` }),
        call(t, 'POST', '/api/consultations', { json: booking({ service: 'olena-kovalenko-initial', start: `${day}T07:30:00Z`, email: `r${round}b@example.org` }), headers: { 'Idempotency-Key': newKey() }, ip: `10.0.${round}.2` }),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409], `round ${round} (${TEST_DB}): ${JSON.stringify(await Promise.all(results.map((r) => r.clone().json())))}`);
    }
  });

  test('the database refuses overlapping active bookings itself (any path that inserts)', async () => {
    const row = (id: string, start: string, end: string) => ({
      id, specialistId: 'olena-kovalenko', start, end, name: 'X', email: 'x@example.org', timeZone: 'UTC',
      consentAt: '2026-06-01T00:00:00Z', consentVersion: 'v', manageHash: `h-${id}`, createdAt: '2026-06-01T00:00:00Z',
    });
    await t.store.bookings.insert(row('db-1', '2026-07-01T06:00:00Z', '2026-07-01T07:00:00Z'));
    await assert.rejects(t.store.bookings.insert(row('db-2', '2026-07-01T06:30:00Z', '2026-07-01T07:00:00Z')), { name: 'SlotTakenError' });
    await t.store.bookings.insert(row('db-3', '2026-07-01T07:00:00Z', '2026-07-01T07:30:00Z')); // touching is fine
  });
});

describe('demo data is a demo', () => {
  test('seeded once per database: what an admin deactivated or deleted does not come back on restart', async () => {
    const t = await createTestApp();
    await t.store.clinic.updateSpecialist('sam-rivera', { active: false });
    await t.store.query('DELETE FROM users WHERE id = ?', ['demo-visitor']);
    await seedDemoData(t.store, NOW); // a restart in demo mode
    assert.equal((await t.store.clinic.getSpecialist('sam-rivera'))?.active, false);
    assert.equal(await t.scalar('SELECT count(*) FROM users WHERE id = ?', ['demo-visitor']), 0);
    assert.ok(await t.scalar("SELECT value FROM meta WHERE key = 'demo_seeded'"));
  });

  test('production (demo off): / is a plain page linking to /desk', async () => {
    const t = await createTestApp({ config: { demo: false } });
    const r = await call(t, 'GET', '/');
    assert.equal(r.status, 200);
    const body = await r.text();
    assert.match(body, /href="\/desk"/);
    assert.doesNotMatch(body, /demo/i);
  });
});
