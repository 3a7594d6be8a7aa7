/**
 * Typed errors: every `HearthBackend` call rejects with a `HearthError` (or, when the caller
 * cancels, with the caller's AbortSignal reason). Elements pick their localized text by `kind`;
 * `message` is developer-facing English.
 */

export type HearthErrorKind =
  | 'offline'
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
    Object.assign(this, { fieldErrors: {} }, init);
  }
}

/** True for a `HearthError`, also one made by another copy of this module (each element bundles one). */
export const isHearthError = (e: unknown): e is HearthError =>
  (e as HearthError | null)?.name === 'HearthError' && typeof (e as HearthError).kind === 'string';

/** Normalizes a problem's `errors` member into `{field: [messages]}`. */
export function fieldErrorsOf(errors: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, msg: unknown) => {
    if (msg != null) (out[field.replace(/^#?\//, '').replace(/\//g, '.')] ||= []).push(String(msg));
  };
  if (errors instanceof Object) {
    for (const [field, msgs] of Object.entries(errors)) {
      for (const m of [msgs].flat()) {
        if (Array.isArray(errors)) add(m?.pointer ?? m?.field ?? m?.name ?? '', m?.detail ?? m?.message ?? m?.reason);
        else add(field, m);
      }
    }
  }
  return out;
}

/** Seconds from a `Retry-After` value (delta-seconds or HTTP date; a past date gives 0). */
export function parseRetryAfter(value: string | null): number | undefined {
  // `+null` and `+"0"` are 0: both fall through to Date.parse, giving NaN (no header) or a past date (0).
  const s = +value! || Math.ceil((Date.parse(value!) - Date.now()) / 1e3);
  return s === s ? Math.max(s, 0) : undefined;
}

const KINDS: Record<number, HearthErrorKind> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  410: 'not-found',
  409: 'conflict',
  422: 'validation',
  429: 'rate-limited',
};

/** The `HearthError` for a non-2xx response whose body was read as `bodyText`. */
export function errorFromResponse(response: Response, bodyText: string): HearthError {
  const status = response.status;
  let problem: ProblemDetails | undefined;
  try {
    const p: unknown = JSON.parse(bodyText);
    if (p instanceof Object && !Array.isArray(p)) problem = p as ProblemDetails;
  } catch {
    // not JSON: the status alone says what happened
  }
  return new HearthError(
    KINDS[status] ?? (status >= 500 ? 'server' : 'bad-request'),
    `HTTP ${status} ${problem?.detail || problem?.title || response.statusText}`,
    {
      status,
      problem,
      fieldErrors: fieldErrorsOf(problem?.errors),
      retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
    },
  );
}
