// Security headers, CORS for /api, and the CSRF rule for cookie-authenticated writes.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { problem } from './problem.js';
import { isAllowedOrigin, send, type AppEnv, type Deps } from './http.js';
import { COOKIE_NAME } from './sessions.js';

/** CSP of the server's own pages (login, signup). */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
/** CSP of the static demo page and widgets (as scripts/static-server.mjs). */
export const STATIC_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";
/** CSP of API answers: nothing in them is ever meant to run or render. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const ALLOWED_HEADERS = 'Content-Type, Authorization, Idempotency-Key';
export const EXPOSED_HEADERS = 'Retry-After, Idempotent-Replayed';

/** nosniff and no-referrer everywhere; a CSP on every answer that lacks one. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    if (!h.has('Content-Security-Policy')) {
      const isHtml = /^text\/html/i.test(h.get('Content-Type') ?? '');
      h.set('Content-Security-Policy', isHtml ? PAGE_CSP : API_CSP);
    }
  };
}

/**
 * CORS for /api: allowlisted origins (and the server's own) get Allow-Origin: <origin> with
 * credentials; others get no CORS headers at all. OPTIONS on a known path answers the preflight.
 */
export function cors(deps: Deps, methodsFor: (path: string) => { route: string; methods: string[] } | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = isAllowedOrigin(c, deps.config, origin);
    if (c.req.method === 'OPTIONS') {
      const known = methodsFor(c.req.path);
      if (!known) return next(); // unknown path: 404
      const { methods } = known;
      c.set('route', known.route);
      const headers: Record<string, string> = { Allow: [...methods, 'OPTIONS'].join(', '), Vary: 'Origin', 'Cache-Control': 'no-store' };
      if (allowed && c.req.header('access-control-request-method')) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Allow-Methods': [...methods, 'OPTIONS'].join(', '),
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    const h = c.res.headers;
    h.append('Vary', 'Origin');
    if (allowed) {
      h.set('Access-Control-Allow-Origin', origin);
      h.set('Access-Control-Allow-Credentials', 'true');
      h.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when the browser itself says the request comes from one of this server's own pages.
 * `Sec-Fetch-Site` cannot be set by page scripts. It matters because with `Referrer-Policy:
 * no-referrer` (set on every answer here) browsers send `Origin: null` on same-origin form posts
 * and same-origin `fetch` POSTs, so the Origin header alone would refuse the server's own pages.
 */
export const fromOwnPage = (secFetchSite: string | undefined): boolean => secFetchSite === 'same-origin';

/**
 * CSRF: a write that carries the session cookie (and no bearer token) must come from the server's
 * own origin or an allowlisted one, by its Origin header (or, for `Origin: null`, by the browser's
 * `Sec-Fetch-Site: same-origin`). Bearer-authenticated requests are exempt:
 * a cross-site page cannot make the browser attach a bearer token.
 */
export function csrf(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method) || c.req.header('authorization') !== undefined) return next();
    let cookie: string | undefined;
    try {
      cookie = getCookie(c, COOKIE_NAME);
    } catch {
      cookie = undefined;
    }
    if (cookie !== undefined && !isAllowedOrigin(c, deps.config, c.req.header('origin')) && !fromOwnPage(c.req.header('sec-fetch-site'))) {
      return send(
        problem(403, 'This request carries a session cookie but does not come from an allowed site.', { name: 'csrf', title: 'Cross-site request refused' }),
      );
    }
    return next();
  };
}
