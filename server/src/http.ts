// Request plumbing shared by the routes: the app's types, origins, client address, body reading.
import type { Context } from 'hono';
import type { Config } from './config.js';
import type { Mailer } from './mail.js';
import type { AvailabilityCache } from './availability-cache.js';
import type { Slot } from './availability.js';
import type { Account, Store } from './store/index.js';
import type { DataBox } from './crypto-box.js';
import type { PubSub } from './pubsub.js';
import type { EventStreams } from './events.js';
import { problem, toResponse, validationProblem, type Answer, type FieldErrors } from './problem.js';
import { loneSurrogatePaths, NAME_MESSAGES } from './text-rules.js';

export interface Deps {
  store: Store;
  config: Config;
  now: () => Date;
  /** Where email goes (see mail.ts). */
  mailer: Mailer;
  /** Computed free slots per specialist and range, invalidated across processes (availability-cache.ts). */
  availability: AvailabilityCache<Slot[]>;
  /** Seals and opens message bodies and booking notes (crypto-box.ts). */
  box: DataBox;
  /** Messages between the server's processes (pubsub.ts): cache invalidations, live-event announcements. */
  pubsub: PubSub;
  /** The open live event streams (GET /api/events), ended at shutdown. */
  streams: EventStreams;
}

export interface Auth {
  user: Account | null;
  /** How the request authenticated (null when it did not). */
  via: 'cookie' | 'bearer' | null;
  /** The sign-in (session family) of the presented token, when one was valid. */
  family?: string;
  /** The SHA-256 of the presented token, when it was valid (the event stream checks it again at each heartbeat). */
  tokenHash?: string;
}

export type AppEnv = {
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } };
  Variables: {
    auth: Auth;
    /** Set by handlers outside the router (static files) for the log. */
    route: string;
    /** The file a static answer is read from (static.ts), for its content type. */
    staticFile: string;
    /** A public read from an origin that is not allowed (security.ts `cors`): answered anonymously, to `*`. */
    publicRead: boolean;
  };
};
export type Ctx = Context<AppEnv>;

/** Most bytes a request body may have. */
export const MAX_BODY_BYTES = 16 * 1024;

/** The own origin assumed when neither HEARTH_PUBLIC_URL nor a loopback request URL gives one. */
export const FALLBACK_ORIGIN = 'http://localhost';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The server's own origin, for absolute URLs (manage links, .ics, loginUrl) and the own-origin
 * checks (CORS, CSRF, forms): `config.publicUrl` (HEARTH_PUBLIC_URL; main.ts always sets one).
 * The `Host` header (and `X-Forwarded-Host`) is never trusted for it: anyone can send
 * `Host: evil.example`, and links and credentialed CORS would follow. Without publicUrl (only
 * in-process use, e.g. tests calling createApp) it is the request URL's origin when that names a
 * loopback host (localhost, 127.0.0.1, [::1], any port), else FALLBACK_ORIGIN: never a foreign host.
 */
export function ownOrigin(c: Ctx, config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  try {
    const url = new URL(c.req.url);
    return LOOPBACK.has(url.hostname) && /^https?:$/.test(url.protocol) ? url.origin : FALLBACK_ORIGIN;
  } catch {
    return FALLBACK_ORIGIN;
  }
}

export const isHttps = (c: Ctx, config: Config) => ownOrigin(c, config).startsWith('https:');

/** True for the server's own origin (`ownOrigin`: publicUrl, never the Host header) and allowlisted ones. */
export function isAllowedOrigin(c: Ctx, config: Config, origin: string | undefined): origin is string {
  return !!origin && (origin === ownOrigin(c, config) || config.allowedOrigins.includes(origin));
}

/** The client's address: the socket's, or (HEARTH_TRUST_PROXY=1) the entry the nearest proxy added to X-Forwarded-For. */
export function clientIp(c: Ctx, config: Config): string {
  if (config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** The response for an Answer, with `Cache-Control: no-store` unless the answer says otherwise. */
export function send(a: Answer, extra: Record<string, string> = {}): Response {
  return toResponse(a, { 'Cache-Control': 'no-store', ...extra });
}

export type TextResult = { ok: true; text: string } | { ok: false; answer: Answer };

/** The request body as UTF-8 text: 413 when Content-Length or the bytes actually read exceed 16 KiB, 400 when unreadable. */
export async function readText(c: Ctx): Promise<TextResult> {
  const fail = (a: Answer): TextResult => ({ ok: false, answer: a });
  const tooLarge = () => fail(problem(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
  const length = c.req.header('content-length')?.trim();
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) return fail(problem(400, 'The Content-Length header is not a number.'));
    if (Number(length) > MAX_BODY_BYTES) return tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = c.req.raw.body?.getReader();
  if (reader) {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > MAX_BODY_BYTES) {
          await reader.cancel().catch(() => {});
          return tooLarge();
        }
        chunks.push(value);
      }
    } catch {
      return fail(problem(400, 'The request body could not be read.'));
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return fail(problem(400, 'The request body is not valid UTF-8.'));
  }
}

/** The media type of the request, lower-cased, without parameters. */
export const mediaType = (c: Ctx) => c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();

export type BodyResult = { ok: true; value: unknown; text: string } | { ok: false; response: Response };

/**
 * Reads a JSON request body: 413 (too large, by Content-Length or by bytes read), 415 unless the
 * Content-Type is application/json, 400 for bytes that are not UTF-8 JSON, 422 (`errors` by field
 * path, e.g. `name` or `extra.list.1`) when any string or key in it has a lone surrogate.
 */
export async function readJsonBody(c: Ctx): Promise<BodyResult> {
  const length = c.req.header('content-length')?.trim();
  if (length && /^\d+$/.test(length) && Number(length) > MAX_BODY_BYTES)
    return { ok: false, response: send(problem(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`)) };
  if (mediaType(c) !== 'application/json')
    return { ok: false, response: send(problem(415, 'Send the request body as JSON with Content-Type: application/json.')) };
  const read = await readText(c);
  if (!read.ok) return { ok: false, response: send(read.answer) };
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch {
    return { ok: false, response: send(problem(400, 'The request body is not valid JSON.', { name: 'malformed-json' })) };
  }
  // "\ud800" escapes parse into lone surrogates: text that can be neither stored faithfully nor shown.
  const broken = loneSurrogatePaths(value);
  if (broken.length) {
    const errors: FieldErrors = {};
    for (const path of broken) errors[path] = [NAME_MESSAGES.surrogate];
    return { ok: false, response: send(validationProblem(errors, 'Some fields contain broken characters (lone surrogates).')) };
  }
  return { ok: true, value, text: read.text };
}

export type RouteHandler = (c: Ctx) => Response | Promise<Response>;

/** Registers routes and remembers them (for 405 answers, OPTIONS and the log's route names). */
export interface Router {
  on(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, handler: RouteHandler): void;
}

/**
 * True when the request prefers an HTML page to JSON (a browser navigation): its `Accept` names
 * `text/html` (q > 0) and either not `application/json`, or with a higher q, or the same q but
 * earlier. No `Accept`, `*\/*` or `application/json` first: JSON.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html: { q: number; i: number } | undefined;
  let json: { q: number; i: number } | undefined;
  accept.split(',').forEach((range, i) => {
    const [type = '', ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    let q = 1;
    for (const p of params) {
      const m = /^q\s*=\s*([0-9.]+)$/.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!Number.isFinite(q)) q = 0;
    if (type === 'text/html') html ??= { q, i };
    else if (type === 'application/json') json ??= { q, i };
  });
  if (!html || html.q <= 0) return false;
  if (!json || json.q <= 0) return true;
  return html.q > json.q || (html.q === json.q && html.i < json.i);
}
