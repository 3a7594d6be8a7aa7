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

// ------------------------------------------------------------------------------- the parent ---
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
const rate = Number(process.env.BENCH_RATE ?? 500);
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const pgAdminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

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
async function signIn(api) {
  const verifier = randomBytes(32).toString('base64url');
  const login = await fetch(`${api.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: api.origin },
    body: new URLSearchParams({ email: 'demo@example.com', password: 'demo1234', origin: api.origin, challenge: createHash('sha256').update(verifier).digest('base64url') }),
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
  const fixed = await load({ url: api.url, path: availabilityPath, duration, connections: 50, overallRate: rate });
  return { slots: check.slots.length, availability, messages, fixed };
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
  for (const run of [r.availability, r.messages, r.fixed]) {
    if (run.non2xx || run.errors) {
      bad = true;
      if (run.firstFailure) console.error(`bench (${r.db}): e.g. ${run.firstFailure}`);
    }
  }
}
for (const s of skipped) console.log(`\n${s}`);
if (bad || skipped.some((s) => s.includes('failed'))) {
  console.error('bench: some requests failed');
  process.exitCode = 1;
}
