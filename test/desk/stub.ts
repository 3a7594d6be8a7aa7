/** A backend stub for <hearth-desk> tests: conversations in memory, answers the test may replace. */
import type {
  ConversationDetail,
  ConversationItem,
  ConversationQuery,
  HearthBackend,
  LiveStreamListener,
  MessageCreated,
  Session,
  StaffInvite,
  StaffMember,
} from '../../src/core/backend.js';
import { HearthError } from '../../src/core/errors.js';

export type Role = 'admin' | 'specialist' | 'visitor';
export const AUTH = 'https://auth.example';
export const ME = { id: 'u-olena', name: 'Dr. Olena Kovalenko' };

let at = Date.parse('2026-03-02T09:00:00Z');
const time = () => new Date((at += 60_000)).toISOString();

/** A conversation with one visitor message. */
export function conversation(id: string, fields: Partial<ConversationDetail> & { visitorName?: string; body?: string } = {}): ConversationDetail {
  const { visitorName = `Visitor ${id}`, body = `Hello from ${id}`, ...rest } = fields;
  const created = time();
  return {
    id,
    subject: `Subject ${id}`,
    recipient: 'team',
    status: 'open',
    assignee: null,
    lastActivityAt: created,
    createdAt: created,
    visitor: { id: `v-${id}`, name: visitorName },
    messages: [{ id: `${id}-m1`, author: { id: `v-${id}`, name: visitorName, role: 'visitor' }, body, createdAt: created, seenAt: null }],
    ...rest,
  };
}

export interface ReplyCall {
  id: string;
  body: string;
  key?: string;
}

/**
 * A desk backend signed in as `role`, with the conversations of `list`. `me` is the specialist signed
 * in: test files run side by side in pages of one origin, and a desk delivers every reply its staff
 * member left in the shared outbox, so a file that leaves replies there signs in as a specialist of
 * its own (reply.test.ts), or another file's desk would send them through its stub.
 */
export function deskStub(role: Role | null = 'specialist', list: ConversationDetail[] = [], me: { id: string; name: string } = ME) {
  const state = { role, unread: new Map<string, number>() };
  const conversations = new Map(list.map((c) => [c.id, c]));
  for (const c of list) state.unread.set(c.id, c.messages.filter((m) => m.author.role == 'visitor').length);
  const replies: ReplyCall[] = [];
  const stored = new Map<string, MessageCreated>();
  const replyAnswers: Array<() => Promise<MessageCreated> | MessageCreated | never> = [];
  const listAnswers: Array<() => Promise<unknown> | never> = [];
  const inviteAnswers: Array<() => never> = [];
  const invites: Array<{ invite: StaffInvite; key?: string }> = [];
  const lists: ConversationQuery[] = [];
  const updates: Array<{ id: string; status?: string; assignee?: string | null }> = [];
  let listener: LiveStreamListener | undefined;
  let signal: AbortSignal | undefined;
  const staff: StaffMember[] = [
    { id: 'u-admin', name: 'Ada Admin', email: 'admin@example.com', role: 'admin', specialist: null, invited: false },
    { id: me.id, name: me.name, email: 'olena@example.com', role: 'specialist', specialist: 'olena-kovalenko', invited: false },
  ];
  const item = (c: ConversationDetail): ConversationItem => {
    const { messages, ...fields } = c;
    return { ...fields, preview: messages.at(-1)!.body.slice(0, 120), unread: state.unread.get(c.id) ?? 0 };
  };
  const user = () => (state.role ? { ...me, ...(state.role == 'admin' ? { id: 'u-admin', name: 'Ada Admin' } : {}), role: state.role } : null);

  const backend: HearthBackend = {
    getReferences: async () => [],
    getSession: async (): Promise<Session> => ({ user: user(), loginUrl: `${AUTH}/login`, signupUrl: `${AUTH}/signup` }),
    listClinicSpecialists: async () => [
      { id: 'olena-kovalenko', name: 'Dr. Olena Kovalenko', title: 'Psychotherapist', timeZone: 'Europe/Kyiv', bio: null, languages: ['uk', 'en'], photoUrl: null, email: null, active: true },
    ],
    async listConversations(query) {
      lists.push(query);
      const answer = listAnswers.shift();
      if (answer) await answer();
      let all = [...conversations.values()].sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
      if (query.status) all = all.filter((c) => c.status == query.status);
      if (query.mine) all = all.filter((c) => c.assignee?.id == user()?.id);
      const start = query.before ? Number(query.before) : 0;
      const limit = query.limit ?? 20;
      const items = all.slice(start, start + limit).map(item);
      return { items, next: start + limit < all.length ? String(start + limit) : null };
    },
    async getConversation(id) {
      const c = conversations.get(id);
      if (!c) throw new HearthError('not-found', 'not found', { status: 404 });
      state.unread.set(id, 0);
      return structuredClone(c);
    },
    async replyToConversation(id, reply, options) {
      replies.push({ id, body: reply.body, key: options?.idempotencyKey });
      const answer = replyAnswers.shift();
      if (answer) await answer();
      const key = options?.idempotencyKey ?? String(Math.random());
      const replayed = stored.get(key);
      if (replayed) return replayed;
      const created = { id: `r${stored.size + 1}`, createdAt: time(), conversationId: id };
      stored.set(key, created);
      const c = conversations.get(id)!;
      c.messages.push({ id: created.id, author: { ...user()!, role: user()!.role as Role }, body: reply.body, createdAt: created.createdAt });
      c.lastActivityAt = created.createdAt;
      return created;
    },
    async updateConversation(id, update) {
      updates.push({ id, ...update });
      const c = conversations.get(id)!;
      if (update.status) c.status = update.status;
      if (update.assignee !== undefined) c.assignee = update.assignee ? { id: update.assignee, name: staff.find((s) => s.id == update.assignee)!.name } : null;
      const { messages: _messages, ...summary } = c;
      return summary;
    },
    async listStaff() {
      return staff;
    },
    async inviteStaff(invite, options) {
      invites.push({ invite, key: options?.idempotencyKey });
      const answer = inviteAnswers.shift();
      if (answer) answer();
      return { id: `u-${invites.length}`, name: invite.name, email: invite.email, role: invite.role, specialist: invite.specialist ?? null, invited: true };
    },
    async watchEvents(l, options) {
      listener = l;
      signal = options.signal;
      l.state?.('live');
    },
  };

  /** A visitor writes: a new conversation, or a message in one; then the live event. */
  const visitorWrites = (c: ConversationDetail) => {
    const known = conversations.get(c.id);
    if (known) {
      const m = { ...c.messages.at(-1)!, id: `${c.id}-m${known.messages.length + 1}`, createdAt: time() };
      known.messages.push(m);
      known.lastActivityAt = m.createdAt;
    } else conversations.set(c.id, c);
    state.unread.set(c.id, (state.unread.get(c.id) ?? 0) + 1);
    const target = conversations.get(c.id)!;
    listener!.event({ type: 'conversation.message', conversationId: c.id, messageId: target.messages.at(-1)!.id });
  };

  return {
    backend,
    state,
    conversations,
    replies,
    replyAnswers,
    listAnswers,
    inviteAnswers,
    invites,
    lists,
    updates,
    visitorWrites,
    get listener() {
      return listener;
    },
    get signal() {
      return signal;
    },
  };
}

export const reject = (error: HearthError) => () => {
  throw error;
};
