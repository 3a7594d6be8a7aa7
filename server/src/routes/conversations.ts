// The care team's side of messages (issue 12): a visitor's messages to one recipient form a
// conversation, which staff read and answer.
//   GET   /api/conversations                      the caller's, newest activity first, keyset-paginated
//                                                 (?status, ?mine, ?recipient: a specialist id or team)
//   GET   /api/conversations/{id}                 with its messages; marks it read for the caller (and, for
//                                                 staff, the visitor's messages seen: a conversation.updated event)
//   POST  /api/conversations/{id}/messages        a reply (staff) or a follow-up (the visitor)
//   PATCH /api/conversations/{id}                 {status} (staff), {assignee} (admin)
//   POST  /api/conversations/{id}/read            marks it read for the caller
// Authorization is per row (conversation-access.ts). Bodies are sealed at rest (crypto-box.ts) and never logged.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canChange, canSee, isStaff, type Access } from '../conversation-access.js';
import { checkIdempotencyKey, idempotentWrite } from '../idempotency.js';
import { problem, validationProblem, type Answer } from '../problem.js';
import { BAD_CURSOR, DEFAULT_PAGE, ID, invalid, oneOf, pageLimit, queryOf } from '../validation.js';
import { ownOrigin, readJsonBody, send, type Ctx, type Deps, type Router } from '../http.js';
import type { Account, Conversation, ConversationListItem, ConversationStatus, Repositories } from '../store/index.js';
import { iso } from '../time.js';
import { announce } from '../events.js';
import { notify } from '../notify.js';
import { messageBodySchema, messageLimit } from './messages.js';

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
export const PREVIEW_CHARS = 120;

const unauthorized = () => problem(401, 'Sign in to see your conversations.', { name: 'unauthorized', title: 'Sign-in required' });
const notFound = () => problem(404, 'There is no such conversation.');
const refusal = (access: Exclude<Access, 'ok'>, what = 'see this conversation'): Answer =>
  access === 'not-found' ? notFound() : problem(403, `You may not ${what}.`, { name: 'not-allowed', title: 'Not allowed' });

/** The opaque `before` cursor: base64url of "<lastActivityAt> <id>". */
export const cursorOf = (c: Pick<Conversation, 'lastActivityAt' | 'id'>) => Buffer.from(`${c.lastActivityAt} ${c.id}`).toString('base64url');
function parseCursor(raw: string): { at: string; id: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return undefined;
  const [at, id, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split(' ');
  return at && id && !rest.length && INSTANT_RE.test(at) && ID.test(id) ? { at, id } : undefined;
}

/** First `n` characters (code points, so no surrogate is cut in half). */
const firstChars = (s: string, n: number) => [...s].slice(0, n).join('');

type Summary = Conversation & { visitorName: string; assigneeName: string | null };
/** The fields every view of a conversation shares; the visitor's id and name only for staff. */
function summaryOf(c: Summary, viewer: Account) {
  return {
    id: c.id,
    subject: c.subject,
    recipient: c.specialistId ?? 'team',
    status: c.status,
    assignee: c.assigneeId ? { id: c.assigneeId, name: c.assigneeName ?? '' } : null,
    lastActivityAt: c.lastActivityAt,
    createdAt: c.createdAt,
    ...(isStaff(viewer) ? { visitor: { id: c.visitorId, name: c.visitorName } } : {}),
  };
}

const listQuerySchema = z.object({
  status: oneOf(['open', 'handled'], 'Use open or handled').optional(),
  mine: oneOf(['0', '1'], 'Use 1 or 0').optional(),
  recipient: z.string().min(1, 'Use a specialist id or team').max(100, 'Use a specialist id or team (at most 100 characters)').optional(),
  before: z.string().optional(),
  limit: pageLimit(),
});

const updateSchema = z
  .object({
    status: oneOf(['open', 'handled'], 'Use open or handled').optional(),
    assignee: z.string({ invalid_type_error: 'Use a staff account id, or null' }).max(100).nullable().optional(),
  })
  .refine((u) => u.status !== undefined || u.assignee !== undefined, { message: 'Send status or assignee', path: [''] });

const replySchema = z.object({ body: messageBodySchema });

export function conversationRoutes(r: Router, deps: Deps): void {
  const { store } = deps;

  /** The signed-in user, or the 401 answer. */
  const signedIn = (c: Ctx): Account | Response => c.get('auth').user ?? send(unauthorized());
  const idOf = (c: Ctx) => {
    const id = c.req.param('id');
    return id && ID.test(id) ? id : undefined;
  };
  /**
   * The signed-in user and the conversation `:id` they may see, or the answer (401, 404 or 403).
   * Visibility comes before anything about the body: nobody learns of a conversation they may not see.
   */
  const visible = async (c: Ctx): Promise<{ user: Account; conv: Conversation } | Response> => {
    const user = signedIn(c);
    if (user instanceof Response) return user;
    const id = idOf(c);
    const conv = id ? await store.conversations.get(id) : undefined;
    const seen = canSee(user, conv);
    return seen === 'ok' ? { user, conv: conv! } : send(refusal(seen));
  };

  r.on('GET', '/api/conversations', async (c) => {
    const user = signedIn(c);
    if (user instanceof Response) return user;
    const parsed = listQuerySchema.safeParse(queryOf(c, listQuerySchema));
    if (!parsed.success) return send(invalid(parsed.error, 'Check the filters.'));
    const q = parsed.data;
    const before = q.before === undefined ? undefined : parseCursor(q.before);
    if (q.before !== undefined && !before) return send(validationProblem(BAD_CURSOR, 'Check the filters.'));
    const limit = q.limit ?? DEFAULT_PAGE;
    const recipient = q.recipient === undefined ? undefined : q.recipient === 'team' ? null : q.recipient;
    const rows = await store.conversations.list({ viewer: user, status: q.status as ConversationStatus | undefined, mine: q.mine === '1', recipient, before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return send({
      status: 200,
      body: {
        items: page.map((row: ConversationListItem) => ({
          ...summaryOf(row, user),
          preview: firstChars(row.lastBody === null ? '' : deps.box.open(row.lastBody, 'message'), PREVIEW_CHARS),
          unread: row.unread,
        })),
        next: rows.length > limit ? cursorOf(page[page.length - 1]!) : null,
      },
    });
  });

  /**
   * Reads the conversation, checks the caller may see it, marks it read (and, for staff, seen).
   * When visitor messages newly became seen, records a conversation.updated event (last in the
   * transaction, as events.add asks) so the visitor's page shows "Seen" live; `seen` says to
   * announce it after the commit.
   */
  const open = async (user: Account, id: string | undefined, tx: Repositories) => {
    const conv = id ? await tx.conversations.get(id) : undefined;
    const access = canSee(user, conv);
    if (access !== 'ok') return { answer: refusal(access), seen: false };
    const at = iso(deps.now());
    await tx.conversations.markRead(conv!.id, user.id, at);
    const seen = isStaff(user) && conv!.visitorId !== user.id && (await tx.conversations.markSeen(conv!.id, at)) > 0;
    if (seen) await tx.events.add({ type: 'conversation.updated', conversationId: conv!.id, createdAt: at });
    return { conv: conv!, seen };
  };

  r.on('GET', '/api/conversations/:id', async (c) => {
    const user = signedIn(c);
    if (user instanceof Response) return user;
    let seen: string | undefined; // a conversation whose seen event was recorded
    const answer = await store.transaction(async (tx) => {
      const o = await open(user, idOf(c), tx);
      if (!o.conv) return o.answer;
      if (o.seen) seen = o.conv.id;
      const messages = await tx.conversations.messages(o.conv.id);
      return {
        status: 200,
        body: {
          ...summaryOf(o.conv, user),
          messages: messages.map((m) => ({
            id: m.id,
            author: { id: m.authorId, name: m.authorName, role: m.authorRole },
            body: deps.box.open(m.body, 'message'),
            createdAt: m.createdAt,
            ...(m.authorId === o.conv!.visitorId ? { seenAt: m.seenAt } : {}),
          })),
        },
      } satisfies Answer;
    });
    if (seen) announce(deps, seen); // after the commit
    return send(answer);
  });

  r.on('POST', '/api/conversations/:id/read', async (c) => {
    const user = signedIn(c);
    if (user instanceof Response) return user;
    let seen: string | undefined;
    const answer = await store.transaction(async (tx) => {
      const o = await open(user, idOf(c), tx);
      if (o.seen) seen = o.conv!.id;
      return o.conv ? { status: 204, body: null } : o.answer;
    });
    if (seen) announce(deps, seen); // after the commit
    return answer.status === 204 ? new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } }) : send(answer);
  });

  r.on('PATCH', '/api/conversations/:id', async (c) => {
    const found = await visible(c);
    if (found instanceof Response) return found;
    const { user, conv } = found;
    if (!isStaff(user)) return send(refusal('forbidden', 'change this conversation'));
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const parsed = updateSchema.safeParse(body.value);
    if (!parsed.success) return send(invalid(parsed.error, 'The conversation was not changed: check the fields.'));
    const u = parsed.data;
    const answer = await store.transaction(async (tx): Promise<Answer> => {
      const current = await tx.conversations.get(conv.id);
      if (u.assignee !== undefined) {
        const access = canChange(user, current, 'assignee');
        if (access !== 'ok') return refusal(access, 'assign conversations (admins only)');
        if (u.assignee !== null) {
          const who = await tx.conversations.account(u.assignee);
          if (!who || !isStaff(who) || canSee(who, current) !== 'ok')
            return validationProblem({ assignee: ['Choose a staff member who may see this conversation'] }, 'The conversation was not changed: check the fields.');
        }
        await tx.conversations.setAssignee(conv.id, u.assignee);
      }
      if (u.status !== undefined) {
        const access = canChange(user, current, 'status');
        if (access !== 'ok') return refusal(access, 'change this conversation');
        await tx.conversations.setStatus(conv.id, u.status);
      }
      await tx.events.add({ type: 'conversation.updated', conversationId: conv.id, createdAt: iso(deps.now()) });
      return { status: 200, body: summaryOf((await tx.conversations.get(conv.id))!, user) };
    });
    if (answer.status === 200) announce(deps, conv.id); // after the commit
    return send(answer);
  });

  r.on('POST', '/api/conversations/:id/messages', async (c) => {
    const found = await visible(c);
    if (found instanceof Response) return found;
    const { user, conv } = found;
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const key = c.req.header('idempotency-key');
    const keyProblem = checkIdempotencyKey(key);
    if (keyProblem) return send(keyProblem);
    const scope = `POST /api/conversations/${conv.id}/messages\n${user.id}`;
    let written = false; // its event is recorded
    const answer = await idempotentWrite(deps, { scope, key: key!, body: body.value, text: body.text }, async (tx) => {
      const parsed = replySchema.safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error, 'The message could not be sent: check the fields.');
      const now = deps.now();
      const tooMany = await messageLimit(tx, deps, user.id, now);
      if (tooMany) return tooMany;
      const m = { id: randomUUID(), createdAt: iso(now), conversationId: conv.id };
      await tx.conversations.addMessage({ ...m, userId: user.id, recipient: null, subject: null, body: deps.box.seal(parsed.data.body, 'message'), pageUrl: null });
      // The visitor writing again reopens it; the author has read everything up to their own message.
      if (user.id === conv.visitorId) await tx.conversations.setStatus(conv.id, 'open');
      await tx.conversations.markRead(conv.id, user.id, m.createdAt);
      // A staff reply: "You have a reply" to the visitor; the visitor writing again: the team's mail and the webhook (notify.ts).
      const event = user.id === conv.visitorId ? ('message.created' as const) : ('reply.created' as const);
      await notify(deps, tx, { type: event, messageId: m.id, conversationId: conv.id, origin: ownOrigin(c, deps.config) });
      await tx.events.add({ type: 'conversation.message', conversationId: conv.id, messageId: m.id, createdAt: m.createdAt });
      written = true;
      return { status: 201, body: m };
    });
    if (written) announce(deps, conv.id); // after the commit
    return send(answer);
  });
}
