// Two server processes (server/src/main.ts, as deployed) on ONE database: the invariants hold by
// the database, not by either process's memory. On SQLite (a shared file) in the first pass, on
// PostgreSQL (a fresh schema) when npm test runs the server suites with HEARTH_TEST_DB=postgres.
//  - 200 concurrent bookings of one slot, spread over both: exactly one 201, the rest 409;
//  - one Idempotency-Key sent 20 times to each: one message stored, 39 replays of the same answer;
//  - the 11th message within a minute from one account is 429, whichever process gets it;
//  - on PostgreSQL, a slot booked through one process disappears at once from the other's cached
//    availability (LISTEN/NOTIFY). SQLite has no channel between processes: there each process's
//    cache may offer a taken slot for up to its 60 s lifetime (booking it answers 409); several
//    processes are what PostgreSQL is for.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshSchema } from './postgres.js';
import { TEST_DB } from './helpers.js';

interface Server {
  url: string;
  child: ChildProcess;
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, PORT: '0', HEARTH_LOG: '0', HEARTH_RATE_LIMIT_BOOKINGS_PER_HOUR: '10000', HEARTH_MIN_NOTICE_HOURS: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening on port (\d+)/.exec(out)?.[1];
      if (port) resolve({ url: `http://localhost:${port}`, child });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

describe(`two server processes on one ${TEST_DB} database`, () => {
  let a: Server;
  let b: Server;
  let cleanup: () => Promise<void> = async () => {};

  before(async () => {
    let env: Record<string, string>;
    if (TEST_DB === 'postgres') {
      const schema = await freshSchema('hearth_t_mp');
      env = { HEARTH_DATABASE_URL: schema.url };
      cleanup = schema.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'hearth-mp-'));
      env = { HEARTH_DB: join(dir, 'hearth.db') };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    a = await startServer(env); // migrates and seeds first
    b = await startServer(env);
  });

  after(async () => {
    for (const s of [a, b]) s?.child.kill();
    await Promise.all([a, b].map((s) => s && new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))));
    await cleanup();
  });

  const post = (s: Server, path: string, json: unknown, headers: Record<string, string> = {}) =>
    fetch(s.url + path, { method: 'POST', body: JSON.stringify(json), headers: { 'Content-Type': 'application/json', Origin: s.url, ...headers } });

  /** A bearer token for the demo visitor, signed in through process `s`. */
  async function token(s: Server): Promise<string> {
    const verifier = randomBytes(32).toString('base64url');
    const login = await fetch(`${s.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: s.url },
      body: new URLSearchParams({ email: 'demo@example.com', password: 'demo1234', origin: s.url, challenge: createHash('sha256').update(verifier).digest('base64url') }),
    });
    const code = /data-code="([^"]+)"/.exec(await login.text())?.[1];
    assert.ok(code, 'signed in');
    const answer = await post(s, '/api/session/token', { code, verifier });
    return ((await answer.json()) as { token: string }).token;
  }

  async function firstSlot(s: Server): Promise<string> {
    const from = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const r = await fetch(`${s.url}/api/consultations/availability?specialist=olena-kovalenko&from=${from}&to=${to}`);
    const { slots } = (await r.json()) as { slots: { start: string }[] };
    assert.ok(slots.length, 'free slots in the next two weeks');
    return slots[0]!.start;
  }

  test('200 concurrent bookings of one slot over both processes: exactly one 201; the other process stops offering it', async () => {
    const start = await firstSlot(a);
    assert.equal(await firstSlot(b), start, 'both offer it (and have cached it)');
    const booking = (i: number) => ({ specialist: 'olena-kovalenko', start, name: `Racer ${i}`, email: `racer${i}@example.org`, consent: true, timeZone: 'Europe/Kyiv' });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => post(i % 2 ? a : b, '/api/consultations', booking(i), { 'Idempotency-Key': randomUUID() }).then((r) => r.status)),
    );
    const counts = answers.reduce<Record<number, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {});
    assert.deepEqual(counts, { 201: 1, 409: 199 });
    // Whichever process took it, the other's cached week no longer offers the slot.
    if (TEST_DB === 'postgres') {
      assert.notEqual(await firstSlot(a), start);
      assert.notEqual(await firstSlot(b), start);
    }
  });

  test('one Idempotency-Key sent 20 times to each process: one message, the same answer 40 times', async () => {
    const auth = { Authorization: `Bearer ${await token(a)}` };
    const key = randomUUID();
    const body = { to: 'team', body: `Once across processes ${key}` };
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post(i % 2 ? a : b, '/api/messages', body, { ...auth, 'Idempotency-Key': key }).then(async (r) => ({ status: r.status, json: await r.json() }))),
    );
    assert.deepEqual(new Set(answers.map((x) => x.status)), new Set([201]));
    assert.equal(new Set(answers.map((x) => (x.json as { id: string }).id)).size, 1);
  });

  test('the 11th message within a minute from one account is 429, whichever process gets it', async () => {
    const auth = { Authorization: `Bearer ${await token(b)}` };
    // The previous test sent one message for this account already (the limit is 10 per minute).
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await post(i % 2 ? a : b, '/api/messages', { to: 'team', body: `message ${i}` }, { ...auth, 'Idempotency-Key': randomUUID() });
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [...Array(9).fill(201), 429]);
    const other = await post(a, '/api/messages', { to: 'team', body: 'one more' }, { ...auth, 'Idempotency-Key': randomUUID() });
    assert.equal(other.status, 429);
    assert.ok(Number(other.headers.get('retry-after')) >= 1);
  });
});
