// The conversations repository, written once for both databases: its SQL is common to SQLite and
// PostgreSQL (`?` placeholders; each store runs it on its connection or transaction).
//
// A conversation numbers its messages (messages.seq = conversations.message_count after the
// insert, the UPDATE taking the conversation's row lock first in PostgreSQL), so unread counts are
// "messages by others with seq > my last_read_seq" and never depend on two messages' clocks.
import type { Account, Role } from './types.js';

export type ConversationStatus = 'open' | 'handled';

export interface Conversation {
  id: string;
  visitorId: string;
  /** null: the team. */
  specialistId: string | null;
  subject: string | null;
  status: ConversationStatus;
  assigneeId: string | null;
  lastActivityAt: string;
  createdAt: string;
}

export interface ConversationListItem extends Conversation {
  visitorName: string;
  assigneeName: string | null;
  /** The body of its last message (as stored). */
  lastBody: string | null;
  /** Messages by others since the viewer last read it. */
  unread: number;
}

export interface ConversationMessage {
  id: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  /** As stored. */
  body: string;
  createdAt: string;
  seenAt: string | null;
  seq: number;
}

export interface ListQuery {
  viewer: Pick<Account, 'id' | 'role' | 'specialistId'>;
  status?: ConversationStatus;
  /** Only those assigned to the viewer. */
  mine?: boolean;
  /** Only those addressed to this specialist id, or (null) to the team. */
  recipient?: string | null;
  /** Keyset: conversations strictly older than this (lastActivityAt, id). */
  before?: { at: string; id: string };
  limit: number;
}

export interface ConversationStore {
  create(c: { id: string; visitorId: string; specialistId: string | null; subject: string | null; createdAt: string }): Promise<void>;
  get(id: string): Promise<(Conversation & { visitorName: string; assigneeName: string | null }) | undefined>;
  /** The visitor's most recently active conversation with this recipient. */
  latestFor(visitorId: string, specialistId: string | null): Promise<Conversation | undefined>;
  /** Appends a message (its author is `userId`) and moves the conversation's activity to `createdAt`. */
  addMessage(m: { id: string; conversationId: string; userId: string; recipient: string | null; subject: string | null; body: string; pageUrl: string | null; createdAt: string }): Promise<void>;
  list(q: ListQuery): Promise<ConversationListItem[]>;
  /** Its messages, oldest first. */
  messages(conversationId: string): Promise<ConversationMessage[]>;
  /** The reader has read everything in it so far. */
  markRead(conversationId: string, userId: string, at: string): Promise<void>;
  /** Staff read it: the visitor's messages not seen yet are seen now. Returns how many became seen. */
  markSeen(conversationId: string, at: string): Promise<number>;
  setStatus(id: string, status: ConversationStatus): Promise<void>;
  setAssignee(id: string, userId: string | null): Promise<void>;
  /** An account's role and specialist, for checking an assignee. */
  account(userId: string): Promise<Pick<Account, 'id' | 'role' | 'specialistId'> | undefined>;
}

/** How the repository runs SQL: `rows` for queries (and RETURNING), `run` for writes (changed rows). */
export interface Sql {
  rows<R>(sql: string, params: unknown[]): Promise<R[]>;
  run(sql: string, params: unknown[]): Promise<number>;
}

const COLUMNS = `c.id, c.visitor_id AS "visitorId", c.specialist_id AS "specialistId", c.subject, c.status, c.assignee_id AS "assigneeId",
  c.last_activity_at AS "lastActivityAt", c.created_at AS "createdAt"`;

/** The conversations a viewer may see, as a condition on `c` (and its parameters). */
export function scopeOf(viewer: ListQuery['viewer']): [string, unknown[]] {
  if (viewer.role === 'admin') return ['1 = 1', []];
  if (viewer.role === 'specialist') return ['(c.specialist_id IS NULL OR c.specialist_id = ? OR c.visitor_id = ?)', [viewer.specialistId ?? '', viewer.id]];
  return ['c.visitor_id = ?', [viewer.id]];
}

export function conversationRepository(sql: Sql): ConversationStore {
  const one = async <R>(q: string, params: unknown[]) => (await sql.rows<R>(q, params))[0];
  return {
    create: async (c) =>
      void (await sql.run(
        `INSERT INTO conversations (id, visitor_id, specialist_id, subject, status, assignee_id, message_count, last_activity_at, created_at)
         VALUES (?, ?, ?, ?, 'open', NULL, 0, ?, ?)`,
        [c.id, c.visitorId, c.specialistId, c.subject, c.createdAt, c.createdAt],
      )),
    get: (id) =>
      one(
        `SELECT ${COLUMNS}, v.name AS "visitorName", a.name AS "assigneeName"
         FROM conversations c JOIN users v ON v.id = c.visitor_id LEFT JOIN users a ON a.id = c.assignee_id WHERE c.id = ?`,
        [id],
      ),
    latestFor: (visitorId, specialistId) =>
      one(
        `SELECT ${COLUMNS} FROM conversations c WHERE c.visitor_id = ? AND COALESCE(c.specialist_id, '') = ?
         ORDER BY c.last_activity_at DESC, c.id DESC LIMIT 1`,
        [visitorId, specialistId ?? ''],
      ),
    async addMessage(m) {
      const row = await one<{ seq: number }>(
        `UPDATE conversations SET message_count = message_count + 1,
           last_activity_at = CASE WHEN last_activity_at < ? THEN ? ELSE last_activity_at END
         WHERE id = ? RETURNING message_count AS seq`,
        [m.createdAt, m.createdAt, m.conversationId],
      );
      if (!row) throw new Error('no such conversation');
      await sql.run(
        `INSERT INTO messages (id, user_id, recipient, subject, body, page_url, created_at, conversation_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [m.id, m.userId, m.recipient, m.subject, m.body, m.pageUrl, m.createdAt, m.conversationId, Number(row.seq)],
      );
    },
    async list(q) {
      const [scope, scopeParams] = scopeOf(q.viewer);
      const where = [scope];
      const params: unknown[] = [q.viewer.id, q.viewer.id, ...scopeParams];
      if (q.status) {
        where.push('c.status = ?');
        params.push(q.status);
      }
      if (q.mine) {
        where.push('c.assignee_id = ?');
        params.push(q.viewer.id);
      }
      if (q.recipient === null) where.push('c.specialist_id IS NULL');
      else if (q.recipient !== undefined) {
        where.push('c.specialist_id = ?');
        params.push(q.recipient);
      }
      if (q.before) {
        where.push('(c.last_activity_at < ? OR (c.last_activity_at = ? AND c.id < ?))');
        params.push(q.before.at, q.before.at, q.before.id);
      }
      params.push(q.limit);
      const rows = await sql.rows<ConversationListItem>(
        `SELECT ${COLUMNS}, v.name AS "visitorName", a.name AS "assigneeName",
           (SELECT m.body FROM messages m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1) AS "lastBody",
           (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.user_id <> ?
              AND m.seq > COALESCE((SELECT r.last_read_seq FROM conversation_reads r WHERE r.conversation_id = c.id AND r.user_id = ?), 0)) AS unread
         FROM conversations c JOIN users v ON v.id = c.visitor_id LEFT JOIN users a ON a.id = c.assignee_id
         WHERE ${where.join(' AND ')}
         ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?`,
        params,
      );
      return rows.map((r) => ({ ...r, unread: Number(r.unread) }));
    },
    async messages(conversationId) {
      const rows = await sql.rows<ConversationMessage>(
        `SELECT m.id, m.user_id AS "authorId", u.name AS "authorName", u.role AS "authorRole", m.body, m.created_at AS "createdAt",
           m.seen_at AS "seenAt", m.seq
         FROM messages m JOIN users u ON u.id = m.user_id WHERE m.conversation_id = ? ORDER BY m.seq`,
        [conversationId],
      );
      return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
    },
    markRead: async (conversationId, userId, at) =>
      void (await sql.run(
        `INSERT INTO conversation_reads (conversation_id, user_id, last_read_seq, read_at)
         SELECT id, ?, message_count, ? FROM conversations WHERE id = ?
         ON CONFLICT (conversation_id, user_id) DO UPDATE SET last_read_seq = excluded.last_read_seq, read_at = excluded.read_at`,
        [userId, at, conversationId],
      )),
    markSeen: (conversationId, at) =>
      sql.run(
        `UPDATE messages SET seen_at = ? WHERE conversation_id = ? AND seen_at IS NULL
           AND user_id = (SELECT visitor_id FROM conversations WHERE id = ?)`,
        [at, conversationId, conversationId],
      ),
    setStatus: async (id, status) => void (await sql.run('UPDATE conversations SET status = ? WHERE id = ?', [status, id])),
    setAssignee: async (id, userId) => void (await sql.run('UPDATE conversations SET assignee_id = ? WHERE id = ?', [userId, id])),
    account: (userId) => one('SELECT id, role, specialist_id AS "specialistId" FROM users WHERE id = ?', [userId]),
  };
}
