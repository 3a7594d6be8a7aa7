// The embedded store: SQLite through better-sqlite3 (synchronous), behind the asynchronous `Store`
// interface. One connection serves the process, so one transaction runs at a time: a small queue
// (`exclusive`) runs every top-level call and every transaction in turn, and a call made inside a
// transaction's async context joins it (AsyncLocalStorage) instead of waiting behind it.
// Transactions are BEGIN IMMEDIATE: the write lock is taken at once, so a second process on the
// same file waits (busy_timeout) instead of failing at COMMIT.
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WeeklyWindow } from '../availability.js';
import { migrations } from './migrations-sqlite.js';
import { conversationRepository, type Sql } from './conversations.js';
import { staffRepository } from './staff.js';
import { clinicRepository } from './clinic.js';
import { staffBookingRepository } from './bookings-staff.js';
import { commitSignal, deliveryRepository } from './deliveries.js';
import { freeAt, hitTimes, secondOf, windowStart, type SecondCount } from './rate-window.js';
import {
  EmailTakenError,
  EVENT_TTL_DAYS,
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

const accountOf = (r: Account): Account => ({ id: r.id, name: r.name, email: r.email, role: r.role, specialistId: r.specialistId ?? null });

export interface SqliteStore extends Store {
  /** The connection, for tests and maintenance scripts. */
  readonly db: Database.Database;
}

/** Applies pending migrations; returns the versions applied now. */
export function migrateSqlite(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    applied.push(m.version);
  }
  return applied;
}

const isUniqueViolation = (e: unknown, index: string) =>
  e instanceof Error && (e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') === true && e.message.includes(index);

const hashKey = (key: string) => createHash('sha256').update(key).digest('base64');

type SpecialistRow = Omit<Specialist, 'schedule'> & { schedule: string };
const specialistOf = (r: SpecialistRow | undefined): Specialist | undefined =>
  r && { id: r.id, name: r.name, title: r.title, timeZone: r.timeZone, schedule: JSON.parse(r.schedule) as WeeklyWindow[] };

/** Opens (creating the file and its folder when needed) and migrates a SQLite database. */
export function createSqliteStore(path: string): SqliteStore & { applied: number[] } {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // safe with WAL: a power loss may drop the last commits, never corrupt
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const applied = migrateSqlite(db);

  const q = <P extends unknown[] = unknown[]>(sql: string) => db.prepare<P>(sql);
  const s = {
    insertUser: q('INSERT INTO users (id, email, name, password_hash, created_at, role, specialist_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    userByEmail: q('SELECT id, name, email, role, specialist_id AS specialistId, password_hash AS passwordHash FROM users WHERE email = ?'),
    insertSession: q('INSERT INTO sessions (token_hash, user_id, kind, family, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
    session: q(
      `SELECT u.id, u.name, u.email, u.role, u.specialist_id AS specialistId, s.family FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.kind = ? AND s.expires_at > ?`,
    ),
    deleteFamily: q('DELETE FROM sessions WHERE family = ?'),
    deleteFamilyCodes: q('DELETE FROM login_codes WHERE family = ?'),
    capFamilies: q(
      `DELETE FROM sessions WHERE user_id = ? AND family NOT IN (
         SELECT family FROM sessions WHERE user_id = ? GROUP BY family ORDER BY MAX(created_at) DESC, family LIMIT ?)`,
    ),
    insertCode: q('INSERT INTO login_codes (code_hash, user_id, family, challenge, origin, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
    takeCode: q(
      `DELETE FROM login_codes WHERE code_hash = ? AND expires_at > ?
       RETURNING code_hash AS codeHash, user_id AS userId, family, challenge, origin, expires_at AS expiresAt`,
    ),
    insertPending: q(
      'INSERT OR REPLACE INTO pending_signups (token_hash, email, name, password_hash, return_to, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    takePending: q(
      `DELETE FROM pending_signups WHERE token_hash = ? AND expires_at > ?
       RETURNING token_hash AS tokenHash, email, name, password_hash AS passwordHash, return_to AS returnTo, created_at AS createdAt, expires_at AS expiresAt`,
    ),
    insertMessage: q('INSERT INTO messages (id, user_id, recipient, subject, body, page_url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    upsertSpecialist: q(
      `INSERT INTO specialists (id, name, title, time_zone, schedule, sort_order) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, title = excluded.title, time_zone = excluded.time_zone,
         schedule = excluded.schedule, sort_order = excluded.sort_order`,
    ),
    specialists: q('SELECT id, name, title, time_zone AS timeZone, schedule FROM specialists ORDER BY sort_order, id'),
    specialist: q('SELECT id, name, title, time_zone AS timeZone, schedule FROM specialists WHERE id = ?'),
    insertBooking: q(
      `INSERT INTO bookings (id, specialist_id, start, end, name, email, phone, note, time_zone, consent_at, consent_version, manage_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    bookedStarts: q('SELECT start FROM bookings WHERE specialist_id = ? AND cancelled_at IS NULL AND start >= ? AND start < ? ORDER BY start'),
    bookingByHash: q('SELECT id, specialist_id AS specialistId, start, end, cancelled_at AS cancelledAt FROM bookings WHERE manage_hash = ?'),
    cancelBooking: q("UPDATE bookings SET cancelled_at = ?, cancelled_by = 'visitor' WHERE id = ? AND cancelled_at IS NULL"),
    claimIdem: q(
      `INSERT INTO idempotency_keys (key_hash, fingerprint, status, answer, created_at, expires_at) VALUES (?, ?, 0, '', ?, ?)
       ON CONFLICT(key_hash) DO NOTHING`,
    ),
    findIdem: q('SELECT key_hash AS keyHash, fingerprint, status, answer, created_at AS createdAt, expires_at AS expiresAt FROM idempotency_keys WHERE key_hash = ?'),
    completeIdem: q('UPDATE idempotency_keys SET status = ?, answer = ? WHERE key_hash = ?'),
    releaseIdem: q('DELETE FROM idempotency_keys WHERE key_hash = ? AND status = 0'),
    removeExpiredIdem: q('DELETE FROM idempotency_keys WHERE key_hash = ? AND expires_at <= ?'),
    putRefs: q('INSERT OR REPLACE INTO reference_lists (id, items) VALUES (?, ?)'),
    getRefs: q('SELECT items FROM reference_lists WHERE id = ?'),
    counts: q('SELECT second, n FROM rate_counts WHERE key_hash = ? AND second >= ? AND n > 0 ORDER BY second DESC'),
    hit: q('INSERT INTO rate_counts (key_hash, second, n) VALUES (?, ?, 1) ON CONFLICT (key_hash, second) DO UPDATE SET n = n + 1'),
    untake: q('UPDATE rate_counts SET n = n - 1 WHERE key_hash = ? AND second = ? AND n > 0'),
    resetHits: q('DELETE FROM rate_counts WHERE key_hash = ?'),
    purge: [
      q('DELETE FROM idempotency_keys WHERE expires_at <= ?'),
      q('DELETE FROM sessions WHERE expires_at <= ?'),
      q('DELETE FROM login_codes WHERE expires_at <= ?'),
      q('DELETE FROM pending_signups WHERE expires_at <= ?'),
      q('DELETE FROM staff_invites WHERE expires_at <= ?'),
    ],
    purgeHits: q('DELETE FROM rate_counts WHERE second < ? OR n <= 0'),
    purgeEvents: q('DELETE FROM events WHERE created_at < ?'),
    addEvent: q('INSERT INTO events (conversation_id, type, message_id, created_at) VALUES (?, ?, ?, ?)'),
    eventsAfter: q(
      `SELECT e.id, e.type, e.conversation_id AS conversationId, e.message_id AS messageId, c.visitor_id AS visitorId, c.specialist_id AS specialistId
       FROM events e JOIN conversations c ON c.id = e.conversation_id WHERE e.id > ? ORDER BY e.id LIMIT ?`,
    ),
    latestEvent: q('SELECT COALESCE(MAX(id), 0) FROM events'),
  };

  // Statements of the shared repositories (conversations.ts), prepared once each.
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let st = prepared.get(sql);
    if (!st) prepared.set(sql, (st = db.prepare(sql)));
    return st;
  };

  // Outbox rows written: announced after the COMMIT of their transaction (`txWroteDeliveries`), or
  // at once when written outside one (store/deliveries.ts: onCommitted, the worker's kick).
  const committed = commitSignal();
  let txWroteDeliveries = false;

  // Every statement is synchronous; `call` turns one into a promise (throws become rejections).
  const repositories = (call: <T>(f: () => T) => Promise<T>, deliveryInserted: () => void): Repositories => {
    const shared: Sql = {
      rows: <R>(sql: string, params: unknown[]) => call(() => statement(sql).all(...params) as R[]),
      run: (sql, params) => call(() => statement(sql).run(...params).changes),
    };
    return {
      conversations: conversationRepository(shared),
      staff: staffRepository(shared),
      clinic: clinicRepository(shared, 'sqlite'),
      staffBookings: staffBookingRepository(shared),
      deliveries: deliveryRepository(shared, 'sqlite', committed, deliveryInserted),
      accounts: {
        createUser: (u) =>
          call(() => {
            try {
              s.insertUser.run(u.id, u.email, u.name, u.passwordHash, u.createdAt, u.role ?? 'visitor', u.specialistId ?? null);
            } catch (e) {
              if (isUniqueViolation(e, 'users.email')) throw new EmailTakenError('email taken', { cause: e });
              throw e;
            }
          }),
        findUserByEmail: (email) => call(() => s.userByEmail.get(email) as (Account & { passwordHash: string }) | undefined),
        createSession: (x) => call(() => void s.insertSession.run(x.tokenHash, x.userId, x.kind, x.family, x.createdAt, x.expiresAt)),
        findSession: (hash, kind, now) =>
          call(() => {
            const row = s.session.get(hash, kind, now) as (Account & { family: string }) | undefined;
            return row && { user: accountOf(row), family: row.family };
          }),
        deleteSessionFamily: (family) =>
          call(() => {
            s.deleteFamily.run(family);
            s.deleteFamilyCodes.run(family);
          }),
        capSessionFamilies: (userId, keep) => call(() => void s.capFamilies.run(userId, userId, keep)),
        insertLoginCode: (x) => call(() => void s.insertCode.run(x.codeHash, x.userId, x.family, x.challenge, x.origin, x.expiresAt)),
        takeLoginCode: (hash, now) => call(() => s.takeCode.get(hash, now) as LoginCode | undefined),
        insertPendingSignup: (x) =>
          call(() => void s.insertPending.run(x.tokenHash, x.email, x.name, x.passwordHash, x.returnTo, x.createdAt, x.expiresAt)),
        takePendingSignup: (hash, now) => call(() => s.takePending.get(hash, now) as PendingSignup | undefined),
      },
      messages: {
        insert: (m) => call(() => void s.insertMessage.run(m.id, m.userId, m.to ?? null, m.subject ?? null, m.body, m.pageUrl ?? null, m.createdAt)),
      },
      specialists: {
        upsert: (x, order) => call(() => void s.upsertSpecialist.run(x.id, x.name, x.title, x.timeZone, JSON.stringify(x.schedule), order)),
        list: () => call(() => (s.specialists.all() as SpecialistRow[]).map((r) => specialistOf(r)!)),
        get: (id) => call(() => specialistOf(s.specialist.get(id) as SpecialistRow | undefined)),
      },
      bookings: {
        insert: (b) =>
          call(() => {
            try {
              s.insertBooking.run(
                b.id, b.specialistId, b.start, b.end, b.name, b.email, b.phone ?? null, b.note ?? null,
                b.timeZone, b.consentAt, b.consentVersion, b.manageHash, b.createdAt,
              );
            } catch (e) {
              // The unique slot index, or the overlap trigger of migration 9.
              if (isUniqueViolation(e, 'bookings.specialist_id') || isUniqueViolation(e, 'hearth_booking_overlap')) throw new SlotTakenError('slot taken', { cause: e });
              throw e;
            }
          }),
        bookedStarts: (id, from, to) => call(() => s.bookedStarts.pluck().all(id, from, to) as string[]),
        findByManageHash: (hash) => call(() => s.bookingByHash.get(hash) as Booking | undefined),
        cancel: (id, at) => call(() => s.cancelBooking.run(at, id).changes > 0),
      },
      idempotency: {
        claim: (r) => call(() => s.claimIdem.run(r.keyHash, r.fingerprint, r.createdAt, r.expiresAt).changes > 0),
        find: (hash) => call(() => s.findIdem.get(hash) as IdempotencyRecord | undefined),
        complete: (hash, status, answer) => call(() => void s.completeIdem.run(status, answer, hash)),
        release: (hash) => call(() => void s.releaseIdem.run(hash)),
        removeExpired: (hash, now) => call(() => void s.removeExpiredIdem.run(hash, now)),
      },
      references: {
        put: (id, items) => call(() => void s.putRefs.run(id, JSON.stringify(items))),
        get: (id) =>
          call(() => {
            const json = s.getRefs.pluck().get(id) as string | undefined;
            return json === undefined ? undefined : (JSON.parse(json) as unknown[]);
          }),
      },
      limits: {
        take: (entries, windowMs, now) =>
          call(() => {
            // One connection, inside the queue: nothing runs between the counts and the inserts.
            const keys = entries.map(([key, limit]) => ({ hash: hashKey(key), limit }));
            const frees = keys
              .map(({ hash, limit }) => freeAt(s.counts.all(hash, windowStart(windowMs, now)) as SecondCount[], limit, windowMs))
              .filter((at): at is number => at !== undefined);
            if (frees.length) return { ok: false as const, retryAfter: Math.max(1, Math.ceil((Math.max(...frees) - now) / 1000)) };
            for (const { hash } of keys) s.hit.run(hash, secondOf(now));
            return { ok: true as const };
          }),
        untake: (key, at) => call(() => void s.untake.run(hashKey(key), secondOf(at))),
        reset: (key) => call(() => void s.resetHits.run(hashKey(key))),
        recent: (key, windowMs, now) => call(() => hitTimes((s.counts.all(hashKey(key), windowStart(windowMs, now)) as SecondCount[]).reverse())),
      },
      // One writer at a time (BEGIN IMMEDIATE), so ids grow in commit order.
      events: {
        add: (e) => call(() => Number(s.addEvent.run(e.conversationId, e.type, e.messageId ?? null, e.createdAt).lastInsertRowid)),
        after: (id, limit) => call(() => s.eventsAfter.all(id, limit) as StoredEvent[]),
        latest: () => call(() => Number(s.latestEvent.pluck().get())),
      },
    };
  };

  // The queue: each top-level call or transaction starts when the previous one has finished.
  const inTransaction = new AsyncLocalStorage<Repositories>();
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(f: () => T | Promise<T>): Promise<T> => {
    const run = tail.then(f, f);
    tail = run.catch(() => undefined);
    return run;
  };
  const now = <T>(f: () => T): Promise<T> => new Promise<T>((resolve) => resolve(f()));
  const txRepositories = repositories(now, () => void (txWroteDeliveries = true));
  // A top-level call joins the transaction whose async context it runs in; else it waits its turn.
  const inTurn = <T>(f: () => T): Promise<T> => (inTransaction.getStore() ? now(f) : exclusive(f));
  const topLevel = repositories(inTurn, () => (inTransaction.getStore() ? void (txWroteDeliveries = true) : committed.announce()));

  return {
    ...topLevel,
    kind: 'sqlite',
    db,
    applied,
    transaction(fn) {
      const joined = inTransaction.getStore();
      if (joined) return fn(joined);
      return exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        txWroteDeliveries = false;
        try {
          const result = await inTransaction.run(txRepositories, () => fn(txRepositories));
          db.exec('COMMIT');
          if (txWroteDeliveries) committed.announce(); // outside the transaction's context
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      });
    },
    purgeExpired: (at) =>
      inTurn(() => {
        for (const statement of s.purge) statement.run(at);
        s.purgeHits.run(secondOf(Date.parse(at) - 86_400_000)); // no window is longer than a day
        s.purgeEvents.run(new Date(Date.parse(at) - EVENT_TTL_DAYS * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
      }),
    ping: () => inTurn(() => void db.prepare('SELECT 1').get()),
    query: <R>(sql: string, params: unknown[] = []) =>
      inTurn(() => {
        const statement = db.prepare(sql);
        return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as R[];
      }),
    close: () => exclusive(() => void db.close()),
  };
}
