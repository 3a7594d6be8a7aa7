// The care team's accounts (issue 12): GET /api/staff and POST /api/staff (admins only) with every
// role and with none, the invitation's 422s and idempotent replay, the email (a link, nothing else),
// and the invitation link's pages: GET /invite, POST /invite (rules, sign-in, once, 7 days).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, checked, createTestApp, newKey, ORIGIN, PARTNER, signInBearer, type TestApp } from './helpers.js';
import { DEMO_ADMIN, DEMO_SPECIALIST_USER, DEMO_USER } from '../../server/src/seed.js';

type Who = 'none' | 'visitor' | 'olena' | 'admin';
const bearer = async (t: TestApp, email: string, password: string) => ({ Authorization: `Bearer ${await signInBearer(t, PARTNER, { email, password })}` });
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, ...headers },
});
const linkOf = (text: string) => /\/invite\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe('staff', () => {
  let t: TestApp;
  let as: Record<Who, Record<string, string>>;
  const list = (who: Who) => checked(t, 'GET', '/api/staff', '/api/staff', { headers: as[who] });
  const invite = (who: Who, json: unknown, key: string | null = newKey()) =>
    checked(t, 'POST', '/api/staff', '/api/staff', { json, headers: { ...as[who], ...(key === null ? {} : { 'Idempotency-Key': key }) } });

  before(async () => {
    t = await createTestApp();
    as = {
      none: {},
      visitor: await bearer(t, DEMO_USER.email, DEMO_USER.password),
      olena: await bearer(t, DEMO_SPECIALIST_USER.email, DEMO_SPECIALIST_USER.password),
      admin: await bearer(t, DEMO_ADMIN.email, DEMO_ADMIN.password),
    };
  });

  test('GET /api/staff: admins only (401 signed out, 403 visitor and specialist); staff accounts by name', async () => {
    const statuses: Record<Who, number> = { none: 401, visitor: 403, olena: 403, admin: 200 };
    for (const who of Object.keys(statuses) as Who[]) assert.equal((await list(who)).status, statuses[who], who);
    await t.store.accounts.createUser({ id: 'staff-ann', email: 'ann@clinic.example', name: 'ann Able', passwordHash: 'scrypt$x', createdAt: '2026-05-01T00:00:00Z', role: 'admin' });
    const r = await list('admin');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.deepEqual(
      r.body.map((s: { name: string }) => s.name),
      ['ann Able', DEMO_ADMIN.name, DEMO_SPECIALIST_USER.name],
      'by name, case-insensitively; visitors are not staff',
    );
    assert.deepEqual(r.body[2], { id: DEMO_SPECIALIST_USER.id, name: DEMO_SPECIALIST_USER.name, email: DEMO_SPECIALIST_USER.email, role: 'specialist', specialist: 'olena-kovalenko', invited: false });
  });

  test('POST /api/staff: admins only; 428 without a key; 422 per field', async () => {
    const good = { email: 'nobody@clinic.example', name: 'No Body', role: 'admin' };
    const statuses: Record<Exclude<Who, 'admin'>, number> = { none: 401, visitor: 403, olena: 403 };
    for (const who of Object.keys(statuses) as Array<Exclude<Who, 'admin'>>) assert.equal((await invite(who, good)).status, statuses[who], who);
    assert.equal((await invite('admin', good, null)).status, 428);
    const cases: Array<[unknown, string[]]> = [
      [{ ...good, email: 'not an address' }, ['email']],
      [{ ...good, email: DEMO_USER.email.toUpperCase() }, ['email']], // has an account (any case)
      [{ ...good, name: '   ' }, ['name']],
      [{ ...good, name: 'x'.repeat(101) }, ['name']],
      [{ ...good, name: 'Bad\u202eName' }, ['name']],
      [{ ...good, role: 'visitor' }, ['role']],
      [{ email: 'a@clinic.example', name: 'A' }, ['role']],
      [{ ...good, role: 'specialist' }, ['specialist']],
      [{ ...good, role: 'specialist', specialist: null }, ['specialist']],
      [{ ...good, role: 'specialist', specialist: 'no-such-specialist' }, ['specialist']],
      [{ ...good, role: 'admin', specialist: 'olena-kovalenko' }, ['specialist']],
      [{ ...good, email: 'bad', name: '', role: 'specialist' }, ['email', 'name', 'specialist']],
      [[good], ['']],
    ];
    for (const [json, fields] of cases) {
      const r = await invite('admin', json);
      assert.equal(r.status, 422, JSON.stringify(json));
      assert.deepEqual(Object.keys(r.body.errors).sort(), fields, JSON.stringify(json));
    }
    assert.equal(t.mail.length, 0, 'nothing was sent');
    assert.equal(await t.scalar('SELECT count(*) FROM users WHERE email = ?', ['nobody@clinic.example']), 0, 'nobody was created');
  });

  let link = '';
  test('an invitation: 201 StaffMember (invited), one email with a link and nothing else; a replay sends nothing more', async () => {
    const key = newKey();
    const json = { email: 'lina@clinic.example', name: 'Dr. Lina Park', role: 'specialist', specialist: 'sam-rivera' };
    const r = await invite('admin', json, key);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual({ ...r.body, id: undefined }, { id: undefined, name: 'Dr. Lina Park', email: 'lina@clinic.example', role: 'specialist', specialist: 'sam-rivera', invited: true });
    await new Promise((resolve) => setImmediate(resolve)); // sendLater
    assert.equal(t.mail.length, 1);
    const mail = t.mail[0]!;
    assert.equal(mail.to, 'lina@clinic.example');
    assert.match(mail.text, /^You have been invited to the care team of localhost — choose a password: http:\/\/localhost\/invite\?token=[A-Za-z0-9_-]{43}\n/);
    assert.ok(!mail.text.includes('Lina') && !mail.subject.includes('Lina'), 'no name in the email');
    link = linkOf(mail.text)!;
    const stored = await t.column('SELECT token_hash FROM staff_invites');
    assert.equal(stored.length, 1);
    assert.ok(!stored.includes(link), 'only its hash is stored');

    const again = await invite('admin', json, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, r.body);
    assert.equal((await invite('admin', { ...json, name: 'Other' }, key)).status, 422, 'the key with another body');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(t.mail.length, 1, 'a replay sends no second email');
    assert.equal(await t.scalar('SELECT count(*) FROM users WHERE email = ?', ['lina@clinic.example']), 1);
    assert.equal((await invite('admin', json)).body.errors.email[0], 'This address has an account already');

    const listed = (await list('admin')).body.find((s: { email: string }) => s.email === 'lina@clinic.example');
    assert.equal(listed.invited, true);
    // Until the password is chosen, nothing signs in to the account.
    const login = await call(t, 'POST', '/login', form({ email: 'lina@clinic.example', password: '' }));
    assert.equal(login.status, 422);
    const wrong = await call(t, 'POST', '/login', form({ email: 'lina@clinic.example', password: 'anything at all' }));
    assert.equal(wrong.status, 401);
    assert.ok(!t.logs.some((l) => /lina|Park/i.test(l)), 'no name or email in the log');
  });

  test('GET /invite: the "Choose a password" page; an unknown link is not valid', async () => {
    const page = await checked(t, 'GET', '/invite', `/invite?token=${link}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Choose a password<\/h1>/);
    assert.match(page.text, /value="lina@clinic\.example" readonly/);
    assert.match(page.text, /autocomplete="new-password"/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    for (const bad of ['', 'short', 'A'.repeat(43)]) {
      const r = await checked(t, 'GET', '/invite', `/invite?token=${bad}`);
      assert.equal(r.status, 400);
      assert.match(r.text, /Link not valid/);
    }
  });

  test('POST /invite: a cross-site post is refused; a weak password keeps the form; a good one signs in and goes to /desk; the link then is not valid', async () => {
    const cross = await checked(t, 'POST', '/invite', '/invite', form({ token: link, password: 'plum tractor lantern' }, { Origin: 'https://evil.example' }));
    assert.equal(cross.status, 403);
    for (const [password, message] of [['short', /at least 8 characters/], ['password123', /most common/]] as const) {
      const r = await checked(t, 'POST', '/invite', '/invite', form({ token: link, password }));
      assert.equal(r.status, 422);
      assert.match(r.text, message);
      assert.match(r.text, /id="error-summary"/);
      assert.match(r.text, /aria-invalid="true"/);
      assert.ok(r.text.includes(`name="token" value="${link}"`), 'the link stays in the form');
      assert.match(r.text, /value="lina@clinic\.example" readonly/);
      assert.ok(!r.text.includes(password), 'the password is not echoed');
    }
    const ok = await checked(t, 'POST', '/invite', '/invite', form({ token: link, password: 'plum tractor lantern' }));
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/desk');
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    const session = await checked(t, 'GET', '/api/session', '/api/session', { headers: { Cookie: cookie } });
    assert.equal(session.body.user.role, 'specialist');
    assert.equal(session.body.user.name, 'Dr. Lina Park');
    const desk = await call(t, 'GET', '/desk', { headers: { Cookie: cookie } });
    assert.equal(desk.status, 200);

    const reuse = await checked(t, 'POST', '/invite', '/invite', form({ token: link, password: 'another long phrase' }));
    assert.equal(reuse.status, 400);
    assert.match(reuse.text, /Link not valid/);
    assert.equal((await checked(t, 'GET', '/invite', `/invite?token=${link}`)).status, 400);
    // The chosen password signs in; the listing no longer says invited.
    const login = await call(t, 'POST', '/login', form({ email: 'lina@clinic.example', password: 'plum tractor lantern', return: '/desk' }));
    assert.equal(login.status, 303);
    assert.equal(login.headers.get('location'), '/desk');
    assert.equal((await list('admin')).body.find((s: { email: string }) => s.email === 'lina@clinic.example').invited, false);
  });

  test('a link is valid 7 days', async () => {
    const r = await invite('admin', { email: 'late@clinic.example', name: 'Late Comer', role: 'admin' });
    assert.equal(r.status, 201);
    await new Promise((resolve) => setImmediate(resolve));
    const token = linkOf(t.mail.at(-1)!.text)!;
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 86_400_000 - 1000);
    assert.equal((await call(t, 'GET', `/invite?token=${token}`)).status, 200, 'a second before the end');
    t.clock.now = new Date(t.clock.now.getTime() + 2000);
    assert.equal((await call(t, 'GET', `/invite?token=${token}`)).status, 400);
    const post = await call(t, 'POST', '/invite', form({ token, password: 'plum tractor lantern' }));
    assert.equal(post.status, 400);
    assert.match(await post.text(), /Link not valid/);
  });
});
