// GET /api/events (issue 12), on a real socket: who hears what (the rule of GET
// /api/conversations/{id}), ids only, Last-Event-ID resumes without loss or duplicates, heartbeats,
// no subscription outlives its client, shutdown ends the streams, and (PostgreSQL) events cross
// from one app instance to another through LISTEN/NOTIFY. Staff reading a visitor's messages is a
// conversation.updated ("Seen", live); a stream ends with its sign-in (sign-out, expiry), in
// another process too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createTestApp, newKey, PARTNER, TEST_DB, type TestApp, signInBearer, signInCookie } from './helpers.js';
import { TEST_DATABASE_URL } from './postgres.js';
import { createApp } from '../../server/src/app.js';
import { createEventStreams, type EventStreams } from '../../server/src/events.js';
import { createLocalPubSub, createPostgresPubSub, type PubSub } from '../../server/src/pubsub.js';
import { DEMO_ADMIN, DEMO_SPECIALIST_USER, DEMO_USER } from '../../server/src/seed.js';
import { hashPasswordSync } from '../../server/src/passwords.js';

const PASSWORD = 'plum tractor lantern';

/** Signs `email` in as a popup of PARTNER; returns the Authorization header. */
const bearer = async (t: TestApp, email: string, password: string) => ({ Authorization: `Bearer ${await signInBearer(t, PARTNER, { email, password })}` });

/** A pub/sub that counts live subscriptions. */
function counting(inner: PubSub): PubSub & { active: () => number } {
  let active = 0;
  return {
    publish: (ch, p) => inner.publish(ch, p),
    subscribe(ch, l) {
      active++;
      const off = inner.subscribe(ch, l);
      let once = false;
      return () => {
        if (!once) active--;
        once = true;
        off();
      };
    },
    close: () => inner.close(),
    active: () => active,
  };
}

interface Instance {
  base: string;
  server: ServerType;
  pubsub: ReturnType<typeof counting>;
  streams: EventStreams;
  /** Subscriptions before any stream (the availability cache's). */
  base0: number;
}

async function instance(t: TestApp, inner: PubSub, heartbeatMs = 150): Promise<Instance> {
  const pubsub = counting(inner);
  const streams = createEventStreams();
  const app = createApp({ store: t.store, config: t.config, now: () => t.clock.now, pubsub, streams, heartbeatMs });
  let server!: ServerType;
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, pubsub, streams, base0: pubsub.active() };
}

interface Ev {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** An open stream: every event and the raw text so far. */
async function listen(base: string, headers: Record<string, string>) {
  const ac = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers, signal: ac.signal });
  assert.equal(res.status, 200);
  const events: Ev[] = [];
  let raw = '';
  let ended = false;
  const waiters = new Set<() => void>();
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        raw += value;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const f = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':') && l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
          if (f.event) events.push({ id: Number(f.id), event: f.event, data: JSON.parse(f.data!) as Record<string, unknown> });
        }
        for (const w of waiters) w();
      }
    } catch {
      // aborted
    }
    ended = true;
    for (const w of waiters) w();
  })();
  const until = (check: () => boolean, what: string, ms = 3000) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(events)}`));
      }, ms);
      const w = () => {
        if (check()) {
          clearTimeout(timer);
          waiters.delete(w);
          resolve();
        }
      };
      waiters.add(w);
    });
  return {
    res,
    events,
    raw: () => raw,
    ended: () => ended,
    until,
    count: (n: number) => until(() => events.length >= n, `${n} events`),
    close: () => ac.abort(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean, what: string, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(10);
  }
};

describe('GET /api/events', () => {
  let t: TestApp;
  let a: Instance;
  let as: Record<'visitor' | 'other' | 'olena' | 'sam' | 'admin', Record<string, string>>;

  const post = (i: Instance, path: string, headers: Record<string, string>, json: unknown, method = 'POST') =>
    fetch(i.base + path, { method, body: JSON.stringify(json), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), ...headers } });
  const write = async (i: Instance, who: keyof typeof as, json: Record<string, unknown>) => {
    const res = await post(i, '/api/messages', as[who], json);
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as { id: string; conversationId: string };
  };
  const reply = async (i: Instance, who: keyof typeof as, conversationId: string, body: string) => {
    const res = await post(i, `/api/conversations/${conversationId}/messages`, as[who], { body });
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as { id: string };
  };

  before(async () => {
    t = await createTestApp({ config: { messagesPerMinute: 10_000, log: false } });
    const hash = hashPasswordSync(PASSWORD);
    await t.store.accounts.createUser({ id: 'other-visitor', email: 'other@example.org', name: 'Other Visitor', passwordHash: hash, createdAt: '2026-05-01T00:00:00Z' });
    await t.store.accounts.createUser({ id: 'staff-sam', email: 'sam@clinic.example', name: 'Sam Rivera', passwordHash: hash, createdAt: '2026-05-01T00:00:00Z', role: 'specialist', specialistId: 'sam-rivera' });
    as = {
      visitor: await bearer(t, DEMO_USER.email, DEMO_USER.password),
      other: await bearer(t, 'other@example.org', PASSWORD),
      olena: await bearer(t, DEMO_SPECIALIST_USER.email, DEMO_SPECIALIST_USER.password),
      sam: await bearer(t, 'sam@clinic.example', PASSWORD),
      admin: await bearer(t, DEMO_ADMIN.email, DEMO_ADMIN.password),
    };
    a = await instance(t, createLocalPubSub());
  });
  after(async () => {
    a.streams.closeAll();
    await new Promise<void>((resolve) => a.server.close(() => resolve()));
    await a.pubsub.close();
  });

  test('401 problem+json without a session; the stream’s headers with one', async () => {
    const none = await fetch(`${a.base}/api/events`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const s = await listen(a.base, as.visitor);
    assert.match(s.res.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(s.res.headers.get('cache-control'), 'no-store');
    assert.equal(s.res.headers.get('x-accel-buffering'), 'no');
    await s.until(() => s.raw().startsWith('retry: 5000\n\n'), 'retry');
    await s.until(() => s.raw().includes(': heartbeat\n\n'), 'a heartbeat');
    s.close();
  });

  test('each client hears of the conversations it may see, by ids only', async () => {
    const s = { visitor: await listen(a.base, as.visitor), other: await listen(a.base, as.other), olena: await listen(a.base, as.olena), sam: await listen(a.base, as.sam), admin: await listen(a.base, as.admin) };
    const sleepy = await write(a, 'visitor', { to: 'olena-kovalenko', subject: 'Sleep', body: 'I would like to talk about sleep' });
    const team = await write(a, 'visitor', { body: 'A question for the team' });
    const others = await write(a, 'other', { to: 'sam-rivera', body: 'Hello Sam' });
    const r = await reply(a, 'olena', sleepy.conversationId, 'Of course — shall we book a time?');
    const patched = await post(a, `/api/conversations/${sleepy.conversationId}`, as.olena, { status: 'handled' }, 'PATCH');
    assert.equal(patched.status, 200);

    await s.visitor.count(4);
    await s.other.count(1);
    await s.olena.count(4);
    await s.sam.count(2);
    await s.admin.count(5);
    await sleep(200); // nothing more arrives
    const conv = (x: { events: Ev[] }) => x.events.map((e) => `${e.event} ${e.data.conversationId as string}`);
    assert.deepEqual(conv(s.visitor), [
      `conversation.message ${sleepy.conversationId}`,
      `conversation.message ${team.conversationId}`,
      `conversation.message ${sleepy.conversationId}`,
      `conversation.updated ${sleepy.conversationId}`,
    ]);
    assert.deepEqual(conv(s.other), [`conversation.message ${others.conversationId}`]);
    assert.deepEqual(conv(s.olena), [
      `conversation.message ${sleepy.conversationId}`,
      `conversation.message ${team.conversationId}`,
      `conversation.message ${sleepy.conversationId}`,
      `conversation.updated ${sleepy.conversationId}`,
    ]);
    assert.deepEqual(conv(s.sam), [`conversation.message ${team.conversationId}`, `conversation.message ${others.conversationId}`]);
    assert.equal(s.admin.events.length, 5);
    assert.deepEqual(s.visitor.events[0]!.data, { conversationId: sleepy.conversationId, messageId: sleepy.id });
    assert.deepEqual(s.visitor.events[2]!.data, { conversationId: sleepy.conversationId, messageId: r.id });
    assert.deepEqual(s.visitor.events[3]!.data, { conversationId: sleepy.conversationId });
    const ids = s.admin.events.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort((x, y) => x - y), 'ids grow');
    for (const x of Object.values(s)) {
      for (const e of x.events) assert.deepEqual(Object.keys(e.data).sort(), e.event === 'conversation.message' ? ['conversationId', 'messageId'] : ['conversationId']);
      for (const secret of ['sleep', 'team', 'Hello Sam', 'book a time', DEMO_USER.email, 'other@example.org', 'Other Visitor', DEMO_USER.name, 'Olena', 'Sam Rivera'])
        assert.ok(!x.raw().toLowerCase().includes(secret.toLowerCase()), `no "${secret}" in the stream`);
      x.close();
    }
  });

  test('Last-Event-ID: the events missed while away, exactly once, then the live ones', async () => {
    const first = await listen(a.base, as.visitor);
    const m = await write(a, 'visitor', { to: 'olena-kovalenko', subject: 'Resume', body: 'First' });
    await first.count(1);
    const last = first.events[0]!.id;
    first.close();
    const missed = [await reply(a, 'olena', m.conversationId, 'While away 1'), await reply(a, 'olena', m.conversationId, 'While away 2')];
    await write(a, 'other', { body: 'Not for the visitor' });
    const again = await listen(a.base, { ...as.visitor, 'Last-Event-ID': String(last) });
    await again.count(2);
    const live = await reply(a, 'olena', m.conversationId, 'Live');
    await again.count(3);
    await sleep(300); // two heartbeats: their reads repeat nothing
    assert.deepEqual(
      again.events.map((e) => e.data.messageId),
      [...missed.map((x) => x.id), live.id],
    );
    assert.ok(again.events.every((e) => e.id > last));
    again.close();
  });

  test('staff reading the visitor’s messages is a conversation.updated, once: the visitor’s page can show "Seen" live', async () => {
    const s = await listen(a.base, as.visitor);
    const get = (who: keyof typeof as, path: string, method = 'GET') => fetch(a.base + path, { method, headers: as[who] });
    const m = await write(a, 'visitor', { to: 'olena-kovalenko', subject: 'Seen', body: 'Will anyone read this?' });
    await s.count(1);
    assert.equal((await get('visitor', `/api/conversations/${m.conversationId}`)).status, 200, 'the visitor reading their own: nothing');
    assert.equal((await get('olena', `/api/conversations/${m.conversationId}`)).status, 200);
    await s.count(2);
    assert.equal(s.events[1]!.event, 'conversation.updated');
    assert.deepEqual(s.events[1]!.data, { conversationId: m.conversationId });
    const thread = (await (await get('visitor', `/api/conversations/${m.conversationId}`)).json()) as { messages: Array<{ seenAt: string | null }> };
    assert.ok(thread.messages[0]!.seenAt, 'seenAt is set');
    // Nothing newly seen: no event.
    assert.equal((await get('olena', `/api/conversations/${m.conversationId}`)).status, 200);
    assert.equal((await get('admin', `/api/conversations/${m.conversationId}/read`, 'POST')).status, 204);
    await reply(a, 'visitor', m.conversationId, 'Another one');
    await s.count(3);
    assert.equal((await get('admin', `/api/conversations/${m.conversationId}/read`, 'POST')).status, 204, 'POST …/read sets it as well');
    await s.count(4);
    await sleep(300);
    assert.deepEqual(s.events.map((e) => e.event), ['conversation.message', 'conversation.updated', 'conversation.message', 'conversation.updated']);
    s.close();
  });

  test('a stream ends with its sign-in: POST /api/logout (bearer or cookie) and /logout close it within a second; other sign-ins stay', async () => {
    // A heartbeat of a minute: only the sign-out's announcement can close these streams in time.
    const slow = await instance(t, createLocalPubSub(), 60_000);
    try {
      const token = await signInBearer(t, PARTNER, { email: DEMO_SPECIALIST_USER.email, password: DEMO_SPECIALIST_USER.password });
      const bearerStream = await listen(slow.base, { Authorization: `Bearer ${token}` });
      const bystander = await listen(slow.base, as.olena); // the same person, another sign-in
      await bearerStream.until(() => bearerStream.raw().startsWith('retry:'), 'the start');
      const started = Date.now();
      const out = await fetch(`${slow.base}/api/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      assert.equal(out.status, 204);
      await bearerStream.until(() => bearerStream.ended(), 'the bearer stream ends', 1000);
      assert.ok(Date.now() - started < 1000);
      assert.equal((await fetch(`${slow.base}/api/events`, { headers: { Authorization: `Bearer ${token}` } })).status, 401, 'reconnecting: 401');

      const cookie = await signInCookie(t);
      const cookieStream = await listen(slow.base, { Cookie: cookie });
      await cookieStream.until(() => cookieStream.raw().startsWith('retry:'), 'the start');
      const apiOut = await fetch(`${slow.base}/api/logout`, { method: 'POST', headers: { Cookie: cookie, Origin: slow.base } });
      assert.equal(apiOut.status, 204);
      await cookieStream.until(() => cookieStream.ended(), 'the cookie stream ends', 1000);

      const cookie2 = await signInCookie(t);
      const formStream = await listen(slow.base, { Cookie: cookie2 });
      await formStream.until(() => formStream.raw().startsWith('retry:'), 'the start');
      const formOut = await fetch(`${slow.base}/logout`, {
        method: 'POST',
        redirect: 'manual',
        body: 'return=%2Fdesk',
        headers: { Cookie: cookie2, Origin: slow.base, 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(formOut.status, 303);
      await formStream.until(() => formStream.ended(), 'the stream ends after /logout', 1000);

      assert.equal(bystander.ended(), false, 'another sign-in’s stream stays open');
      await write(slow, 'visitor', { to: 'olena-kovalenko', body: 'Still there?' });
      await bystander.count(1);
      bystander.close();
      await until(() => slow.streams.size === 0 && slow.pubsub.active() === slow.base0, 'nothing left behind');
    } finally {
      slow.streams.closeAll();
      await new Promise<void>((resolve) => slow.server.close(() => resolve()));
      await slow.pubsub.close();
    }
  });

  test('an expired session ends its stream at the next heartbeat', async () => {
    const token = await signInBearer(t, PARTNER, { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password });
    const s = await listen(a.base, { Authorization: `Bearer ${token}` });
    await s.until(() => s.raw().includes(': heartbeat'), 'a heartbeat while valid');
    assert.equal(s.ended(), false);
    const was = t.clock.now;
    t.clock.now = new Date(was.getTime() + 2 * 3_600_000 + 1000); // bearer tokens live 2 hours
    try {
      await s.until(() => s.ended(), 'the stream ends', 2000);
    } finally {
      t.clock.now = was;
    }
  });

  test('a closed client leaves no stream and no subscription behind; shutdown ends the streams', async () => {
    await until(() => a.streams.size === 0 && a.pubsub.active() === a.base0, 'the earlier streams are gone');
    const streams = await Promise.all([listen(a.base, as.visitor), listen(a.base, as.olena), listen(a.base, as.admin)]);
    assert.equal(a.streams.size, 3);
    assert.equal(a.pubsub.active(), a.base0 + 3);
    streams[0]!.close();
    streams[1]!.close();
    await until(() => a.streams.size === 1 && a.pubsub.active() === a.base0 + 1, 'two closed streams cleaned up');
    a.streams.closeAll();
    await streams[2]!.until(() => streams[2]!.ended(), 'the stream ends at shutdown');
    assert.equal(a.pubsub.active(), a.base0);
    const refused = await fetch(`${a.base}/api/events`, { headers: as.visitor });
    assert.equal(refused.status, 503);
  });

  test('two app instances on one database: an event crosses through PostgreSQL LISTEN/NOTIFY', { skip: TEST_DB !== 'postgres' && 'PostgreSQL only (HEARTH_TEST_DB=postgres)' }, async () => {
    const [one, two, three] = await Promise.all([createPostgresPubSub(TEST_DATABASE_URL), createPostgresPubSub(TEST_DATABASE_URL), createPostgresPubSub(TEST_DATABASE_URL)]);
    const x = await instance(t, one);
    const y = await instance(t, two);
    try {
      const s = await listen(y.base, as.visitor);
      await two.ready();
      const m = await write(x, 'visitor', { body: 'Across processes' });
      await s.count(1);
      assert.deepEqual(s.events[0]!.data, { conversationId: m.conversationId, messageId: m.id });
      const r = await reply(x, 'admin', m.conversationId, 'Across back');
      await s.count(2);
      assert.equal(s.events[1]!.data.messageId, r.id);
      s.close();
      await until(() => y.streams.size === 0 && y.pubsub.active() === y.base0, 'cleaned up');
      // A sign-out in one process closes the sign-in's stream in the other (the heartbeat is 150 ms
      // here, so the announcement is checked apart: a stream on z, whose heartbeat is a minute).
      const z = await instance(t, three, 60_000);
      try {
        const token = await signInBearer(t, PARTNER, { email: DEMO_USER.email, password: DEMO_USER.password });
        const across = await listen(z.base, { Authorization: `Bearer ${token}` });
        await across.until(() => across.raw().startsWith('retry:'), 'the start');
        await three.ready();
        const out = await fetch(`${x.base}/api/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
        assert.equal(out.status, 204);
        await across.until(() => across.ended(), 'the stream in the other process ends', 1000);
      } finally {
        z.streams.closeAll();
        await new Promise<void>((resolve) => z.server.close(() => resolve()));
      }
    } finally {
      for (const i of [x, y]) {
        i.streams.closeAll();
        await new Promise<void>((resolve) => i.server.close(() => resolve()));
        await i.pubsub.close();
      }
      await three.close();
    }
  });
});
