// All data access. Routes see only the `Store` interface; `createSqliteStore` implements it on
// better-sqlite3. Another driver (e.g. PostgreSQL) implements the same interface.
//
// The interface is synchronous, like better-sqlite3: a write request runs its whole
// read-validate-write inside one `transaction(fn)` with no `await` in between, which is what makes
// idempotency keys and slot checks atomic in a single process. A driver whose client is async must
// keep that guarantee (e.g. run `fn` against a dedicated connection inside BEGIN … COMMIT).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WeeklyWindow } from './availability.js';
import { migrations } from './migrations.js';

export interface User {
  id: string;
  name: string;
  email: string;
}

export interface Specialist {
  id: string;
  name: string;
  title: string;
  timeZone: string;
  schedule: WeeklyWindow[];
}

export interface NewBooking {
  id: string;
  specialistId: string;
  start: string;
  end: string;
  name: string;
  email: string;
  phone?: string;
  note?: string;
  timeZone: string;
  consentAt: string;
  consentVersion: string;
  manageHash: string;
  createdAt: string;
}

export interface Booking {
  id: string;
  specialistId: string;
  start: string;
  end: string;
  cancelledAt: string | null;
}

export type SessionKind = 'cookie' | 'bearer';

export interface NewSession {
  tokenHash: string;
  userId: string;
  kind: SessionKind;
  /** The sign-in this session belongs to (see migration 2). */
  family: string;
  createdAt: string;
  expiresAt: string;
}

export interface LoginCode {
  codeHash: string;
  userId: string;
  family: string;
  /** base64url SHA-256 of the widget's verifier. */
  challenge: string;
  /** The site the code was handed to. */
  origin: string;
  expiresAt: string;
}

export interface PendingSignup {
  tokenHash: string;
  email: string;
  name: string;
  passwordHash: string;
  /** A same-origin path to go to once the account exists. */
  returnTo: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface IdempotencyRecord {
  keyHash: string;
  fingerprint: string;
  status: number;
  answer: string;
  createdAt: string;
  expiresAt: string;
}

/** Thrown by `insertBooking` when the slot already has an active booking (the unique index). */
export class SlotTakenError extends Error {
  override name = 'SlotTakenError';
}

/** Thrown by `createUser` when the email is registered already. */
export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
}

export interface Store {
  /** Runs `fn` atomically (nested calls join the outer transaction). `fn` must not be async. */
  transaction<T>(fn: () => T): T;

  createUser(u: User & { passwordHash: string; createdAt: string }): void;
  findUserByEmail(email: string): (User & { passwordHash: string }) | undefined;

  createSession(s: NewSession): void;
  /** The user and family of an unexpired session of that kind (a cookie token is no bearer token, and back). */
  findSession(tokenHash: string, kind: SessionKind, now: string): { user: User; family: string } | undefined;
  /** Ends a sign-in: the cookie session, every bearer token minted from it, and its unused login codes. */
  deleteSessionFamily(family: string): void;
  /** Keeps the `keep` most recent sign-ins of a user and ends the older ones. */
  capSessionFamilies(userId: string, keep: number): void;

  insertLoginCode(c: LoginCode): void;
  /** Removes and returns an unexpired login code (each code is used once, even by racing requests). */
  takeLoginCode(codeHash: string, now: string): LoginCode | undefined;

  insertPendingSignup(p: PendingSignup): void;
  /** Removes and returns an unexpired pending sign-up. */
  takePendingSignup(tokenHash: string, now: string): PendingSignup | undefined;

  findIdempotency(keyHash: string): IdempotencyRecord | undefined;
  /** Inserts or replaces (an expired record may still be there). */
  saveIdempotency(r: IdempotencyRecord): void;
  /** Drops expired sessions and idempotency records. */
  purgeExpired(now: string): void;

  insertMessage(m: { id: string; userId: string; to?: string; subject?: string; body: string; pageUrl?: string; createdAt: string }): void;

  upsertSpecialist(s: Specialist, sortOrder: number): void;
  listSpecialists(): Specialist[];
  getSpecialist(id: string): Specialist | undefined;

  /** Throws SlotTakenError when the slot is booked already. */
  insertBooking(b: NewBooking): void;
  /** Start instants of active bookings of a specialist with from ≤ start < to. */
  bookedStarts(specialistId: string, from: string, to: string): string[];
  findBookingByManageHash(hash: string): Booking | undefined;
  cancelBooking(id: string, at: string): void;

  putReferenceList(id: string, items: unknown[]): void;
  getReferenceList(id: string): unknown[] | undefined;

  close(): void;
}

export interface SqliteStore extends Store {
  /** The connection, for tests and maintenance scripts. */
  readonly db: Database.Database;
}

/** Applies pending migrations; returns the versions applied now. */
export function migrate(db: Database.Database): number[] {
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

/** Opens (creating the file and its folder when needed) and migrates a SQLite database. */
export function createSqliteStore(path: string): SqliteStore {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // safe with WAL: a power loss may drop the last commits, never corrupt
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);

  const q = <P extends unknown[] = unknown[]>(sql: string) => db.prepare<P>(sql);
  const s = {
    insertUser: q('INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
    userByEmail: q('SELECT id, name, email, password_hash AS passwordHash FROM users WHERE email = ?'),
    insertSession: q('INSERT INTO sessions (token_hash, user_id, kind, family, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
    session: q(
      `SELECT u.id, u.name, u.email, s.family FROM sessions s JOIN users u ON u.id = s.user_id
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
    purgeCodes: q('DELETE FROM login_codes WHERE expires_at <= ?'),
    purgePending: q('DELETE FROM pending_signups WHERE expires_at <= ?'),
    findIdem: q('SELECT key_hash AS keyHash, fingerprint, status, answer, created_at AS createdAt, expires_at AS expiresAt FROM idempotency_keys WHERE key_hash = ?'),
    saveIdem: q('INSERT OR REPLACE INTO idempotency_keys (key_hash, fingerprint, status, answer, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
    purgeIdem: q('DELETE FROM idempotency_keys WHERE expires_at <= ?'),
    purgeSessions: q('DELETE FROM sessions WHERE expires_at <= ?'),
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
    bookingByHash: q(
      'SELECT id, specialist_id AS specialistId, start, end, cancelled_at AS cancelledAt FROM bookings WHERE manage_hash = ?',
    ),
    cancelBooking: q('UPDATE bookings SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL'),
    putRefs: q('INSERT OR REPLACE INTO reference_lists (id, items) VALUES (?, ?)'),
    getRefs: q('SELECT items FROM reference_lists WHERE id = ?'),
  };
  type SpecialistRow = Omit<Specialist, 'schedule'> & { schedule: string };
  const specialistOf = (r: SpecialistRow | undefined): Specialist | undefined =>
    r && { id: r.id, name: r.name, title: r.title, timeZone: r.timeZone, schedule: JSON.parse(r.schedule) as WeeklyWindow[] };

  return {
    db,
    transaction: (fn) => db.transaction(fn)(),

    createUser(u) {
      try {
        s.insertUser.run(u.id, u.email, u.name, u.passwordHash, u.createdAt);
      } catch (e) {
        if (isUniqueViolation(e, 'users.email')) throw new EmailTakenError('email taken', { cause: e });
        throw e;
      }
    },
    findUserByEmail: (email) => s.userByEmail.get(email) as (User & { passwordHash: string }) | undefined,

    createSession: (x) => void s.insertSession.run(x.tokenHash, x.userId, x.kind, x.family, x.createdAt, x.expiresAt),
    findSession(hash, kind, now) {
      const row = s.session.get(hash, kind, now) as (User & { family: string }) | undefined;
      return row && { user: { id: row.id, name: row.name, email: row.email }, family: row.family };
    },
    deleteSessionFamily(family) {
      s.deleteFamily.run(family);
      s.deleteFamilyCodes.run(family);
    },
    capSessionFamilies: (userId, keep) => void s.capFamilies.run(userId, userId, keep),

    insertLoginCode: (x) => void s.insertCode.run(x.codeHash, x.userId, x.family, x.challenge, x.origin, x.expiresAt),
    takeLoginCode: (hash, now) => s.takeCode.get(hash, now) as LoginCode | undefined,

    insertPendingSignup: (x) =>
      void s.insertPending.run(x.tokenHash, x.email, x.name, x.passwordHash, x.returnTo, x.createdAt, x.expiresAt),
    takePendingSignup: (hash, now) => s.takePending.get(hash, now) as PendingSignup | undefined,

    findIdempotency: (hash) => s.findIdem.get(hash) as IdempotencyRecord | undefined,
    saveIdempotency: (r) => void s.saveIdem.run(r.keyHash, r.fingerprint, r.status, r.answer, r.createdAt, r.expiresAt),
    purgeExpired(now) {
      s.purgeIdem.run(now);
      s.purgeSessions.run(now);
      s.purgeCodes.run(now);
      s.purgePending.run(now);
    },

    insertMessage: (m) => void s.insertMessage.run(m.id, m.userId, m.to ?? null, m.subject ?? null, m.body, m.pageUrl ?? null, m.createdAt),

    upsertSpecialist: (x, order) => void s.upsertSpecialist.run(x.id, x.name, x.title, x.timeZone, JSON.stringify(x.schedule), order),
    listSpecialists: () => (s.specialists.all() as SpecialistRow[]).map((r) => specialistOf(r)!),
    getSpecialist: (id) => specialistOf(s.specialist.get(id) as SpecialistRow | undefined),

    insertBooking(b) {
      try {
        s.insertBooking.run(
          b.id, b.specialistId, b.start, b.end, b.name, b.email, b.phone ?? null, b.note ?? null,
          b.timeZone, b.consentAt, b.consentVersion, b.manageHash, b.createdAt,
        );
      } catch (e) {
        if (isUniqueViolation(e, 'bookings.specialist_id')) throw new SlotTakenError('slot taken', { cause: e });
        throw e;
      }
    },
    bookedStarts: (id, from, to) => s.bookedStarts.pluck().all(id, from, to) as string[],
    findBookingByManageHash: (hash) => s.bookingByHash.get(hash) as Booking | undefined,
    cancelBooking: (id, at) => void s.cancelBooking.run(at, id),

    putReferenceList: (id, items) => void s.putRefs.run(id, JSON.stringify(items)),
    getReferenceList(id) {
      const json = s.getRefs.pluck().get(id) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as unknown[]);
    },

    close: () => db.close(),
  };
}
