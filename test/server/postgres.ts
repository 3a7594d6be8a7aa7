// The PostgreSQL side of the server tests, in one place: which database (HEARTH_TEST_DATABASE_URL,
// else the local postgres://postgres@127.0.0.1:5432/test), whether it answers (suites print which
// ran and show skipped tests otherwise), and fresh schemas (npm test drops leftovers: scripts/pg-test-db.mjs).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.HEARTH_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** undefined when the test database answers within 2 s; otherwise why not (for `skip` and the log). */
export async function whyNoPostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (e) {
    return `${TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')} does not answer: ${(e as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A connection URL whose search_path is `schema`. */
export const urlWithSchema = (schema: string) =>
  `${TEST_DATABASE_URL}${TEST_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

/** A new empty schema (`hearth_test_…`): its name, a URL that uses it, and `drop`. */
export async function freshSchema(prefix = 'hearth_test') {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(TEST_DATABASE_URL);
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.end();
  return {
    name,
    url: urlWithSchema(name),
    async drop() {
      const c = new pg.Client(TEST_DATABASE_URL);
      await c.connect();
      await c.query(`DROP SCHEMA ${name} CASCADE`);
      await c.end();
    },
  };
}
