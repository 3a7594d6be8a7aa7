// Creating an account without telling anyone whether an address has one: POST /signup answers
// "Check your email to finish" for a new and an existing address alike, after the same work (one
// scrypt hash). The new address gets a link that creates the account; the existing one gets a note
// that someone tried, with a link to sign in. Nothing personal is logged.
import { z } from 'zod';
import { hashPassword } from '../passwords.js';
import { checkEmailPage, confirmSignupPage, messagePage, signupPage, type Errors } from '../pages.js';
import { clientIp, ownOrigin, type Deps, type Router } from '../http.js';
import { html, readForm } from '../forms.js';
import { readHandoff, refusal } from '../handoff.js';
import { sendLater } from '../mail.js';
import { cleanName, isCommonPassword, MIN_PASSWORD_LENGTH } from '../text-rules.js';
import { isExternalReturn } from '../return-to.js';
import { hashToken, newToken, sessionCookie, startSession } from '../sessions.js';
import { EmailTakenError } from '../store/index.js';
import { iso } from '../time.js';
import { formHtml, inMinutes } from './auth.js';
import { randomUUID } from 'node:crypto';
import { pageLanguage, type PageLang } from '../page-language.js';
import { EMAIL_LIKE, TOKEN } from '../validation.js';

const SIGNUP_WINDOW_MS = 60 * 60_000;
const LINK_HOURS = 24;

export const emailSchema = z.string().trim().min(1, 'Enter your email address').max(254, 'Enter an email address of at most 254 characters').email(EMAIL_LIKE);

/** A new password's rules (sign-up, an invited colleague's first password, npm run admin -- add-staff). */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'Enter a password of at most 200 characters')
  .refine((pw) => !isCommonPassword(pw), 'This password is one of the most common ones, which are guessed first. Choose another: a few unrelated words are easy to remember.');

export const signupSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100, 'Enter a name of at most 100 characters').superRefine(cleanName),
  email: emailSchema,
  password: passwordSchema,
});

const tooManySignups = (seconds: number) =>
  `Too many accounts have been created from your network recently. Please try again in ${inMinutes(seconds)}.`;

const linkNotValid = (lang: PageLang) =>
  html(
    messagePage(
      'Link not valid',
      'This link has been used already or is more than 24 hours old. Create your account again to get a new one.',
      { href: '/signup', text: 'Create an account' },
      lang,
    ),
    400,
  );

export function signupRoutes(r: Router, deps: Deps): void {
  const { store } = deps;

  r.on('GET', '/signup', (c) => {
    const lang = pageLanguage(c);
    const read = readHandoff(c, deps, (name) => c.req.query(name));
    if (!read.ok) return refusal(read, lang);
    return formHtml(read.handoff.returnTo, signupPage({ ...read.handoff, lang }));
  });

  r.on('POST', '/signup', async (c) => {
    const form = await readForm(c, deps);
    if (form instanceof Response) return form;
    const lang = pageLanguage(c);
    const read = readHandoff(c, deps, (name) => form.get(name));
    if (!read.ok) return refusal(read, lang);
    const h = { ...read.handoff, lang };
    const values = { name: form.get('name') ?? '', email: form.get('email') ?? '' };
    const parsed = signupSchema.safeParse({ ...values, password: form.get('password') ?? '' });
    if (!parsed.success) {
      const errors: Errors = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return formHtml(h.returnTo, signupPage({ ...h, values, errors }), 422);
    }
    // Sign-ups per client address, counted before the scrypt hash.
    const limit = await store.limits.take([[`signup-ip\n${clientIp(c, deps.config)}`, deps.config.signupsPerHour]], SIGNUP_WINDOW_MS, deps.now().getTime());
    if (!limit.ok) {
      return formHtml(h.returnTo, signupPage({ ...h, values, errors: { limit: tooManySignups(limit.retryAfter) } }), 429, {
        'Retry-After': String(limit.retryAfter),
      });
    }
    const { name, email, password } = parsed.data;
    const passwordHash = await hashPassword(password);
    const own = ownOrigin(c, deps.config);
    if (await store.accounts.findUserByEmail(email)) {
      sendLater(deps.mailer, {
        to: email,
        subject: 'Someone tried to create an account with your address',
        text:
          `Someone, perhaps you, tried to create a hearth account with this email address, which has one already.\n\n` +
          `To sign in, go to ${own}/login\n\nIf it was not you, you can ignore this email: nothing has changed.`,
      });
    } else {
      const token = newToken();
      const now = deps.now();
      await store.accounts.insertPendingSignup({
        tokenHash: hashToken(token),
        email,
        name,
        passwordHash,
        returnTo: h.returnTo && !isExternalReturn(h.returnTo) ? h.returnTo : null,
        createdAt: iso(now),
        expiresAt: iso(now.getTime() + LINK_HOURS * 3_600_000),
      });
      sendLater(deps.mailer, {
        to: email,
        subject: 'Finish creating your account',
        text:
          `To finish creating your hearth account, open this link within ${LINK_HOURS} hours:\n\n${own}/signup/confirm?token=${token}\n\n` +
          `If you did not ask for an account, you can ignore this email: no account is created without the link.`,
      });
    }
    return html(checkEmailPage(lang));
  });

  r.on('GET', '/signup/confirm', (c) => {
    const token = c.req.query('token') ?? '';
    const lang = pageLanguage(c);
    return TOKEN.test(token) ? html(confirmSignupPage(token, lang)) : linkNotValid(lang);
  });

  r.on('POST', '/signup/confirm', async (c) => {
    const form = await readForm(c, deps, { href: '/signup', text: 'Create an account' });
    if (form instanceof Response) return form;
    const lang = pageLanguage(c);
    const token = form.get('token') ?? '';
    const now = deps.now();
    const pending = TOKEN.test(token) ? await store.accounts.takePendingSignup(hashToken(token), iso(now)) : undefined;
    if (!pending) return linkNotValid(lang);
    const user = { id: randomUUID(), name: pending.name, email: pending.email };
    try {
      await store.accounts.createUser({ ...user, passwordHash: pending.passwordHash, createdAt: iso(now) });
    } catch (e) {
      if (!(e instanceof EmailTakenError)) throw e;
      return html(messagePage('You have an account already', 'This email address has an account already. Sign in with it.', undefined, lang), 409);
    }
    const { token: session } = await startSession(deps, user.id, 'cookie');
    const headers = { 'Set-Cookie': sessionCookie(c, deps, session), 'Cache-Control': 'no-store' };
    if (pending.returnTo) return new Response(null, { status: 303, headers: { ...headers, Location: pending.returnTo } });
    return html(
      messagePage('Your account is ready', 'You are signed in. Go back to the page where you started and press Log in to continue there.', {
        href: '/',
        text: 'Go to the start page',
      }, lang),
      200,
      headers,
    );
  });
}
