// The pub/sub seam: in-process, and PostgreSQL LISTEN/NOTIFY (when a database answers: see
// postgres.ts; skipped tests otherwise, and the log says which ran).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { TEST_DATABASE_URL, whyNoPostgres } from './postgres.js';
import { createLocalPubSub, createPostgresPubSub, MAX_PAYLOAD_BYTES, type PostgresPubSub, type PubSub } from '../../server/src/pubsub.js';

const url = TEST_DATABASE_URL;

const skipPostgres = await whyNoPostgres();
console.log(`pubsub: postgres ${skipPostgres ? `skipped (${skipPostgres})` : 'ran'}`);

/** Resolves with the next payload on `channel`, or rejects after `ms`. */
function next(ps: PubSub, channel: string, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (off(), reject(new Error(`nothing on ${channel} within ${ms} ms`))), ms);
    const off = ps.subscribe(channel, (p) => (clearTimeout(timer), off(), resolve(p)));
  });
}

const channel = () => `test_${randomBytes(6).toString('hex')}`;
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function shared(make: () => Promise<PubSub>, skip: string | false) {
  it('delivers to every subscriber of the channel, and not to others', { skip }, async () => {
    const ps = await make();
    try {
      const ch = channel();
      const a: string[] = [];
      const b: string[] = [];
      const other: string[] = [];
      ps.subscribe(ch, (p) => a.push(p));
      ps.subscribe(ch, (p) => b.push(p));
      ps.subscribe(channel(), (p) => other.push(p));
      await (ps as PostgresPubSub).ready?.();
      const last = next(ps, ch);
      await (ps as PostgresPubSub).ready?.();
      await ps.publish(ch, 'booking:1');
      assert.equal(await last, 'booking:1');
      await delay(50);
      assert.deepEqual([a, b, other], [['booking:1'], ['booking:1'], []]);
    } finally {
      await ps.close();
    }
  });

  it('unsubscribe stops delivery to that listener only', { skip }, async () => {
    const ps = await make();
    try {
      const ch = channel();
      const got: string[] = [];
      const off = ps.subscribe(ch, (p) => got.push(`a:${p}`));
      ps.subscribe(ch, (p) => got.push(`b:${p}`));
      await (ps as PostgresPubSub).ready?.();
      await ps.publish(ch, '1');
      await delay(100);
      off();
      off(); // twice is harmless
      await (ps as PostgresPubSub).ready?.();
      await ps.publish(ch, '2');
      await delay(100);
      assert.deepEqual(got.sort(), ['a:1', 'b:1', 'b:2']);
    } finally {
      await ps.close();
    }
  });

  it('a throwing listener does not stop the others or the publisher', { skip }, async () => {
    const ps = await make();
    try {
      const ch = channel();
      ps.subscribe(ch, () => {
        throw new Error('listener bug');
      });
      const got = next(ps, ch);
      await (ps as PostgresPubSub).ready?.();
      await ps.publish(ch, 'x');
      assert.equal(await got, 'x');
    } finally {
      await ps.close();
    }
  });

  it('validates channel names and payload size', { skip }, async () => {
    const ps = await make();
    try {
      assert.throws(() => ps.subscribe('bad channel"; DROP TABLE users; --', () => undefined), TypeError);
      assert.throws(() => ps.subscribe('', () => undefined), TypeError);
      assert.throws(() => ps.subscribe('x'.repeat(64), () => undefined), TypeError);
      await assert.rejects(ps.publish('no spaces', 'x'), TypeError);
      await assert.rejects(ps.publish(channel(), 'é'.repeat(4000)), RangeError); // 8000 bytes
      const ch = channel();
      const got = next(ps, ch);
      await (ps as PostgresPubSub).ready?.();
      const biggest = 'x'.repeat(MAX_PAYLOAD_BYTES);
      await ps.publish(ch, biggest);
      assert.equal(await got, biggest);
    } finally {
      await ps.close();
    }
  });

  it('refuses to publish once closed', { skip }, async () => {
    const ps = await make();
    await ps.close();
    await assert.rejects(ps.publish(channel(), 'x'));
  });
}

describe('pub/sub: in-process', () => {
  shared(async () => createLocalPubSub(), false);

  it('delivers asynchronously, after publish returns', async () => {
    const ps = createLocalPubSub();
    const ch = channel();
    let got = '';
    ps.subscribe(ch, (p) => (got = p));
    const published = ps.publish(ch, 'a');
    assert.equal(got, '');
    await published;
    await delay(0);
    assert.equal(got, 'a');
    await ps.close();
  });
});

describe('pub/sub: postgres', () => {
  const skip = skipPostgres ?? false;
  const open = (applicationName?: string) => createPostgresPubSub(url, { applicationName, minDelayMs: 50, maxDelayMs: 500 });
  shared(() => open(), skip);

  it('two instances (two processes) see each other’s messages, and their own', { skip }, async () => {
    const [a, b] = await Promise.all([open(), open()]);
    try {
      const ch = channel();
      const atA: string[] = [];
      const atB: string[] = [];
      a.subscribe(ch, (p) => atA.push(p));
      b.subscribe(ch, (p) => atB.push(p));
      await Promise.all([a.ready(), b.ready()]);
      await a.publish(ch, 'from-a');
      await b.publish(ch, 'from-b');
      for (let i = 0; i < 100 && (atA.length < 2 || atB.length < 2); i++) await delay(20);
      assert.deepEqual([atA, atB], [['from-a', 'from-b'], ['from-a', 'from-b']]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('after its connection is killed, the listener reconnects and receives again', { skip }, async () => {
    const name = `hearth-pubsub-test-${randomBytes(4).toString('hex')}`;
    let reconnects = 0;
    const listener = await createPostgresPubSub(url, { applicationName: name, minDelayMs: 50, maxDelayMs: 500, onReconnect: () => reconnects++ });
    const publisher = await open();
    const admin = new pg.Client(url);
    await admin.connect();
    try {
      const ch = channel();
      const got: string[] = [];
      listener.subscribe(ch, (p) => got.push(p));
      await listener.ready();
      await publisher.publish(ch, 'before');
      for (let i = 0; i < 100 && !got.length; i++) await delay(20);
      assert.deepEqual(got, ['before']);

      const killed = await admin.query('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1', [name]);
      assert.equal(killed.rowCount, 1);
      // Publish until it arrives: the listener is back once it has LISTENed again.
      const deadline = Date.now() + 10_000;
      while (!got.includes('after') && Date.now() < deadline) {
        await publisher.publish(ch, 'after');
        await delay(100);
      }
      assert.ok(got.includes('after'), 'received after the reconnect');
      assert.equal(reconnects, 1);
      const pids = await admin.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [name]);
      assert.equal(pids.rowCount, 1, 'one listening connection again');
    } finally {
      await admin.end();
      await Promise.all([listener.close(), publisher.close()]);
    }
  });

  it('publishes through a given pool (the store’s) and leaves it open on close', { skip }, async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const ps = await createPostgresPubSub(url, { pool });
    try {
      const ch = channel();
      const got = next(ps, ch);
      await ps.ready();
      await ps.publish(ch, 'via pool');
      assert.equal(await got, 'via pool');
    } finally {
      await ps.close();
    }
    assert.deepEqual((await pool.query('SELECT 1 AS one')).rows, [{ one: 1 }]);
    await pool.end();
  });

  it('rejects when the database does not answer at all', { skip }, async () => {
    await assert.rejects(createPostgresPubSub('postgres://postgres@127.0.0.1:1/none'));
  });
});
