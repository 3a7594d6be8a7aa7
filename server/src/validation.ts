// Input rules the routes share (zod building blocks, ids and tokens, paging, the 422 of a failed
// parse), so a rule and its wording live in one place. Messages are the contract's: a widget shows
// them next to the field, so changing one changes what people read.
import { z, type ZodError } from 'zod';
import { isValidTimeZone } from './availability.js';
import type { Ctx } from './http.js';
import { fieldErrorsOf, validationProblem, type Answer } from './problem.js';

/** 32 bytes in base64url: our random tokens (sign-in codes, manage and invitation links) and PKCE's verifier, challenge and state. */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** An id in a path or a cursor (conversations, bookings). */
export const ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The 422 of a failed parse: zod's issues by field, with `detail` saying what did not happen. */
export const invalid = (error: ZodError, detail: string): Answer => validationProblem(fieldErrorsOf(error), detail);

/** An optional field: null, undefined and "" all mean "not given" (undefined). */
export const optional = <T extends z.ZodTypeAny>(t: T) => t.nullish().transform((v) => (v === null || v === '' ? undefined : v));

/** A string that must be given and not blank once trimmed; `message` for each of those failures. */
export const requiredText = (message: string) => z.string({ required_error: message, invalid_type_error: message }).trim().min(1, message);

/** No U+0000 in free text (PostgreSQL text cannot hold it): `.refine(noNul, NO_NUL)`. */
export const noNul = (s: string) => !s.includes('\u0000');
export const NO_NUL = 'Remove the null characters';

/** One of `values`; anything else gets `message` instead of zod's own list. */
export const oneOf = <U extends string, T extends Readonly<[U, ...U[]]>>(values: T, message: string) => z.enum(values, { errorMap: () => ({ message }) });

/** The start of a booking: an instant from the offered times (checked against them after parsing). */
export const slotStart = () => z.string({ required_error: 'Pick a time', invalid_type_error: 'Pick a time' }).max(64, 'Pick a time from the list');

const TIME_ZONE = 'Use an IANA time zone such as Europe/Kyiv';
/** An IANA time zone; `missing` is the message when it is required and absent. */
export const timeZone = (missing?: string) => z.string({ required_error: missing, invalid_type_error: TIME_ZONE }).refine(isValidTimeZone, TIME_ZONE);

export const EMAIL_LIKE = 'Enter an email address like name@example.com';

/** Paged lists: `?limit=` from 1 to MAX_PAGE (default DEFAULT_PAGE), and `?before=` a cursor from `next`. */
export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;
export const pageLimit = () =>
  z
    .string()
    .regex(/^\d{1,3}$/, `Use a number from 1 to ${MAX_PAGE}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_PAGE, `Use a number from 1 to ${MAX_PAGE}`)
    .optional();
/** The field error of a `before` that is no cursor of ours. */
export const BAD_CURSOR = { before: ['Use the cursor of a previous answer (next)'] };

/** The query parameters `schema` names (the first value of each), leaving out absent ones. */
export function queryOf(c: Ctx, schema: z.AnyZodObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = c.req.query(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
