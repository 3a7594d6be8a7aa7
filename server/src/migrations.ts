// Versioned schema migrations, applied in order at start; each runs once, recorded in schema_migrations.
// Never edit a migration that has shipped: add a new one.
//
// Instants are TEXT in the one format the server emits, "YYYY-MM-DDTHH:MM:SSZ", so they compare as
// strings and the unique slot index sees one spelling per instant.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name          TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );

      -- Only a SHA-256 of each session token is stored.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('cookie', 'bearer')),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions(expires_at);

      CREATE TABLE messages (
        id         TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        recipient  TEXT,
        subject    TEXT,
        body       TEXT NOT NULL,
        page_url   TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE specialists (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        title      TEXT NOT NULL,
        time_zone  TEXT NOT NULL,
        schedule   TEXT NOT NULL, -- JSON: [{weekday, start, end}]
        sort_order INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE bookings (
        id              TEXT PRIMARY KEY,
        specialist_id   TEXT NOT NULL REFERENCES specialists(id),
        start           TEXT NOT NULL,
        end             TEXT NOT NULL,
        name            TEXT NOT NULL,
        email           TEXT NOT NULL,
        phone           TEXT,
        note            TEXT,
        time_zone       TEXT NOT NULL,
        consent_at      TEXT NOT NULL,
        consent_version TEXT NOT NULL,
        manage_hash     TEXT NOT NULL UNIQUE, -- SHA-256 of the manage token
        created_at      TEXT NOT NULL,
        cancelled_at    TEXT
      );
      -- A slot is booked once among active bookings: the database, not the code, enforces it.
      CREATE UNIQUE INDEX bookings_active_slot ON bookings(specialist_id, start) WHERE cancelled_at IS NULL;

      CREATE TABLE reference_lists (
        id    TEXT PRIMARY KEY,
        items TEXT NOT NULL -- JSON: CSL-JSON array
      );

      -- key_hash = SHA-256 of scope + key; the stored answer is encrypted with a key derived from the
      -- Idempotency-Key itself, so the table alone never reveals a manage token.
      CREATE TABLE idempotency_keys (
        key_hash    TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        status      INTEGER NOT NULL,
        answer      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL
      );
      CREATE INDEX idempotency_expiry ON idempotency_keys(expires_at);
    `,
  },
];
