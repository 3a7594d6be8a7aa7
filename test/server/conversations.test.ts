// Conversations (issue 12): every route with every role's token and with none, checked against
// openapi.yaml. Authorization is per row: a visitor never learns of another visitor's conversation
// (404), a specialist asking for another specialist's gets 403, a visitor changes nothing (403).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checked, createTestApp, newKey, PARTNER, type TestApp, signInBearer } from './helpers.js';
import { DEMO_ADMIN, DEMO_SPECIALIST_USER, DEMO_USER } from '../../server/src/seed.js';
import { hashPasswordSync } from '../../server/src/passwords.js';

const PASSWORD = 'plum tractor lantern';
const hash = hashPasswordSync(PASSWORD);

/** Signs `email` in as a popup of PARTNER; returns the Authorization header. */
const bearer = async (t: TestApp, email: string, password: string) => ({ Authorization: `Bearer ${await signInBearer(t, PARTNER, { email, password })}` });

type Who = 'none' | 'visitor' | 'other' | 'olena' | 'sam' | 'admin';
interface World {
  t: TestApp;
  as: Record<Who, Record<string, string>>;
  ids: Record<Who, string>;
}

async function world(): Promise<World> {
  const t = await createTestApp({ config: { messagesPerMinute: 1000 } });
  await t.store.accounts.createUser({ id: 'other-visitor', email: 'other@example.org', name: 'Other Visitor', passwordHash: hash, createdAt: '2026-05-01T00:00:00Z' });
  await t.store.accounts.createUser({ id: 'staff-sam', email: 'sam@clinic.example', name: 'Sam Rivera', passwordHash: hash, createdAt: '2026-05-01T00:00:00Z', role: 'specialist', specialistId: 'sam-rivera' });
  const as: World['as'] = {
    none: {},
    visitor: await bearer(t, DEMO_USER.email, DEMO_USER.password),
    other: await bearer(t, 'other@example.org', PASSWORD),
    olena: await bearer(t, DEMO_SPECIALIST_USER.email, DEMO_SPECIALIST_USER.password),
    sam: await bearer(t, 'sam@clinic.example', PASSWORD),
    admin: await bearer(t, DEMO_ADMIN.email, DEMO_ADMIN.password),
  };
  const ids = { none: '', visitor: DEMO_USER.id, other: 'other-visitor', olena: DEMO_SPECIALIST_USER.id, sam: 'staff-sam', admin: DEMO_ADMIN.id };
  return { t, as, ids };
}

const send = (w: World, who: Who, json: Record<string, unknown>, key = newKey()) =>
  checked(w.t, 'POST', '/api/messages', '/api/messages', { json, headers: { ...w.as[who], 'Idempotency-Key': key } });
const list = (w: World, who: Who, query = '') => checked(w.t, 'GET', '/api/conversations', `/api/conversations${query}`, { headers: w.as[who] });
const detail = (w: World, who: Who, id: string) => checked(w.t, 'GET', '/api/conversations/{conversationId}', `/api/conversations/${id}`, { headers: w.as[who] });
const reply = (w: World, who: Who, id: string, body: unknown, key = newKey()) =>
  checked(w.t, 'POST', '/api/conversations/{conversationId}/messages', `/api/conversations/${id}/messages`, { json: body, headers: { ...w.as[who], 'Idempotency-Key': key } });
const patch = (w: World, who: Who, id: string, json: unknown) =>
  checked(w.t, 'PATCH', '/api/conversations/{conversationId}', `/api/conversations/${id}`, { json, headers: w.as[who] });
const read = (w: World, who: Who, id: string) =>
  checked(w.t, 'POST', '/api/conversations/{conversationId}/read', `/api/conversations/${id}/read`, { headers: w.as[who] });

// On PostgreSQL every test app empties the one test schema: the tests on the shared `w` come first.
describe('conversations', () => {
  let w: World;
  let toOlena: string;
  let toTeam: string;
  let toSam: string;

  before(async () => {
    w = await world();
    const a = await send(w, 'visitor', { to: 'olena-kovalenko', subject: 'Sleep', body: 'I would like to talk about sleep' });
    assert.equal(a.status, 201);
    toOlena = a.body.conversationId;
    toTeam = (await send(w, 'visitor', { body: 'A question for the team' })).body.conversationId;
    toSam = (await send(w, 'other', { to: 'sam-rivera', body: 'Hello Sam' })).body.conversationId;
  });

  test('the session names the role', async () => {
    for (const [who, role] of [['visitor', 'visitor'], ['olena', 'specialist'], ['admin', 'admin']] as const) {
      const s = await checked(w.t, 'GET', '/api/session', '/api/session', { headers: w.as[who] });
      assert.equal(s.body.user.role, role);
    }
  });

  test('POST /api/messages: 201 {id, createdAt, conversationId}; `to` defaults to the team; an unknown recipient is a 422 on `to`', async () => {
    const r = await send(w, 'visitor', { to: 'nobody-at-all', body: 'Hi' });
    assert.equal(r.status, 422);
    assert.deepEqual(Object.keys(r.body.errors), ['to']);
    const team = await detail(w, 'admin', toTeam);
    assert.equal(team.body.recipient, 'team');
    assert.deepEqual(Object.keys((await send(w, 'visitor', { to: 'team', body: 'Again' })).body).sort(), ['conversationId', 'createdAt', 'id']);
  });

  test('messages to one recipient join its conversation; another subject starts a new one', async () => {
    const same = await send(w, 'visitor', { to: 'olena-kovalenko', body: 'And about dreams' });
    assert.equal(same.body.conversationId, toOlena);
    const sameSubject = await send(w, 'visitor', { to: 'olena-kovalenko', subject: 'SLEEP', body: 'Still sleep' });
    assert.equal(sameSubject.body.conversationId, toOlena);
    w.t.clock.now = new Date(w.t.clock.now.getTime() + 1000); // (within one second, "the most recent" is a tie)
    const fresh = await send(w, 'visitor', { to: 'olena-kovalenko', subject: 'Work stress', body: 'Something else' });
    assert.notEqual(fresh.body.conversationId, toOlena);
    const back = await send(w, 'visitor', { to: 'olena-kovalenko', body: 'Follow-up' });
    assert.equal(back.body.conversationId, fresh.body.conversationId, 'no subject: the most recent one');
  });

  test('every route with every role and with none', async () => {
    const expect: Array<[string, (who: Who) => Promise<{ status: number }>, Record<Who, number>]> = [
      ['GET detail', (who) => detail(w, who, toOlena), { none: 401, visitor: 200, other: 404, olena: 200, sam: 403, admin: 200 }],
      ['POST reply', (who) => reply(w, who, toOlena, { body: `from ${who}` }), { none: 401, visitor: 201, other: 404, olena: 201, sam: 403, admin: 201 }],
      ['POST read', (who) => read(w, who, toOlena), { none: 401, visitor: 204, other: 404, olena: 204, sam: 403, admin: 204 }],
      ['PATCH status', (who) => patch(w, who, toOlena, { status: 'open' }), { none: 401, visitor: 403, other: 404, olena: 200, sam: 403, admin: 200 }],
      ['PATCH assignee', (who) => patch(w, who, toOlena, { assignee: DEMO_SPECIALIST_USER.id }), { none: 401, visitor: 403, other: 404, olena: 403, sam: 403, admin: 200 }],
      ['GET team detail', (who) => detail(w, who, toTeam), { none: 401, visitor: 200, other: 404, olena: 200, sam: 200, admin: 200 }],
      ['GET another visitor’s', (who) => detail(w, who, toSam), { none: 401, visitor: 404, other: 200, olena: 403, sam: 200, admin: 200 }],
      ['GET unknown', (who) => detail(w, who, 'no-such-conversation'), { none: 401, visitor: 404, other: 404, olena: 404, sam: 404, admin: 404 }],
      ['POST reply unknown', (who) => reply(w, who, 'no-such-conversation', { body: 'x' }), { none: 401, visitor: 404, other: 404, olena: 404, sam: 404, admin: 404 }],
      ['PATCH unknown', (who) => patch(w, who, 'no-such-conversation', { status: 'open' }), { none: 401, visitor: 404, other: 404, olena: 404, sam: 404, admin: 404 }],
      ['POST read unknown', (who) => read(w, who, 'no-such-conversation'), { none: 401, visitor: 404, other: 404, olena: 404, sam: 404, admin: 404 }],
      ['GET list', (who) => list(w, who), { none: 401, visitor: 200, other: 200, olena: 200, sam: 200, admin: 200 }],
    ];
    for (const [name, run, statuses] of expect) {
      for (const who of Object.keys(statuses) as Who[]) assert.equal((await run(who)).status, statuses[who], `${name} as ${who}`);
    }
    // A visitor's 404 for someone else's conversation says exactly what an unknown id says.
    const theirs = await detail(w, 'visitor', toSam);
    const none = await detail(w, 'visitor', 'no-such-conversation');
    assert.deepEqual(theirs.body, none.body);
  });

  test('lists: a visitor sees their own, a specialist theirs and the team’s, an admin all; staff see the visitor', async () => {
    const ids = async (who: Who) => new Set(((await list(w, who, '?limit=100')).body.items as Array<{ id: string }>).map((i) => i.id));
    const mine = await ids('visitor');
    assert.ok(mine.has(toOlena) && mine.has(toTeam) && !mine.has(toSam));
    assert.deepEqual([...(await ids('other'))], [toSam]);
    const olena = await ids('olena');
    assert.ok(olena.has(toOlena) && olena.has(toTeam) && !olena.has(toSam));
    const sam = await ids('sam');
    assert.ok(sam.has(toSam) && sam.has(toTeam) && !sam.has(toOlena));
    const all = await ids('admin');
    for (const id of [toOlena, toTeam, toSam]) assert.ok(all.has(id));
    const v = (await list(w, 'visitor')).body.items[0];
    assert.equal(v.visitor, undefined, 'a visitor is not told their own id and name');
    const s = ((await list(w, 'admin')).body.items as Array<{ id: string; visitor: { id: string; name: string } }>).find((i) => i.id === toSam)!;
    assert.deepEqual(s.visitor, { id: 'other-visitor', name: 'Other Visitor' });
  });

  test('a reply is stored once per Idempotency-Key; 422 per field; 428 without a key', async () => {
    const key = newKey();
    const a = await reply(w, 'olena', toOlena, { body: 'Once' }, key);
    const b = await reply(w, 'olena', toOlena, { body: 'Once' }, key);
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(b.body, a.body);
    assert.equal(await w.t.scalar('SELECT count(*) FROM messages WHERE id = ?', [a.body.id]), 1);
    assert.equal((await reply(w, 'olena', toOlena, { body: 'Other' }, key)).status, 422, 'the key with another body');
    for (const body of [{}, { body: '' }, { body: '   ' }, { body: 42 }, { body: 'x'.repeat(5001) }, []]) {
      const r = await reply(w, 'olena', toOlena, body);
      assert.equal(r.status, 422, JSON.stringify(body).slice(0, 40));
      assert.ok(r.body.errors.body || r.body.errors[''], JSON.stringify(r.body.errors));
    }
    const none = await checked(w.t, 'POST', '/api/conversations/{conversationId}/messages', `/api/conversations/${toOlena}/messages`, { json: { body: 'x' }, headers: w.as.olena });
    assert.equal(none.status, 428);
  });

  test('unread counts, "seen", and the reply reaching the visitor', async () => {
    const x = await world();
    const id = (await send(x, 'visitor', { to: 'olena-kovalenko', body: 'I would like to talk about sleep' })).body.conversationId;
    const item = async (who: Who) => ((await list(x, who)).body.items as Array<{ id: string; unread: number; preview: string }>).find((i) => i.id === id)!;
    assert.equal((await item('olena')).unread, 1);
    assert.equal((await item('visitor')).unread, 0, 'one’s own messages are read');
    let thread = await detail(x, 'visitor', id);
    assert.equal(thread.body.messages[0].seenAt, null);
    x.t.clock.now = new Date(x.t.clock.now.getTime() + 60_000);
    await detail(x, 'olena', id);
    assert.equal((await item('olena')).unread, 0);
    thread = await detail(x, 'visitor', id);
    assert.equal(thread.body.messages[0].seenAt, '2026-06-01T00:01:00Z');
    const r = await reply(x, 'olena', id, { body: 'Of course — shall we book a time?' });
    assert.equal(r.status, 201);
    assert.equal((await item('visitor')).unread, 1);
    assert.equal((await item('visitor')).preview, 'Of course — shall we book a time?');
    thread = await detail(x, 'visitor', id);
    assert.deepEqual(thread.body.messages[1].author, { id: DEMO_SPECIALIST_USER.id, name: DEMO_SPECIALIST_USER.name, role: 'specialist' });
    assert.equal(thread.body.messages[1].seenAt, undefined, 'seenAt is for the visitor’s messages');
    assert.equal((await item('visitor')).unread, 0, 'reading it marks it read');
    assert.equal((await item('admin')).unread, 2, 'each person has their own read marker');
    assert.equal((await read(x, 'admin', id)).status, 204);
    assert.equal((await item('admin')).unread, 0);
  });

  test('status and assignee: filters, reopening, and who may be assigned', async () => {
    const x = await world();
    const a = (await send(x, 'visitor', { to: 'olena-kovalenko', body: 'one' })).body.conversationId;
    const b = (await send(x, 'visitor', { body: 'two' })).body.conversationId;
    const handled = await patch(x, 'olena', a, { status: 'handled' });
    assert.equal(handled.status, 200);
    assert.equal(handled.body.status, 'handled');
    const ids = async (who: Who, q: string) => ((await list(x, who, q)).body.items as Array<{ id: string }>).map((i) => i.id);
    assert.deepEqual(await ids('olena', '?status=handled'), [a]);
    assert.deepEqual(await ids('olena', '?status=open'), [b]);
    // Assignees: a staff member who may see it.
    for (const bad of ['demo-visitor', 'staff-sam', 'nobody', '']) {
      const r = await patch(x, 'admin', a, { assignee: bad });
      assert.equal(r.status, 422, bad);
      assert.deepEqual(Object.keys(r.body.errors), ['assignee']);
    }
    const assigned = await patch(x, 'admin', a, { assignee: DEMO_SPECIALIST_USER.id });
    assert.deepEqual(assigned.body.assignee, { id: DEMO_SPECIALIST_USER.id, name: DEMO_SPECIALIST_USER.name });
    assert.deepEqual(await ids('olena', '?mine=1'), [a]);
    assert.deepEqual(await ids('admin', '?mine=1'), []);
    assert.equal((await patch(x, 'admin', a, { assignee: null })).body.assignee, null);
    for (const bad of [{}, { status: 'closed' }, { status: null }, { assignee: 5 }, []])
      assert.equal((await patch(x, 'admin', a, bad)).status, 422, JSON.stringify(bad));
    // The visitor writing again reopens it.
    await reply(x, 'visitor', a, { body: 'one more thing' });
    assert.equal((await detail(x, 'olena', a)).body.status, 'open');
    await patch(x, 'olena', a, { status: 'handled' });
    await send(x, 'visitor', { to: 'olena-kovalenko', body: 'and again' });
    assert.equal((await detail(x, 'olena', a)).body.status, 'open', 'through POST /api/messages as well');
  });

  test('newest activity first, keyset pages by an opaque cursor; bad filters are 422', async () => {
    const x = await world();
    const made: string[] = [];
    for (let i = 0; i < 25; i++) {
      x.t.clock.now = new Date(Date.parse('2026-06-01T00:00:00Z') + (i % 5) * 1000); // ties on the time, too
      made.push((await send(x, 'visitor', { subject: `Topic ${i}`, body: `Message ${i}` })).body.conversationId);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await list(x, 'olena', `?limit=10${cursor ? `&before=${cursor}` : ''}`);
      assert.equal(r.status, 200);
      seen.push(...(r.body.items as Array<{ id: string }>).map((i) => i.id));
      cursor = r.body.next;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(seen.length, 25);
    assert.deepEqual(new Set(seen), new Set(made));
    const all = (await list(x, 'olena', '?limit=100')).body.items as Array<{ id: string; lastActivityAt: string }>;
    assert.deepEqual(all.map((i) => i.id), seen, 'pages join into the one order');
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.lastActivityAt >= all[i]!.lastActivityAt);
    for (const q of ['?limit=0', '?limit=101', '?limit=x', '?status=closed', '?mine=yes', '?before=%%%', '?before=bm90IGEgY3Vyc29y', `?before=${'A'.repeat(300)}`]) {
      const r = await list(x, 'olena', q);
      assert.equal(r.status, 422, q);
    }
  });

  test('?recipient=: only those addressed to that specialist or the team, within what the caller may see; keyset pages; 422 when malformed', async () => {
    const x = await world();
    const a = (await send(x, 'visitor', { to: 'olena-kovalenko', subject: 'One', body: 'one' })).body.conversationId;
    x.t.clock.now = new Date(x.t.clock.now.getTime() + 1000);
    const b = (await send(x, 'visitor', { to: 'olena-kovalenko', subject: 'Two', body: 'two' })).body.conversationId;
    const team = (await send(x, 'visitor', { body: 'team' })).body.conversationId;
    const others = (await send(x, 'other', { to: 'olena-kovalenko', body: 'not yours' })).body.conversationId;
    const sams = (await send(x, 'other', { to: 'sam-rivera', body: 'for Sam' })).body.conversationId;
    const ids = async (who: Who, q: string) => {
      const r = await list(x, who, q);
      assert.equal(r.status, 200, `${who} ${q}`);
      for (const i of r.body.items as Array<{ recipient: string }>) assert.equal(i.recipient, /recipient=([^&]+)/.exec(q)![1], 'every item has that recipient');
      return (r.body.items as Array<{ id: string }>).map((i) => i.id);
    };
    assert.deepEqual(await ids('visitor', '?recipient=olena-kovalenko'), [b, a], 'the visitor’s own, newest first');
    assert.deepEqual(await ids('visitor', '?recipient=team'), [team]);
    assert.deepEqual(await ids('visitor', '?recipient=sam-rivera'), [], 'another visitor’s stays unseen');
    assert.deepEqual(await ids('other', '?recipient=olena-kovalenko'), [others]);
    assert.deepEqual(new Set(await ids('olena', '?recipient=olena-kovalenko')), new Set([a, b, others]));
    assert.deepEqual(await ids('olena', '?recipient=sam-rivera'), [], 'a specialist sees no other specialist’s');
    assert.deepEqual(await ids('sam', '?recipient=sam-rivera'), [sams]);
    assert.deepEqual(await ids('admin', '?recipient=team'), [team]);
    assert.deepEqual(await ids('admin', '?recipient=nobody-at-all'), []);
    assert.deepEqual(await ids('olena', '?recipient=olena-kovalenko&status=open&limit=100'), await ids('olena', '?recipient=olena-kovalenko'));
    // Keyset pages, unchanged.
    const first = await list(x, 'visitor', '?recipient=olena-kovalenko&limit=1');
    assert.deepEqual(first.body.items.map((i: { id: string }) => i.id), [b]);
    const second = await list(x, 'visitor', `?recipient=olena-kovalenko&limit=1&before=${first.body.next}`);
    assert.deepEqual(second.body.items.map((i: { id: string }) => i.id), [a]);
    assert.equal(second.body.next, null);
    for (const q of [`?recipient=${'x'.repeat(101)}`, '?recipient=']) {
      const r = await list(x, 'visitor', q);
      assert.equal(r.status, 422, q.slice(0, 20));
      assert.deepEqual(Object.keys(r.body.errors), ['recipient']);
    }
    assert.equal((await list(x, 'visitor', `?recipient=${'x'.repeat(100)}`)).status, 200);
    assert.equal((await list(x, 'none', '?recipient=team')).status, 401);
  });

  test('a message longer than 120 characters is previewed by its first 120', async () => {
    const x = await world();
    const long = '😀'.repeat(200);
    await send(x, 'visitor', { body: long });
    const item = (await list(x, 'admin')).body.items[0];
    assert.equal(item.preview, '😀'.repeat(120));
  });
});
