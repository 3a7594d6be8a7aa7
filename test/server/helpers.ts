// A fresh in-process app on a :memory: database per test file, and request helpers.
import assert from 'node:assert/strict';
import { createApp, type AppOptions } from '../../server/src/app.js';
import { defaultConfig, type Config } from '../../server/src/config.js';
import { seedDemoData, DEMO_USER } from '../../server/src/seed.js';
import { createSqliteStore, openStore, type Store } from '../../server/src/store/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkResponse, type Checked } from './contract.js';
import { memoryMailer, type Mail } from '../../server/src/mail.js';
import { createHash, randomBytes } from 'node:crypto';

export { DEMO_USER };
export const ORIGIN = 'http://localhost'; // app.request's base URL: the server's own origin in tests
export const PARTNER = 'https://partner.example';

/** Monday 1 June 2026, 00:00 UTC: Kyiv is UTC+3, New York UTC−4. */
export const NOW = new Date('2026-06-01T00:00:00Z');
/** Tuesday 09:00 in Kyiv: a slot of Dr. Kovalenko. */
export const OLENA_SLOT = '2026-06-02T06:00:00Z';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  config: Config;
  logs: string[];
  /** The app's clock; tests may move it. */
  clock: { now: Date };
  /** Every mail the app sent. */
  mail: Mail[];
  /** The first column of the first row of a query (`?` placeholders), counts as numbers. */
  scalar(sql: string, params?: unknown[]): Promise<unknown>;
  /** The first column of every row. */
  column(sql: string, params?: unknown[]): Promise<unknown[]>;
  /** The first row. */
  row(sql: string, params?: unknown[]): Promise<Record<string, unknown> | undefined>;
}

/**
 * The database of the app under test: a fresh in-memory SQLite database, or with
 * `HEARTH_TEST_DB=postgres` (npm test's second pass over the server suites) one PostgreSQL schema
 * per test process (`hearth_t_<pid>_…`, at HEARTH_TEST_DATABASE_URL or the local server), emptied
 * for each app. npm test drops those schemas afterwards.
 */
export const TEST_DB: 'sqlite' | 'postgres' = process.env.HEARTH_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
let postgres: Promise<Store> | undefined;

async function openTestStore(): Promise<Store> {
  if (TEST_DB === 'sqlite') return createSqliteStore(':memory:');
  postgres ??= (async () => {
    const { createPostgresStore } = await import('../../server/src/store/postgres.js');
    const { freshSchema } = await import('./postgres.js');
    const schema = await freshSchema(`hearth_t_${process.pid}`);
    return createPostgresStore(schema.url, { pool: { allowExitOnIdle: true } });
  })();
  const store = await postgres;
  const tables = await store.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'");
  await store.query(`TRUNCATE ${tables.map((t) => t.tablename).join(', ')} CASCADE`);
  return store;
}

/** PostgreSQL counts are bigints, which `pg` gives as strings. */
const numeric = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);

/**
 * A fresh app on a fresh database, seeded with the demo data: in-memory SQLite, or (for the suites
 * that run on both databases, with `store` given) the store the caller opened.
 */
export async function createTestApp(o: { config?: Partial<Config>; staticRoots?: AppOptions['staticRoots']; store?: Store } = {}): Promise<TestApp> {
  const store = o.store ?? (await openTestStore());
  await seedDemoData(store, NOW);
  const config: Config = { ...defaultConfig, dbPath: ':memory:', allowedOrigins: [PARTNER], log: true, ...o.config };
  const logs: string[] = [];
  const clock = { now: NOW };
  const mailer = memoryMailer();
  const app = createApp({ store, config, now: () => clock.now, staticRoots: o.staticRoots, log: (l) => logs.push(l), mailer });
  const firstColumn = (row: Record<string, unknown> | undefined) => (row ? numeric(Object.values(row)[0]) : undefined);
  return {
    app,
    store,
    config,
    logs,
    clock,
    mail: mailer.sent,
    scalar: async (sql, params) => firstColumn((await store.query(sql, params))[0]),
    column: async (sql, params) => (await store.query(sql, params)).map(firstColumn),
    row: async (sql, params) => (await store.query(sql, params))[0],
  };
}

export interface CallOptions {
  json?: unknown;
  body?: RequestInit['body'];
  headers?: Record<string, string>;
  /** The socket address (the app reads it from the node-server binding). */
  ip?: string;
}

let keys = 0;
export const newKey = () => `test-key-${process.pid}-${++keys}-${Math.random().toString(36).slice(2)}`;

export function call(t: TestApp, method: string, path: string, o: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...o.headers };
  let body = o.body;
  if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    headers['Content-Type'] ??= 'application/json';
  }
  const env = { incoming: { socket: { remoteAddress: o.ip ?? '127.0.0.1' } } };
  return Promise.resolve(t.app.request(path, { method, headers, body }, env));
}

/** Calls and checks the answer against openapi.yaml for that operation. */
export async function checked(t: TestApp, method: string, template: string, path: string, o: CallOptions = {}): Promise<Checked> {
  return checkResponse(method, template, await call(t, method, path, o));
}

/** Signs the demo visitor in through the form; returns the Cookie header value. */
export async function signInCookie(t: TestApp): Promise<string> {
  const res = await call(t, 'POST', '/login', {
    body: new URLSearchParams({ email: DEMO_USER.email, password: DEMO_USER.password }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
  });
  assert.equal(res.status, 303);
  const cookie = res.headers.get('set-cookie');
  assert.ok(cookie);
  return cookie.split(';')[0]!;
}

/** A widget's sign-in attempt: a random verifier, its base64url SHA-256 as challenge, a random state. */
export function attempt(): { verifier: string; challenge: string; state: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url'), state: randomBytes(32).toString('base64url') };
}

/** POST /api/session/token from `origin`. */
export const exchange = (t: TestApp, code: string, verifier: string, origin = PARTNER) =>
  call(t, 'POST', '/api/session/token', { json: { code, verifier }, headers: { Origin: origin } });

/** Signs an account (default: the demo visitor) in as a popup of `origin` and exchanges the page's one-time code; returns the bearer token. */
export async function signInBearer(
  t: TestApp,
  origin = PARTNER,
  o: { cookie?: string; email?: string; password?: string } = {},
): Promise<string> {
  const a = attempt();
  const { email = DEMO_USER.email, password = DEMO_USER.password } = o;
  const res = await call(t, 'POST', '/login', {
    body: new URLSearchParams({ email, password, origin, challenge: a.challenge }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, ...(o.cookie ? { Cookie: o.cookie } : {}) },
  });
  assert.equal(res.status, 200);
  const code = /data-code="([^"]+)"/.exec(await res.text())?.[1];
  assert.ok(code, 'code page');
  const answer = await exchange(t, code, a.verifier, origin);
  assert.equal(answer.status, 200);
  return ((await answer.json()) as { token: string }).token;
}

export const booking = (over: Record<string, unknown> = {}) => ({
  specialist: 'olena-kovalenko',
  start: OLENA_SLOT,
  name: 'Ada Visitor',
  email: 'ada@example.org',
  phone: '+380 (44) 123-45-67',
  note: 'First time.',
  consent: true,
  timeZone: 'Europe/Kyiv',
  ...over,
});

/**
 * A database that a child process (the admin CLI, a server) can open too: a SQLite file in a
 * temporary folder, or a fresh PostgreSQL schema with HEARTH_TEST_DB=postgres. Seeded with the demo
 * data; `env` points a child at it; `cleanup` closes and removes it.
 */
export async function sharedTestDatabase(name: string): Promise<{ env: Record<string, string>; store: Store; cleanup: () => Promise<void> }> {
  let env: Record<string, string>;
  let store: Store;
  let cleanup: () => Promise<void>;
  if (TEST_DB === 'postgres') {
    const { freshSchema } = await import('./postgres.js');
    const schema = await freshSchema(`hearth_t_${name}`);
    env = { HEARTH_DATABASE_URL: schema.url, HEARTH_DB: '' };
    store = await openStore({ dbPath: '', databaseUrl: schema.url });
    cleanup = async () => (await store.close(), await schema.drop());
  } else {
    const dir = mkdtempSync(join(tmpdir(), `hearth-${name}-`));
    env = { HEARTH_DB: join(dir, 'hearth.db'), HEARTH_DATABASE_URL: '' };
    store = await openStore({ dbPath: env.HEARTH_DB! });
    cleanup = async () => (await store.close(), rmSync(dir, { recursive: true, force: true }));
  }
  await seedDemoData(store);
  return { env, store, cleanup };
}
