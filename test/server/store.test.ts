// The SQLite store's file handling and migrations (the behaviour both stores share is in
// store-contract.test.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, migrateSqlite } from '../../server/src/store/sqlite.js';
import { migrations } from '../../server/src/store/migrations-sqlite.js';
import { seedDemoData } from '../../server/src/seed.js';

describe('SQLite store', () => {
  test('creates the file and its folder, applies migrations once, seeds once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-db-'));
    const path = join(dir, 'nested', 'folder', 'hearth.db');
    try {
      let store = createSqliteStore(path);
      assert.ok(existsSync(path));
      assert.deepEqual(store.applied, migrations.map((m) => m.version));
      const versions = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      assert.deepEqual(versions, migrations.map((m) => m.version));
      await seedDemoData(store);
      await seedDemoData(store);
      assert.equal(store.db.prepare('SELECT count(*) FROM users').pluck().get(), 3, 'the demo visitor, admin and specialist');
      assert.equal((await store.specialists.list()).length, 2);
      await store.close();
      store = createSqliteStore(path);
      assert.deepEqual(store.applied, [], 'nothing left to apply');
      assert.deepEqual(migrateSqlite(store.db), []);
      await seedDemoData(store);
      assert.equal(store.db.prepare('SELECT count(*) FROM users').pluck().get(), 3, 'the demo visitor, admin and specialist');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two stores on one file (two processes): transactions wait for each other instead of failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-db-'));
    const path = join(dir, 'hearth.db');
    try {
      const a = createSqliteStore(path);
      const b = createSqliteStore(path);
      await seedDemoData(a);
      const take = (s: typeof a) => s.limits.take([['shared', 10]], 60_000, Date.parse('2026-06-01T00:00:00Z'));
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => take(i % 2 ? a : b)));
      assert.equal(answers.filter((x) => x.ok).length, 10);
      await a.close();
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
