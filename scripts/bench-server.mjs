// Server benchmark: autocannon on loopback against the reference server in-process (random port,
// fresh temporary database, logs off, rate limits raised) and, for scale, a bare Hono "hello" on
// its own server. Same duration and connections for each; prints requests/s, p99 latency and the
// ratio to hello. Stops by itself.
//   node scripts/bench-server.mjs            (BENCH_DURATION seconds, default 5; BENCH_CONNECTIONS, default 10)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { register } from 'tsx/esm/api';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

register(); // lets this .mjs import the server's TypeScript
const { createApp } = await import('../server/src/app.ts');
const { defaultConfig } = await import('../server/src/config.ts');
const { createSqliteStore } = await import('../server/src/store.ts');
const { seedDemoData } = await import('../server/src/seed.ts');

const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

const listen = (fetch) =>
  new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ server, url: `http://127.0.0.1:${info.port}` }));
  });
const close = (server) => new Promise((resolve) => server.close(() => resolve()));

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
const store = createSqliteStore(join(dir, 'bench.db'));
seedDemoData(store);
const config = { ...defaultConfig, dbPath: join(dir, 'bench.db'), log: false, messagesPerMinute: 1e9, bookingsPerHour: 1e9 };
const api = await listen(createApp({ store, config }).fetch);

const hello = new Hono();
hello.get('/hello', (c) => c.text('hello'));
const bare = await listen(hello.fetch);

// A bearer token, as a widget gets it: the login popup's one-time code, exchanged with the verifier.
const verifier = randomBytes(32).toString('base64url');
const login = await fetch(`${api.url}/login`, {
  method: 'POST',
  redirect: 'manual',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: api.url },
  body: new URLSearchParams({ email: 'demo@example.com', password: 'demo1234', origin: api.url, challenge: createHash('sha256').update(verifier).digest('base64url') }),
});
const code = /data-code="([^"]+)"/.exec(await login.text())?.[1];
const exchanged = await fetch(`${api.url}/api/session/token`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Origin: api.url },
  body: JSON.stringify({ code, verifier }),
});
const { token } = exchanged.ok ? await exchanged.json() : {};
if (!token) throw new Error('bench: could not sign in');

const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const availabilityPath = `/api/consultations/availability?specialist=olena-kovalenko&from=${day(1)}&to=${day(8)}`;
const check = await fetch(api.url + availabilityPath).then((r) => r.json());
if (!Array.isArray(check.slots) || !check.slots.length) throw new Error('bench: no slots in the week');

function run(name, opts) {
  return new Promise((resolve, reject) => {
    autocannon({ duration, connections, ...opts }, (err, result) => (err ? reject(err) : resolve({ name, result })));
  });
}

let firstFailure = '';
const results = [];
results.push(await run('bare Hono GET /hello', { url: `${bare.url}/hello` }));
results.push(await run(`GET availability (1 week, ${check.slots.length} slots)`, { url: api.url + availabilityPath }));
results.push(
  await run('POST /api/messages (bearer, new key each)', {
    url: api.url,
    requests: [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ to: 'olena-kovalenko', subject: 'Benchmark', body: 'A message written by the benchmark.' }),
        // A fresh Idempotency-Key per request, as a widget sends one per message.
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }),
        onResponse: (status, body) => {
          if (status >= 300 && !firstFailure) firstFailure = `${status} ${body}`;
        },
      },
    ],
  }),
);

await close(api.server);
await close(bare.server);
const messages = store.db.prepare('SELECT count(*) FROM messages').pluck().get();
store.close();
rmSync(dir, { recursive: true, force: true });

const base = results[0].result.requests.average;
console.log(`\nhearth server benchmark: ${duration} s each, ${connections} connections, loopback, Node ${process.version}\n`);
console.log('| run | requests/s | p99 latency | vs hello | non-2xx | errors |');
console.log('|---|---:|---:|---:|---:|---:|');
let bad = false;
for (const { name, result: r } of results) {
  const rps = r.requests.average;
  console.log(`| ${name} | ${Math.round(rps).toLocaleString('en')} | ${r.latency.p99} ms | ${(rps / base).toFixed(2)}× | ${r.non2xx} | ${r.errors + r.timeouts} |`);
  if (r.non2xx || r.errors || r.timeouts) bad = true;
}
console.log(`\n${messages.toLocaleString('en')} messages stored.`);
if (bad) {
  console.error(`bench: some requests failed${firstFailure ? `, e.g. ${firstFailure.slice(0, 300)}` : ''}`);
  process.exitCode = 1;
}
