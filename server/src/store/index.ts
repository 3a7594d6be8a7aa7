// Opens the configured store: PostgreSQL when HEARTH_DATABASE_URL is a postgres:// URL, else the
// embedded SQLite file (HEARTH_DB). Migrations are applied on open.
import type { Config } from '../config.js';
import { createSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export * from './types.js';
export { createSqliteStore, type SqliteStore } from './sqlite.js';

export async function openStore(config: Pick<Config, 'dbPath' | 'databaseUrl'>): Promise<Store> {
  if (config.databaseUrl) {
    const { createPostgresStore } = await import('./postgres.js');
    return createPostgresStore(config.databaseUrl);
  }
  return createSqliteStore(config.dbPath);
}
