// Handing a sign-in to a widget on a page: the server never puts a session token in a page or a URL.
//
// 1. The widget makes a random `verifier` and opens the sign-in page with `challenge` =
//    base64url(SHA-256(verifier)) and, for a popup, `origin` (its page's origin), or, when popups are
//    blocked, `return` (its page's URL) and a random `state` it keeps in the tab.
// 2. After the visitor signs in (or, already signed in here, clicks "Continue to site as Ana"), the
//    server stores a one-time `code` bound to the challenge, the site's origin and the sign-in, and
//    gives it to the page: by postMessage from the popup, or in the return URL's fragment
//    (`#hearth-code=…&state=…`).
// 3. The widget checks the state and POSTs {code, verifier} to /api/session/token from the same
//    origin; the server takes the code (once; a minute at most), checks SHA-256(verifier) and the
//    Origin, and answers a bearer token of the same sign-in, which signing out ends too.
// A code that leaks (a log, a redirect chain) is worthless without the verifier; a code planted in
// someone's tab fails the state check and the verifier.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { html } from './forms.js';
import { isAllowedOrigin, ownOrigin, readJsonBody, send, type Ctx, type Deps, type Router } from './http.js';
import { messagePage, popupDonePage, type Handoff, type PageLang } from './pages.js';
import { problem } from './problem.js';
import { isExternalReturn, safeReturnTo } from './return-to.js';
import { hashToken, newToken, startSession, BEARER_HOURS } from './sessions.js';
import type { User } from './store/index.js';
import { iso } from './time.js';
import { TOKEN } from './validation.js';

const CODE_SECONDS = 60;

export const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export type HandoffResult = { ok: true; handoff: Handoff } | { ok: false; title: string; text: string };

/** The popup origin: the raw value must be exactly an allowed origin. */
function popupOrigin(c: Ctx, deps: Deps, raw: string): string | undefined {
  try {
    const origin = new URL(raw).origin;
    return origin === raw.replace(/\/$/, '') && isAllowedOrigin(c, deps.config, origin) ? origin : undefined;
  } catch {
    return undefined;
  }
}

export const NOT_ALLOWED =
  'The site that opened this window is not on this server’s list of allowed sites, so it cannot be signed in from here. You can still sign in to this server.';
const INCOMPLETE = 'This sign-in link is incomplete or out of date. Go back to the site and press Log in again.';

/** The handoff from a query string or a form: where a successful sign-in goes, checked. */
export function readHandoff(c: Ctx, deps: Deps, get: (name: string) => string | null | undefined): HandoffResult {
  const rawOrigin = get('origin');
  const returnTo = safeReturnTo(get('return'), ownOrigin(c, deps.config), deps.config.allowedOrigins);
  const origin = rawOrigin ? popupOrigin(c, deps, rawOrigin) : undefined;
  if (rawOrigin && !origin) return { ok: false, title: 'Site not allowed', text: NOT_ALLOWED };
  const handoff: Handoff = { origin, returnTo };
  if (origin || isExternalReturn(returnTo)) {
    const challenge = get('challenge') ?? '';
    const state = get('state') ?? '';
    if (!TOKEN.test(challenge) || (!origin && !TOKEN.test(state))) return { ok: false, title: 'Sign-in link incomplete', text: INCOMPLETE };
    handoff.challenge = challenge;
    if (!origin) handoff.state = state;
  }
  return { ok: true, handoff };
}

export const refusal = (r: Extract<HandoffResult, { ok: false }>, lang?: PageLang) => html(messagePage(r.title, r.text, undefined, lang), 400);

/** The site a handoff goes to (another origin than this server's pages), if any. */
export const siteOf = (h: Handoff): string | undefined => h.origin ?? (isExternalReturn(h.returnTo) ? new URL(h.returnTo).origin : undefined);

/**
 * After a sign-in (`family`): the popup's page posting a one-time code, or a redirect to the other
 * site with the code in the fragment, or to this server's return path.
 */
export async function finishSignIn(deps: Deps, user: User, family: string, h: Handoff, headers: Record<string, string> = {}): Promise<Response> {
  const site = siteOf(h);
  if (site && h.challenge) {
    const code = newToken();
    await deps.store.accounts.insertLoginCode({
      codeHash: hashToken(code),
      userId: user.id,
      family,
      challenge: h.challenge,
      origin: site,
      expiresAt: iso(deps.now().getTime() + CODE_SECONDS * 1000),
    });
    if (h.origin) return html(popupDonePage({ name: user.name, origin: h.origin, code, lang: h.lang }), 200, headers);
    const location = `${h.returnTo}#hearth-code=${code}&state=${h.state}`;
    return new Response(null, { status: 303, headers: { ...headers, Location: location, 'Cache-Control': 'no-store' } });
  }
  return new Response(null, { status: 303, headers: { ...headers, Location: h.returnTo ?? '/', 'Cache-Control': 'no-store' } });
}

const exchangeSchema = z.object({ code: z.string().regex(TOKEN), verifier: z.string().regex(TOKEN) });

const invalidCode = () =>
  send(
    problem(400, 'The sign-in code is not valid (used already, expired, or not for this page). Sign in again.', {
      name: 'invalid-code',
      title: 'Sign-in code not valid',
    }),
  );

/** POST /api/session/token {code, verifier} → 200 {token, expiresAt}. */
export function handoffRoutes(r: Router, deps: Deps): void {
  r.on('POST', '/api/session/token', async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const parsed = exchangeSchema.safeParse(body.value);
    if (!parsed.success) return invalidCode();
    const now = deps.now();
    // Taken (deleted) first, so a second exchange of the same code fails even if this one does.
    const code = await deps.store.accounts.takeLoginCode(hashToken(parsed.data.code), iso(now));
    if (!code || code.challenge !== challengeOf(parsed.data.verifier) || c.req.header('origin') !== code.origin) return invalidCode();
    const { token } = await startSession(deps, code.userId, 'bearer', code.family);
    return send({ status: 200, body: { token, expiresAt: iso(now.getTime() + BEARER_HOURS * 3_600_000) } });
  });
}
