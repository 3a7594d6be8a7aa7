// GET /api/health (server/src/routes/health.ts): 200 when the store's ping answers, 503 when it
// rejects, throws or hangs past the timeout; never cached; answers checked against openapi.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv, Deps, Router } from '../../server/src/http.js';
import { healthRoutes } from '../../server/src/routes/health.js';
import { createSqliteStore } from '../../server/src/store/index.js';
import { checkResponse } from './contract.js';

function healthApp(store: Pick<Deps['store'], 'ping'>, options?: { timeoutMs?: number }) {
  const app = new Hono<AppEnv>();
  const router: Router = { on: (method, path, handler) => void app.on(method, path, handler) };
  healthRoutes(router, { store: store as Deps['store'] }, options);
  return app;
}

async function health(app: Hono<AppEnv>) {
  return checkResponse('GET', '/api/health', await app.request('/api/health'));
}

/** Runs `fn` with console.error captured (the route reports outages there). */
async function quietly<T>(fn: () => Promise<T>): Promise<{ result: T; errors: string[] }> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args.join(' '));
  try {
    return { result: await fn(), errors };
  } finally {
    console.error = original;
  }
}

test('a real SQLite store: 200 {status: "ok", db: "ok"}, Cache-Control: no-store', async () => {
  const store = createSqliteStore(':memory:');
  try {
    const res = await health(healthApp(store));
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { status: 'ok', db: 'ok' });
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  } finally {
    await store.close();
  }
});

test('a store whose ping rejects: 503 {status: "error", db: "unreachable"}, nothing about the error in the answer', async () => {
  const secret = 'connect ECONNREFUSED 10.0.0.5:5432 password=hunter2';
  const { result: res, errors } = await quietly(() => health(healthApp({ ping: () => Promise.reject(new Error(secret)) })));
  assert.equal(res.status, 503);
  assert.deepEqual(res.body, { status: 'error', db: 'unreachable' });
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.ok(res.headers.get('retry-after'));
  assert.ok(!res.text.includes('ECONNREFUSED'));
  assert.equal(errors.length, 1, 'the reason goes to stderr');
});

test('a ping that throws synchronously, or hangs past the timeout: 503; then back to 200 when it answers', async () => {
  let mode: 'throw' | 'hang' | 'ok' = 'throw';
  const store = {
    ping(): Promise<void> {
      if (mode === 'throw') throw new Error('pool destroyed');
      if (mode === 'hang') return new Promise(() => {});
      return Promise.resolve();
    },
  };
  const app = healthApp(store, { timeoutMs: 50 });
  const { errors } = await quietly(async () => {
    assert.equal((await health(app)).status, 503);
    mode = 'hang';
    const t0 = Date.now();
    assert.equal((await health(app)).status, 503);
    assert.ok(Date.now() - t0 < 1_000, 'answers at the timeout, not when the database does');
    mode = 'ok';
    assert.equal((await health(app)).status, 200);
  });
  assert.equal(errors.length, 2, 'one line when the outage starts, one when it ends');
});
