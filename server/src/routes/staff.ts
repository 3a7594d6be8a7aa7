// The care team's accounts (issue 12), for admins:
//   GET  /api/staff     every specialist and admin account, by name (for assigning conversations)
//   POST /api/staff     invites a colleague: the account exists at once without a usable password,
//                       and an email carries a single-use link (7 days) to /invite?token=…
//   GET  /invite        "Choose a password" (the link's page; a mail scanner opening it changes nothing)
//   POST /invite        sets the password, uses up the link, signs in by cookie, 303 to /desk
// Only the link token's SHA-256 is stored. The email says only that they are invited, and the link.
// Nothing here logs a name or an email (the request log has the route pattern only).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { invitePage } from '../desk-pages.js';
import { html, readForm } from '../forms.js';
import { checkIdempotencyKey, idempotentWrite } from '../idempotency.js';
import { messagePage } from '../pages.js';
import { pageLanguage, type PageLang } from '../page-language.js';
import { hashPassword } from '../passwords.js';
import { fieldErrorsOf, problem, validationProblem, type Answer, type FieldErrors } from '../problem.js';
import { ownOrigin, readJsonBody, send, type Ctx, type Deps, type Router } from '../http.js';
import { sendLater, type Mail } from '../mail.js';
import { hashToken, newToken, sessionCookie, startSession } from '../sessions.js';
import { EmailTakenError, type Account, type StaffAccount } from '../store/index.js';
import { cleanName } from '../text-rules.js';
import { iso } from '../time.js';
import { oneOf, requiredText, TOKEN } from '../validation.js';
import { emailSchema, passwordSchema } from './signup.js';

export const INVITE_DAYS = 7;
/** Invitations an admin may send per hour. */
const INVITES_PER_HOUR = 50;

const inviteSchema = z.object({
  email: emailSchema,
  name: requiredText('Enter their name').max(100, 'Enter a name of at most 100 characters').superRefine(cleanName),
  role: oneOf(['specialist', 'admin'], 'Use specialist or admin'),
  specialist: z.string({ invalid_type_error: 'Use a specialist id (GET /api/specialists), or null' }).max(100, 'Use a specialist id (GET /api/specialists)').nullable().optional(),
});

/** StaffMember of the contract. */
export const staffMemberOf = (s: StaffAccount) => ({ id: s.id, name: s.name, email: s.email, role: s.role, specialist: s.specialistId, invited: s.invited });

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const linkNotValid = (lang: PageLang) =>
  html(
    messagePage(
      'Link not valid',
      `This invitation link has been used already, or it is more than ${INVITE_DAYS} days old. If you have chosen your password, sign in; otherwise ask an administrator of the care team to invite you again.`,
      { href: '/login?return=/desk', text: 'Go to sign in' },
      lang,
    ),
    400,
  );

export function staffRoutes(r: Router, deps: Deps): void {
  const { store } = deps;

  /** The signed-in admin, or the 401/403 answer. */
  const admin = (c: Ctx): Account | Response => {
    const user = c.get('auth').user;
    if (!user) return send(problem(401, 'Sign in to see the care team.', { name: 'unauthorized', title: 'Sign-in required' }));
    if (user.role !== 'admin') return send(problem(403, 'Only an administrator may manage the care team’s accounts.', { name: 'not-allowed', title: 'Not allowed' }));
    return user;
  };

  r.on('GET', '/api/staff', async (c) => {
    const user = admin(c);
    if (user instanceof Response) return user;
    const staff = await store.staff.list();
    staff.sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return send({ status: 200, body: staff.map(staffMemberOf) });
  });

  r.on('POST', '/api/staff', async (c) => {
    const user = admin(c);
    if (user instanceof Response) return user;
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const key = c.req.header('idempotency-key');
    const keyProblem = checkIdempotencyKey(key);
    if (keyProblem) return send(keyProblem);
    const own = ownOrigin(c, deps.config);
    let mail: Mail | undefined; // sent once the invitation has committed
    const answer = await idempotentWrite(deps, { scope: `POST /api/staff\n${user.id}`, key: key!, body: body.value, text: body.text }, async (tx): Promise<Answer> => {
      const parsed = inviteSchema.safeParse(body.value);
      const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
      const raw = body.value && typeof body.value === 'object' && !Array.isArray(body.value) ? (body.value as Record<string, unknown>) : {};
      const given = raw.specialist !== undefined && raw.specialist !== null;
      const choose = 'Choose the specialist this account is for (GET /api/specialists)';
      if (raw.role === 'specialist' && (!given || raw.specialist === '')) errors.specialist ??= [choose];
      if (raw.role === 'admin' && given) errors.specialist ??= ['Only a specialist account is linked to a specialist: leave it out for an admin'];
      if (raw.role === 'specialist' && typeof raw.specialist === 'string' && raw.specialist && !errors.specialist && !(await tx.specialists.get(raw.specialist)))
        errors.specialist = ['There is no specialist with this id (GET /api/specialists)'];
      if (parsed.success && !errors.email && (await tx.accounts.findUserByEmail(parsed.data.email))) errors.email = ['This address has an account already'];
      if (!parsed.success || Object.keys(errors).length) return validationProblem(errors, 'Nobody was invited: check the fields.');
      const limit = await tx.limits.take([[`staff-invites\n${user.id}`, INVITES_PER_HOUR]], 3_600_000, deps.now().getTime());
      if (!limit.ok)
        return problem(429, `Too many invitations: wait ${limit.retryAfter} seconds, then try again.`, { name: 'rate-limited', headers: { 'Retry-After': String(limit.retryAfter) } });
      const { email, name, role } = parsed.data;
      const now = deps.now();
      const account: StaffAccount = { id: randomUUID(), name, email, role, specialistId: role === 'specialist' ? (parsed.data.specialist ?? null) : null, invited: true };
      try {
        await tx.accounts.createUser({ id: account.id, email, name, passwordHash: '', createdAt: iso(now), role, specialistId: account.specialistId });
      } catch (e) {
        if (e instanceof EmailTakenError) return validationProblem({ email: ['This address has an account already'] }, 'Nobody was invited: check the fields.');
        throw e;
      }
      const token = newToken();
      await tx.staff.insertInvite({ tokenHash: hashToken(token), userId: account.id, createdAt: iso(now), expiresAt: iso(now.getTime() + INVITE_DAYS * 86_400_000) });
      mail = {
        to: email,
        subject: 'You have been invited to the care team',
        text:
          `You have been invited to the care team of ${new URL(own).host} — choose a password: ${own}/invite?token=${token}\n\n` +
          `The link works once, for ${INVITE_DAYS} days. If you did not expect this, you can ignore this email.`,
      };
      return { status: 201, body: staffMemberOf(account) };
    });
    if (mail && answer.status === 201 && !answer.headers?.['Idempotent-Replayed']) sendLater(deps.mailer, mail); // after the commit
    return send(answer);
  });

  r.on('GET', '/invite', async (c) => {
    const token = c.req.query('token') ?? '';
    const invite = TOKEN.test(token) ? await store.staff.findInvite(hashToken(token), iso(deps.now())) : undefined;
    const lang = pageLanguage(c);
    return invite ? html(invitePage({ token, email: invite.email, lang })) : linkNotValid(lang);
  });

  r.on('POST', '/invite', async (c) => {
    const form = await readForm(c, deps, { href: '/login?return=/desk', text: 'Go to sign in' });
    if (form instanceof Response) return form;
    const lang = pageLanguage(c);
    const token = form.get('token') ?? '';
    const tokenHash = TOKEN.test(token) ? hashToken(token) : undefined;
    const invite = tokenHash ? await store.staff.findInvite(tokenHash, iso(deps.now())) : undefined;
    if (!invite) return linkNotValid(lang);
    const parsed = passwordSchema.safeParse(form.get('password') ?? '');
    if (!parsed.success) return html(invitePage({ token, email: invite.email, errors: { password: parsed.error.issues[0]!.message }, lang }), 422);
    const passwordHash = await hashPassword(parsed.data); // before the transaction: scrypt is slow
    // The link is used once, even by two racing posts: the second finds nothing to take.
    const userId = await store.transaction(async (tx) => {
      const taken = await tx.staff.takeInvite(tokenHash!, iso(deps.now()));
      return taken && (await tx.staff.choosePassword(taken.userId, passwordHash)) ? taken.userId : undefined;
    });
    if (!userId) return linkNotValid(lang);
    const { token: session } = await startSession(deps, userId, 'cookie');
    return new Response(null, { status: 303, headers: { Location: '/desk', 'Set-Cookie': sessionCookie(c, deps, session), 'Cache-Control': 'no-store' } });
  });
}

