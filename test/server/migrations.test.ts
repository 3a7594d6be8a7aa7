// The two dialects' migrations stay in step: same versions, same names, same tables and columns;
// PostgreSQL's run once even when several processes start together.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { TEST_DATABASE_URL, whyNoPostgres } from './postgres.js';
import { migratePostgres, migrations as postgresMigrations } from '../../server/src/store/migrations-postgres.js';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

// The SQLite side may be mid-move while both are written: skip, saying why, rather than fail.
const sqlite = await import('../../server/src/store/migrations-sqlite.js').then(
  (m: { migrations: Migration[] }) => ({ migrations: m.migrations, skip: false as const }),
  (e: Error) => ({ migrations: [] as Migration[], skip: `migrations-sqlite.ts not loadable: ${e.message}` }),
);

const url = TEST_DATABASE_URL;
const skipPostgres = (await whyNoPostgres()) ?? false;
console.log(`migrations: postgres ${skipPostgres ? `skipped (${skipPostgres})` : 'ran'}`);

const listOf = (ms: Migration[]) => ms.map(({ version, name }) => ({ version, name }));

/** An in-memory SQLite database migrated to just before `version`, with `rows` (SQL) written, then migrated on. */
async function sqliteAcross(version: number, rows: string) {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(':memory:');
  for (const m of sqlite.migrations.filter((x) => x.version < version)) db.exec(m.sql);
  db.exec(rows);
  for (const m of sqlite.migrations.filter((x) => x.version >= version)) db.exec(m.sql);
  return db;
}

/** The same on PostgreSQL, in a schema of its own: `check` reads through the client, then the schema is dropped. */
async function postgresAcross(version: number, rows: string, check: (client: pg.Client) => Promise<void>): Promise<void> {
  const schema = `hearth_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(url);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    for (const m of postgresMigrations.filter((x) => x.version < version)) await client.query(m.sql);
    await client.query(rows);
    for (const m of postgresMigrations.filter((x) => x.version >= version)) await client.query(m.sql);
    await check(client);
  } finally {
    await client.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

describe('migrations', () => {
  it('PostgreSQL’s and SQLite’s have the same versions and names, in order', { skip: sqlite.skip }, () => {
    assert.deepEqual(listOf(postgresMigrations), listOf(sqlite.migrations));
    assert.deepEqual(
      postgresMigrations.map((m) => m.version),
      postgresMigrations.map((_, i) => i + 1),
      'versions are 1, 2, 3, … without gaps',
    );
  });

  it('both build the same tables with the same columns', { skip: sqlite.skip || skipPostgres }, async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    for (const m of sqlite.migrations) db.exec(m.sql);
    const sqliteTables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter(
      (t) => !t.startsWith('sqlite_'),
    );
    const sqliteColumns = Object.fromEntries(
      sqliteTables.map((t) => [t, (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY name`).pluck().all(t) as string[])]),
    );
    db.close();

    const schema = `hearth_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client(url);
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
    try {
      await migratePostgres(pool);
      const rows = (
        await admin.query<{ table_name: string; column_name: string }>(
          'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, column_name',
          [schema],
        )
      ).rows.filter((r) => r.table_name !== 'schema_migrations');
      const pgColumns: Record<string, string[]> = {};
      for (const r of rows) (pgColumns[r.table_name] ??= []).push(r.column_name);
      assert.deepEqual(pgColumns, sqliteColumns);
    } finally {
      await pool.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });

  it('PostgreSQL: three processes migrating at once apply each version once; a second run applies nothing', { skip: skipPostgres }, async () => {
    const schema = `hearth_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client(url);
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const pools = [1, 2, 3].map(() => new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 1 }));
    try {
      const applied = await Promise.all(pools.map(migratePostgres));
      assert.deepEqual(applied.flat().sort((a, b) => a - b), postgresMigrations.map((m) => m.version));
      assert.deepEqual(await migratePostgres(pools[0]!), []);
      const recorded = await admin.query(`SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`);
      assert.deepEqual(recorded.rows, listOf(postgresMigrations));
    } finally {
      await Promise.all(pools.map((p) => p.end()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });

  it('PostgreSQL: a failing migration leaves nothing half-applied and releases the lock', { skip: skipPostgres }, async () => {
    const schema = `hearth_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client(url);
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    // A table in the way of version 1: its CREATE TABLE messages fails after users and sessions were created.
    await admin.query(`CREATE TABLE ${schema}.messages (x int)`);
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
    try {
      await assert.rejects(migratePostgres(pool), /already exists/);
      const tables = await admin.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
      assert.deepEqual(tables.rows.map((r: { table_name: string }) => r.table_name), ['messages', 'schema_migrations'], 'users and sessions rolled back');
      await admin.query(`DROP TABLE ${schema}.messages`);
      assert.deepEqual(await migratePostgres(pool), postgresMigrations.map((m) => m.version), 'the lock was released');
    } finally {
      await pool.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});

describe('migration 6 (conversations)', () => {
  // Messages written before conversations: one conversation per visitor and recipient (an unknown recipient: the team), numbered in order.
  const before = `
    INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@example.org', 'A', 'x', '2026-01-01T00:00:00Z');
    INSERT INTO specialists (id, name, title, time_zone, schedule) VALUES ('s1', 'S', 'T', 'UTC', '[]');
    INSERT INTO messages (id, user_id, recipient, subject, body, page_url, created_at) VALUES
      ('m1', 'u1', 's1', NULL, 'one', NULL, '2026-01-01T00:00:01Z'),
      ('m2', 'u1', 's1', NULL, 'two', NULL, '2026-01-01T00:00:02Z'),
      ('m3', 'u1', 'somebody', NULL, 'three', NULL, '2026-01-01T00:00:03Z'),
      ('m4', 'u1', NULL, NULL, 'four', NULL, '2026-01-01T00:00:04Z');`;
  const check = (rows: Array<Record<string, unknown>>) => {
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    assert.equal(byId.m1!.conversation_id, byId.m2!.conversation_id);
    assert.equal(byId.m3!.conversation_id, byId.m4!.conversation_id, 'unknown recipients and none: the team');
    assert.notEqual(byId.m1!.conversation_id, byId.m3!.conversation_id);
    assert.deepEqual(rows.map((r) => Number(r.seq)), [1, 2, 1, 2]);
  };
  const query = 'SELECT m.id, m.conversation_id, m.seq, c.specialist_id, c.message_count, c.last_activity_at FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY m.id';

  it('SQLite: existing messages are grouped into conversations', { skip: sqlite.skip }, async () => {
    const db = await sqliteAcross(6, before);
    const rows = db.prepare(query).all() as Array<Record<string, unknown>>;
    check(rows);
    assert.equal(rows[0]!.specialist_id, 's1');
    assert.equal(rows[3]!.specialist_id, null);
    assert.equal(rows[3]!.last_activity_at, '2026-01-01T00:00:04Z');
    db.close();
  });

  it('PostgreSQL: existing messages are grouped into conversations', { skip: skipPostgres }, async () => {
    await postgresAcross(6, before, async (client) => {
      const rows = (await client.query(query)).rows as Array<Record<string, unknown>>;
      check(rows);
      assert.equal(Number(rows[0]!.message_count), 2);
    });
  });
});

describe('migration 12 (deliveries: finished_at)', () => {
  // Rows of the outbox before finished_at: a sent one, one failed for good, one pending.
  const before = `
    INSERT INTO deliveries (id, kind, payload, status, attempts, next_attempt_at, created_at, sent_at) VALUES
      ('sent', 'mail', '{}', 'sent', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:05.000Z'),
      ('failed', 'webhook', '{}', 'failed-permanently', 9, '2026-01-01T20:00:00.000Z', '2026-01-01T00:00:00.000Z', NULL),
      ('pending', 'webhook', '{}', 'pending', 0, '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL);`;
  const query = 'SELECT id, finished_at FROM deliveries ORDER BY id';
  const expected = [
    { id: 'failed', finished_at: '2026-01-01T20:00:00.000Z' },
    { id: 'pending', finished_at: null },
    { id: 'sent', finished_at: '2026-01-01T00:00:05.000Z' },
  ];
  // The purge's statement (store/deliveries.ts: purgeFinished).
  const purge = (p: string) =>
    `DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE finished_at < ${p} AND status IN ('sent', 'failed-permanently') ORDER BY finished_at LIMIT 1000)`;

  it('SQLite: finished rows get their sent_at or last attempt, pending rows none; the purge reads the index', { skip: sqlite.skip }, async () => {
    const db = await sqliteAcross(12, before);
    assert.deepEqual(db.prepare(query).all(), expected);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${purge('?')}`).all('2026-02-01T00:00:00.000Z') as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    assert.match(plan, /USING INDEX deliveries_finished/, plan);
    db.close();
  });

  it('PostgreSQL: finished rows get their sent_at or last attempt, pending rows none; the purge can read the index', { skip: skipPostgres }, async () => {
    await postgresAcross(12, before, async (client) => {
      assert.deepEqual((await client.query(query)).rows, expected);
      // Three rows are cheaper to scan: forbid that, to see that the index answers the purge's condition.
      await client.query('SET enable_seqscan = off');
      const plan = (await client.query(`EXPLAIN ${purge("'2026-02-01T00:00:00.000Z'")}`)).rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      assert.match(plan, /deliveries_finished/, plan);
    });
  });
});
