// Server benchmark (npm run bench:server): every party in its own process, so the load generator
// does not share an event loop with what it measures:
//   - a bare Hono "hello" server (a child process), the yardstick;
//   - the hearth server as it really starts (server/src/main.ts, a child process) on a fresh SQLite
//     file and, when PostgreSQL answers at 127.0.0.1:5432, on a fresh PostgreSQL database created
//     for the run and dropped after it (HEARTH_DATABASE_URL); demo data, request log off, rate
//     limits raised so nothing is 429;
//   - the load generator: autocannon in a child process (this script with --load), per run.
// Rows, per database, with the ratio of requests/s to hello in the same run:
//   availability GET (one week; target >= 0.5x), message POST (bearer token, a fresh Idempotency-Key
//   per request; target >= 0.3x), and availability at a fixed offered rate of 500 req/s: p99
//   (target <= 50 ms).
// And the care team's inbox (issue 12), on a database of its own per run: 10,000 conversations and
// 100,000 messages over 2,000 visitors, three specialists and the team (seeded by a child process,
// --seed-inbox below, before the server starts), then the inbox's first page
// GET /api/conversations?status=open for the admin and for a specialist (bearer tokens): one cold
// request (the first of its kind in a fresh server process), then requests/s and p50/p99. The
// report prints the query plans (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE) of that first page.
// The fixed-rate row is autocannon with `overallRate`: closed loop with a rate cap, not a true open
// loop (wrk2 is not in Debian); autocannon corrects latencies for coordinated omission (a request
// that could not be sent on time counts the wait). Figures vary with the machine and its load;
// they are benchmarks, not timed tests, and the script fails only when requests fail.
//
//   node scripts/bench-server.mjs
//     BENCH_DURATION    seconds per run (default 10)
//     BENCH_CONNECTIONS connections of the throughput runs (default 100)
//     BENCH_RATE        offered rate of the latency run, req/s (default 500)
//     BENCH_DATABASES   "sqlite,postgres" (default both; postgres is skipped when it does not answer)
//     BENCH_PG_ADMIN_URL where to create the database (default postgres://postgres@127.0.0.1:5432/postgres)
//     BENCH_INBOX       0 skips the inbox rows (default 1)
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------- the load generator (child) ---
if (process.argv[2] === '--load') {
  const { default: autocannon } = await import('autocannon');
  const spec = JSON.parse(process.env.BENCH_LOAD);
  let firstFailure = '';
  const request = {
    method: spec.method ?? 'GET',
    path: spec.path,
    headers: spec.headers ?? {},
    body: spec.body,
    onResponse: (status, body) => {
      if ((status < 200 || status >= 300) && !firstFailure) firstFailure = `${status} ${String(body).slice(0, 300)}`;
    },
  };
  // A fresh Idempotency-Key per request, as a widget sends one per message.
  if (spec.freshIdempotencyKey) request.setupRequest = (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } });
  const opts = { url: spec.url, duration: spec.duration, connections: spec.connections, requests: [request] };
  if (spec.overallRate) opts.overallRate = spec.overallRate;
  const r = await autocannon(opts);
  process.stdout.write(
    JSON.stringify({
      rps: r.requests.average,
      total: r.requests.total,
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      firstFailure,
    }) + '\n',
  );
  process.exit(0);
}

// ------------------------------------------------ the inbox's database (child, under tsx) ---
// node --import tsx scripts/bench-server.mjs --seed-inbox, with HEARTH_DB or HEARTH_DATABASE_URL and
// HEARTH_DATA_KEY: migrates, adds the demo data, then 2,000 visitors, a third specialist, 10,000
// conversations (a quarter each to Olena, Sam, the third specialist and the team; 60 % open; a
// quarter assigned to Olena, a quarter to the admin) and 100,000 messages (10 a conversation,
// visitor and staff in turn, bodies sealed under the data key as the server seals them), with read
// marks and seen times. Straight SQL in large transactions (the store's own writes would take
// minutes). Prints {seconds, plans} as JSON: the inbox query's plans, for the report.
if (process.argv[2] === '--seed-inbox') {
  const { openStore } = await import('../server/src/store/index.ts');
  const { seedDemoData, DEMO_ADMIN, DEMO_SPECIALIST_USER } = await import('../server/src/seed.ts');
  const { createBox, parseDataKey } = await import('../server/src/crypto-box.ts');
  const { conversationRepository } = await import('../server/src/store/conversations.ts');
  const started = performance.now();
  const store = await openStore({ dbPath: process.env.HEARTH_DB ?? '', databaseUrl: process.env.HEARTH_DATABASE_URL || undefined });
  await seedDemoData(store);
  await store.specialists.upsert({ id: 'bench-third', name: 'Dr. Bench Third', title: 'Psychotherapist', timeZone: 'UTC', schedule: [] }, 2);
  const box = createBox(parseDataKey(process.env.HEARTH_DATA_KEY, 'HEARTH_DATA_KEY'));
  const VISITORS = 2000, CONVERSATIONS = 10_000, PER = 10;
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  const at = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const recipients = ['olena-kovalenko', 'sam-rivera', 'bench-third', null];
  const assignees = [null, null, DEMO_SPECIALIST_USER.id, DEMO_ADMIN.id];
  const rows = { users: [], conversations: [], messages: [], conversation_reads: [] };
  for (let v = 0; v < VISITORS; v++) rows.users.push([`bench-v${v}`, `visitor${v}@bench.example`, `Visitor ${v}`, 'x', at(t0), 'visitor', null]);
  const bodies = ['I would like to talk about sleep.', 'Thank you, that helps.', 'Could we find a time next week?', 'Of course — shall we book a time?'];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const id = `bench-c${String(i).padStart(5, '0')}`;
    const visitor = `bench-v${i % VISITORS}`;
    const specialist = recipients[(i * 7) % 4];
    const staffAuthor = specialist === 'olena-kovalenko' ? DEMO_SPECIALIST_USER.id : DEMO_ADMIN.id;
    const start = t0 + i * 600_000; // every 10 minutes, over ~70 days
    let last = start;
    for (let n = 1; n <= PER; n++) {
      last = start + n * 30_000 + ((i * 13 + n) % 7) * 1000;
      const byVisitor = n % 2 === 1;
      rows.messages.push([`${id}-m${n}`, byVisitor ? visitor : staffAuthor, byVisitor ? specialist ?? 'team' : null, n === 1 ? 'Benchmark' : null,
        box.seal(`${bodies[n % 4]} (${i}/${n})`, 'message'), null, at(last), id, n, byVisitor && n < PER - 1 ? at(last + 60_000) : null]);
    }
    rows.conversations.push([id, visitor, specialist, 'Benchmark', i % 5 < 3 ? 'open' : 'handled', assignees[(i * 3) % 4], PER, at(last), at(start)]);
    rows.conversation_reads.push([id, visitor, PER, at(last)]);
    if (i % 2 === 0) rows.conversation_reads.push([id, i % 4 === 0 ? DEMO_ADMIN.id : DEMO_SPECIALIST_USER.id, PER - 2, at(last)]);
  }
  const columns = {
    users: ['id', 'email', 'name', 'password_hash', 'created_at', 'role', 'specialist_id'],
    conversations: ['id', 'visitor_id', 'specialist_id', 'subject', 'status', 'assignee_id', 'message_count', 'last_activity_at', 'created_at'],
    messages: ['id', 'user_id', 'recipient', 'subject', 'body', 'page_url', 'created_at', 'conversation_id', 'seq', 'seen_at'],
    conversation_reads: ['conversation_id', 'user_id', 'last_read_seq', 'read_at'],
  };
  const ints = new Set(['message_count', 'seq', 'last_read_seq']);
  if (store.kind === 'sqlite') {
    store.db.transaction(() => {
      for (const [table, list] of Object.entries(rows)) {
        const insert = store.db.prepare(`INSERT INTO ${table} (${columns[table].join(', ')}) VALUES (${columns[table].map(() => '?').join(', ')})`);
        for (const r of list) insert.run(...r);
      }
    })();
    store.db.exec('ANALYZE');
  } else {
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      for (const [table, list] of Object.entries(rows)) {
        const cols = columns[table];
        const casts = cols.map((c, k) => `$${k + 1}::${ints.has(c) ? 'int' : 'text'}[]`).join(', ');
        for (let from = 0; from < list.length; from += 20_000) {
          const chunk = list.slice(from, from + 20_000);
          await client.query(`INSERT INTO ${table} (${cols.join(', ')}) SELECT * FROM unnest(${casts})`, cols.map((_, k) => chunk.map((r) => r[k])));
        }
      }
      await client.query('COMMIT');
      await client.query('ANALYZE');
    } finally {
      client.release();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // The inbox's first page, as GET /api/conversations?status=open runs it: its plan.
  const plans = {};
  for (const [who, viewer] of [['admin', { id: DEMO_ADMIN.id, role: 'admin', specialistId: null }], ['specialist', { id: DEMO_SPECIALIST_USER.id, role: 'specialist', specialistId: 'olena-kovalenko' }]]) {
    let captured;
    await conversationRepository({ rows: async (sql, params) => ((captured = { sql, params }), []), run: async () => 0 }).list({ viewer, status: 'open', limit: 21 });
    const explain = store.kind === 'sqlite' ? `EXPLAIN QUERY PLAN ${captured.sql}` : `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${captured.sql}`;
    plans[who] = (await store.query(explain, captured.params)).map((r) => (store.kind === 'sqlite' ? `${'  '.repeat(r.parent ? 1 : 0)}${r.detail}` : r['QUERY PLAN']));
  }
  await store.close();
  process.stdout.write(JSON.stringify({ seconds, conversations: CONVERSATIONS, messages: CONVERSATIONS * PER, visitors: VISITORS, plans }) + '\n');
  process.exit(0);
}

// ------------------------------------------------------------------------------- the parent ---
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
const rate = Number(process.env.BENCH_RATE ?? 500);
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const pgAdminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const inbox = process.env.BENCH_INBOX !== '0';

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** Starts a child process and resolves with it and the first capture of `ready` in its stdout. */
function startChild(name, args, env, ready) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => (children.delete(child), resolve(code))));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no start within 60 s:\n${out}`)), 60_000);
    child.stdout.on('data', () => {
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m[1], exited, output: () => out });
      }
    });
    void exited.then((code) => (clearTimeout(timer), reject(new Error(`${name} exited (${code}):\n${out}`))));
  });
}

/** SIGTERM (the server's graceful shutdown) and wait. */
async function stopChild(c) {
  c.child.kill('SIGTERM');
  const timer = setTimeout(() => c.child.kill('SIGKILL'), 15_000);
  await c.exited.catch(() => {});
  clearTimeout(timer);
}

const HELLO = `
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const app = new Hono();
app.get('/hello', (c) => c.text('hello'));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log('listening on port ' + info.port));
`;

/** One load run in its own process. */
function load(spec) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, '--load'], { cwd: ROOT, env: { ...process.env, BENCH_LOAD: JSON.stringify(spec) }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

async function hearthServer(env) {
  const server = await startChild(
    'hearth server',
    ['--import', 'tsx', 'server/src/main.ts'],
    {
      PORT: '0',
      HEARTH_DEMO: '1',
      HEARTH_PUBLIC_URL: '',
      HEARTH_LOG: '0',
      HEARTH_RATE_LIMIT_MESSAGES_PER_MINUTE: '1000000000',
      HEARTH_RATE_LIMIT_BOOKINGS_PER_HOUR: '1000000000',
      HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR: '1000000000',
      HEARTH_RATE_LIMIT_LOGINS_PER_ACCOUNT_PER_15_MIN: '1000000000',
      HEARTH_RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN: '1000000000',
      ...env,
    },
    /listening on port (\d+)/,
  );
  const url = `http://127.0.0.1:${server.match}`;
  const origin = /^hearth(?: demo)?: (\S+?)\/?$/m.exec(server.output())?.[1] ?? `http://localhost:${server.match}`;
  return { ...server, url, origin };
}

/** A bearer token, as a widget gets it: the login popup's one-time code, exchanged with the verifier. */
async function signIn(api, email = 'demo@example.com', password = 'demo1234') {
  const verifier = randomBytes(32).toString('base64url');
  const login = await fetch(`${api.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: api.origin },
    body: new URLSearchParams({ email, password, origin: api.origin, challenge: createHash('sha256').update(verifier).digest('base64url') }),
  });
  const code = /data-code="([^"]+)"/.exec(await login.text())?.[1];
  const exchanged = await fetch(`${api.url}/api/session/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: api.origin },
    body: JSON.stringify({ code, verifier }),
  });
  const { token } = exchanged.ok ? await exchanged.json() : {};
  if (!token) throw new Error(`bench: could not sign in (login ${login.status}, token ${exchanged.status})`);
  return token;
}

const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const availabilityPath = `/api/consultations/availability?specialist=olena-kovalenko&from=${day(1)}&to=${day(8)}`;

/** The three rows against one running hearth server. */
async function benchHearth(api) {
  const token = await signIn(api);
  const check = await fetch(api.url + availabilityPath).then((r) => r.json());
  if (!Array.isArray(check.slots) || !check.slots.length) throw new Error('bench: no slots in the week');
  await load({ url: api.url, path: availabilityPath, duration: 2, connections: 10 }); // warm-up
  const availability = await load({ url: api.url, path: availabilityPath, duration, connections });
  // The latency run comes before the messages: each message enqueues a mail (the outbox), and the
  // worker would still be sending the thousands of them while the latency is measured.
  const fixed = await load({ url: api.url, path: availabilityPath, duration, connections: 50, overallRate: rate });
  const messages = await load({
    url: api.url,
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ to: 'olena-kovalenko', subject: 'Benchmark', body: 'A message written by the benchmark.' }),
    freshIdempotencyKey: true,
    duration,
    connections,
  });
  return { slots: check.slots.length, availability, messages, fixed };
}

const INBOX_PATH = '/api/conversations?status=open';

/** Seeds the inbox's database (a child under tsx); resolves with its report ({seconds, plans, …}). */
function seedInbox(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--seed-inbox'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`inbox seeding exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

/** The inbox rows: seed `env`'s database, start a server on it, time a cold first page, then load it as the admin and as a specialist. */
async function benchInbox(env) {
  const dataKey = randomBytes(32).toString('base64');
  const seeded = await seedInbox({ ...env, HEARTH_DATA_KEY: dataKey });
  const api = await hearthServer({ ...env, HEARTH_DATA_KEY: dataKey });
  try {
    const tokens = { admin: await signIn(api, 'admin@example.com'), specialist: await signIn(api, 'olena@example.com') };
    const cold = {};
    for (const [who, token] of Object.entries(tokens)) {
      const started = performance.now();
      const res = await fetch(api.url + INBOX_PATH, { headers: { authorization: `Bearer ${token}` } });
      const page = await res.json();
      cold[who] = performance.now() - started;
      if (res.status !== 200 || page.items?.length !== 20 || !page.next) throw new Error(`bench: the inbox's first page: ${res.status} ${JSON.stringify(page).slice(0, 200)}`);
    }
    const run = (who) => ({ url: api.url, path: INBOX_PATH, headers: { authorization: `Bearer ${tokens[who]}` }, duration, connections });
    await load({ ...run('admin'), duration: 2, connections: 10 }); // warm-up
    return { seeded, cold, admin: await load(run('admin')), specialist: await load(run('specialist')) };
  } finally {
    await stopChild(api);
  }
}

/** A fresh PostgreSQL database for the run, or undefined (with the reason) when PostgreSQL does not answer. */
async function createPgDatabase() {
  let pg;
  try {
    ({ default: pg } = await import('pg'));
  } catch {
    return { skipped: 'the pg package is not installed' };
  }
  const admin = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (e) {
    return { skipped: `PostgreSQL does not answer at ${new URL(pgAdminUrl).host} (${e.code ?? e.message})` };
  }
  const name = `hearth_bench_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    name,
    async drop() {
      const c = new pg.Client({ connectionString: pgAdminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

// ------------------------------------------------------------------------------------ run it ---
const hello = await startChild('hello', ['--input-type=module', '-e', HELLO], {}, /listening on port (\d+)/);
const helloUrl = `http://127.0.0.1:${hello.match}`;
await load({ url: helloUrl, path: '/hello', duration: 2, connections: 10 }); // warm-up
/** Hello is measured again right before each database's runs: on a shared machine the load varies, and a ratio wants its yardstick from the same minute. */
const measureHello = async () => ({
  run: await load({ url: helloUrl, path: '/hello', duration, connections }),
  fixed: await load({ url: helloUrl, path: '/hello', duration, connections: 50, overallRate: rate }),
});

const results = [];
const skipped = [];
for (const db of databases) {
  if (db === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
    const api = await hearthServer({ HEARTH_DB: join(dir, 'bench.db'), HEARTH_DATABASE_URL: '' });
    try {
      const hello = await measureHello();
      results.push({ db: 'SQLite', hello, ...(await benchHearth(api)) });
    } finally {
      await stopChild(api);
    }
    try {
      if (inbox) results.at(-1).inbox = await benchInbox({ HEARTH_DB: join(dir, 'inbox.db'), HEARTH_DATABASE_URL: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else if (db === 'postgres') {
    const pgdb = await createPgDatabase();
    if (pgdb.skipped) {
      skipped.push(`PostgreSQL: skipped: ${pgdb.skipped}`);
      continue;
    }
    try {
      const api = await hearthServer({ HEARTH_DATABASE_URL: pgdb.url });
      try {
        const hello = await measureHello();
        results.push({ db: 'PostgreSQL', hello, ...(await benchHearth(api)) });
      } finally {
        await stopChild(api);
      }
    } catch (e) {
      skipped.push(`PostgreSQL: failed: ${e.message.split('\n').slice(0, 8).join('\n')}`);
    } finally {
      await pgdb.drop();
    }
    if (inbox && results.at(-1)?.db === 'PostgreSQL') {
      const inboxDb = await createPgDatabase();
      try {
        results.at(-1).inbox = await benchInbox({ HEARTH_DATABASE_URL: inboxDb.url });
      } catch (e) {
        skipped.push(`PostgreSQL inbox: failed: ${e.message.split('\n').slice(0, 8).join('\n')}`);
      } finally {
        await inboxDb.drop();
      }
    }
  } else {
    throw new Error(`BENCH_DATABASES: unknown database ${db} (sqlite, postgres)`);
  }
}
await stopChild(hello);

// ---------------------------------------------------------------------------------- report ---
const fmt = (n) => Math.round(n).toLocaleString('en');
const errs = (r) => (r.non2xx || r.errors ? `${r.non2xx} non-2xx, ${r.errors} errors` : '0');
console.log(
  `\nhearth server benchmark: ${duration} s per run, ${connections} connections (fixed-rate runs: ${rate} req/s over 50 connections), loopback, ` +
    `Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}; server, hello and load generator each in their own process\n`,
);
console.log('| database | run | requests/s | vs hello | target | p50 | p99 | failures |');
console.log('|---|---|---:|---:|---|---:|---:|---:|');
let bad = false;
const inboxNotes = [];
const verdict = (ok) => (ok ? 'met' : 'missed');
for (const r of results) {
  const base = r.hello.run.rps;
  const a = r.availability.rps / base;
  const m = r.messages.rps / base;
  console.log(`| ${r.db} | bare Hono GET /hello (just before) | ${fmt(base)} | 1.00× | | ${r.hello.run.p50} ms | ${r.hello.run.p99} ms | ${errs(r.hello.run)} |`);
  console.log(`| ${r.db} | GET availability (1 week, ${r.slots} slots) | ${fmt(r.availability.rps)} | ${a.toFixed(2)}× | ≥ 0.5×: ${verdict(a >= 0.5)} | ${r.availability.p50} ms | ${r.availability.p99} ms | ${errs(r.availability)} |`);
  console.log(`| ${r.db} | POST /api/messages (bearer, new key each) | ${fmt(r.messages.rps)} | ${m.toFixed(2)}× | ≥ 0.3×: ${verdict(m >= 0.3)} | ${r.messages.p50} ms | ${r.messages.p99} ms | ${errs(r.messages)} |`);
  console.log(`| ${r.db} | bare Hono GET /hello at ${rate}/s | ${fmt(r.hello.fixed.rps)} | | | ${r.hello.fixed.p50} ms | ${r.hello.fixed.p99} ms | ${errs(r.hello.fixed)} |`);
  console.log(`| ${r.db} | GET availability at ${rate}/s | ${fmt(r.fixed.rps)} | | p99 ≤ 50 ms: ${verdict(r.fixed.p99 <= 50)} | ${r.fixed.p50} ms | ${r.fixed.p99} ms | ${errs(r.fixed)} |`);
  if (r.inbox) {
    const { seeded, cold } = r.inbox;
    const size = `${fmt(seeded.conversations)} conversations / ${fmt(seeded.messages)} messages`;
    for (const who of ['admin', 'specialist']) {
      const x = r.inbox[who];
      console.log(`| ${r.db} | inbox first page at ${size}, ${who} (GET ${INBOX_PATH}, bearer) | ${fmt(x.rps)} | ${(x.rps / base).toFixed(2)}× | | ${x.p50} ms | ${x.p99} ms | ${errs(x)} |`);
    }
    inboxNotes.push(
      `${r.db} inbox: seeded ${size} over ${fmt(seeded.visitors)} visitors in ${seeded.seconds.toFixed(1)} s (bodies sealed under the run's data key); ` +
        `a cold first page (a fresh server process's first inbox request): admin ${cold.admin.toFixed(1)} ms, specialist ${cold.specialist.toFixed(1)} ms.\n` +
        Object.entries(seeded.plans).map(([who, lines]) => `  plan (${who}):\n${lines.map((l) => `    ${l}`).join('\n')}`).join('\n'),
    );
  }
  for (const run of [r.availability, r.messages, r.fixed, ...(r.inbox ? [r.inbox.admin, r.inbox.specialist] : [])]) {
    if (run.non2xx || run.errors) {
      bad = true;
      if (run.firstFailure) console.error(`bench (${r.db}): e.g. ${run.firstFailure}`);
    }
  }
}
for (const n of inboxNotes) console.log(`\n${n}`);
for (const s of skipped) console.log(`\n${s}`);
if (bad || skipped.some((s) => s.includes('failed'))) {
  console.error('bench: some requests failed');
  process.exitCode = 1;
}
