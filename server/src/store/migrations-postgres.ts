// PostgreSQL's versioned schema migrations: the same versions and names as migrations-sqlite.ts, in
// PostgreSQL's dialect. Applied in order at start (and by `npm run migrate`) under an advisory lock,
// so two processes starting at once do not both migrate; each runs once, in its own transaction,
// recorded in schema_migrations. Never edit a migration that has shipped: add a new one.
//
// Instants are TEXT in the one format the server emits, "YYYY-MM-DDTHH:MM:SSZ" (not timestamptz),
// so they compare as strings exactly as in SQLite. Emails are unique case-insensitively through a
// unique index on lower(email) (SQLite: COLLATE NOCASE).
import type pg from 'pg';

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
        email         TEXT NOT NULL,
        name          TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );
      CREATE UNIQUE INDEX users_email_lower ON users (lower(email));

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
        "end"           TEXT NOT NULL,
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
  {
    version: 2,
    name: 'sign-in families, one-time login codes, pending sign-ups',
    sql: `
      -- A family is one sign-in: the cookie session and every bearer token minted from it share it,
      -- so signing out ends them all. Older rows are their own family.
      ALTER TABLE sessions ADD COLUMN family TEXT;
      UPDATE sessions SET family = token_hash WHERE family IS NULL;
      CREATE INDEX sessions_family ON sessions(family);
      CREATE INDEX sessions_user ON sessions(user_id, created_at);

      -- One-time codes handed to another site's page (popup message or URL fragment) instead of a
      -- token: single use, a minute long, bound to the widget's PKCE challenge and the site's origin.
      CREATE TABLE login_codes (
        code_hash  TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family     TEXT NOT NULL,
        challenge  TEXT NOT NULL,
        origin     TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX login_codes_expiry ON login_codes(expires_at);
      CREATE INDEX login_codes_family ON login_codes(family); -- deleteSessionFamily (not in SQLite: small table)

      -- Sign-ups waiting for the owner of the address to follow the emailed link.
      CREATE TABLE pending_signups (
        token_hash    TEXT PRIMARY KEY,
        email         TEXT NOT NULL,
        name          TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        return_to     TEXT,
        created_at    TEXT NOT NULL,
        expires_at    TEXT NOT NULL
      );
      CREATE INDEX pending_signups_expiry ON pending_signups(expires_at);
    `,
  },
  {
    version: 3,
    name: 'rate-limit hits',
    sql: `
      -- Sliding-window rate limits in the database, so that every process counts the same hits.
      -- key_hash = SHA-256 of the limit's key (no email or address in clear); at = ms since 1970.
      CREATE TABLE rate_hits (
        key_hash TEXT NOT NULL,
        at       BIGINT NOT NULL
      );
      CREATE INDEX rate_hits_key ON rate_hits(key_hash, at);
      CREATE INDEX rate_hits_at ON rate_hits(at); -- purgeExpired
    `,
  },
  {
    version: 4,
    name: 'rate-limit counts per second',
    sql: `
      DROP TABLE rate_hits;
      CREATE TABLE rate_counts (
        key_hash TEXT NOT NULL,
        second   BIGINT NOT NULL,
        n        INTEGER NOT NULL,
        PRIMARY KEY (key_hash, second)
      );
      CREATE INDEX rate_counts_second ON rate_counts(second);
    `,
  },
  {
    version: 5,
    name: 'roles and staff accounts',
    sql: `
      ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'visitor' CHECK (role IN ('visitor', 'specialist', 'admin'));
      ALTER TABLE users ADD COLUMN specialist_id TEXT REFERENCES specialists(id);
    `,
  },
  {
    version: 6,
    name: 'conversations',
    sql: `
      -- A visitor's messages to one recipient (a specialist, or the team when specialist_id is null)
      -- form a conversation; staff replies are messages in it whose user_id (the author) is staff.
      CREATE TABLE conversations (
        id               TEXT PRIMARY KEY,
        visitor_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        specialist_id    TEXT REFERENCES specialists(id),
        subject          TEXT,
        status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled')),
        assignee_id      TEXT REFERENCES users(id) ON DELETE SET NULL,
        message_count    INTEGER NOT NULL DEFAULT 0, -- the seq of its last message
        last_activity_at TEXT NOT NULL,
        created_at       TEXT NOT NULL
      );
      -- The inbox: newest activity first, keyset-paginated on (last_activity_at, id).
      CREATE INDEX conversations_activity ON conversations(last_activity_at, id);
      CREATE INDEX conversations_visitor ON conversations(visitor_id, last_activity_at);
      CREATE INDEX conversations_specialist ON conversations(specialist_id, last_activity_at);

      -- user_id is the author. seq numbers a conversation's messages 1, 2, 3, …; seen_at is when
      -- staff first read a visitor's message.
      ALTER TABLE messages ADD COLUMN conversation_id TEXT REFERENCES conversations(id) ON DELETE CASCADE;
      ALTER TABLE messages ADD COLUMN seq INTEGER;
      ALTER TABLE messages ADD COLUMN seen_at TEXT;
      CREATE UNIQUE INDEX messages_conversation_seq ON messages(conversation_id, seq);

      -- How far each person has read each conversation (unread counts).
      CREATE TABLE conversation_reads (
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        last_read_seq   INTEGER NOT NULL,
        read_at         TEXT NOT NULL,
        PRIMARY KEY (conversation_id, user_id)
      );

      -- Existing messages (before conversations) become one conversation per visitor and recipient
      -- (an unknown recipient: the team), numbered in the order they were written.
      INSERT INTO conversations (id, visitor_id, specialist_id, subject, status, assignee_id, message_count, last_activity_at, created_at)
        SELECT md5(random()::text || clock_timestamp()::text), g.user_id, g.specialist_id, NULL, 'open', NULL, g.n, g.last_at, g.first_at
        FROM (SELECT m.user_id, s.id AS specialist_id, count(*) AS n, MAX(m.created_at) AS last_at, MIN(m.created_at) AS first_at
              FROM messages m LEFT JOIN specialists s ON s.id = m.recipient GROUP BY m.user_id, s.id) g;
      UPDATE messages SET conversation_id = (
        SELECT c.id FROM conversations c
        WHERE c.visitor_id = messages.user_id
          AND COALESCE(c.specialist_id, '') = COALESCE((SELECT s.id FROM specialists s WHERE s.id = messages.recipient), ''));
      UPDATE messages SET seq = (
        SELECT x.n FROM (SELECT id, row_number() OVER (PARTITION BY conversation_id ORDER BY created_at, id) AS n FROM messages) x
        WHERE x.id = messages.id);
    `,
  },  {
    version: 7,
    name: 'events',
    sql: `
      -- The live event stream (GET /api/events): one row per change a client may hear of, ids
      -- only (never a body, name or email). The id only grows (in commit order), so a client
      -- reconnecting with Last-Event-ID reads what it missed. Kept for a while (purgeExpired).
      CREATE TABLE events (
        id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        type            TEXT NOT NULL CHECK (type IN ('conversation.message', 'conversation.updated')),
        message_id      TEXT,
        created_at      TEXT NOT NULL
      );
      CREATE INDEX events_created ON events(created_at);
    `,
  },
  {
    version: 8,
    name: 'staff invitations',
    sql: `
      -- An admin invites a colleague (POST /api/staff): the account exists at once with an empty
      -- password_hash (nothing verifies against it: it cannot sign in), and the emailed link lets its
      -- owner choose a password once, within 7 days. Only a SHA-256 of the link's token is stored.
      CREATE TABLE staff_invites (
        token_hash TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX staff_invites_expiry ON staff_invites(expires_at);
    `,
  },
  {
    version: 9,
    name: 'clinic: specialists, hours, services, booking lengths, meta',
    sql: `
      -- Specialists as a clinic runs them (issue 13): a short bio, languages (JSON array of BCP 47
      -- tags), an https photo URL, an email for their notifications, and active (0: deactivated:
      -- keeps their history, takes no new bookings, not listed publicly). Their booking rules:
      -- min_notice_minutes (NULL: the server's HEARTH_MIN_NOTICE_HOURS), buffer_minutes (kept free
      -- before and after every booking), max_per_day (bookings per local day; NULL: no cap).
      ALTER TABLE specialists ADD COLUMN bio TEXT;
      ALTER TABLE specialists ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE specialists ADD COLUMN photo_url TEXT;
      ALTER TABLE specialists ADD COLUMN email TEXT;
      ALTER TABLE specialists ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
      ALTER TABLE specialists ADD COLUMN min_notice_minutes INTEGER;
      ALTER TABLE specialists ADD COLUMN buffer_minutes INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE specialists ADD COLUMN max_per_day INTEGER;

      -- Hours, in the specialist's time zone. Weekly windows (several a day; start/end "HH:MM",
      -- end exclusive, may be "24:00"). specialists.schedule stays as a copy of the weekly windows.
      CREATE TABLE specialist_weekly_hours (
        specialist_id TEXT NOT NULL REFERENCES specialists(id) ON DELETE CASCADE,
        weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_time    TEXT NOT NULL,
        end_time      TEXT NOT NULL
      );
      CREATE INDEX specialist_weekly_hours_specialist ON specialist_weekly_hours(specialist_id, weekday, start_time);
      -- A local date's windows replace that weekday's ("[]": closed that day).
      CREATE TABLE specialist_date_overrides (
        specialist_id TEXT NOT NULL REFERENCES specialists(id) ON DELETE CASCADE,
        day           TEXT NOT NULL, -- local "YYYY-MM-DD"
        windows       TEXT NOT NULL, -- JSON: [{start, end}]
        PRIMARY KEY (specialist_id, day)
      );
      -- Time off: local [from_local, to_local) ("YYYY-MM-DDTHH:MM"), a day, a range or part of a day.
      CREATE TABLE specialist_time_off (
        specialist_id TEXT NOT NULL REFERENCES specialists(id) ON DELETE CASCADE,
        from_local    TEXT NOT NULL,
        to_local      TEXT NOT NULL,
        note          TEXT
      );
      CREATE INDEX specialist_time_off_specialist ON specialist_time_off(specialist_id, from_local);

      -- What can be booked: 15–120 minutes in steps of 5, a price label ("free", "€60"; no payment).
      CREATE TABLE services (
        id               TEXT PRIMARY KEY,
        specialist_id    TEXT NOT NULL REFERENCES specialists(id) ON DELETE CASCADE,
        name             TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 15 AND 120 AND duration_minutes % 5 = 0),
        price            TEXT,
        active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order       INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX services_specialist ON services(specialist_id, sort_order, id);
      -- Every specialist gets the default service; every booking so far was one of it.
      INSERT INTO services (id, specialist_id, name, duration_minutes, price, active, sort_order)
        SELECT id || '-initial', id, 'Free initial consultation', 30, 'free', 1, 0 FROM specialists;
      ALTER TABLE bookings ADD COLUMN service_id TEXT REFERENCES services(id);
      UPDATE bookings SET service_id = specialist_id || '-initial';

      -- Small facts about the database itself. 'demo_seeded': the demo data was added once (seed.ts),
      -- so what an admin removed or deactivated never comes back. A database in use before this
      -- version has had its demo data (or is a production one): it is marked seeded.
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      INSERT INTO meta (key, value) SELECT 'demo_seeded', 'before migration 9'
        WHERE EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM specialists);

      INSERT INTO specialist_weekly_hours (specialist_id, weekday, start_time, end_time)
        SELECT s.id, (j->>'weekday')::integer, j->>'start', j->>'end'
        FROM specialists s, jsonb_array_elements(s.schedule::jsonb) j;

      -- Bookings last as long as their service: no two active bookings of a specialist overlap
      -- (the unique slot index only caught equal starts). An exclusion constraint would need the
      -- btree_gist extension (not always installable) and timestamp columns; instead each write
      -- takes a transaction-level advisory lock on its specialist, then checks: the check runs in a
      -- statement after the lock (plpgsql, READ COMMITTED), so it sees every booking committed
      -- before, and writers of one specialist are serialized until commit. An overlapping INSERT
      -- is skipped (no row, no error, like ON CONFLICT DO NOTHING: the transaction goes on and the
      -- store answers SlotTakenError); an overlapping UPDATE raises exclusion_violation (23P01).
      CREATE FUNCTION hearth_bookings_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF NEW.cancelled_at IS NULL THEN
          PERFORM pg_advisory_xact_lock(hashtext('hearth_bookings'), hashtext(NEW.specialist_id));
          IF EXISTS (SELECT 1 FROM bookings b WHERE b.specialist_id = NEW.specialist_id AND b.cancelled_at IS NULL AND b.id <> NEW.id
                     AND b.start < NEW."end" AND b."end" > NEW.start) THEN
            IF TG_OP = 'INSERT' THEN
              RETURN NULL;
            END IF;
            RAISE EXCEPTION 'hearth_booking_overlap' USING ERRCODE = 'exclusion_violation';
          END IF;
        END IF;
        RETURN NEW;
      END
      $fn$;
      CREATE TRIGGER bookings_no_overlap BEFORE INSERT OR UPDATE OF specialist_id, start, "end", cancelled_at ON bookings
        FOR EACH ROW EXECUTE FUNCTION hearth_bookings_no_overlap();
    `,
  },
  {
    version: 10,
    name: 'bookings for staff: attendance, cancel reason, cancelled by',
    sql: `
      -- The care team's side of bookings (issue 13). A booking's status stays derived, so the slot
      -- invariant keeps reading cancelled_at alone: cancelled when cancelled_at is set; otherwise
      -- attended / no-show once staff marked it (only after it started); otherwise confirmed.
      ALTER TABLE bookings ADD COLUMN attendance TEXT CHECK (attendance IN ('attended', 'no-show'));
      -- Sealed like the note (crypto-box.ts, purpose "booking-cancel-reason"); never in a mail.
      ALTER TABLE bookings ADD COLUMN cancel_reason TEXT;
      ALTER TABLE bookings ADD COLUMN cancelled_by TEXT CHECK (cancelled_by IN ('visitor', 'staff'));
      -- Until now only visitors could cancel (the manage link).
      UPDATE bookings SET cancelled_by = 'visitor' WHERE cancelled_at IS NOT NULL;
      -- The staff list: one specialist's (or everyone's) bookings by start, keyset-paginated on (start, id).
      CREATE INDEX bookings_specialist_start ON bookings(specialist_id, start, id);
      CREATE INDEX bookings_start ON bookings(start, id);
    `,
  },
  {
    version: 11,
    name: 'deliveries',
    sql: `
      -- The outbox (issue 13): every mail and webhook to send, written in the transaction of the
      -- booking or message that causes it, sent by the worker (deliveries.ts) with backoff, at least
      -- once. id is the delivery id (the webhook's Hearth-Delivery, the mail's Message-ID). payload
      -- holds ids, a template name, the webhook's body (ids and times) and at most a sealed manage
      -- link: never an address or a text in clear (the recipient is looked up at send time).
      -- claimed_by/claimed_until: the lease of the worker sending it (due again when it runs out).
      -- last_error: a short reason without personal data.
      CREATE TABLE deliveries (
        id              TEXT PRIMARY KEY,
        kind            TEXT NOT NULL CHECK (kind IN ('mail', 'webhook')),
        payload         TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed-permanently')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error      TEXT,
        created_at      TEXT NOT NULL,
        sent_at         TEXT,
        claimed_by      TEXT,
        claimed_until   TEXT
      );
      CREATE INDEX deliveries_due ON deliveries(next_attempt_at) WHERE status = 'pending';
    `,
  },
  {
    version: 12,
    name: 'deliveries: finished_at, purged after the retention',
    sql: `
      -- Finished outbox rows are deleted once older than HEARTH_DELIVERY_RETENTION_DAYS (the worker,
      -- deliveries.ts: purgeFinished). finished_at: when the row became sent or failed-permanently;
      -- NULL while pending. Rows finished before this migration: their sent_at, else their last
      -- scheduled attempt (a failed row keeps the next_attempt_at of its last try), else created_at.
      ALTER TABLE deliveries ADD COLUMN finished_at TEXT;
      UPDATE deliveries SET finished_at = COALESCE(sent_at, next_attempt_at, created_at) WHERE status <> 'pending';
      -- The purge's scan: finished rows only, oldest first ("finished_at < ?" implies the predicate).
      CREATE INDEX deliveries_finished ON deliveries(finished_at) WHERE finished_at IS NOT NULL;
    `,
  },
];

/** The advisory lock held while migrating (any constant; "hearth-migrate" in ASCII, truncated). */
const MIGRATION_LOCK = 0x6865617274686d69n;

/**
 * Applies pending migrations, each in its own transaction, under a session-level advisory lock:
 * a second process starting at the same time waits, then finds nothing left to do. Returns the
 * versions applied now.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [String(MIGRATION_LOCK)]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [String(MIGRATION_LOCK)]).catch((e: Error) => (broken = e));
    }
  } finally {
    client.release(broken);
  }
}
