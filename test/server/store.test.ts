import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, migrate, SlotTakenError } from '../../server/src/store.js';
import { migrations } from '../../server/src/migrations.js';
import { seedDemoData } from '../../server/src/seed.js';

describe('store', () => {
  test('creates the file and its folder, applies migrations once, seeds once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-db-'));
    const path = join(dir, 'nested', 'folder', 'hearth.db');
    try {
      let store = createSqliteStore(path);
      assert.ok(existsSync(path));
      const versions = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      assert.deepEqual(versions, migrations.map((m) => m.version));
      seedDemoData(store);
      seedDemoData(store);
      assert.equal(store.db.prepare('SELECT count(*) FROM users').pluck().get(), 1);
      assert.equal(store.listSpecialists().length, 2);
      store.close();
      store = createSqliteStore(path);
      assert.deepEqual(migrate(store.db), [], 'nothing left to apply');
      seedDemoData(store);
      assert.equal(store.db.prepare('SELECT count(*) FROM users').pluck().get(), 1);
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the partial unique index: one active booking per slot, a cancelled one frees it', () => {
    const store = createSqliteStore(':memory:');
    seedDemoData(store);
    const b = (id: string) => ({
      id,
      specialistId: 'sam-rivera',
      start: '2026-06-02T14:00:00Z',
      end: '2026-06-02T14:30:00Z',
      name: 'N',
      email: 'e@example.org',
      timeZone: 'UTC',
      consentAt: '2026-06-01T00:00:00Z',
      consentVersion: 'consent-v1',
      manageHash: id.padEnd(64, '0'),
      createdAt: '2026-06-01T00:00:00Z',
    });
    store.insertBooking(b('a'));
    assert.throws(() => store.insertBooking(b('b')), SlotTakenError);
    store.cancelBooking('a', '2026-06-01T01:00:00Z');
    store.insertBooking(b('c'));
    assert.deepEqual(store.bookedStarts('sam-rivera', '2026-06-02T00:00:00Z', '2026-06-03T00:00:00Z'), ['2026-06-02T14:00:00Z']);
    store.close();
  });
});
