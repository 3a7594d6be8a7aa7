// RFC 9457 problem details: every error the server sends is `application/problem+json`.
// `type` is a relative URI reference `/problems/<name>`: an identifier (not a page) that clients
// match on; `about:blank` for errors that mean no more than their status.
import type { ZodError } from 'zod';

export type FieldErrors = Record<string, string[]>;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldErrors;
}

/** A response a handler (or a transaction) decided on: status, JSON body, content type and headers. */
export interface Answer {
  status: number;
  body: unknown;
  contentType?: 'application/json' | 'application/problem+json';
  headers?: Record<string, string>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** A problem answer. `name` gives type `/problems/<name>`; without it the type is about:blank. */
export function problem(status: number, detail: string, opts: { name?: string; title?: string; errors?: FieldErrors; headers?: Record<string, string> } = {}): Answer {
  const body: Problem = {
    type: opts.name ? `/problems/${opts.name}` : 'about:blank',
    title: opts.title ?? TITLES[status] ?? 'Error',
    status,
    detail,
  };
  if (opts.errors) body.errors = opts.errors;
  return { status, body, contentType: 'application/problem+json', headers: opts.headers };
}

/** A 422 with messages per field. */
export function validationProblem(errors: FieldErrors, detail = 'Some fields need attention.'): Answer {
  return problem(422, detail, { name: 'validation', title: 'Invalid request', errors });
}

/** Zod issues as `{field: [messages]}`; nested paths join with "."; errors of the whole body under "". */
export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    const list = (out[field] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}

/** The Response for an Answer. */
export function toResponse(a: Answer, extra: Record<string, string> = {}): Response {
  const headers = new Headers({ ...a.headers, ...extra });
  if (a.status === 204 || a.body === undefined) return new Response(null, { status: a.status, headers });
  headers.set('Content-Type', a.contentType ?? 'application/json');
  return new Response(JSON.stringify(a.body), { status: a.status, headers });
}
