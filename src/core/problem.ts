/**
 * Reading an error response: RFC 9457 problem+json (or plain JSON) into a `HearthError`.
 * Only the HTTP client needs this, so it lives apart from errors.ts (which every element bundles)
 * and loads with the client.
 */
import { HearthError, type HearthErrorKind, type ProblemDetails } from './errors.js';

/**
 * Normalizes a problem's `errors` member into `{field: [messages]}`: a prototype-free object, so a
 * field named `constructor`, `toString` or `__proto__` is a field like any other.
 */
function normalizeFieldErrors(errors: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
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
  const seconds = +value! || Math.ceil((Date.parse(value!) - Date.now()) / 1e3);
  return Number.isNaN(seconds) ? undefined : Math.max(seconds, 0);
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
      fieldErrors: normalizeFieldErrors(problem?.errors),
      retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
    },
  );
}
