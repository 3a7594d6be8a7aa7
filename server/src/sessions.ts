// Sessions: random tokens, of which the database keeps only a SHA-256. Two kinds:
//  - cookie: `hearth_session`, HttpOnly, SameSite=Lax, Secure over HTTPS, 7 days — same-site use;
//  - bearer: a 2-hour token an embedding widget gets by exchanging a one-time login code
//    (routes/login-codes.ts).
// Each kind works only as presented: a cookie token sent as a bearer token is unknown, and back.
// A sign-in is a family: the cookie session and the bearer tokens minted from it share one id, and
// signing out ends the whole family. An account keeps at most MAX_SIGNINS families (oldest end).
import { createHash, randomBytes } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { isHttps, type AppEnv, type Ctx, type Deps } from './http.js';
import type { SessionKind } from './store/index.js';
import { iso } from './time.js';
import { announceSignInEnded } from './events.js';

export const COOKIE_NAME = 'hearth_session';
export const COOKIE_DAYS = 7;
export const BEARER_HOURS = 2;
/** Live sign-ins (families) per account; a new one ends the oldest beyond this. */
export const MAX_SIGNINS = 10;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/**
 * Creates a session for `userId`: a new sign-in, or (with `family`) one more token of an existing
 * one. Returns the token (shown to the client once, never stored) and the family.
 */
export async function startSession(deps: Deps, userId: string, kind: SessionKind, family?: string): Promise<{ token: string; family: string }> {
  const token = newToken();
  const tokenHash = hashToken(token);
  const now = deps.now();
  const ms = kind === 'cookie' ? COOKIE_DAYS * 86_400_000 : BEARER_HOURS * 3_600_000;
  await deps.store.transaction(async (tx) => {
    await tx.accounts.createSession({ tokenHash, userId, kind, family: family ?? tokenHash, createdAt: iso(now), expiresAt: iso(now.getTime() + ms) });
    if (!family) await tx.accounts.capSessionFamilies(userId, MAX_SIGNINS);
  });
  return { token, family: family ?? tokenHash };
}

/**
 * Ends a sign-in (its cookie session, every bearer token minted from it, its unused login codes),
 * then tells every process, so that the event streams it opened close at once (events.ts).
 */
export async function endSignIn(deps: Pick<Deps, 'store' | 'pubsub'>, family: string): Promise<void> {
  await deps.store.accounts.deleteSessionFamily(family);
  announceSignInEnded(deps, family);
}

export function sessionCookie(c: Ctx, deps: Deps, token: string | null): string {
  const attrs = ['Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (isHttps(c, deps.config)) attrs.push('Secure');
  attrs.push(token ? `Max-Age=${COOKIE_DAYS * 86_400}` : 'Max-Age=0');
  return `${COOKIE_NAME}=${token ?? ''}; ${attrs.join('; ')}`;
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i;

/**
 * Sets `c.var.auth` from `Authorization: Bearer` (first) or the session cookie. A public read from
 * an origin that is not allowed (`c.var.publicRead`, answered to `*`) is anonymous: neither is used.
 */
export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('publicRead')) {
      c.set('auth', { user: null, via: null });
      return next();
    }
    const header = c.req.header('authorization');
    let token: string | undefined;
    let via: 'cookie' | 'bearer' | null = null;
    if (header !== undefined) {
      token = BEARER.exec(header)?.[1];
      via = 'bearer';
    } else {
      let cookie: string | undefined;
      try {
        cookie = getCookie(c, COOKIE_NAME);
      } catch {
        cookie = undefined;
      }
      if (cookie && /^[A-Za-z0-9_-]{20,200}$/.test(cookie)) {
        token = cookie;
        via = 'cookie';
      }
    }
    const tokenHash = token && via ? hashToken(token) : undefined;
    const found = tokenHash && via ? await deps.store.accounts.findSession(tokenHash, via, iso(deps.now())) : undefined;
    c.set('auth', found ? { user: found.user, via, family: found.family, tokenHash } : { user: null, via: null });
    await next();
  };
}
