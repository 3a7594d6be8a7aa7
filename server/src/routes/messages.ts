// POST /api/messages: a signed-in visitor writes to a specialist or to the team ("contact us").
// The message joins the visitor's conversation with that recipient (conversations.ts): the most
// recently active one, unless this message names another subject than that one's, which starts a
// new conversation. Writing to a handled conversation reopens it.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkIdempotencyKey, idempotentWrite } from '../idempotency.js';
import { problem, validationProblem, type Answer } from '../problem.js';
import { ownOrigin, readJsonBody, send, type Deps, type Router } from '../http.js';
import type { Repositories } from '../store/index.js';
import { iso } from '../time.js';
import { announce } from '../events.js';
import { cleanName } from '../text-rules.js';
import { notify } from '../notify.js';
import { invalid, NO_NUL, noNul, optional, requiredText } from '../validation.js';

export const messageBodySchema = requiredText('Write a message').max(5000, 'Use at most 5,000 characters').refine(noNul, NO_NUL);

/** The recipient of a message to the whole care team. */
export const TEAM = 'team';

export const messageSchema = z.object({
  to: optional(z.string().trim().max(100, 'Use at most 100 characters').superRefine(cleanName)),
  subject: optional(z.string().trim().max(200, 'Use at most 200 characters').superRefine(cleanName)),
  body: messageBodySchema,
  pageUrl: optional(
    z
      .string()
      .max(2000, 'Use a URL of at most 2,000 characters')
      .refine((s) => {
        try {
          return /^https?:$/.test(new URL(s).protocol);
        } catch {
          return false;
        }
      }, 'Use an http or https URL'),
  ),
});

/**
 * Takes one message from the account's allowance (visitors' messages and the care team's replies
 * alike, per minute): the 429 answer when it is used up.
 */
export async function messageLimit(tx: Repositories, deps: Deps, userId: string, now: Date): Promise<Answer | undefined> {
  const limit = await tx.limits.take([[`messages\n${userId}`, deps.config.messagesPerMinute]], 60_000, now.getTime());
  if (limit.ok) return undefined;
  return problem(429, `Too many messages: wait ${limit.retryAfter} seconds, then send again.`, {
    name: 'rate-limited',
    headers: { 'Retry-After': String(limit.retryAfter) },
  });
}

export function messageRoutes(r: Router, deps: Deps): void {
  r.on('POST', '/api/messages', async (c) => {
    const { user } = c.get('auth');
    if (!user) return send(problem(401, 'Sign in to send a message.', { name: 'unauthorized', title: 'Sign-in required' }));
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const key = c.req.header('idempotency-key');
    const keyProblem = checkIdempotencyKey(key);
    if (keyProblem) return send(keyProblem);

    let written: string | undefined; // the conversation, once its event is recorded
    const answer = await idempotentWrite(deps, { scope: `POST /api/messages\n${user.id}`, key: key!, body: body.value, text: body.text }, async (tx) => {
      const parsed = messageSchema.safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error, 'The message could not be sent: check the fields.');
      const now = deps.now();
      const tooMany = await messageLimit(tx, deps, user.id, now);
      if (tooMany) return tooMany;
      const { to = TEAM, subject, body: text, pageUrl } = parsed.data;
      if (to !== TEAM && !(await tx.specialists.get(to)))
        return validationProblem({ to: ['Choose a specialist from the list, or write to the team'] }, 'The message could not be sent: check the fields.');
      const specialistId = to === TEAM ? null : to;
      const createdAt = iso(now);
      const latest = await tx.conversations.latestFor(user.id, specialistId);
      const sameSubject = latest && (!subject || subject.toLowerCase() === latest.subject?.toLowerCase());
      const conversationId = sameSubject ? latest.id : randomUUID();
      if (!sameSubject) await tx.conversations.create({ id: conversationId, visitorId: user.id, specialistId, subject: subject ?? null, createdAt });
      else if (latest.status !== 'open') await tx.conversations.setStatus(conversationId, 'open');
      const m = { id: randomUUID(), createdAt, conversationId };
      await tx.conversations.addMessage({ ...m, userId: user.id, recipient: to, subject: subject ?? null, body: deps.box.seal(text, 'message'), pageUrl: pageUrl ?? null });
      await tx.conversations.markRead(conversationId, user.id, createdAt);
      // The care team's mail and the webhook, committed with the message (never its text: notify.ts).
      await notify(deps, tx, { type: 'message.created', messageId: m.id, conversationId, origin: ownOrigin(c, deps.config) });
      await tx.events.add({ type: 'conversation.message', conversationId, messageId: m.id, createdAt });
      written = conversationId;
      return { status: 201, body: m };
    });
    if (written) announce(deps, written); // after the commit
    return send(answer);
  });
}
