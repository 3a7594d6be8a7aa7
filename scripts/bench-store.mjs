// Times the store itself, without HTTP: 1,000 `bookings.bookedStarts` (a week with bookings in it)
// and 1,000 `messages.insert`, one after another and 50 at a time, on SQLite (a file in the temp
// folder, WAL, as the server runs it) and on PostgreSQL (a fresh schema, dropped afterwards).
//   node --import tsx scripts/bench-store.mjs      (HEARTH_TEST_DATABASE_URL overrides the local server)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresStore } from '../server/src/store/postgres.ts';
import { createSqliteStore } from '../server/src/store/sqlite.ts';

const N = 1000;
const PARALLEL = 50;
const url = process.env.HEARTH_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const T = Date.parse('2030-06-03T00:00:00Z');

async function seed(store) {
  const userId = randomUUID();
  await store.accounts.createUser({ id: userId, name: 'Bench', email: `${userId}@example.org`, passwordHash: 'x', createdAt: iso(T) });
  await store.specialists.upsert({ id: 'bench', name: 'B', title: 'T', timeZone: 'UTC', schedule: [] }, 0);
  await store.transaction(async (tx) => {
    for (let day = 0; day < 28; day++)
      for (let hour = 9; hour < 17; hour++) {
        const start = T + day * 86_400_000 + hour * 3_600_000;
        await tx.bookings.insert({
          id: randomUUID(), specialistId: 'bench', start: iso(start), end: iso(start + 50 * 60_000), name: 'N', email: 'n@example.org',
          timeZone: 'UTC', consentAt: iso(T), consentVersion: '1', manageHash: randomUUID(), createdAt: iso(T),
        });
      }
  });
  return userId;
}

async function time(label, n, parallel, call) {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < n) await call(next++);
  }));
  const ms = performance.now() - started;
  return { label, parallel, totalMs: Math.round(ms), perSecond: Math.round((n * 1000) / ms) };
}

async function run(name, store) {
  const userId = await seed(store);
  const rows = [];
  for (const parallel of [1, PARALLEL]) {
    rows.push(await time('bookings.bookedStarts (a week: 40 rows)', N, parallel, (i) =>
      store.bookings.bookedStarts('bench', iso(T + (i % 21) * 86_400_000), iso(T + (i % 21) * 86_400_000 + 7 * 86_400_000))));
    rows.push(await time('messages.insert', N, parallel, () =>
      store.messages.insert({ id: randomUUID(), userId, subject: 'S', body: 'A message body of a typical length. '.repeat(8), createdAt: iso(Date.now()) })));
  }
  for (const r of rows) console.log(`${name.padEnd(10)} ${r.label.padEnd(42)} ×${N}, ${String(r.parallel).padStart(2)} at a time: ${String(r.totalMs).padStart(6)} ms  (${r.perSecond}/s)`);
}

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
const sqlite = createSqliteStore(join(dir, 'bench.db'));
try {
  await run('sqlite', sqlite);
} finally {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}

const schema = `hearth_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
try {
  await admin.connect();
} catch (e) {
  console.log(`postgres   skipped (${e.message})`);
  process.exit(0);
}
await admin.query(`CREATE SCHEMA ${schema}`);
const postgres = await createPostgresStore(`${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`, { max: 10 });
try {
  await run('postgres', postgres);
} finally {
  await postgres.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
