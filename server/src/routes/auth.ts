// Accounts and sessions: the /login page (and "Continue to site as Ana"), POST /logout from the
// pages, GET /api/session, POST /api/logout, /auth.js and /auth.css. Sign-up is in signup.ts, the
// handoff of a sign-in to a widget (one-time codes) in ../handoff.ts, cookies and tokens in
// ../sessions.ts, the markup in ../pages.ts.
import { readFileSync } from 'node:fs';
import { verifyPassword } from '../passwords.js';
import { carry, continuePage, loginPage, type Handoff } from '../pages.js';
import { clientIp, ownOrigin, send, type Ctx, type Deps, type Router } from '../http.js';
import { html, readForm } from '../forms.js';
import { finishSignIn, readHandoff, refusal, siteOf } from '../handoff.js';
import { createLoginThrottle, loginThrottleOptions } from '../login-throttle.js';
import { isExternalReturn } from '../return-to.js';
import { endSignIn, sessionCookie, startSession } from '../sessions.js';
import { PAGE_CSP } from '../security.js';
import { pageLanguage } from '../page-language.js';

const asset = (name: string) => readFileSync(new URL(`../assets/${name}`, import.meta.url));
const AUTH_JS = asset('auth.js');
const AUTH_CSS = asset('auth.css');

/** "1 minute", "12 minutes": a wait in whole minutes, at least one (also for the sign-up limit). */
export const inMinutes = (seconds: number) => {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? '1 minute' : `${m} minutes`;
};
/** The same words whether or not the account exists: the pause depends only on the counts. */
const tooManyLogins = (seconds: number) =>
  seconds < 60
    ? `There have been too many attempts to sign in, so signing in is paused for now. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`
    : `There have been too many attempts to sign in, so signing in is paused for now. Please try again in ${inMinutes(seconds)}.`;

/**
 * A page of the sign-in flow. When it returns to another (allowlisted) site, its CSP lets the form
 * be redirected there: browsers apply `form-action` to a form post's redirects too.
 */
export const formHtml = (returnTo: string | undefined, body: string, status?: number, headers: Record<string, string> = {}) =>
  html(body, status, {
    ...headers,
    ...(isExternalReturn(returnTo) ? { 'Content-Security-Policy': PAGE_CSP.replace("form-action 'self'", `form-action 'self' ${new URL(returnTo).origin}`) } : {}),
  });

export function authRoutes(r: Router, deps: Deps): void {
  const { store } = deps;
  const throttle = createLoginThrottle(store, loginThrottleOptions(deps.config));

  r.on('GET', '/auth.js', () => new Response(AUTH_JS, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' } }));
  r.on('GET', '/auth.css', () => new Response(AUTH_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' } }));

  /**
   * What a visitor already signed in here (by cookie) sees when a sign-in is asked for: another
   * site gets nothing without a click on "Continue to site as Ana"; this server's own pages go on.
   */
  const signedInAlready = async (c: Ctx, h: Handoff): Promise<Response | undefined> => {
    const { user, via, family } = c.get('auth');
    if (!user || via !== 'cookie' || !family) return undefined;
    const site = siteOf(h);
    if (site) return formHtml(h.returnTo, continuePage({ ...h, name: user.name, site, lang: pageLanguage(c) }));
    return finishSignIn(deps, user, family, h);
  };

  r.on('GET', '/login', async (c) => {
    const lang = pageLanguage(c);
    const read = readHandoff(c, deps, (name) => c.req.query(name));
    if (!read.ok) return refusal(read, lang);
    return (await signedInAlready(c, { ...read.handoff, lang })) ?? formHtml(read.handoff.returnTo, loginPage({ ...read.handoff, lang }));
  });

  r.on('POST', '/login', async (c) => {
    const form = await readForm(c, deps);
    if (form instanceof Response) return form;
    const lang = pageLanguage(c);
    const read = readHandoff(c, deps, (name) => form.get(name));
    if (!read.ok) return refusal(read, lang);
    const h = { ...read.handoff, lang };
    const email = (form.get('email') ?? '').trim();
    const password = form.get('password') ?? '';
    const page = (status: number, p: Parameters<typeof loginPage>[0], headers?: Record<string, string>) =>
      formHtml(h.returnTo, loginPage({ ...h, values: { email }, ...p }), status, headers);
    if (!email || !password) {
      return page(422, { errors: { ...(email ? {} : { email: 'Enter your email address' }), ...(password ? {} : { password: 'Enter your password' }) } });
    }
    // Failed attempts slow down per (email, client address) pair, so guesses from elsewhere never
    // lock the owner out (login-throttle.ts). The attempt counts before the (awaited) password
    // check, so parallel guesses cannot slip past; while paused, even the right password is refused
    // (no oracle) and no scrypt is spent.
    const ip = clientIp(c, deps.config);
    const paused = (retryAfter: number) => page(429, { errors: { limit: tooManyLogins(retryAfter) } }, { 'Retry-After': String(retryAfter) });
    const at = deps.now().getTime();
    const gate = await throttle.check(email, ip, at);
    if (!gate.ok) return paused(gate.retryAfter);
    const found = email.length <= 254 && !email.includes('\u0000') ? await store.accounts.findUserByEmail(email) : undefined;
    // Over-long passwords are wrong (signup allows 200 characters) but still cost one scrypt.
    const ok = await verifyPassword(password.slice(0, 200), password.length <= 200 ? found?.passwordHash : undefined);
    if (!ok || !found) return page(401, { errors: { email: 'The email address or password is not right' } }); // the attempt stays counted
    await throttle.succeeded(email, ip, at);
    // Successful sign-ins are limited per account too: a known password cannot mint sessions without end.
    const minted = await throttle.takeSuccess(found.id, deps.now().getTime());
    if (!minted.ok) return paused(minted.retryAfter);
    const { token, family } = await startSession(deps, found.id, 'cookie');
    return finishSignIn(deps, found, family, h, { 'Set-Cookie': sessionCookie(c, deps, token) });
  });

  /** "Continue to site as Ana": the click that hands this sign-in to another site. */
  r.on('POST', '/login/continue', async (c) => {
    const form = await readForm(c, deps);
    if (form instanceof Response) return form;
    const lang = pageLanguage(c);
    const read = readHandoff(c, deps, (name) => form.get(name));
    if (!read.ok) return refusal(read, lang);
    const { user, via, family } = c.get('auth');
    // Signed out meanwhile (another tab): ask for the password.
    if (!user || via !== 'cookie' || !family) return formHtml(read.handoff.returnTo, loginPage({ ...read.handoff, lang }));
    return finishSignIn(deps, user, family, { ...read.handoff, lang });
  });

  /** "Not you? Sign out" on the server's pages: ends the sign-in, then the sign-in form again. */
  r.on('POST', '/logout', async (c) => {
    const form = await readForm(c, deps);
    if (form instanceof Response) return form;
    const { family } = c.get('auth');
    if (family) await endSignIn(deps, family);
    const read = readHandoff(c, deps, (name) => form.get(name));
    const back = `/login${read.ok ? carry(read.handoff) : ''}`;
    return new Response(null, { status: 303, headers: { Location: back, 'Set-Cookie': sessionCookie(c, deps, null), 'Cache-Control': 'no-store' } });
  });

  r.on('GET', '/api/session', (c) => {
    const { user } = c.get('auth');
    const own = ownOrigin(c, deps.config);
    return send({
      status: 200,
      body: {
        user: user ? { id: user.id, name: user.name, role: user.role, specialist: user.specialistId ?? null } : null,
        loginUrl: `${own}/login`,
        signupUrl: `${own}/signup`,
        tokenUrl: `${own}/api/session/token`,
      },
    });
  });

  /** Ends the whole sign-in the request presents: its cookie session and every token minted from it. */
  r.on('POST', '/api/logout', async (c) => {
    const { family, via } = c.get('auth');
    if (family) await endSignIn(deps, family);
    return send({ status: 204, body: undefined }, via === 'bearer' ? {} : { 'Set-Cookie': sessionCookie(c, deps, null) });
  });
}
