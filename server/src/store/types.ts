// The data layer's interface: what routes see. Asynchronous, split by aggregate, with
// `transaction(async (tx) => …)`. Two implementations: SQLite (better-sqlite3, the embedded default:
// sqlite.ts) and PostgreSQL (`pg`, chosen by HEARTH_DATABASE_URL=postgres://…: postgres.ts).
//
// Every invariant is the database's, never one process's memory: one booking per slot (a partial
// unique index), idempotency (a unique key claimed at the start of the write's transaction), rate
// limits (rows counted under a per-key lock), single-use login codes and sign-up links (DELETE …
// RETURNING). So several server processes may share one PostgreSQL database.
//
// Instants are strings in the one format the server emits, "YYYY-MM-DDTHH:MM:SSZ" (time.ts), so
// they compare as strings in both databases.
import type { WeeklyWindow } from '../availability.js';
import type { ConversationStore } from './conversations.js';
import type { StaffStore } from './staff.js';
import type { ClinicStore } from './clinic.js';
import type { StaffBookingStore } from './bookings-staff.js';
import type { DeliveryStore } from './deliveries.js';

export type * from './conversations.js';
export type * from './staff.js';
export type * from './clinic.js';
export type * from './bookings-staff.js';
export type * from './deliveries.js';

export interface User {
  id: string;
  name: string;
  email: string;
}

/** visitor: every self-registered account; specialist: staff linked to one specialist; admin: staff who sees everything. */
export type Role = 'visitor' | 'specialist' | 'admin';
export const ROLES: readonly Role[] = ['visitor', 'specialist', 'admin'];

/** A signed-in account: the user with its role (and, for a specialist, which one). */
export interface Account extends User {
  role: Role;
  specialistId: string | null;
}

export type SessionKind = 'cookie' | 'bearer';

export interface NewSession {
  tokenHash: string;
  userId: string;
  kind: SessionKind;
  /** The sign-in this session belongs to: the cookie session and the tokens minted from it share it. */
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

export interface NewMessage {
  id: string;
  userId: string;
  to?: string;
  subject?: string;
  body: string;
  pageUrl?: string;
  createdAt: string;
}

export interface IdempotencyRecord {
  keyHash: string;
  fingerprint: string;
  /** 0 while the write that claimed the key is in flight (inside its transaction). */
  status: number;
  answer: string;
  createdAt: string;
  expiresAt: string;
}

/** Thrown by `bookings.insert` when the slot already has an active booking (the unique index). */
export class SlotTakenError extends Error {
  override name = 'SlotTakenError';
}

/**
 * Thrown when a text parameter holds U+0000, which PostgreSQL cannot store or compare (the request
 * is malformed: the app answers 400).
 */
export class NulCharacterError extends Error {
  override name = 'NulCharacterError';
}

/** Thrown by `accounts.createUser` when the email is registered already (case-insensitive). */
export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
}

export interface AccountStore {
  /** Role defaults to 'visitor'. Throws EmailTakenError when the email is registered already. */
  createUser(u: User & { passwordHash: string; createdAt: string; role?: Role; specialistId?: string | null }): Promise<void>;
  /** Case-insensitive. */
  findUserByEmail(email: string): Promise<(Account & { passwordHash: string }) | undefined>;

  createSession(s: NewSession): Promise<void>;
  /** The user and family of an unexpired session of that kind (a cookie token is no bearer token, and back). */
  findSession(tokenHash: string, kind: SessionKind, now: string): Promise<{ user: Account; family: string } | undefined>;
  /** Ends a sign-in: the cookie session, every bearer token minted from it, and its unused login codes. */
  deleteSessionFamily(family: string): Promise<void>;
  /** Keeps the `keep` most recent sign-ins of a user and ends the older ones. */
  capSessionFamilies(userId: string, keep: number): Promise<void>;

  insertLoginCode(c: LoginCode): Promise<void>;
  /** Removes and returns an unexpired login code (each code is used once, even by racing requests). */
  takeLoginCode(codeHash: string, now: string): Promise<LoginCode | undefined>;

  insertPendingSignup(p: PendingSignup): Promise<void>;
  /** Removes and returns an unexpired pending sign-up (once, even by racing requests). */
  takePendingSignup(tokenHash: string, now: string): Promise<PendingSignup | undefined>;
}

export interface MessageStore {
  insert(m: NewMessage): Promise<void>;
}

export interface SpecialistStore {
  upsert(s: Specialist, sortOrder: number): Promise<void>;
  list(): Promise<Specialist[]>;
  get(id: string): Promise<Specialist | undefined>;
}

export interface BookingStore {
  /** Throws SlotTakenError when the slot is booked already. */
  insert(b: NewBooking): Promise<void>;
  /** Start instants of active bookings of a specialist with from ≤ start < to, ascending. */
  bookedStarts(specialistId: string, from: string, to: string): Promise<string[]>;
  findByManageHash(hash: string): Promise<Booking | undefined>;
  /** Cancels an active booking; false when it was cancelled already. */
  cancel(id: string, at: string): Promise<boolean>;
}

export interface IdempotencyStore {
  /**
   * Claims `keyHash` for a write in this transaction: true when claimed (a pending record, status
   * 0, is inserted); false when a record exists already. A concurrent claim of the same key waits
   * until the first transaction ends (PostgreSQL: the unique index; SQLite: the write lock).
   */
  claim(r: { keyHash: string; fingerprint: string; createdAt: string; expiresAt: string }): Promise<boolean>;
  find(keyHash: string): Promise<IdempotencyRecord | undefined>;
  /** Stores the answer of a claimed key. */
  complete(keyHash: string, status: number, answer: string): Promise<void>;
  /** Gives a claimed key back (the write failed: a corrected request may reuse the key). */
  release(keyHash: string): Promise<void>;
  /** Removes an expired record so the key can be claimed again. */
  removeExpired(keyHash: string, now: string): Promise<void>;
}

export interface ReferenceStore {
  put(id: string, items: unknown[]): Promise<void>;
  get(id: string): Promise<unknown[] | undefined>;
}

export interface RateLimitStore {
  /**
   * Sliding windows: records one hit at `now` under every key when each key has fewer than its
   * limit of hits in the last `windowMs`; otherwise records nothing and returns the seconds until
   * the earliest full key frees up. Atomic across processes (keys are locked while counted).
   */
  take(entries: ReadonlyArray<readonly [key: string, limit: number]>, windowMs: number, now: number): Promise<{ ok: true } | { ok: false; retryAfter: number }>;
  /** The times (ms) of the hits under `key` in the last `windowMs`, oldest first. */
  recent(key: string, windowMs: number, now: number): Promise<number[]>;
  /** Takes back the hit recorded under `key` at `at`. */
  untake(key: string, at: number): Promise<void>;
  /** Forgets every hit under `key`. */
  reset(key: string): Promise<void>;
}

/** How long the live event stream's events are kept (a client away longer resumes with a gap). */
export const EVENT_TTL_DAYS = 7;

export type EventType = 'conversation.message' | 'conversation.updated';

/** One row of the live event stream (ids only), with who may see its conversation. */
export interface StoredEvent {
  id: number;
  type: EventType;
  conversationId: string;
  messageId: string | null;
  /** Of its conversation, for the access rule (conversation-access.ts). */
  visitorId: string;
  specialistId: string | null;
}

export interface EventStore {
  /**
   * Records an event in the caller's transaction and returns its id. Ids grow in commit order
   * (PostgreSQL: a transaction-level lock serializes the inserts until commit), so a reader that has
   * seen id N has seen every committed event up to N: call it last in the transaction.
   */
  add(e: { type: EventType; conversationId: string; messageId?: string | null; createdAt: string }): Promise<number>;
  /** Events with id > `after`, oldest first, at most `limit`. */
  after(after: number, limit: number): Promise<StoredEvent[]>;
  /** The newest event id (0 when there is none). */
  latest(): Promise<number>;
}

/** The aggregates, bound to one connection (inside a transaction) or to the pool (outside). */
export interface Repositories {
  accounts: AccountStore;
  messages: MessageStore;
  conversations: ConversationStore;
  staff: StaffStore;
  specialists: SpecialistStore;
  /** Specialists' profiles, hours and services, booked intervals, meta (clinic.ts). */
  clinic: ClinicStore;
  bookings: BookingStore;
  /** Bookings as the care team sees them, and the visitor's reschedule (bookings-staff.ts). */
  staffBookings: StaffBookingStore;
  idempotency: IdempotencyStore;
  references: ReferenceStore;
  limits: RateLimitStore;
  events: EventStore;
  /** The outbox of mails and webhooks (issue 13: deliveries.ts). */
  deliveries: DeliveryStore;
}

export interface Store extends Repositories {
  /** 'sqlite' or 'postgres' (logs, health, tests). */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction: everything done through `tx` commits together or not at all
   * (a throw rolls back). Nested calls on `tx` join the outer transaction.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Drops expired sessions, login codes, sign-up links, staff invitations, idempotency records, rate-limit hits and events older than EVENT_TTL_DAYS. */
  purgeExpired(now: string): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Runs a query (tests and maintenance: `?` placeholders in both dialects). */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}
