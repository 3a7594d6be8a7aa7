/**
 * Typed errors: every `HearthBackend` call rejects with a `HearthError` (or, when the caller
 * cancels, with the caller's AbortSignal reason). Elements pick their localized text by `kind`;
 * `message` is developer-facing English.
 */

export type HearthErrorKind =
  /** The request failed at the network level while the browser says it is offline. */
  | 'offline'
  /**
   * The request failed at the network level while the browser says it is online: a wrong `api` URL,
   * the server down, or a CORS refusal (which a page cannot tell apart). The HTTP client logs the
   * likely causes once with `console.error`. Retried and queued like `offline`.
   */
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'validation'
  | 'rate-limited'
  | 'bad-request'
  | 'server'
  | 'malformed';

/** One entry of an array-shaped `errors` member (JSON pointer or field name, and a message). */
export interface ProblemFieldError {
  pointer?: string;
  field?: string;
  name?: string;
  detail?: string;
  message?: string;
  reason?: string;
  [k: string]: unknown;
}

/** An RFC 9457 problem details object, read leniently. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** Per-field errors of a 422: `{field: [msg]}`, `{field: msg}` or `[{pointer|field|name, detail|message}]`. */
  errors?: Record<string, string[] | string> | ProblemFieldError[];
  [k: string]: unknown;
}

export interface HearthErrorInit {
  status?: number;
  fieldErrors?: Record<string, string[]>;
  retryAfter?: number;
  problem?: ProblemDetails;
  cause?: unknown;
}

export class HearthError extends Error {
  override name = 'HearthError';
  /** The HTTP status, when the server answered. */
  declare readonly status?: number;
  /**
   * Messages per field (always an object; empty unless the server sent `errors`). Keys are field
   * names as sent; a JSON pointer `/a/b` becomes `a.b`; errors tied to no field are under `''`.
   * Read it with `Object.hasOwn` (or copy it into an `Object.create(null)` map): a server may name
   * a field `constructor`.
   */
  declare readonly fieldErrors: Record<string, string[]>;
  /** Seconds to wait before trying again (from `Retry-After`). */
  declare readonly retryAfter?: number;
  /** The parsed problem+json (or plain JSON object) body of an error response. */
  declare readonly problem?: ProblemDetails;

  constructor(
    readonly kind: HearthErrorKind,
    message: string = kind,
    init: HearthErrorInit = {},
  ) {
    super(message, init);
    Object.assign(this, { fieldErrors: Object.create(null) }, init);
  }
}

/** True for a `HearthError`, also one made by another copy of this module (each element bundles one). */
export const isHearthError = (error: unknown): error is HearthError =>
  (error as HearthError | null)?.name === 'HearthError' && typeof (error as HearthError).kind === 'string';

/**
 * A failure that passes by itself (offline, unreachable, a timeout, a 5xx, a 429): an outbox keeps
 * the message and tries again; anything else is the visitor's to act on.
 */
export const isTransient = (error: unknown): boolean =>
  isHearthError(error) && /^(offline|unreachable|timeout|server|rate-limited)$/.test(error.kind);

/**
 * The error of an element without a backend (or one without the method it needs). The site's
 * developer is told in the console, with the element and the fix; the visitor sees a calm message.
 */
export function noBackend(element: Element, method: string): HearthError {
  const text = `<${element.localName}> has no backend with ${method}(): set its api attribute or .backend, or put it inside <hearth-provider api="…">`;
  console.error(text);
  return new HearthError('bad-request', text);
}
