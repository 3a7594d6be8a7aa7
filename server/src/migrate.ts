// `npm run migrate`: applies the pending schema migrations to the configured database and exits
// (the server also applies them at every start; this is for a deploy step that migrates before
// the new processes start). Prints the database (without its password) and the versions applied.
// Exit code 0 when done, 1 when a migration failed, 2 for a bad configuration.
import { describeDatabase, loadConfig, type Config } from './config.js';
import { openStore } from './store/index.js';

let config: Config;
try {
  // Only the database settings matter here: a production environment (HEARTH_DEMO=0) need not
  // carry HEARTH_PUBLIC_URL just to migrate.
  config = loadConfig({ ...process.env, HEARTH_PUBLIC_URL: process.env.HEARTH_PUBLIC_URL || 'http://localhost' });
} catch (e) {
  console.error(`hearth migrate: ${(e as Error).message}`);
  process.exit(2);
}

const started = new Date().toISOString();
console.log(`hearth migrate: ${describeDatabase(config)}`);
try {
  const store = await openStore(config); // applies what is pending
  try {
    const rows = await store.query<{ version: number | string; name: string; applied_at: string }>(
      'SELECT version, name, applied_at FROM schema_migrations ORDER BY version',
    );
    const now = rows.filter((r) => r.applied_at >= started);
    const label = (r: (typeof rows)[number]) => `${r.version} ${r.name}`;
    if (now.length) console.log(`applied: ${now.map(label).join(', ')}`);
    else console.log('nothing to apply');
    console.log(`schema version ${rows.length ? rows[rows.length - 1]!.version : 0} (${rows.length} migration${rows.length === 1 ? '' : 's'})`);
  } finally {
    await store.close();
  }
} catch (e) {
  console.error(`hearth migrate: failed: ${(e as Error)?.stack ?? e}`);
  process.exit(1);
}
