// Sessions: random tokens, of which the database keeps only a SHA-256. Two kinds:
//  - cookie: `hearth_session`, HttpOnly, SameSite=Lax, Secure over HTTPS, 7 days — same-site use;
//  - bearer: a 2-hour token handed to an embedding widget through the login popup.
import { createHash, randomBytes } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { isHttps, type AppEnv, type Ctx, type Deps } from './http.js';
import { iso } from './time.js';

export const COOKIE_NAME = 'hearth_session';
export const COOKIE_DAYS = 7;
export const BEARER_HOURS = 2;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** Creates a session for `userId`; returns the token (shown to the client once, never stored). */
export function startSession(deps: Deps, userId: string, kind: 'cookie' | 'bearer'): string {
  const token = newToken();
  const now = deps.now();
  const ms = kind === 'cookie' ? COOKIE_DAYS * 86_400_000 : BEARER_HOURS * 3_600_000;
  deps.store.createSession({ tokenHash: hashToken(token), userId, kind, createdAt: iso(now), expiresAt: iso(now.getTime() + ms) });
  return token;
}

export function sessionCookie(c: Ctx, deps: Deps, token: string | null): string {
  const attrs = ['Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (isHttps(c, deps.config)) attrs.push('Secure');
  attrs.push(token ? `Max-Age=${COOKIE_DAYS * 86_400}` : 'Max-Age=0');
  return `${COOKIE_NAME}=${token ?? ''}; ${attrs.join('; ')}`;
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i;

/** Sets `c.var.auth` from `Authorization: Bearer` (first) or the session cookie. */
export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
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
    const tokenHash = token ? hashToken(token) : undefined;
    const user = tokenHash ? (deps.store.findSessionUser(tokenHash, iso(deps.now())) ?? null) : null;
    c.set('auth', user ? { user, via, tokenHash } : { user: null, via: null });
    await next();
  };
}
