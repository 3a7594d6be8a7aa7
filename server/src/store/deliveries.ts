// The outbox (issue 13): mails and webhooks to send, written in the transaction of the change that
// causes them (notify.ts) and sent by the worker (deliveries.ts). SQL written once for both
// databases like staff.ts (`?` placeholders), except the claim's row locking: PostgreSQL adds
// FOR UPDATE SKIP LOCKED so several processes never take the same row; SQLite has one writer at a
// time, so its UPDATE … WHERE id IN (SELECT …) claims atomically as it is.
//
// A claim is a lease: `claimed_by` (a random token of that claim) and `claimed_until`. A row whose
// lease ran out (its process died mid-send) is due again. Marking a row sent or failed checks the
// claim token, so a late worker whose lease was taken over cannot overwrite the newer outcome; a
// row marked sent is never claimed again.
//
// A row that became sent or failed-permanently records when (`finished_at`, migration 12); the
// worker deletes finished rows older than the retention (purgeFinished), in batches. A pending
// row, claimed or not, is never purged.
//
// Rows hold no personal data in clear: ids, a template name, the webhook's body (ids and times),
// and — for a visitor's mail that links to the manage page — that link sealed (crypto-box.ts). The
// recipient is looked up at send time (the booking's email, the account's email, the specialist's
// or the team's address), so an erased booking or account gets no mail.
//
// `onCommitted(listener)` calls the listener once after each commit that wrote rows through this
// store (a transaction's COMMIT, or a top-level insert): the worker of this process (deliveries.ts)
// kicks itself with it, so a row goes out at once rather than at the next poll. Other processes
// find the row at their next poll.
import type { Sql } from './conversations.js';

export type DeliveryKind = 'mail' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'failed-permanently';

export interface NewDelivery {
  id: string;
  kind: DeliveryKind;
  /** JSON (see notify.ts: MailPayload, WebhookPayload). */
  payload: string;
  createdAt: string;
  /** When it may first be sent (usually createdAt). */
  nextAttemptAt: string;
}

export interface Delivery extends NewDelivery {
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  /** When it became sent or failed-permanently (null while pending). */
  finishedAt: string | null;
  claimedBy: string | null;
  claimedUntil: string | null;
}

/** What a booking's notifications need: ids, times, the visitor's address (read at send time only). */
export interface BookingFacts {
  id: string;
  specialistId: string;
  specialistName: string;
  start: string;
  end: string;
  cancelledAt: string | null;
  email: string;
  timeZone: string;
}

export interface DeliveryStore {
  /** Writes a row; in a transaction, it commits with it (and `onCommitted` listeners hear of it after the COMMIT). */
  insert(d: NewDelivery): Promise<void>;
  /**
   * Calls `listener` after each commit that wrote outbox rows through this store, in this process
   * (never inside the transaction, never for a rollback). Returns the function that removes it.
   */
  onCommitted(listener: () => void): () => void;
  /**
   * Takes up to `limit` due rows (pending, next_attempt_at ≤ now, no live lease) for this claim:
   * their lease is `claim` until `until`. Oldest due first.
   */
  claim(claim: string, now: string, until: string, limit: number): Promise<Delivery[]>;
  /** Marks a claimed row sent; false when the claim is no longer this one's. */
  markSent(id: string, claim: string, at: string): Promise<boolean>;
  /**
   * Records a failed attempt made at `at`: pending again at `nextAttemptAt`, or (nextAttemptAt null)
   * failed for good (finished at `at`).
   */
  markFailed(id: string, claim: string, f: { attempts: number; nextAttemptAt: string | null; lastError: string; at: string }): Promise<boolean>;
  /**
   * Deletes at most `limit` finished rows (sent or failed-permanently) that finished before
   * `before`, oldest first; never a pending row. Returns how many it deleted.
   */
  purgeFinished(before: Date, limit: number): Promise<number>;
  get(id: string): Promise<Delivery | undefined>;
  /** Every row, oldest first (tests, /desk/mail counts). */
  list(limit: number): Promise<Delivery[]>;
  bookingFacts(bookingId: string): Promise<BookingFacts | undefined>;
  /** The visitor account of a conversation, with its email (read at send time). */
  conversationFacts(conversationId: string): Promise<{ visitorId: string; visitorEmail: string; specialistId: string | null } | undefined>;
  /** The specialist's notification address (specialists.email, migration 9); throws while that column does not exist. */
  specialistEmail(specialistId: string): Promise<string | null>;
  /** The page the visitor last wrote from in a conversation (messages.page_url), if any. */
  lastPageUrl(conversationId: string): Promise<string | null>;
}

const COLUMNS = `id, kind, payload, status, attempts, next_attempt_at AS "nextAttemptAt", last_error AS "lastError", created_at AS "createdAt",
  sent_at AS "sentAt", finished_at AS "finishedAt", claimed_by AS "claimedBy", claimed_until AS "claimedUntil"`;

const DUE = `status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)`;

/** A store's listeners of committed outbox rows (sqlite.ts and postgres.ts keep one each). */
export interface CommitSignal {
  listen(listener: () => void): () => void;
  /** Calls every listener (after a commit that wrote rows); a listener that throws is ignored. */
  announce(): void;
}

export function commitSignal(): CommitSignal {
  const listeners = new Set<() => void>();
  return {
    listen(listener) {
      const own = () => listener(); // the same function listening twice is two listeners
      listeners.add(own);
      return () => void listeners.delete(own);
    },
    announce() {
      for (const l of [...listeners]) {
        try {
          l();
        } catch {
          // a listener's failure is its own
        }
      }
    },
  };
}

/**
 * The outbox on `sql`. `inserted` runs after each row is written: the store records it for its
 * transaction (announced at COMMIT), or announces it at once outside one.
 */
export function deliveryRepository(sql: Sql, dialect: 'sqlite' | 'postgres', signal: CommitSignal, inserted: () => void): DeliveryStore {
  const lock = dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const num = (d: Delivery): Delivery => ({ ...d, attempts: Number(d.attempts) });
  return {
    async insert(d) {
      await sql.run(
        `INSERT INTO deliveries (id, kind, payload, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
        [d.id, d.kind, d.payload, d.nextAttemptAt, d.createdAt],
      );
      inserted();
    },
    onCommitted: (listener) => signal.listen(listener),
    claim: async (claim, now, until, limit) =>
      (
        await sql.rows<Delivery>(
          `UPDATE deliveries SET claimed_by = ?, claimed_until = ?
           WHERE id IN (SELECT id FROM deliveries WHERE ${DUE} ORDER BY next_attempt_at, created_at, id LIMIT ?${lock})
           RETURNING ${COLUMNS}`,
          [claim, until, now, now, limit],
        )
      ).map(num),
    markSent: async (id, claim, at) =>
      (await sql.run(
        `UPDATE deliveries SET status = 'sent', sent_at = ?, finished_at = ?, attempts = attempts + 1, last_error = NULL, claimed_by = NULL, claimed_until = NULL
         WHERE id = ? AND claimed_by = ? AND status = 'pending'`,
        [at, at, id, claim],
      )) > 0,
    markFailed: async (id, claim, f) =>
      (await sql.run(
        `UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?, finished_at = ?,
           claimed_by = NULL, claimed_until = NULL
         WHERE id = ? AND claimed_by = ? AND status = 'pending'`,
        [
          f.nextAttemptAt === null ? 'failed-permanently' : 'pending',
          f.attempts,
          f.nextAttemptAt,
          f.lastError.slice(0, 200),
          f.nextAttemptAt === null ? f.at : null,
          id,
          claim,
        ],
      )) > 0,
    // finished_at is set only with a finished status; the status test keeps a pending row safe
    // even so. On PostgreSQL, rows another process is deleting at the same moment are skipped.
    purgeFinished: async (before, limit) =>
      sql.run(
        `DELETE FROM deliveries WHERE id IN (
           SELECT id FROM deliveries WHERE finished_at < ? AND status IN ('sent', 'failed-permanently') ORDER BY finished_at LIMIT ?${lock})`,
        [before.toISOString(), limit],
      ),
    get: async (id) => (await sql.rows<Delivery>(`SELECT ${COLUMNS} FROM deliveries WHERE id = ?`, [id])).map(num)[0],
    list: async (limit) => (await sql.rows<Delivery>(`SELECT ${COLUMNS} FROM deliveries ORDER BY created_at, id LIMIT ?`, [limit])).map(num),
    bookingFacts: async (bookingId) =>
      (
        await sql.rows<BookingFacts>(
          `SELECT b.id, b.specialist_id AS "specialistId", COALESCE(s.name, '') AS "specialistName", b.start, b."end", b.cancelled_at AS "cancelledAt",
             b.email, b.time_zone AS "timeZone"
           FROM bookings b LEFT JOIN specialists s ON s.id = b.specialist_id WHERE b.id = ?`,
          [bookingId],
        )
      ).map((r) => ({ ...r, cancelledAt: r.cancelledAt ?? null }))[0],
    conversationFacts: async (conversationId) =>
      (
        await sql.rows<{ visitorId: string; visitorEmail: string; specialistId: string | null }>(
          `SELECT c.visitor_id AS "visitorId", u.email AS "visitorEmail", c.specialist_id AS "specialistId"
           FROM conversations c JOIN users u ON u.id = c.visitor_id WHERE c.id = ?`,
          [conversationId],
        )
      ).map((r) => ({ ...r, specialistId: r.specialistId ?? null }))[0],
    specialistEmail: async (specialistId) =>
      (await sql.rows<{ email: string | null }>('SELECT email FROM specialists WHERE id = ?', [specialistId]))[0]?.email ?? null,
    lastPageUrl: async (conversationId) =>
      (
        await sql.rows<{ pageUrl: string }>(
          `SELECT m.page_url AS "pageUrl" FROM messages m JOIN conversations c ON c.id = m.conversation_id
           WHERE m.conversation_id = ? AND m.user_id = c.visitor_id AND m.page_url IS NOT NULL ORDER BY m.seq DESC LIMIT 1`,
          [conversationId],
        )
      )[0]?.pageUrl ?? null,
  };
}
