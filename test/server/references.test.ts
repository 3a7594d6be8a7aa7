import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checked, createTestApp } from './helpers.js';

const T = '/api/references/{listId}';

describe('GET /api/references/{listId}', () => {
  test('the seeded essay list equals demo/refs.json, annotations included', async () => {
    const t = await createTestApp();
    const r = await checked(t, 'GET', T, '/api/references/essay');
    assert.equal(r.status, 200);
    const expected = JSON.parse(readFileSync(new URL('../../demo/refs.json', import.meta.url), 'utf8'));
    assert.deepEqual(r.body, expected);
    assert.ok(r.body.every((i: { annotation?: string }) => typeof i.annotation === 'string'));
  });

  test('unknown or malformed list ids: 404 problem', async () => {
    const t = await createTestApp();
    for (const id of ['nope', 'x'.repeat(65), '%00', 'a.b', '..']) {
      const r = await checked(t, 'GET', T, `/api/references/${id}`).catch(() => undefined);
      if (r) assert.equal(r.status, 404, id);
    }
    assert.equal((await checked(t, 'GET', T, '/api/references/nope')).body.status, 404);
  });

  test('a list added through the store is served', async () => {
    const t = await createTestApp();
    await t.store.references.put('other', [{ id: 'a', title: 'A' }]);
    assert.deepEqual((await checked(t, 'GET', T, '/api/references/other')).body, [{ id: 'a', title: 'A' }]);
  });
});
