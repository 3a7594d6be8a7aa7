// Races over a real socket: the database, not read-then-write, decides who gets a slot, and one
// Idempotency-Key makes one record however many copies arrive at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { attempt, booking, createTestApp, newKey, OLENA_SLOT, type TestApp } from './helpers.js';
import { checkResponse } from './contract.js';

describe('concurrency', () => {
  let t: TestApp;
  let server: ServerType;
  let base: string;

  before(async () => {
    t = await createTestApp({ config: { bookingsPerHour: 10_000, messagesPerMinute: 10_000, log: false } });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (path: string, json: unknown, headers: Record<string, string>) =>
    fetch(base + path, { method: 'POST', body: JSON.stringify(json), headers: { 'Content-Type': 'application/json', ...headers } });

  test('100 simultaneous bookings of one slot: exactly one 201 and 99 × 409', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => post('/api/consultations', booking({ email: `racer${i}@example.org`, name: `Racer ${i}` }), { 'Idempotency-Key': newKey() })),
    );
    const checked = await Promise.all(responses.map((r) => checkResponse('POST', '/api/consultations', r)));
    const statuses = checked.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 409).length, 99);
    for (const r of checked.filter((r) => r.status === 409)) assert.match(r.body.type, /\/slot-taken$/);
    const active = (await t.scalar('SELECT count(*) FROM bookings WHERE start = ? AND cancelled_at IS NULL', [OLENA_SLOT]));
    assert.equal(active, 1);
  });

  test('one booking sent 20 times in parallel with one Idempotency-Key: one record, 20 identical answers', async () => {
    const key = newKey();
    const json = booking({ start: '2026-06-02T07:00:00Z', email: 'same@example.org' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => post('/api/consultations', json, { 'Idempotency-Key': key })));
    const checked = await Promise.all(responses.map((r) => checkResponse('POST', '/api/consultations', r)));
    assert.deepEqual(new Set(checked.map((r) => r.status)), new Set([201]));
    assert.equal(new Set(checked.map((r) => r.text)).size, 1, 'same body every time');
    assert.equal(checked.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 19);
    assert.equal((await t.scalar("SELECT count(*) FROM bookings WHERE email = 'same@example.org'")), 1);
  });

  test('one message sent 20 times in parallel with one Idempotency-Key: one record', async () => {
    const a = attempt();
    const login = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ email: 'demo@example.com', password: 'demo1234', origin: base, challenge: a.challenge }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    });
    const code = /data-code="([^"]+)"/.exec(await login.text())![1]!;
    const exchanged = await post('/api/session/token', { code, verifier: a.verifier }, { Origin: base });
    const { token } = (await exchanged.json()) as { token: string };
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post('/api/messages', { body: 'Once, please.' }, { 'Idempotency-Key': key, Authorization: `Bearer ${token}` })),
    );
    const checked = await Promise.all(responses.map((r) => checkResponse('POST', '/api/messages', r)));
    assert.deepEqual(new Set(checked.map((r) => r.status)), new Set([201]));
    assert.equal(new Set(checked.map((r) => r.body.id)).size, 1);
    assert.equal((await t.scalar('SELECT count(*) FROM messages WHERE id = ?', [checked[0]!.body.id])), 1);
    assert.equal((await t.scalar('SELECT count(*) FROM messages')), 1);
    assert.equal((await t.scalar('SELECT count(*) FROM idempotency_keys')) as number >= 2, true);
  });
});
