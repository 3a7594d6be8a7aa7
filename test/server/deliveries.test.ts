// The outbox (issue 13): mails through a real SMTP server in this process (smtp-server) and
// webhooks to a real HTTP receiver (node:http), sent by the delivery worker (deliveries.ts) from
// rows written with the booking or message. On SQLite, or PostgreSQL with HEARTH_TEST_DB=postgres;
// the two-workers test runs whenever the test PostgreSQL answers.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { call, createTestApp, booking, newKey, NOW, ORIGIN, signInCookie, signInBearer, type TestApp } from './helpers.js';
import { startDeliveries, type DeliveryWorker } from '../../server/src/deliveries.js';
import { smtpMailer } from '../../server/src/mail.js';
import { createBox, processDataKey } from '../../server/src/crypto-box.js';
import { verifySignature } from '../../server/src/webhooks.js';
import { notify } from '../../server/src/notify.js';
import type { Store } from '../../server/src/store/index.js';
import { whyNoPostgres } from './postgres.js';

const SECRET = 'whsec-test-secret';
const NOTE = 'Panic attacks since March';
const TEXT = 'I cannot sleep and feel hopeless';

interface SmtpMail {
  to: string[];
  raw: string;
}

/** An SMTP server on a free port that keeps every message's envelope recipients and raw data. */
async function startSmtp(): Promise<{ port: number; mails: SmtpMail[]; close(): Promise<void> }> {
  const mails: SmtpMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Hit {
  delivery: string;
  signature: string;
  body: string;
}

/** An HTTP receiver answering with `statuses` in turn (then 200), keeping every request. */
async function startReceiver(): Promise<{ url: string; hits: Hit[]; statuses: number[]; delayMs: number; close(): Promise<void> }> {
  const hits: Hit[] = [];
  const state = { statuses: [] as number[], delayMs: 0 };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ delivery: String(req.headers['hearth-delivery']), signature: String(req.headers['hearth-signature']), body: Buffer.concat(chunks).toString('utf8') });
      setTimeout(() => res.writeHead(state.statuses.shift() ?? 200).end(), state.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    hits,
    get statuses() {
      return state.statuses;
    },
    set statuses(s: number[]) {
      state.statuses = s;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** The worker's clock: starts at the app's NOW and runs with real time (so backoff elapses). */
const runningClock = () => {
  const start = Date.now();
  return () => new Date(NOW.getTime() + Date.now() - start);
};

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const box = createBox(processDataKey());

describe('deliveries (outbox)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let t: TestApp;
  let worker: DeliveryWorker | undefined;
  const workerLogs: string[] = [];
  const start = (o: { backoff?: number; store?: Store; pollMs?: number } = {}) =>
    startDeliveries({
      store: o.store ?? t.store,
      mailer: smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'hearth <no-reply@clinic.example>'),
      config: { ...t.config, deliveryBackoffSeconds: o.backoff ?? t.config.deliveryBackoffSeconds },
      box,
      now: runningClock(),
      pollMs: o.pollMs ?? 20,
      log: (l) => workerLogs.push(l),
    });

  before(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
  });
  after(async () => {
    await worker?.stop();
    await smtp.close();
    await receiver.close();
  });

  const fresh = async () => {
    await worker?.stop();
    worker = undefined;
    smtp.mails.length = 0;
    receiver.hits.length = 0;
    receiver.statuses = [];
    receiver.delayMs = 0;
    t = await createTestApp({ config: { webhookUrl: receiver.url, webhookSecret: SECRET, teamEmail: 'team@clinic.example', deliveryBackoffSeconds: 0.05, log: false } });
  };

  const book = async (over: Record<string, unknown> = {}) => {
    const res = await call(t, 'POST', '/api/consultations', { json: booking({ note: NOTE, ...over }), headers: { 'Idempotency-Key': newKey(), Origin: ORIGIN } });
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as { id: string; manageUrl: string };
  };

  it('a booking writes its rows in its transaction; the worker sends one mail to the visitor (with the .ics), one to the team, one signed webhook; no note in any mail', async () => {
    await fresh();
    const b = await book();
    assert.equal(await t.scalar("SELECT count(*) FROM deliveries WHERE status = 'pending'"), 3, 'written with the booking, nothing sent yet');
    // The payload holds no address and no manage token in clear.
    const payloads = (await t.column('SELECT payload FROM deliveries')) as string[];
    for (const p of payloads) {
      assert.ok(!p.includes('ada@example.org'), 'no address in the outbox');
      assert.ok(!p.includes(b.manageUrl.split('/').pop()!), 'no manage token in clear');
      assert.ok(!p.includes(NOTE));
    }
    worker = start();
    await until('2 mails and 1 webhook', () => smtp.mails.length === 2 && receiver.hits.length === 1);
    await until('all marked sent', async () => (await t.scalar("SELECT count(*) FROM deliveries WHERE status = 'sent'")) === 3);

    const visitor = smtp.mails.find((m) => m.to.includes('ada@example.org'));
    // The specialist's own address (specialists.email, migration 9) when she has one, else the team's.
    const team = smtp.mails.find((m) => !m.to.includes('ada@example.org'));
    assert.ok(visitor && team, smtp.mails.map((m) => m.to.join()).join(' | '));
    assert.match(visitor.raw, /Subject: Your consultation is booked/);
    assert.match(visitor.raw, /Content-Type: text\/calendar/i);
    assert.match(visitor.raw, /filename="?consultation\.ics"?/);
    assert.match(visitor.raw.replace(/=\r?\n/g, ''), new RegExp(b.manageUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')), 'the manage link');
    assert.match(team.raw, /Subject: New booking/);
    assert.match(team.raw, /http:\/\/localhost\/desk/);
    for (const m of smtp.mails) {
      assert.ok(!m.raw.includes(NOTE) && !m.raw.includes(Buffer.from(NOTE).toString('base64')), 'no note');
      assert.ok(!m.raw.includes('Ada Visitor'), 'no name');
    }
    assert.ok(!team.raw.includes('ada@example.org'), 'no visitor address in the staff mail');

    const hook = receiver.hits[0]!;
    assert.ok(verifySignature(SECRET, hook.signature, hook.body, runningClock()().getTime()), 'the signature verifies');
    assert.ok(!verifySignature('another secret', hook.signature, hook.body, NOW.getTime()));
    const event = JSON.parse(hook.body) as { type: string; id: string; createdAt: string; data: Record<string, unknown> };
    assert.equal(event.type, 'booking.created');
    assert.equal(event.id, hook.delivery);
    assert.deepEqual(Object.keys(event.data).sort(), ['bookingId', 'end', 'specialistId', 'start']);
    assert.equal(event.data.bookingId, b.id);
    assert.ok(!hook.body.includes('ada@example.org') && !hook.body.includes(NOTE) && !hook.body.includes('Ada'));
  });

  it('the commit that wrote rows kicks the worker: with a 60 s poll, a booking’s webhook and mails still go out at once', async () => {
    await fresh();
    worker = start({ pollMs: 60_000 });
    await new Promise((r) => setTimeout(r, 50)); // its first look (at start) has found nothing
    const began = Date.now();
    await book();
    await until('the webhook and both mails', () => receiver.hits.length === 1 && smtp.mails.length === 2, 3000);
    assert.ok(Date.now() - began < 3000, `sent after ${Date.now() - began} ms`);
    assert.equal(JSON.parse(receiver.hits[0]!.body).type, 'booking.created');
    // A stopped worker no longer listens: a later booking waits for the next worker.
    await worker.stop();
    worker = undefined;
    await book({ start: '2026-06-02T07:00:00Z' });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(receiver.hits.length, 1);
  });

  it('a receiver answering 500 twice then 200 gets the same Hearth-Delivery three times and nothing after', async () => {
    await fresh();
    receiver.statuses = [500, 500];
    worker = start();
    await book();
    await until('3 webhook attempts', () => receiver.hits.length >= 3);
    await new Promise((r) => setTimeout(r, 400)); // several backoffs' worth: nothing more comes
    assert.equal(receiver.hits.length, 3);
    assert.equal(new Set(receiver.hits.map((h) => h.delivery)).size, 1);
    assert.equal(new Set(receiver.hits.map((h) => h.body)).size, 1, 'the same body every time');
    const row = await t.row("SELECT status, attempts, last_error FROM deliveries WHERE kind = 'webhook'");
    assert.equal(row?.status, 'sent');
    assert.equal(Number(row?.attempts), 3);
    assert.equal(row?.last_error, null);
    assert.ok(workerLogs.some((l) => /failed, attempt 1 \(HTTP 500\)/.test(l)));
  });

  it('a restart mid-backoff still delivers (stop the worker, start a new one on the same database)', async () => {
    await fresh();
    receiver.statuses = [503];
    worker = start({ backoff: 1 });
    await book();
    await until('the first attempt', () => receiver.hits.length === 1);
    await worker.stop(); // the process stops before the retry
    await until('the failure recorded', async () => Number(await t.scalar("SELECT attempts FROM deliveries WHERE kind = 'webhook'")) === 1);
    worker = start({ backoff: 1 });
    await until('the retry after the restart', () => receiver.hits.length === 2, 5000);
    assert.equal(receiver.hits[1]!.delivery, receiver.hits[0]!.delivery);
    await until('marked sent', async () => (await t.scalar("SELECT status FROM deliveries WHERE kind = 'webhook'")) === 'sent');
  });

  it('a row leased by a crashed worker is sent once its lease runs out', async () => {
    await fresh();
    await book();
    const clock = runningClock();
    // A "crashed" worker claimed every row for 300 ms and never finished.
    const taken = await t.store.deliveries.claim(randomUUID(), clock().toISOString(), new Date(clock().getTime() + 300).toISOString(), 10);
    assert.equal(taken.length, 3);
    worker = start();
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(receiver.hits.length + smtp.mails.length, 0, 'not while the lease holds');
    await until('sent after the lease', () => receiver.hits.length === 1 && smtp.mails.length === 2);
  });

  it('a failure that lasts past the give-up time fails the row permanently, logged without personal data', async () => {
    await fresh();
    receiver.statuses = [500, 500, 500, 500, 500, 500, 500, 500];
    await book();
    const w = startDeliveries({
      store: t.store,
      mailer: smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'x@clinic.example'),
      config: t.config,
      box,
      now: runningClock(),
      pollMs: 20,
      giveUpAfterMs: 150,
      log: (l) => workerLogs.push(l),
    });
    worker = w;
    await until('given up', async () => (await t.scalar("SELECT status FROM deliveries WHERE kind = 'webhook'")) === 'failed-permanently');
    const hits = receiver.hits.length;
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(receiver.hits.length, hits, 'no attempt after giving up');
    const line = workerLogs.find((l) => /failed permanently/.test(l));
    assert.ok(line && !line.includes('ada@example.org') && !line.includes('127.0.0.1'));
  });

  it('a message mails the team (a link to /desk, never its text) and posts message.created; a staff reply mails the visitor "You have a reply"', async () => {
    await fresh();
    worker = start();
    const cookie = await signInCookie(t);
    const sent = await call(t, 'POST', '/api/messages', {
      json: { body: TEXT, pageUrl: `${ORIGIN}/care/page?secret=1#x` },
      headers: { Cookie: cookie, 'Idempotency-Key': newKey(), Origin: ORIGIN },
    });
    assert.equal(sent.status, 201);
    const m = (await sent.json()) as { id: string; conversationId: string };
    await until('team mail + webhook', () => smtp.mails.length === 1 && receiver.hits.length === 1);
    assert.deepEqual(smtp.mails[0]!.to, ['team@clinic.example'], 'a message to the team');
    assert.match(smtp.mails[0]!.raw, /Subject: New message/);
    assert.match(smtp.mails[0]!.raw, /http:\/\/localhost\/desk/);
    const event = JSON.parse(receiver.hits[0]!.body) as { type: string; data: Record<string, unknown> };
    assert.equal(event.type, 'message.created');
    assert.deepEqual(event.data, { messageId: m.id, conversationId: m.conversationId, specialistId: null });

    const admin = await signInBearer(t, ORIGIN, { email: 'admin@example.com', password: 'demo1234' });
    const reply = await call(t, 'POST', `/api/conversations/${m.conversationId}/messages`, {
      json: { body: 'Reply with private words' },
      headers: { Authorization: `Bearer ${admin}`, 'Idempotency-Key': newKey(), Origin: ORIGIN },
    });
    assert.equal(reply.status, 201, await reply.clone().text());
    await until('the visitor mail', () => smtp.mails.length === 2);
    const toVisitor = smtp.mails[1]!;
    assert.deepEqual(toVisitor.to, ['demo@example.com']);
    assert.match(toVisitor.raw, /Subject: You have a reply/);
    assert.match(toVisitor.raw, /http:\/\/localhost\/care\/page\r?\n/, 'the page the visitor wrote from, without query or fragment');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(receiver.hits.length, 1, 'a reply posts no webhook');
    for (const mail of smtp.mails) {
      assert.ok(!mail.raw.includes(TEXT) && !mail.raw.includes('private words'), 'no message text in any mail');
      assert.ok(!mail.raw.includes(Buffer.from(TEXT).toString('base64').slice(0, 20)));
    }
  });

  it('a visitor cancelling by the manage link mails the visitor and the team and posts booking.cancelled', async () => {
    await fresh();
    const b = await book();
    worker = start();
    await until('the booking’s deliveries', () => smtp.mails.length === 2 && receiver.hits.length === 1);
    const token = b.manageUrl.split('/').pop()!;
    const res = await call(t, 'DELETE', `/api/consultations/manage/${token}`, { headers: { Origin: ORIGIN } });
    assert.equal(res.status, 204);
    await until('cancel deliveries', () => smtp.mails.length === 4 && receiver.hits.length === 2);
    const subjects = smtp.mails.slice(2).map((m) => /Subject: (.*)/.exec(m.raw)?.[1]);
    assert.deepEqual(subjects.sort(), ['A booking was cancelled', 'Your consultation is cancelled']);
    const event = JSON.parse(receiver.hits[1]!.body) as { type: string; data: Record<string, unknown> };
    assert.equal(event.type, 'booking.cancelled');
    assert.equal(event.data.cancelledBy, 'visitor');
    // Cancelling again changes nothing and sends nothing.
    await call(t, 'DELETE', `/api/consultations/manage/${token}`, { headers: { Origin: ORIGIN } });
    assert.equal(await t.scalar('SELECT count(*) FROM deliveries'), 6);
  });

  it('without a webhook URL no webhook rows are written; without any staff address the staff mail is skipped', async () => {
    await worker?.stop();
    worker = undefined;
    smtp.mails.length = 0;
    t = await createTestApp({ config: { deliveryBackoffSeconds: 0.05, log: false } });
    await book();
    assert.equal(await t.scalar("SELECT count(*) FROM deliveries WHERE kind = 'webhook'"), 0);
    worker = start();
    await until('all done', async () => (await t.scalar("SELECT count(*) FROM deliveries WHERE status = 'sent'")) === 2);
    assert.equal(smtp.mails.filter((m) => m.to.includes('ada@example.org')).length, 1);
    assert.ok(!smtp.mails.some((m) => m.to.includes('team@clinic.example')));
  });
});

const noPostgres = (await whyNoPostgres()) ?? false;

describe('deliveries on PostgreSQL: two workers', { skip: noPostgres }, () => {
  it('two workers (two pools, as two processes) never deliver one row twice', async () => {
    const { freshSchema } = await import('./postgres.js');
    const { createPostgresStore } = await import('../../server/src/store/postgres.js');
    const schema = await freshSchema('hearth_t_deliveries');
    const a = await createPostgresStore(schema.url, { max: 4 });
    const b = await createPostgresStore(schema.url, { max: 4, migrate: false });
    const receiver = await startReceiver();
    receiver.delayMs = 5;
    const config = { allowedOrigins: [], webhookUrl: receiver.url, webhookSecret: SECRET, deliveryBackoffSeconds: 0.05 };
    try {
      const n = 60;
      await a.transaction(async (tx) => {
        for (let i = 0; i < n; i++) {
          const id = randomUUID();
          await tx.deliveries.insert({ id, kind: 'webhook', payload: JSON.stringify({ body: JSON.stringify({ type: 'message.created', id, data: { i } }) }), createdAt: NOW.toISOString(), nextAttemptAt: NOW.toISOString() });
        }
      });
      const clock = runningClock();
      const workers = [a, b, a, b].map((store) =>
        startDeliveries({ store, mailer: { send: async () => {} }, config, box, now: clock, pollMs: 5, batch: 3, log: () => {} }),
      );
      await until('all sent', async () => Number((await a.query<{ n: number }>("SELECT count(*) AS n FROM deliveries WHERE status = 'sent'"))[0]!.n) === n, 15000);
      await Promise.all(workers.map((w) => w.stop()));
      assert.equal(receiver.hits.length, n, 'each row delivered once');
      assert.equal(new Set(receiver.hits.map((h) => h.delivery)).size, n);
    } finally {
      await receiver.close();
      await a.close();
      await b.close();
      await schema.drop();
    }
  });
});

// The worker's kick (store/deliveries.ts: onCommitted): after the COMMIT of a transaction that wrote
// outbox rows, never inside it, never for a rollback or a transaction without rows.
describe('deliveries.onCommitted', () => {
  it('hears of a commit that wrote rows after the COMMIT, once per transaction; not of a rollback, nor of other writes', async () => {
    const t = await createTestApp({ config: { log: false } });
    let heard = 0;
    const unlisten = t.store.deliveries.onCommitted(() => heard++);
    const row = () => {
      const id = randomUUID();
      return { id, kind: 'webhook' as const, payload: JSON.stringify({ body: '{}' }), createdAt: NOW.toISOString(), nextAttemptAt: NOW.toISOString() };
    };
    try {
      await t.store.transaction(async (tx) => {
        await tx.deliveries.insert(row());
        await tx.deliveries.insert(row());
        await t.store.deliveries.insert(row()); // a top-level call joins the transaction
        await t.store.transaction((inner) => inner.deliveries.insert(row())); // so does a nested one
        assert.equal(heard, 0, 'not before the COMMIT');
      });
      assert.equal(heard, 1, 'once, after the COMMIT');
      await assert.rejects(
        t.store.transaction(async (tx) => {
          await tx.deliveries.insert(row());
          throw new Error('the change failed');
        }),
      );
      assert.equal(heard, 1, 'not for a rollback');
      await t.store.transaction(async (tx) => void (await tx.deliveries.list(1)));
      assert.equal(heard, 1, 'not for a transaction without rows');
      await t.store.deliveries.insert(row());
      assert.equal(heard, 2, 'a row written outside a transaction: at once');
      unlisten();
      await t.store.deliveries.insert(row());
      assert.equal(heard, 2, 'removed');
      assert.equal(await t.scalar('SELECT count(*) FROM deliveries'), 6);
    } finally {
      unlisten();
    }
  });
});

// notify is what other routes call (staff cancellation, reschedule): it joins their transaction.
describe('notify', () => {
  it('rolls back with the transaction that called it', async () => {
    const t = await createTestApp({ config: { webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: SECRET, log: false } });
    const res = await call(t, 'POST', '/api/consultations', { json: booking(), headers: { 'Idempotency-Key': newKey(), Origin: ORIGIN } });
    const { id } = (await res.json()) as { id: string };
    const before = Number(await t.scalar('SELECT count(*) FROM deliveries'));
    await assert.rejects(
      t.store.transaction(async (tx) => {
        await notify({ box, config: t.config, now: () => NOW }, tx, { type: 'booking.cancelled', bookingId: id, by: 'staff', origin: ORIGIN });
        throw new Error('the change failed');
      }),
    );
    assert.equal(Number(await t.scalar('SELECT count(*) FROM deliveries')), before);
    const ids = await t.store.transaction((tx) => notify({ box, config: t.config, now: () => NOW }, tx, { type: 'booking.cancelled', bookingId: id, by: 'staff', origin: ORIGIN }));
    assert.equal(ids.length, 2, 'a staff cancellation: the visitor’s mail and the webhook (the team knows already)');
  });
});

describe('/desk/mail (the demo’s mail folder)', () => {
  it('lists the .eml files for staff (escaped), shows one as text; visitors 403, signed out 303, outside the demo 404', async () => {
    const { mkdtempSync, rmSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createApp } = await import('../../server/src/app.js');
    const { emlMailer } = await import('../../server/src/mail-files.js');
    const dir = mkdtempSync(join(tmpdir(), 'hearth-mail-'));
    try {
      await emlMailer(dir, 'hearth <no-reply@clinic.example>').send({ to: 'ada@example.org', subject: 'Booked <b>now</b>', text: 'Hello', id: randomUUID() });
      const [name] = readdirSync(dir);
      assert.ok(name?.endsWith('.eml'));
      const base = await createTestApp({ config: { log: false } });
      const t = { ...base, app: createApp({ store: base.store, config: { ...base.config, demo: true }, mailDir: dir }) };
      const cookieOf = async (email: string, password: string) => {
        const res = await call(t, 'POST', '/login', {
          body: new URLSearchParams({ email, password }).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
        });
        assert.equal(res.status, 303);
        return res.headers.get('set-cookie')!.split(';')[0]!;
      };
      const admin = await cookieOf('admin@example.com', 'demo1234');
      const list = await call(t, 'GET', '/desk/mail', { headers: { Cookie: admin } });
      assert.equal(list.status, 200);
      const page = await list.text();
      assert.match(page, /Booked &lt;b&gt;now&lt;\/b&gt;/);
      assert.ok(!page.includes('<b>now'));
      assert.ok(page.includes(`/desk/mail/${name}`));
      const one = await call(t, 'GET', `/desk/mail/${name}`, { headers: { Cookie: admin } });
      assert.equal(one.status, 200);
      assert.match(one.headers.get('content-type') ?? '', /^text\/plain/);
      assert.match(await one.text(), /To: ada@example.org/);
      assert.equal((await call(t, 'GET', '/desk/mail/..%2Fhearth.db', { headers: { Cookie: admin } })).status, 404);
      assert.equal((await call(t, 'GET', '/desk/mail', { headers: { Cookie: await signInCookie(t) } })).status, 403);
      assert.equal((await call(t, 'GET', '/desk/mail')).status, 303);
      const production = { ...base, app: createApp({ store: base.store, config: { ...base.config, demo: false }, mailDir: dir }) };
      assert.equal((await call(production, 'GET', '/desk/mail', { headers: { Cookie: admin } })).status, 404);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Retention (migration 12: finished_at): finished rows older than HEARTH_DELIVERY_RETENTION_DAYS
// are deleted by the worker, in batches; pending rows, claimed or not, never are.
describe('deliveries: purge of finished rows', () => {
  const DAY = 86_400_000;
  const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
  const worker = (t: TestApp, o: Partial<Parameters<typeof startDeliveries>[0]> = {}) =>
    startDeliveries({ store: t.store, mailer: { send: async () => {} }, config: t.config, box, now: () => NOW, pollMs: 60_000, log: () => {}, ...o });

  /** Rows in each state: finished `days` ago (sent or failed for good), pending, in flight. Returns their ids by name. */
  async function rows(t: TestApp, spec: Array<[name: string, state: 'sent' | 'failed' | 'retrying' | 'pending' | 'claimed', days: number]>) {
    const ids: Record<string, string> = {};
    for (const [name, state, days] of spec) {
      const id = randomUUID();
      ids[name] = id;
      // Written long ago; a pending row's next attempt is far ahead (no worker sends it here).
      const next = state === 'pending' || state === 'claimed' ? new Date(NOW.getTime() + 100 * DAY).toISOString() : ago(400);
      await t.store.deliveries.insert({ id, kind: 'webhook', payload: JSON.stringify({ body: '{}' }), createdAt: ago(400), nextAttemptAt: next });
      if (state === 'pending') continue;
      const claim = randomUUID();
      const claimAt = state === 'claimed' ? new Date(NOW.getTime() + 100 * DAY) : new Date(ago(days));
      const taken = await t.store.deliveries.claim(claim, claimAt.toISOString(), new Date(claimAt.getTime() + 1000 * DAY).toISOString(), 1000);
      assert.ok(taken.some((r) => r.id === id), `${name} claimed`);
      // Only this row: the others claimed with it go back (their lease is released by a retry).
      for (const r of taken.filter((r) => r.id !== id)) {
        await t.store.deliveries.markFailed(r.id, claim, { attempts: r.attempts, nextAttemptAt: r.nextAttemptAt, lastError: 'x', at: ago(days) });
      }
      if (state === 'sent') assert.ok(await t.store.deliveries.markSent(id, claim, ago(days)));
      if (state === 'failed') assert.ok(await t.store.deliveries.markFailed(id, claim, { attempts: 3, nextAttemptAt: null, lastError: 'HTTP 500', at: ago(days) }));
      if (state === 'retrying') assert.ok(await t.store.deliveries.markFailed(id, claim, { attempts: 1, nextAttemptAt: ago(days), lastError: 'HTTP 500', at: ago(days) }));
    }
    return ids;
  }

  const remaining = async (t: TestApp) => new Set((await t.column('SELECT id FROM deliveries')) as string[]);

  it('deletes old sent and failed-permanently rows, at most `limit` at a time; recent, pending and in-flight rows stay', async () => {
    const t = await createTestApp({ config: { log: false } });
    const ids = await rows(t, [
      ['oldSent', 'sent', 45],
      ['oldFailed', 'failed', 40],
      ['oldSent2', 'sent', 31],
      ['recentSent', 'sent', 29],
      ['recentFailed', 'failed', 1],
      ['retrying', 'retrying', 90],
      ['pending', 'pending', 0],
      ['claimed', 'claimed', 0],
    ]);
    const sent = await t.store.deliveries.get(ids.oldSent!);
    assert.equal(sent?.status, 'sent');
    assert.equal(sent?.finishedAt, ago(45));
    const failed = await t.store.deliveries.get(ids.oldFailed!);
    assert.equal(failed?.status, 'failed-permanently');
    assert.equal(failed?.finishedAt, ago(40));
    assert.equal((await t.store.deliveries.get(ids.retrying!))?.finishedAt, null, 'a retry is not finished');
    assert.equal((await t.store.deliveries.get(ids.pending!))?.finishedAt, null);

    const cutoff = new Date(ago(30));
    assert.equal(await t.store.deliveries.purgeFinished(cutoff, 1), 1, 'the limit');
    assert.ok(!(await remaining(t)).has(ids.oldSent!), 'the oldest first');
    assert.equal(await t.store.deliveries.purgeFinished(cutoff, 10), 2);
    assert.equal(await t.store.deliveries.purgeFinished(cutoff, 10), 0);
    // Even with a cutoff in the future, a pending row (retrying, never tried, in flight) stays.
    assert.equal(await t.store.deliveries.purgeFinished(new Date(NOW.getTime() + 1000 * DAY), 10), 2, 'the two recent finished rows');
    assert.deepEqual(await remaining(t), new Set([ids.retrying, ids.pending, ids.claimed]));
  });

  it('the worker purges shortly after start and then every period, in batches, with the retention of the config; logs only the count', async () => {
    const t = await createTestApp({ config: { log: false, deliveryRetentionDays: 7 } });
    const ids = await rows(t, [
      ['a', 'sent', 8],
      ['b', 'sent', 9],
      ['c', 'failed', 10],
      ['d', 'sent', 11],
      ['e', 'failed', 12],
      ['recent', 'sent', 6],
      ['pending', 'pending', 0],
    ]);
    const logs: string[] = [];
    const purged: number[] = [];
    // The store, counting what each purge statement deleted.
    const purgeFinished = async (before: Date, limit: number) => {
      const n = await t.store.deliveries.purgeFinished(before, limit);
      purged.push(n);
      return n;
    };
    const store = { ...t.store, deliveries: { ...t.store.deliveries, purgeFinished } } as Store;
    const w = worker(t, { store, purgeFirstMs: 10, purgeEveryMs: 50, purgeBatch: 2, log: (l) => logs.push(l) });
    try {
      await until('the first purge', () => logs.some((l) => /purged 5 /.test(l)));
      assert.deepEqual(purged.slice(0, 3), [2, 2, 1], 'batches of 2 until one comes back short');
      assert.deepEqual(await remaining(t), new Set([ids.recent, ids.pending]));
      assert.match(logs.find((l) => /purged/.test(l))!, /^hearth: outbox: purged 5 finished deliveries older than 7 days$/);
      // Every period: a row that finished long ago is gone at the next purge.
      const [late] = Object.values(await rows(t, [['late', 'sent', 20]]));
      await until('the next purge', async () => !(await remaining(t)).has(late!));
      assert.ok(logs.some((l) => /purged 1 /.test(l)));
    } finally {
      await w.stop();
    }
    // Stopped: no purge any more.
    const calls = purged.length;
    await rows(t, [['afterStop', 'sent', 20]]);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(purged.length, calls, 'the timer was cleared');
    assert.equal((await remaining(t)).size, 3);
  });

  it('stop before the first purge clears its timer; purge() runs one at once', async () => {
    const t = await createTestApp({ config: { log: false } });
    await rows(t, [['old', 'sent', 31], ['recent', 'sent', 29]]);
    const w = worker(t, { purgeFirstMs: 50 });
    await w.stop();
    await new Promise((r) => setTimeout(r, 120));
    assert.equal((await remaining(t)).size, 2, 'no purge after stop');
    const w2 = worker(t, { purgeFirstMs: 60_000 });
    try {
      assert.equal(await w2.purge(), 1, 'the default retention: 30 days');
      assert.equal((await remaining(t)).size, 1);
    } finally {
      await w2.stop();
    }
  });
});

describe('HEARTH_DELIVERY_RETENTION_DAYS', () => {
  it('defaults to 30; a number of days ≥ 1; anything else stops the start naming the variable', async () => {
    const { loadConfig } = await import('../../server/src/config.js');
    assert.equal(loadConfig({}).deliveryRetentionDays, 30);
    assert.equal(loadConfig({ HEARTH_DELIVERY_RETENTION_DAYS: '7' }).deliveryRetentionDays, 7);
    assert.equal(loadConfig({ HEARTH_DELIVERY_RETENTION_DAYS: ' ' }).deliveryRetentionDays, 30);
    for (const bad of ['0', '-3', 'thirty', '0.5', 'Infinity']) {
      assert.throws(() => loadConfig({ HEARTH_DELIVERY_RETENTION_DAYS: bad }), /HEARTH_DELIVERY_RETENTION_DAYS: expected a number ≥ 1/, bad);
    }
  });
});
