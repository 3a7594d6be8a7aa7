// Encryption at rest (issue 12): message bodies and booking notes are AES-256-GCM under the data
// key; the database never holds them in clear (on SQLite and, with HEARTH_TEST_DB=postgres, on
// PostgreSQL); plaintext rows of older databases still read; `npm run admin -- rotate-key`
// re-encrypts everything under the new key.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booking, checked, createTestApp, newKey, sharedTestDatabase, signInBearer } from './helpers.js';
import { createBox, demoDataKey, keyIdOf, parseDataKey } from '../../server/src/crypto-box.js';
import { DEMO_USER } from '../../server/src/seed.js';
import type { Store } from '../../server/src/store/index.js';

const SECRET = 'I would like to talk about sleep';

describe('crypto-box', () => {
  test('seals with a version prefix and the key id; opens; plaintext of older rows reads as it is', () => {
    const key = randomBytes(32);
    const box = createBox(key);
    const sealed = box.seal(SECRET, 'message');
    assert.match(sealed, new RegExp(`^hb1\\.${keyIdOf(key)}\\.[A-Za-z0-9_-]+$`));
    assert.notEqual(box.seal(SECRET, 'message'), sealed, 'a fresh IV each time');
    assert.equal(box.open(sealed, 'message'), SECRET);
    assert.equal(box.open('written before encryption', 'message'), 'written before encryption');
    assert.equal(box.isStale(sealed), false);
    assert.equal(box.isStale('plain'), true);
  });

  test('the purpose is authenticated; a tampered value or an unknown key does not open', () => {
    const box = createBox(randomBytes(32));
    const sealed = box.seal(SECRET, 'message');
    assert.throws(() => box.open(sealed, 'booking-note'));
    const at = sealed.length - 2; // a character whose bits are all payload
    const flipped = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    assert.throws(() => box.open(flipped, 'message'));
    assert.throws(() => createBox(randomBytes(32)).open(sealed, 'message'), /neither HEARTH_DATA_KEY nor HEARTH_DATA_KEY_PREVIOUS/);
  });

  test('after a rotation the previous key still opens; what it sealed is stale', () => {
    const old = randomBytes(32);
    const sealed = createBox(old).seal(SECRET, 'message');
    const rotated = createBox(randomBytes(32), [old]);
    assert.equal(rotated.open(sealed, 'message'), SECRET);
    assert.equal(rotated.isStale(sealed), true);
  });

  test('keys are 32 bytes of base64', () => {
    assert.equal(parseDataKey(randomBytes(32).toString('base64'), 'K').length, 32);
    for (const bad of ['', 'c2hvcnQ=', randomBytes(31).toString('base64'), randomBytes(33).toString('base64'), 'not base64 at all!'])
      assert.throws(() => parseDataKey(bad, 'HEARTH_DATA_KEY'), /HEARTH_DATA_KEY: expected 32 random bytes in base64 \(make one with: openssl rand -base64 32\)/);
  });

  test('the demo key: created once beside the database file, mode 0600; in-memory databases get a per-process key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-key-'));
    try {
      const first = demoDataKey(join(dir, 'data', 'hearth.db'));
      assert.equal(first.file, join(dir, 'data', 'hearth.key'));
      assert.equal(statSync(first.file!).mode & 0o777, 0o600);
      assert.equal(parseDataKey(readFileSync(first.file!, 'utf8'), 'file').toString('hex'), first.key.toString('hex'));
      assert.deepEqual(demoDataKey(join(dir, 'data', 'hearth.db')).key, first.key, 'the same key at the next start');
      const memory = demoDataKey(':memory:');
      assert.equal(memory.file, undefined);
      assert.deepEqual(demoDataKey(':memory:').key, memory.key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('at rest', () => {
  test('no row of the database holds a message body, a reply or a booking note in clear', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await signInBearer(t)}` };
    const sent = await checked(t, 'POST', '/api/messages', '/api/messages', { json: { to: 'olena-kovalenko', body: SECRET }, headers: { ...auth, 'Idempotency-Key': newKey() } });
    assert.equal(sent.status, 201);
    const reply = await checked(t, 'POST', '/api/conversations/{conversationId}/messages', `/api/conversations/${sent.body.conversationId}/messages`, {
      json: { body: 'A follow-up about insomnia' },
      headers: { ...auth, 'Idempotency-Key': newKey() },
    });
    assert.equal(reply.status, 201);
    const booked = await checked(t, 'POST', '/api/consultations', '/api/consultations', { json: booking({ note: 'Panic attacks at night' }), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(booked.status, 201);
    const dump = JSON.stringify([...(await t.store.query('SELECT * FROM messages')), ...(await t.store.query('SELECT * FROM bookings'))]);
    for (const words of ['talk about sleep', 'insomnia', 'Panic attacks']) assert.ok(!dump.includes(words), `${words} in ${t.store.kind}`);
    assert.equal((await t.store.query<{ body: string }>('SELECT body FROM messages')).filter((r) => !r.body.startsWith('hb1.')).length, 0);
    // …and the API still reads them.
    const thread = await checked(t, 'GET', '/api/conversations/{conversationId}', `/api/conversations/${sent.body.conversationId}`, { headers: auth });
    assert.deepEqual(thread.body.messages.map((m: { body: string }) => m.body), [SECRET, 'A follow-up about insomnia']);
    const list = await checked(t, 'GET', '/api/conversations', '/api/conversations', { headers: auth });
    assert.equal(list.body.items[0].preview, 'A follow-up about insomnia');
  });

  test('a plaintext body from before encryption still reads', async () => {
    const t = await createTestApp();
    const auth = { Authorization: `Bearer ${await signInBearer(t)}` };
    const sent = await checked(t, 'POST', '/api/messages', '/api/messages', { json: { body: 'sealed' }, headers: { ...auth, 'Idempotency-Key': newKey() } });
    await t.store.query('UPDATE messages SET body = ? WHERE id = ?', ['an old plaintext row', sent.body.id]);
    const thread = await checked(t, 'GET', '/api/conversations/{conversationId}', `/api/conversations/${sent.body.conversationId}`, { headers: auth });
    assert.equal(thread.body.messages[0].body, 'an old plaintext row');
  });
});

describe('npm run admin -- rotate-key', () => {
  const ADMIN = new URL('../../server/src/admin.ts', import.meta.url).pathname;
  let env: Record<string, string>;
  let store: Store;
  let cleanup: () => Promise<void>;

  before(async () => {
    ({ env, store, cleanup } = await sharedTestDatabase('rotate'));
  });
  after(() => cleanup());

  const run = (args: string[], keys: Record<string, string>) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ADMIN, ...args], {
      env: { ...process.env, HEARTH_LOG: '0', HEARTH_DEMO: '0', HEARTH_DATA_KEY: '', HEARTH_DATA_KEY_PREVIOUS: '', ...env, ...keys },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  };

  test('re-encrypts bodies under the old key and plaintext rows under the new one; a second run changes nothing', async () => {
    const oldKey = randomBytes(32);
    const newKey_ = randomBytes(32);
    const old = createBox(oldKey);
    const at = '2026-06-01T00:00:00Z';
    for (const [id, body] of [['m-a', old.seal('first', 'message')], ['m-b', 'plain from an old demo'], ['m-c', old.seal('third', 'message')]] as const)
      await store.messages.insert({ id, userId: DEMO_USER.id, body, createdAt: at });
    const b64 = (k: Buffer) => k.toString('base64');

    const missing = await run(['rotate-key'], { HEARTH_DATA_KEY: b64(newKey_) });
    assert.equal(missing.code, 1, 'without the previous key, values sealed under it cannot be opened');
    assert.match(missing.stderr, /neither HEARTH_DATA_KEY nor HEARTH_DATA_KEY_PREVIOUS/);

    const r = await run(['rotate-key'], { HEARTH_DATA_KEY: b64(newKey_), HEARTH_DATA_KEY_PREVIOUS: b64(oldKey) });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /re-encrypted 3 messages\.body, 0 bookings\.note/);
    const rows = await store.query<{ id: string; body: string }>('SELECT id, body FROM messages ORDER BY id');
    const onlyNew = createBox(newKey_);
    assert.deepEqual(rows.map((x) => onlyNew.open(x.body, 'message')), ['first', 'plain from an old demo', 'third']);
    assert.ok(rows.every((x) => !onlyNew.isStale(x.body)));

    const again = await run(['rotate-key'], { HEARTH_DATA_KEY: b64(newKey_) });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /re-encrypted 0 messages\.body/);
  });

  test('without HEARTH_DATA_KEY it says what to set (exit 2); a malformed key is refused (exit 2)', async () => {
    const none = await run(['rotate-key'], {});
    assert.equal(none.code, 2);
    assert.match(none.stderr, /set HEARTH_DATA_KEY to the new key/);
    const bad = await run(['rotate-key'], { HEARTH_DATA_KEY: 'short' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /HEARTH_DATA_KEY: expected 32 random bytes/);
  });
});
