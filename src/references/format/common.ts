/**
 * Helpers shared by the citation styles (APA now; MLA, Chicago, IEEE, Vancouver, Harvard later).
 *
 * Everything here takes `unknown`-ish data from hand-written or server JSON and never throws:
 * a field of the wrong shape reads as absent. Output is plain text in `Run`s, which the element
 * renders as text nodes (never as HTML).
 */
import type { CslItem, CslName } from '../../core/backend.js';

/** A run of text; `href` only on the DOI/URL link. Consecutive runs of the same formatting are merged. */
export interface Run {
  text: string;
  italic?: boolean;
  href?: string;
}

/** A string or finite number as trimmed text with whitespace collapsed; anything else is ''. */
export const str = (v: unknown): string =>
  typeof v == 'string' ? v.replace(/\s+/g, ' ').trim() : Number.isFinite(v) ? '' + v : '';

/** Straight quotes to typographic ones, as citeproc prints them (O’Brien, “quoted”, ‘quoted’). */
const quotes = (s: string): string =>
  s.replace(/["']/g, (q, i: number) => (/[\s([—–-]/.test(s[i - 1]) ? '“‘' : '”’')[+(q > '"')]);

/** The non-empty strings (or non-zero numbers) joined with `delim`. */
export const cat = (delim: string, ...xs: unknown[]): string => xs.filter(Boolean).join(delim);

/**
 * The non-empty texts joined with `delim`, each as a separate piece for typographic quotes: a quote
 * at the start of a piece is a closing one, as citeproc prints it.
 */
export const join = (delim: string, ...xs: string[]): string => cat(delim, ...xs.map(quotes));

/** `pre` + text + `suf`, or '' when the text is empty. */
export const around = (pre: string, s: string, suf = ''): string => s && pre + s + suf;

/**
 * Styles build an entry as one string: italic text between tabs and "\n" where the link goes.
 * Field text never holds either: `str` collapses all whitespace to spaces.
 */
export const italic = (s: string): string => around('\t', quotes(s), '\t');

/**
 * The runs of an entry string (see `italic`), the link `href` at "\n".
 * Italic text always has plain text or the end around it, so no two neighbours share formatting.
 */
export const runs = (s: string, href: string): Run[] =>
  s
    .split(/(\t[^\t]*\t|\n)/)
    .flatMap((t) => (t == '\n' ? { text: href, href } : t[0] == '\t' ? { text: t.slice(1, -1), italic: true } : t ? { text: t } : []));

export const toPlainText = (runs: Run[]): string => runs.map((r) => r.text).join('');

/** Capitalizes the first word if it is all lower case ("doctoral dissertation" -> "Doctoral dissertation"). */
export const capFirst = (s: string): string => s.replace(/^\S+/, (w) => cap(w, 1));

/** The word capitalized if it is all lower case and `ok`. */
const cap = (w: string, ok: unknown) => (ok && w == w.toLowerCase() ? w[0].toUpperCase() + w.slice(1) : w);

/** Words title case leaves in lower case: short function words and single letters. */
const SMALL = /^(.|an|and|as|at|but|by|for|from|in|into|nor|of|on|or|over|per|so|the|to|up|via|vs|with|yet)$/;

/**
 * Title case like citeproc's for English: words in lower case are capitalized unless they are short
 * function words (or single letters), the first word and a word after ":" "?" "!" always.
 * Words with any capital letter (iPhone, NASA) are kept.
 */
export const titleCase = (s: string): string =>
  s.replace(/[\p{L}\p{N}'’]+/gu, (w, i: number) => cap(w, !i || /[:?!]\s*$/.test(s.slice(0, i)) || !SMALL.test(w)));

/** Page ranges with an en dash, abbreviated ends expanded: "127-36" -> "127–136", "e12-e19" -> "e12–e19". */
export const pageRange = (s: string): string =>
  s.replace(/(\w+)\s*[-–—]+\s*(\w+)/g, (_, a: string, b: string) =>
    a + '–' + (/^\d+$/.test(a + b) ? a.slice(0, -b.length) : '') + b,
  );

/** 1 -> "1st", 22 -> "22nd", 113 -> "113th". */
export const ordinal = (n: number): string => n + (['', 'st', 'nd', 'rd'][((n / 10) % 10 ^ 1) && n % 10] || 'th'); // tens digit 1: th

// ---------------------------------------------------------------------------------------------
// Names

/** A name list field as names: an array, a single name object, or strings (read as literal names). */
export const names = (v: unknown): CslName[] =>
  [v]
    .flat()
    .map((n) => (typeof n == 'string' ? { literal: n } : n) as CslName)
    .filter((n) => n && typeof n == 'object' && nameParts(n)[0]);

/** The author element: the authors, else the directors, else the editors; with the role ('' for authors). */
export const creators = (o: CslItem): [CslName[], string] =>
  (
    [
      [o.author, ''],
      [o.director, 'Director'],
      [o.editor, 'Ed.'],
    ] as const
  )
    .map(([v, role]): [CslName[], string] => [names(v), role])
    .find(([n]) => n[0]) || [[], ''];

/** Initials of given names: "Erich Seligmann" -> "E. S.", "Jean-Paul" -> "J.-P.", "J.R." -> "J. R.". */
export const initials = (given: string): string =>
  given
    .replace(/[^\p{L}\p{N}'’-]+/gu, ' ')
    .replace(/(\p{L}|\p{N})[\p{L}\p{N}'’]*/gu, (_, c: string) => c.toUpperCase() + '.')
    .replace(/\s*-+\s*/g, '-')
    .trim();

/**
 * The parts of a name as styles print them, with initials: `[family, given, suffix]` where `family`
 * carries its non-dropping particle ("van Gogh") and `given` is "initials dropping-particle"
 * ("A. von"). A literal name (organization) or a lone given name is `[name, '', '']`.
 */
export function nameParts(n: CslName): [family: string, given: string, suffix: string] {
  const [family, given, literal, particle, dropping, suffix] = (
    'family given literal non-dropping-particle dropping-particle suffix'.split(' ') as (keyof CslName)[]
  ).map((k) => str(n[k]));
  return literal
    ? [literal, '', '']
    : [cat(' ', particle, family || given), family && cat(' ', initials(given), dropping), suffix];
}

/** "van Gogh, V.", "Humboldt, A. von", "King, M. L., Jr.", "World Health Organization". */
export const sortName = (n: CslName): string => cat(', ', ...nameParts(n));

/** "V. van Gogh", "K. de van der Lee III" (given first). */
export function displayName(n: CslName): string {
  const [family, given, suffix] = nameParts(n);
  return cat(' ', given, family, suffix);
}

/**
 * Names joined with an ampersand; more than 20 names give the first 19, an ellipsis and the last
 * (APA; citeproc prints "…"). `comma`: a comma before "&" also for two names (sort-order lists).
 */
export function nameList(ns: string[], comma?: boolean): string {
  const n = ns.length;
  return n > 1 ? ns.slice(0, n > 20 ? 19 : -1).join(', ') + (n > 20 ? ', … ' : comma || n > 2 ? ', & ' : ' & ') + ns[n - 1] : ns.join('');
}

// ---------------------------------------------------------------------------------------------
// Dates

export const MONTHS = 'January February March April May June July August September October November December Spring Summer Autumn Winter'.split(' ');

/**
 * A date field as `[year, month?, day?]` (months 13-16 are the seasons, CSL's 21-24), or a string
 * to print as is (`literal`, or a `raw` date that is not ISO-like), or `[]`/'' when there is no
 * usable date. Accepts the CSL object, a bare string ("2005", "2005-03-01"), flat `date-parts`
 * ([2005, 3]) and numeric strings; it stops at the first part that is not a valid number.
 */
export function dateParts(v: unknown): number[] | string {
  const o = (v && typeof v == 'object' ? v : { raw: v }) as Record<string, unknown>;
  const dp = o['date-parts'];
  const raw = str(o.raw);
  const iso = /^(-?\d+)(?:-(\d\d?))?(?:-(\d\d?))?$/.exec(raw);
  const out: number[] = [];
  for (const x of Array.isArray(dp) ? (Array.isArray(dp[0]) ? dp[0] : dp) : iso ? iso.slice(1) : []) {
    const n = +(/^-?\d+$/.exec(str(x)) || NaN);
    const i = out.length; // 0 year, 1 month, 2 day; a fourth part is not read
    if ([!n, n < 1 || n > 24 || (n > 12 && n < 21), n < 1 || n > 31][i] !== false) break;
    out.push(n > 20 && i == 1 ? n - 8 : n);
  }
  return out.length ? out : str(o.literal) || (iso ? '' : raw);
}

/** A year for print: -380 -> "380 B.C.E.". */
export const year = (y: number): string => (y < 0 ? -y + ' B.C.E.' : '' + y);

/**
 * A date for print: `form` 0 "2005", 1 "2005, March 7", 2 "March 7, 2005"; a literal date as is;
 * '' without a date.
 */
export function dateText(v: unknown, form = 0): string {
  const d = dateParts(v);
  if (typeof d == 'string' || !d[0]) return d + '';
  const md = form ? cat(' ', MONTHS[d[1] - 1], d[2]) : '';
  return form > 1 ? cat(d[2] ? ', ' : ' ', md, year(d[0])) : cat(', ', year(d[0]), md);
}

// ---------------------------------------------------------------------------------------------
// Links

/** `https://doi.org/<doi>` from a DOI stored bare, as a doi.org URL or with a "doi:" prefix. */
export const doiUrl = (doi: string): string => (doi ? 'https://doi.org/' + doi.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '') : '');

/** The URL when it is an absolute http(s) URL; '' for anything else (javascript:, data:, relative, garbage). */
export function safeUrl(url: string): string {
  try {
    return /^https?:$/.test(new URL(url).protocol) ? url : '';
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Lists

/**
 * Keeps the entries of parsed JSON that are objects with an `id` (a non-empty string or a finite
 * number, coerced to a string) and counts the rest. Throws only when `data` is not an array.
 */
export function normalizeItems(data: unknown): { items: CslItem[]; skipped: number } {
  if (!Array.isArray(data)) throw new TypeError('References data must be a JSON array');
  const items = data.flatMap((x) => {
    const id = x && typeof x == 'object' && !Array.isArray(x) ? str((x as CslItem).id) : '';
    return id ? { ...(x as CslItem), id } : [];
  });
  return { items, skipped: data.length - items.length };
}

/** A collator for the locale, or for the default locale when it is not a valid one. */
const collator = (locale?: string): Intl.Collator => {
  try {
    return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  } catch {
    return collator();
  }
};

/**
 * APA order, in a new (stable) array: by the author element (each author's family name then
 * initials, in order; organizations by name; works without author by title, ignoring a leading
 * "A", "An" or "The"), then by date ("n.d." first), then by title.
 */
export function sortItems<T extends CslItem>(items: T[], locale?: string): T[] {
  const c = collator(locale);
  // The first difference (NaN: none), else the shorter first.
  const cmp = (a: readonly unknown[], b: readonly unknown[]): number => {
    let r = 0;
    a.some((x, i) => i < b.length && (r = typeof x == 'number' ? x - (b[i] as number) : c.compare(x as string, b[i] as string)));
    return r || a.length - b.length;
  };
  return items
    .map((item) => {
      const o: CslItem = Object(item);
      const title = str(o.title).replace(/^(the|an?)\s+/i, '');
      const [who] = creators(o);
      const d = dateParts(o.issued);
      const [y = 0, m = 0, day = 0] = typeof d == 'string' ? [] : d;
      // [authors' family names and initials] or [title]; then [dated?, year, month, day, title]
      return [item, who[0] ? who.flatMap((n) => nameParts(n).slice(0, 2)) : [title], [+!!y, y, m, day, title]] as const;
    })
    .sort((a, b) => cmp(a[1], b[1]) || cmp(a[2], b[2]))
    .map((k) => k[0]);
}
