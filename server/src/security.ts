// Security headers (also on Node's own 400/408/431 answers), CORS for /api, and the CSRF rule for
// cookie-authenticated writes.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { cors as honoCors } from 'hono/cors';
import { problem } from './problem.js';
import type { Duplex } from 'node:stream';
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

/** No page of this server uses these features: nobody may (nor any frame it embeds). */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()';
/** HSTS when the server's public origin is https (one year). */
export const HSTS = 'max-age=31536000';

/**
 * Pages that open in the sign-in popup another site opens (/login, /signup, /logout and anything
 * under them: the form, its answers, the token page, "Continue as …", "Not you?"). They must keep
 * `window.opener` to post the sign-in back, so they get no Cross-Origin-Opener-Policy: any COOP
 * other than unsafe-none severs a cross-origin opener. New popup pages belong under these paths.
 */
export const isPopupPath = (path: string) => /^\/(login|signup|logout)(\/|$)/.test(path);

/**
 * Cross-Origin-Opener-Policy of an HTML page: none for the popup pages (above);
 * `same-origin-allow-popups` for the static pages (the demo page opens the sign-in popup and must
 * keep its handle on it); `same-origin` for the server's other pages (the manage page, errors).
 */
export function openerPolicy(path: string, isStaticPage: boolean): string | undefined {
  if (isPopupPath(path)) return undefined;
  return isStaticPage ? 'same-origin-allow-popups' : 'same-origin';
}

/**
 * On every answer: nosniff, no-referrer, Permissions-Policy and a CSP when the answer has none; on
 * HTML pages the Cross-Origin-Opener-Policy of `openerPolicy`. (HSTS: `withHsts`, in main.ts.)
 * Not hono/secure-headers: it fixes the CSP before the handler runs, while ours depends on the
 * answer (HTML or not, or the handler's own) and COOP on the path; for the three fixed headers alone
 * it would need nine of its other defaults (X-Frame-Options, CORP, COOP ...) switched off.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Permissions-Policy', PERMISSIONS_POLICY);
    const isHtml = /^text\/html/i.test(h.get('Content-Type') ?? '');
    const isStaticPage = h.get('Content-Security-Policy') === STATIC_CSP;
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', isHtml ? PAGE_CSP : API_CSP);
    if (isHtml && !h.has('Cross-Origin-Opener-Policy')) {
      const coop = openerPolicy(c.req.path, isStaticPage);
      if (coop) h.set('Cross-Origin-Opener-Policy', coop);
    }
  };
}

/**
 * The server's fetch with `Strict-Transport-Security` on every answer when the public origin
 * (HEARTH_PUBLIC_URL) is https; unchanged otherwise. main.ts serves through it.
 */
export function withHsts<A extends unknown[]>(
  fetch: (req: Request, ...rest: A) => Response | Promise<Response>,
  config: Pick<Deps['config'], 'publicUrl'>,
): (req: Request, ...rest: A) => Promise<Response> {
  return async (req, ...rest) => {
    const res = await fetch(req, ...rest);
    if (!config.publicUrl?.startsWith('https:')) return res;
    try {
      res.headers.set('Strict-Transport-Security', HSTS);
      return res;
    } catch {
      const copy = new Response(res.body, res); // immutable headers: copy them
      copy.headers.set('Strict-Transport-Security', HSTS);
      return copy;
    }
  };
}

const CLIENT_ERRORS: Record<string, [status: number, title: string, detail: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request did not arrive in time.'],
};

/**
 * The raw HTTP answer to a request Node itself refuses before the app sees it (400 malformed,
 * 408 headers or body too slow, 431 headers too large): problem+json with the same security
 * headers as every other answer, and `Connection: close`.
 */
export function clientErrorResponse(code: string | undefined, config: Pick<Deps['config'], 'publicUrl'>): string {
  const [status, title, detail] = CLIENT_ERRORS[code ?? ''] ?? [400, 'Bad Request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  const headers = [
    `HTTP/1.1 ${status} ${title}`,
    'Connection: close',
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: no-referrer',
    `Content-Security-Policy: ${API_CSP}`,
    `Permissions-Policy: ${PERMISSIONS_POLICY}`,
    ...(config.publicUrl?.startsWith('https:') ? [`Strict-Transport-Security: ${HSTS}`] : []),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * A `clientError` listener for the Node server (main.ts): answers like Node's own handler would
 * (only when nothing was written on the socket yet), but with `clientErrorResponse`.
 */
export function onClientError(config: Pick<Deps['config'], 'publicUrl'>) {
  return (err: Error & { code?: string }, socket: Duplex & { bytesWritten?: number }) => {
    if (err.code !== 'ECONNRESET' && socket.writable && !socket.bytesWritten) socket.end(clientErrorResponse(err.code, config));
    socket.destroy();
  };
}

/**
 * Public reads: the credential-free GETs a widget makes on any site, signed in or not. They answer
 * any origin (`Access-Control-Allow-Origin: *`, never with credentials): a blog that is not in
 * HEARTH_ALLOWED_ORIGINS can still show a references list or the booking picker. Nothing in their
 * answers depends on who asks, so the session (cookie or bearer) is not even looked up when such a
 * read comes from an origin that is not allowed. Everything else under /api (writes, and the reads
 * of a session or of a manage token: personal data) keeps the allowlist.
 */
export const PUBLIC_READS: readonly string[] = [
  '/api/health',
  '/api/specialists',
  '/api/specialists/:id/services',
  '/api/consultations/availability',
  '/api/references/:listId',
];
const READ_METHODS = new Set(['GET', 'HEAD']);
/** Access-Control-Allow-Methods of a public read's preflight from any origin. */
export const PUBLIC_METHODS = 'GET, HEAD, OPTIONS';

/**
 * CORS for /api:
 *  - allowlisted origins (and the server's own): Allow-Origin: <origin> with credentials, on every path;
 *  - any other origin (or none), on a public read (`isPublicRead`, GET/HEAD only): `Allow-Origin: *`
 *    without credentials; such an answer never carries a Set-Cookie nor credentials, whatever the
 *    handler set;
 *  - elsewhere: no CORS headers at all.
 * Preflights are answered by hono/cors (one instance per case above), but only where they apply:
 * OPTIONS on an unknown path goes on to the 404; on a known one it answers 204 with `Allow` (the
 * path's methods), with CORS headers only for a real preflight (`Access-Control-Request-Method`)
 * that the rule allows (for `*`: asking for GET or HEAD).
 * Actual answers get their headers here, after the handler: hono/cors sets them before it, which
 * makes Hono copy every answer (and turns node-server's light Response into a full one), measured
 * at +35 to +70 µs of CPU per availability read.
 * Every answer varies by Origin (`Vary: Origin`), the `*` ones too: shared caches must not hand an
 * allowlisted site's credentialed answer to another origin, nor the `*` one to an allowlisted site.
 */
export function cors(
  deps: Deps,
  methodsFor: (path: string) => { route: string; methods: string[] } | undefined,
  isPublicRead: (path: string) => boolean,
): MiddlewareHandler<AppEnv> {
  // hono/cors joins lists with ","; each list is given as one entry so the headers keep the
  // contract's spelling ("GET, HEAD, OPTIONS").
  const credentialedPreflight = honoCors({
    origin: (origin) => origin, // only ever called for an allowed origin
    credentials: true,
    allowMethods: (_, c) => [[...(methodsFor(c.req.path)?.methods ?? []), 'OPTIONS'].join(', ')],
    allowHeaders: [ALLOWED_HEADERS],
    maxAge: 600,
  });
  const anyOriginPreflight = honoCors({ origin: '*', allowMethods: [PUBLIC_METHODS], allowHeaders: [ALLOWED_HEADERS], maxAge: 600 });

  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = isAllowedOrigin(c, deps.config, origin);
    if (c.req.method === 'OPTIONS') {
      const known = methodsFor(c.req.path);
      if (!known) return next(); // unknown path: 404
      c.set('route', known.route);
      c.header('Allow', [...known.methods, 'OPTIONS'].join(', '));
      c.header('Cache-Control', 'no-store');
      const requested = c.req.header('access-control-request-method');
      if (allowed && requested) return credentialedPreflight(c, next); // adds Vary: Origin
      c.header('Vary', 'Origin');
      if (requested && READ_METHODS.has(requested) && isPublicRead(c.req.path)) return anyOriginPreflight(c, next);
      return c.body(null, 204);
    }
    const anyOrigin = !allowed && READ_METHODS.has(c.req.method) && isPublicRead(c.req.path);
    if (anyOrigin) c.set('publicRead', true); // authenticate() then ignores cookie and bearer token
    await next();
    const h = c.res.headers;
    h.append('Vary', 'Origin');
    if (allowed) {
      h.set('Access-Control-Allow-Origin', origin);
      h.set('Access-Control-Allow-Credentials', 'true');
      h.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    } else if (anyOrigin) {
      h.set('Access-Control-Allow-Origin', '*');
      h.delete('Access-Control-Allow-Credentials');
      h.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      h.delete('Set-Cookie');
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
