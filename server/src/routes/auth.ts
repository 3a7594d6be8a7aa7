// Accounts and sessions: /login and /signup pages (HTML), /auth.js and /auth.css, GET /api/session,
// POST /api/logout. See sessions.ts for cookies and tokens, pages.ts for the markup.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EmailTakenError } from '../store.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { loginPage, popupDonePage, signupPage, type Errors, type FormPage } from '../pages.js';
import { clientIp, isAllowedOrigin, isExternalReturn, ownOrigin, safeReturnTo, send, type Ctx, type Deps, type Router } from '../http.js';
import { html, readForm } from '../forms.js';
import { sessionCookie, startSession } from '../sessions.js';
import { PAGE_CSP } from '../security.js';
import { iso } from '../time.js';

const asset = (name: string) => readFileSync(new URL(`../assets/${name}`, import.meta.url));
const AUTH_JS = asset('auth.js');
const AUTH_CSS = asset('auth.css');

const noControls = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
const emailSchema = z.string().trim().min(1, 'Enter your email address').max(254, 'Enter an email address of at most 254 characters').email('Enter an email address like name@example.com');

const signupSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100, 'Enter a name of at most 100 characters').refine(noControls, 'Enter your name without control characters'),
  email: emailSchema,
  password: z.string().min(8, 'Enter a password of at least 8 characters').max(200, 'Enter a password of at most 200 characters'),
});

/** The popup origin from `?origin=` / the form: undefined when absent, null when present but not allowed. */
function popupOrigin(c: Ctx, deps: Deps, raw: string | null | undefined): string | null | undefined {
  if (!raw) return undefined;
  try {
    const origin = new URL(raw).origin;
    return origin === raw.replace(/\/$/, '') && isAllowedOrigin(c, deps.config, origin) ? origin : null;
  } catch {
    return null;
  }
}

const NOT_ALLOWED =
  'The site that opened this window is not on this server’s list of allowed sites, so it cannot be signed in from here. You can still sign in to this server.';

const LOGIN_WINDOW_MS = 15 * 60_000;
const SIGNUP_WINDOW_MS = 60 * 60_000;

const inMinutes = (seconds: number) => {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minute' : `${m} minutes`;
};
/** The same words whether or not the account exists: the lock depends only on the counts. */
const tooManyLogins = (seconds: number) =>
  `There have been too many attempts to sign in, so signing in is paused for now. Please try again in ${inMinutes(seconds)}.`;
const tooManySignups = (seconds: number) =>
  `Too many accounts have been created from your network recently. Please try again in ${inMinutes(seconds)}.`;

/** The return target from `?return=` / the form: a same-origin path or an allowlisted site's URL (see safeReturnTo). */
const returnTarget = (c: Ctx, deps: Deps, raw: string | null | undefined) => safeReturnTo(raw, ownOrigin(c, deps.config), deps.config.allowedOrigins);

/**
 * A sign-in or sign-up page. When it returns to another (allowlisted) site, its CSP lets the form
 * be redirected there: browsers apply `form-action` to a form post's redirects too.
 */
const formHtml = (returnTo: string | undefined, body: string, status?: number, headers: Record<string, string> = {}) =>
  html(body, status, {
    ...headers,
    ...(isExternalReturn(returnTo) ? { 'Content-Security-Policy': PAGE_CSP.replace("form-action 'self'", `form-action 'self' ${new URL(returnTo).origin}`) } : {}),
  });

/**
 * After a successful sign-in: the popup's token page, or a redirect to the return path, or (an
 * allowlisted site's page, the popup having been blocked) to that page with a bearer token in the
 * fragment, `#hearth-token=<token>`: a fragment reaches neither servers nor logs.
 */
function finish(deps: Deps, user: { id: string; name: string }, origin: string | undefined, returnTo: string | undefined, setCookie?: string): Response {
  const headers: Record<string, string> = setCookie ? { 'Set-Cookie': setCookie } : {};
  if (origin) {
    const token = startSession(deps, user.id, 'bearer');
    return html(popupDonePage({ name: user.name, origin, token }), 200, headers);
  }
  const location = isExternalReturn(returnTo) ? `${returnTo}#hearth-token=${startSession(deps, user.id, 'bearer')}` : (returnTo ?? '/');
  return new Response(null, { status: 303, headers: { ...headers, Location: location, 'Cache-Control': 'no-store' } });
}

export function authRoutes(r: Router, deps: Deps): void {
  const { store } = deps;

  r.on('GET', '/auth.js', () => new Response(AUTH_JS, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' } }));
  r.on('GET', '/auth.css', () => new Response(AUTH_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' } }));

  /** Both pages: reads ?origin and ?return; a signed-in visitor is sent on at once. */
  const showForm = (page: (p: FormPage) => string) => (c: Ctx) => {
    const origin = popupOrigin(c, deps, c.req.query('origin'));
    const returnTo = returnTarget(c, deps, c.req.query('return'));
    if (origin === null) return formHtml(returnTo, page({ returnTo, notice: NOT_ALLOWED }), 400);
    const { user, via } = c.get('auth');
    if (user && via === 'cookie') return finish(deps, user, origin, returnTo);
    return formHtml(returnTo, page({ origin, returnTo }));
  };
  r.on('GET', '/login', showForm(loginPage));
  r.on('GET', '/signup', showForm(signupPage));

  r.on('POST', '/login', async (c) => {
    const form = await readForm(c, deps);
    if (form instanceof Response) return form;
    const origin = popupOrigin(c, deps, form.get('origin'));
    const returnTo = returnTarget(c, deps, form.get('return'));
    if (origin === null) return formHtml(returnTo, loginPage({ returnTo, notice: NOT_ALLOWED }), 400);
    const email = (form.get('email') ?? '').trim();
    const password = form.get('password') ?? '';
    const errors: Errors = {};
    if (!email) errors.email = 'Enter your email address';
    if (!password) errors.password = 'Enter your password';
    if (Object.keys(errors).length) return formHtml(returnTo, loginPage({ values: { email }, errors, origin, returnTo }), 422);
    // Failed attempts are limited per email and per client address. The attempt is counted before
    // the (awaited) password check, so parallel guesses cannot slip past the limit; a success
    // takes its per-address hit back and clears the email's count. While limited, even the right
    // password is refused (no oracle) and no scrypt is spent.
    const at = deps.now().getTime();
    const emailKey = `login-email\n${email.toLowerCase()}`;
    const ipKey = `login-ip\n${clientIp(c, deps.config)}`;
    const perEmail = deps.config.loginsPer15Min;
    const limit = deps.limiter.takeEach([[emailKey, perEmail], [ipKey, perEmail * 3]], LOGIN_WINDOW_MS, at);
    if (!limit.ok) {
      return formHtml(returnTo, loginPage({ values: { email }, errors: { limit: tooManyLogins(limit.retryAfter) }, origin, returnTo }), 429, {
        'Retry-After': String(limit.retryAfter),
      });
    }
    const found = email.length <= 254 ? store.findUserByEmail(email) : undefined;
    // Over-long passwords are wrong (signup allows 200 characters) but still cost one scrypt.
    const ok = await verifyPassword(password.slice(0, 200), password.length <= 200 ? found?.passwordHash : undefined);
    if (!ok || !found) {
      return formHtml(returnTo, loginPage({ values: { email }, errors: { email: 'The email address or password is not right' }, origin, returnTo }), 401);
    }
    deps.limiter.reset(emailKey);
    deps.limiter.untake(ipKey, at);
    const token = startSession(deps, found.id, 'cookie');
    return finish(deps, found, origin, returnTo, sessionCookie(c, deps, token));
  });

  r.on('POST', '/signup', async (c) => {
    const form = await readForm(c, deps);
    if (form instanceof Response) return form;
    const origin = popupOrigin(c, deps, form.get('origin'));
    const returnTo = returnTarget(c, deps, form.get('return'));
    if (origin === null) return formHtml(returnTo, signupPage({ returnTo, notice: NOT_ALLOWED }), 400);
    const values = { name: form.get('name') ?? '', email: form.get('email') ?? '' };
    const parsed = signupSchema.safeParse({ ...values, password: form.get('password') ?? '' });
    if (!parsed.success) {
      const errors: Errors = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return formHtml(returnTo, signupPage({ values, errors, origin, returnTo }), 422);
    }
    // Sign-ups per client address (counted before the scrypt hash and the "exists already" answer).
    const limit = deps.limiter.take([`signup-ip\n${clientIp(c, deps.config)}`], deps.config.signupsPerHour, SIGNUP_WINDOW_MS, deps.now().getTime());
    if (!limit.ok) {
      return formHtml(returnTo, signupPage({ values, errors: { limit: tooManySignups(limit.retryAfter) }, origin, returnTo }), 429, {
        'Retry-After': String(limit.retryAfter),
      });
    }
    const user = { id: randomUUID(), name: parsed.data.name, email: parsed.data.email };
    const passwordHash = await hashPassword(parsed.data.password);
    try {
      store.createUser({ ...user, passwordHash, createdAt: iso(deps.now()) });
    } catch (e) {
      if (!(e instanceof EmailTakenError)) throw e;
      return formHtml(returnTo, signupPage({ values, errors: { email: 'An account with this email address exists already: sign in instead' }, origin, returnTo }), 422);
    }
    const token = startSession(deps, user.id, 'cookie');
    return finish(deps, user, origin, returnTo, sessionCookie(c, deps, token));
  });

  r.on('GET', '/api/session', (c) => {
    const { user } = c.get('auth');
    const own = ownOrigin(c, deps.config);
    return send({
      status: 200,
      body: { user: user ? { id: user.id, name: user.name } : null, loginUrl: `${own}/login`, signupUrl: `${own}/signup` },
    });
  });

  r.on('POST', '/api/logout', (c) => {
    const { tokenHash, via } = c.get('auth');
    if (tokenHash) store.deleteSession(tokenHash);
    return send({ status: 204, body: undefined }, via === 'bearer' ? {} : { 'Set-Cookie': sessionCookie(c, deps, null) });
  });
}
