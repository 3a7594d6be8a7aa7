// npm test's PostgreSQL helper: `probe` exits 0 when the test database answers within 2 s (and
// prints why not otherwise); `clean` drops the schemas the server suites made (hearth_t_*, hearth_test_*).
// The database: HEARTH_TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test.
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.HEARTH_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const shown = TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@');

async function withClient(fn) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const [command] = process.argv.slice(2);
try {
  if (command === 'probe') {
    await withClient((c) => c.query('SELECT 1'));
    console.log(`PostgreSQL answers at ${shown}`);
  } else if (command === 'clean') {
    const dropped = await withClient(async (c) => {
      const { rows } = await c.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'hearth\\_t\\_%' OR nspname LIKE 'hearth\\_test\\_%'");
      for (const { nspname } of rows) await c.query(`DROP SCHEMA "${nspname}" CASCADE`);
      return rows.length;
    });
    console.log(`dropped ${dropped} test schema${dropped === 1 ? '' : 's'}`);
  } else {
    console.error('usage: node scripts/pg-test-db.mjs probe|clean');
    process.exit(2);
  }
} catch (e) {
  console.log(`PostgreSQL does not answer at ${shown}: ${e.message}`);
  process.exit(1);
}
