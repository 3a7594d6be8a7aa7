// The PostgreSQL store (`pg`, a connection pool), chosen by HEARTH_DATABASE_URL=postgres://…
// Several server processes may share one database: every invariant is the database's.
//
// - `transaction(fn)` runs `fn` on one dedicated client between BEGIN and COMMIT (ROLLBACK on a
//   throw). A `transaction` or a top-level repository call made inside a transaction's async
//   context joins it (AsyncLocalStorage), like the SQLite store, so helpers that take the store
//   never wait for a second connection behind their own transaction.
// - Writes a caller may expect to fail (a taken slot, a taken email, a claimed idempotency key)
//   use ON CONFLICT … DO NOTHING rather than a raised unique violation: a raised error would abort
//   the surrounding transaction in PostgreSQL, while in SQLite the transaction goes on. The unique
//   index still arbitrates concurrent writers: the second waits until the first commits or rolls back.
// - Rate limits: hits are rows; `take` locks each key (pg_advisory_xact_lock on its hash, in a
//   fixed order) for the rest of its transaction, counts, and inserts only when every key is under
//   its limit, so the window is exact across processes.
import pg from 'pg';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { WeeklyWindow } from '../availability.js';
import { migratePostgres } from './migrations-postgres.js';
import { conversationRepository, type Sql } from './conversations.js';
import { staffRepository } from './staff.js';
import { clinicRepository } from './clinic.js';
import { staffBookingRepository } from './bookings-staff.js';
import { commitSignal, deliveryRepository, type CommitSignal } from './deliveries.js';
import { freeAt, hitTimes, secondOf, windowStart, type SecondCount } from './rate-window.js';
import {
  EmailTakenError,
  EVENT_TTL_DAYS,
  NulCharacterError,
  SlotTakenError,
  type Booking,
  type IdempotencyRecord,
  type LoginCode,
  type PendingSignup,
  type Repositories,
  type Specialist,
  type Store,
  type StoredEvent,
  type Account,
} from './types.js';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Apply pending migrations before resolving (default true). */
  migrate?: boolean;
  /** Anything else for pg.Pool (connectionString comes from `url`). */
  pool?: Omit<pg.PoolConfig, 'connectionString'>;
  /** Errors of idle pooled connections (the pool drops them); without it they are ignored. */
  onError?: (error: Error) => void;
}

export interface PostgresStore extends Store {
  readonly kind: 'postgres';
  /** The pool, for tests, maintenance and the pub/sub's publishing side. */
  readonly pool: pg.Pool;
  /** Migration versions applied by this start. */
  readonly applied: number[];
}

/** What the repositories run on: the pool (one query, one connection) or a transaction's client. */
interface Exec {
  rows<R>(sql: string, params?: unknown[]): Promise<R[]>;
  count(sql: string, params?: unknown[]): Promise<number>;
  /** Runs `f` in a transaction: this one when already in one, else a new one. */
  atomic<T>(f: (e: Exec) => Promise<T>): Promise<T>;
}

interface Tx {
  exec: Exec;
  repositories: Repositories;
  /** Outbox rows were written: announced after the COMMIT (store/deliveries.ts: onCommitted). */
  wroteDeliveries?: boolean;
}

/** PostgreSQL text cannot hold U+0000: such a parameter is refused before it reaches the server. */
function refuseNul(params: unknown[] | undefined): void {
  if (params?.some((p) => typeof p === 'string' && p.includes('\u0000'))) throw new NulCharacterError('a text parameter contains U+0000');
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('base64');
/** A 64-bit advisory lock id for a hashed rate-limit key. */
const lockIdOf = (hash: string) => Buffer.from(hash, 'base64').readBigInt64BE(0);

/**
 * `?` placeholders to PostgreSQL's `$1, $2, …`, leaving `?` inside string literals, quoted
 * identifiers, dollar-quoted strings and comments alone.
 */
export function toPositional(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const skipTo = (end: number) => {
      const j = end < 0 ? sql.length : end;
      out += sql.slice(i, j);
      i = j;
    };
    if (c === "'" || c === '"') {
      // Doubled quotes ('' or "") escape themselves: scanning pairs of literals back to back works.
      const close = sql.indexOf(c, i + 1);
      skipTo(close < 0 ? -1 : close + 1);
    } else if (c === '-' && sql[i + 1] === '-') {
      const eol = sql.indexOf('\n', i);
      skipTo(eol < 0 ? -1 : eol + 1);
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      skipTo(close < 0 ? -1 : close + 2);
    } else if (c === '$' && /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.test(sql.slice(i)) && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.exec(sql.slice(i))![0];
      const close = sql.indexOf(tag, i + tag.length);
      skipTo(close < 0 ? -1 : close + tag.length);
    } else if (c === '?') {
      out += `$${++n}`;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const positionalCache = new Map<string, string>();
/** toPositional, remembered (the shared repositories' SQL is a handful of fixed strings). */
function positional(sql: string): string {
  let out = positionalCache.get(sql);
  if (out === undefined) positionalCache.set(sql, (out = toPositional(sql)));
  return out;
}

// BIGINT (rate-limit instants in ms, counts) as numbers, as SQLite gives them: every value stored
// here is far below 2^53.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

type SpecialistRow = Omit<Specialist, 'schedule'> & { schedule: string };
const specialistOf = (r: SpecialistRow | undefined): Specialist | undefined =>
  r && { id: r.id, name: r.name, title: r.title, timeZone: r.timeZone, schedule: JSON.parse(r.schedule) as WeeklyWindow[] };

const BOOKING_COLUMNS = 'id, specialist_id AS "specialistId", start, "end", cancelled_at AS "cancelledAt"';
const CODE_COLUMNS = 'code_hash AS "codeHash", user_id AS "userId", family, challenge, origin, expires_at AS "expiresAt"';
const PENDING_COLUMNS =
  'token_hash AS "tokenHash", email, name, password_hash AS "passwordHash", return_to AS "returnTo", created_at AS "createdAt", expires_at AS "expiresAt"';
const IDEM_COLUMNS = 'key_hash AS "keyHash", fingerprint, status, answer, created_at AS "createdAt", expires_at AS "expiresAt"';

function repositoriesOn(e: Exec, committed: CommitSignal, deliveryInserted: () => void): Repositories {
  const one = async <R>(sql: string, params: unknown[]) => (await e.rows<R>(sql, params))[0];
  const shared: Sql = {
    rows: (sql, params) => e.rows(positional(sql), params),
    run: (sql, params) => e.count(positional(sql), params),
  };
  return {
    conversations: conversationRepository(shared),
    staff: staffRepository(shared),
    clinic: clinicRepository(shared, 'postgres'),
    staffBookings: staffBookingRepository(shared),
    deliveries: deliveryRepository(shared, 'postgres', committed, deliveryInserted),
    accounts: {
      async createUser(u) {
        const inserted = await e.count(
          `INSERT INTO users (id, email, name, password_hash, created_at, role, specialist_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT ((lower(email))) DO NOTHING`,
          [u.id, u.email, u.name, u.passwordHash, u.createdAt, u.role ?? 'visitor', u.specialistId ?? null],
        );
        if (!inserted) throw new EmailTakenError('email taken');
      },
      findUserByEmail: (email) =>
        one<Account & { passwordHash: string }>(
          'SELECT id, name, email, role, specialist_id AS "specialistId", password_hash AS "passwordHash" FROM users WHERE lower(email) = lower($1)',
          [email],
        ),
      createSession: async (x) =>
        void (await e.count('INSERT INTO sessions (token_hash, user_id, kind, family, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          x.tokenHash,
          x.userId,
          x.kind,
          x.family,
          x.createdAt,
          x.expiresAt,
        ])),
      async findSession(hash, kind, now) {
        const row = await one<Account & { family: string }>(
          `SELECT u.id, u.name, u.email, u.role, u.specialist_id AS "specialistId", s.family FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_at > $3`,
          [hash, kind, now],
        );
        return row && { user: { id: row.id, name: row.name, email: row.email, role: row.role, specialistId: row.specialistId ?? null }, family: row.family };
      },
      deleteSessionFamily: async (family) =>
        void (await e.count('WITH s AS (DELETE FROM sessions WHERE family = $1) DELETE FROM login_codes WHERE family = $1', [family])),
      capSessionFamilies: async (userId, keep) =>
        void (await e.count(
          `DELETE FROM sessions WHERE user_id = $1 AND family NOT IN (
             SELECT family FROM sessions WHERE user_id = $1 GROUP BY family ORDER BY MAX(created_at) DESC, family LIMIT $2)`,
          [userId, keep],
        )),
      insertLoginCode: async (x) =>
        void (await e.count('INSERT INTO login_codes (code_hash, user_id, family, challenge, origin, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          x.codeHash,
          x.userId,
          x.family,
          x.challenge,
          x.origin,
          x.expiresAt,
        ])),
      takeLoginCode: (hash, now) =>
        one<LoginCode>(`DELETE FROM login_codes WHERE code_hash = $1 AND expires_at > $2 RETURNING ${CODE_COLUMNS}`, [hash, now]),
      insertPendingSignup: async (x) =>
        void (await e.count(
          `INSERT INTO pending_signups (token_hash, email, name, password_hash, return_to, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (token_hash) DO UPDATE SET email = excluded.email, name = excluded.name, password_hash = excluded.password_hash,
             return_to = excluded.return_to, created_at = excluded.created_at, expires_at = excluded.expires_at`,
          [x.tokenHash, x.email, x.name, x.passwordHash, x.returnTo, x.createdAt, x.expiresAt],
        )),
      takePendingSignup: (hash, now) =>
        one<PendingSignup>(`DELETE FROM pending_signups WHERE token_hash = $1 AND expires_at > $2 RETURNING ${PENDING_COLUMNS}`, [hash, now]),
    },
    messages: {
      insert: async (m) =>
        void (await e.count('INSERT INTO messages (id, user_id, recipient, subject, body, page_url, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          m.id,
          m.userId,
          m.to ?? null,
          m.subject ?? null,
          m.body,
          m.pageUrl ?? null,
          m.createdAt,
        ])),
    },
    specialists: {
      upsert: async (x, order) =>
        void (await e.count(
          `INSERT INTO specialists (id, name, title, time_zone, schedule, sort_order) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title, time_zone = excluded.time_zone,
             schedule = excluded.schedule, sort_order = excluded.sort_order`,
          [x.id, x.name, x.title, x.timeZone, JSON.stringify(x.schedule), order],
        )),
      list: async () =>
        (await e.rows<SpecialistRow>('SELECT id, name, title, time_zone AS "timeZone", schedule FROM specialists ORDER BY sort_order, id')).map(
          (r) => specialistOf(r)!,
        ),
      get: async (id) => specialistOf(await one<SpecialistRow>('SELECT id, name, title, time_zone AS "timeZone", schedule FROM specialists WHERE id = $1', [id])),
    },
    bookings: {
      async insert(b) {
        // An overlap with another active booking inserts nothing (the trigger of migration 9), as a
        // taken start does (ON CONFLICT); 23P01 is the trigger's answer to an overlapping update.
        const overlap = (err: unknown) => (err as { code?: string })?.code === '23P01';
        const inserted = await e.count(
          `INSERT INTO bookings (id, specialist_id, start, "end", name, email, phone, note, time_zone, consent_at, consent_version, manage_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (specialist_id, start) WHERE cancelled_at IS NULL DO NOTHING`,
          [b.id, b.specialistId, b.start, b.end, b.name, b.email, b.phone ?? null, b.note ?? null, b.timeZone, b.consentAt, b.consentVersion, b.manageHash, b.createdAt],
        ).catch((err: unknown) => {
          if (overlap(err)) throw new SlotTakenError('slot taken', { cause: err });
          throw err;
        });
        if (!inserted) throw new SlotTakenError('slot taken');
      },
      bookedStarts: async (id, from, to) =>
        (
          await e.rows<{ start: string }>(
            'SELECT start FROM bookings WHERE specialist_id = $1 AND cancelled_at IS NULL AND start >= $2 AND start < $3 ORDER BY start',
            [id, from, to],
          )
        ).map((r) => r.start),
      findByManageHash: (hash) => one<Booking>(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE manage_hash = $1`, [hash]),
      cancel: async (id, at) => (await e.count("UPDATE bookings SET cancelled_at = $1, cancelled_by = 'visitor' WHERE id = $2 AND cancelled_at IS NULL", [at, id])) > 0,
    },
    idempotency: {
      claim: async (r) =>
        (await e.count(
          `INSERT INTO idempotency_keys (key_hash, fingerprint, status, answer, created_at, expires_at) VALUES ($1, $2, 0, '', $3, $4)
           ON CONFLICT (key_hash) DO NOTHING`,
          [r.keyHash, r.fingerprint, r.createdAt, r.expiresAt],
        )) > 0,
      find: (hash) => one<IdempotencyRecord>(`SELECT ${IDEM_COLUMNS} FROM idempotency_keys WHERE key_hash = $1`, [hash]),
      complete: async (hash, status, answer) =>
        void (await e.count('UPDATE idempotency_keys SET status = $1, answer = $2 WHERE key_hash = $3', [status, answer, hash])),
      release: async (hash) => void (await e.count('DELETE FROM idempotency_keys WHERE key_hash = $1 AND status = 0', [hash])),
      removeExpired: async (hash, now) => void (await e.count('DELETE FROM idempotency_keys WHERE key_hash = $1 AND expires_at <= $2', [hash, now])),
    },
    references: {
      put: async (id, items) =>
        void (await e.count('INSERT INTO reference_lists (id, items) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET items = excluded.items', [
          id,
          JSON.stringify(items),
        ])),
      async get(id) {
        const row = await one<{ items: string }>('SELECT items FROM reference_lists WHERE id = $1', [id]);
        return row && (JSON.parse(row.items) as unknown[]);
      },
    },
    limits: {
      take: (entries, windowMs, now) =>
        e.atomic(async (t) => {
          const keys = entries.map(([key, limit]) => ({ hash: hashKey(key), limit }));
          const hashes = [...new Set(keys.map((k) => k.hash))];
          // Locks in ascending order: two takes over overlapping keys cannot deadlock each other.
          const locks = hashes.map(lockIdOf).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          await t.rows('SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k', [locks.map(String)]);
          // A statement after the locks: its snapshot sees every hit committed before we got them.
          const rows = await t.rows<{ key_hash: string; second: string | number; n: number }>(
            'SELECT key_hash, second, n FROM rate_counts WHERE key_hash = ANY($1) AND second >= $2 AND n > 0 ORDER BY second DESC',
            [hashes, windowStart(windowMs, now)],
          );
          const counts = new Map<string, SecondCount[]>(hashes.map((h) => [h, []]));
          for (const r of rows) counts.get(r.key_hash)!.push({ second: Number(r.second), n: r.n });
          const frees = keys.map(({ hash, limit }) => freeAt(counts.get(hash)!, limit, windowMs)).filter((at): at is number => at !== undefined);
          if (frees.length) return { ok: false as const, retryAfter: Math.max(1, Math.ceil((Math.max(...frees) - now) / 1000)) };
          await t.count(
            `INSERT INTO rate_counts (key_hash, second, n) SELECT k, $2, 1 FROM unnest($1::text[]) AS k
             ON CONFLICT (key_hash, second) DO UPDATE SET n = rate_counts.n + 1`,
            [keys.map((k) => k.hash), secondOf(now)],
          );
          return { ok: true as const };
        }),
      untake: async (key, at) =>
        void (await e.count('UPDATE rate_counts SET n = n - 1 WHERE key_hash = $1 AND second = $2 AND n > 0', [hashKey(key), secondOf(at)])),
      reset: async (key) => void (await e.count('DELETE FROM rate_counts WHERE key_hash = $1', [hashKey(key)])),
      recent: async (key, windowMs, now) =>
        hitTimes(
          (
            await e.rows<{ second: string | number; n: number }>('SELECT second, n FROM rate_counts WHERE key_hash = $1 AND second >= $2 AND n > 0 ORDER BY second', [
              hashKey(key),
              windowStart(windowMs, now),
            ])
          ).map((r) => ({ second: Number(r.second), n: r.n })),
        ),
    },
    events: {
      // The lock (held until commit) makes ids grow in commit order: a reader that has seen id N
      // never later finds a smaller id committing (which a Last-Event-ID resume would skip).
      add: (ev) =>
        e.atomic(async (t) => {
          await t.rows('SELECT pg_advisory_xact_lock($1)', [String(EVENTS_LOCK)]);
          const [row] = await t.rows<{ id: number }>('INSERT INTO events (conversation_id, type, message_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id', [
            ev.conversationId,
            ev.type,
            ev.messageId ?? null,
            ev.createdAt,
          ]);
          return Number(row!.id);
        }),
      after: async (id, limit) =>
        (
          await e.rows<StoredEvent>(
            `SELECT e.id, e.type, e.conversation_id AS "conversationId", e.message_id AS "messageId", c.visitor_id AS "visitorId", c.specialist_id AS "specialistId"
             FROM events e JOIN conversations c ON c.id = e.conversation_id WHERE e.id > $1 ORDER BY e.id LIMIT $2`,
            [id, limit],
          )
        ).map((r) => ({ ...r, id: Number(r.id) })),
      latest: async () => Number((await one<{ n: number }>('SELECT COALESCE(MAX(id), 0) AS n FROM events', []))!.n),
    },
  };
}

/** The advisory lock serializing event inserts ("hearth-ev" in ASCII). */
const EVENTS_LOCK = 0x6865617274682d65n;

/** Opens a pool on `url`, migrates (unless told not to) and returns the store. */
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ max: options.max ?? 10, types, ...options.pool, connectionString: url });
  pool.on('error', (error) => options.onError?.(error));

  const inTransaction = new AsyncLocalStorage<Tx>();
  const committed = commitSignal();

  /** A transaction on a dedicated client: BEGIN, `fn`, COMMIT (ROLLBACK when it throws). */
  const begin = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let over = false;
    const onClient = async <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => {
      refuseNul(params);
      if (over) throw new Error('the transaction is over: use the repositories only inside its function');
      return client.query<R>(sql, params);
    };
    const exec: Exec = {
      rows: async <R>(sql: string, params?: unknown[]) => (await onClient(sql, params)).rows as R[],
      count: async (sql, params) => (await onClient(sql, params)).rowCount ?? 0,
      atomic: (f) => f(exec),
    };
    const tx: Tx = { exec, repositories: repositoriesOn(exec, committed, () => void (tx.wroteDeliveries = true)) };
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await inTransaction.run(tx, () => fn(tx));
      // COMMIT of a transaction that an error aborted answers ROLLBACK without raising.
      const commit = await client.query('COMMIT');
      if (commit.command !== 'COMMIT') throw new Error('the transaction was aborted by an earlier error and rolled back');
      if (tx.wroteDeliveries) committed.announce(); // outside the transaction's context
      return result;
    } catch (e) {
      // A connection that cannot even roll back is dropped instead of going back to the pool.
      await client.query('ROLLBACK').catch((r: Error) => (broken = r));
      throw e;
    } finally {
      over = true;
      client.release(broken);
    }
  };

  // Top-level calls: one pooled query each, or the transaction whose async context they run in.
  const onPool: Exec = {
    // (The transaction's client checks for U+0000 itself.)
    rows: async <R>(sql: string, params?: unknown[]) => {
      const tx = inTransaction.getStore();
      if (tx) return tx.exec.rows<R>(sql, params);
      refuseNul(params);
      return (await pool.query(sql, params)).rows as R[];
    },
    count: async (sql, params) => {
      const tx = inTransaction.getStore();
      if (tx) return tx.exec.count(sql, params);
      refuseNul(params);
      return (await pool.query(sql, params)).rowCount ?? 0;
    },
    atomic: (f) => {
      const tx = inTransaction.getStore();
      return tx ? f(tx.exec) : begin((t) => f(t.exec));
    },
  };

  let applied: number[] = [];
  try {
    if (options.migrate ?? true) applied = await migratePostgres(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }

  return {
    ...repositoriesOn(onPool, committed, () => {
      const tx = inTransaction.getStore();
      if (tx) tx.wroteDeliveries = true;
      else committed.announce();
    }),
    kind: 'postgres',
    pool,
    applied,
    transaction(fn) {
      const joined = inTransaction.getStore();
      return joined ? fn(joined.repositories) : begin((tx) => fn(tx.repositories));
    },
    async purgeExpired(now) {
      const dayAgo = Date.parse(now) - 86_400_000; // no rate-limit window is longer than a day
      await onPool.count(
        `WITH i AS (DELETE FROM idempotency_keys WHERE expires_at <= $1),
              s AS (DELETE FROM sessions WHERE expires_at <= $1),
              c AS (DELETE FROM login_codes WHERE expires_at <= $1),
              p AS (DELETE FROM pending_signups WHERE expires_at <= $1),
              si AS (DELETE FROM staff_invites WHERE expires_at <= $1),
              ev AS (DELETE FROM events WHERE created_at < $3)
         DELETE FROM rate_counts WHERE second < $2 OR n <= 0`,
        [now, secondOf(dayAgo), new Date(Date.parse(now) - EVENT_TTL_DAYS * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')],
      );
    },
    ping: async () => void (await pool.query('SELECT 1')),
    query: <R>(sql: string, params: unknown[] = []) => onPool.rows<R>(toPositional(sql), params),
    close: () => pool.end(),
  };
}
