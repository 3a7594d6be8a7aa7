/**
 * Helpers shared by the citation styles (APA now; MLA, Chicago, IEEE, Vancouver, Harvard later).
 *
 * Everything here takes `unknown`-ish data from hand-written or server JSON and never throws:
 * a field of the wrong shape reads as absent. Output is plain text in `Run`s, which the element
 * renders as text nodes (never as HTML).
 */
import type { CslItem, CslName } from '../../core/backend.js';
import { msg } from '../../core/localization.js';

/** A run of text; `href` only on the DOI/URL link. Consecutive runs of the same formatting are merged. */
export interface Run {
  text: string;
  italic?: boolean;
  href?: string;
}

/** A string or finite number as trimmed text with whitespace collapsed; anything else is ''. */
export const asText = (v: unknown): string =>
  typeof v == 'string' ? v.replace(/\s+/g, ' ').trim() : Number.isFinite(v) ? '' + v : '';

/**
 * Straight quotes to typographic ones, as citeproc prints them (O’Brien, “quoted”, ‘quoted’, the ’90s):
 * opening after a space, bracket or dash, and a double quote also at the start of a text or of italic
 * text (after the tab that starts it, see `italic`), else closing; an apostrophe before a two-digit
 * year is one (’98, ’90s), never an opening quote.
 */
const quotes = (s: string): string =>
  // Most texts hold no quote: one test instead of three replaces (7% of formatting time, measured).
  !/["']/.test(s)
    ? s
    : s
        .replace(/'(?=\d\d(?!\d))/g, '’')
        .replace(/(?<=^|\t)"/g, '“')
        .replace(/["']/g, (q, i: number) => (/[ ([—–-]/.test(s[i - 1]) ? '“‘' : '”’')[+(q > '"')]);

/** The non-empty strings (or non-zero numbers) joined with `delim`. */
export const cat = (delim: string, ...xs: unknown[]): string => xs.filter(Boolean).join(delim);

/**
 * The non-empty texts joined with `delim`, with typographic quotes in each text on its own (`quotes`
 * leaves converted text as is, so texts that are joined again are unchanged). A text ending in a comma
 * takes no second one from `delim` (citeproc: "*ERLANG,* *3*", not "*ERLANG,*, *3*").
 */
export const join = (delim: string, ...xs: string[]): string => cat(delim, ...xs.map(quotes)).replace(/(?<=,\t?),/g, '');

/** `pre` + text + `suf`, or '' when the text is empty. */
export const around = (pre: string, s: string, suf = ''): string => s && pre + s + suf;

/**
 * Italic text. Styles build an entry as one string, italic text between tabs and "\n" where the
 * link goes (see `runs`); field text never holds either, as `str` collapses whitespace to spaces.
 */
export const italic = (s: string): string => around('\t', s, '\t');

/**
 * The runs of an entry string (see `italic`), with the link `href` at "\n". Italic text always has
 * plain text or the end on both sides, so no two neighbouring runs share their formatting.
 */
export const runs = (s: string, href: string): Run[] =>
  s
    .split(/(\t[^\t]*\t|\n)/)
    .filter(Boolean)
    .map((t) => (t == '\n' ? { text: href, href } : t[0] == '\t' ? { text: t.slice(1, -1), italic: true } : { text: t }));

/** Capitalizes the first word if it is all lower case ("doctoral dissertation" -> "Doctoral dissertation"). */
export const capFirst = (s: string): string => s.replace(/^\S+/, cap); // `keep` is the match offset: 0

/** The word with a capital first letter if it is all lower case, unless `keep`. */
const cap = (w: string, keep?: unknown) => (!keep && w == w.toLowerCase() ? w[0].toUpperCase() + w.slice(1) : w);

/**
 * Title case like citeproc's for English: words in lower case are capitalized unless they are short
 * function words (or single letters), the first word and a word after ":" "?" "!" always.
 * Words with any capital letter (iPhone, NASA) are kept.
 */
export const titleCase = (s: string): string =>
  s.replace(/[\p{L}\p{N}'’]+/gu, (w, i: number) =>
    cap(
      w,
      i &&
        !/[:?!]\s*$/.test(s.slice(0, i)) &&
        /^(.|an|and|as|at|but|by|for|from|in|into|nor|of|on|or|over|per|so|the|to|up|via|vs|with|yet)$/.test(w),
    ),
  );

/**
 * Page ranges with an en dash, abbreviated ends expanded: "127-36" -> "127–136", "e12-e19" -> "e12–e19",
 * "xii-xv". Anything else prints as written: a range from a number to a non-number, and a "range"
 * next to a dot, slash or another dash, as in article numbers and DOIs ("e0123-2", "800-63-3",
 * "10.3758/s13414-022-02593-1").
 */
export const pageRange = (s: string): string =>
  s.replace(/(?<![\w./-])(\w+)\s*[-–—]+\s*(\w+)(?![\w./-])/g, (m, a: string, b: string) =>
    numeric(a) != numeric(b) ? m : a + '–' + (numeric(a + b) ? a.slice(0, -b.length) : '') + b,
  );

/** A role in the plural when there is more than one name: "Ed." -> "Eds.", "Director" -> "Directors". */
export const plural = (s: string, ns: unknown[]): string => (ns[1] ? s.replace(/\.?$/, 's$&') : s);

/** A number or a range or list of numbers ("2", "2–4"). */
export const numeric = (s: string) => /^\d+([–,&] ?\d+)*$/.test(s);

/** 1 -> "1st", 22 -> "22nd", 113 -> "113th". */
export const ordinal = (n: number): string => n + (['', 'st', 'nd', 'rd'][((n / 10) % 10 ^ 1) && n % 10] || 'th'); // tens digit 1: th

// ---------------------------------------------------------------------------------------------
// Names

/**
 * The parts of a name as styles print them, with initials: `[family, given, suffix]` where `family`
 * carries its non-dropping particle ("van Gogh") and `given` is "initials dropping-particle"
 * ("A. von"). A literal name (organization) or a lone given name is `[name, '', '']`. In sort
 * order, `cat(', ', ...name)`: "van Gogh, V.", "Humboldt, A. von", "King, M. L., Jr.", "World Health Organization".
 */
export type Name = [family: string, given: string, suffix: string];

/** One name of a name list field, every part a trimmed string ('' when absent). */
export interface NameParts {
  family: string;
  given: string;
  literal: string;
  /** "van" in "van Gogh": printed with the family name, sorted with it in some styles. */
  particle: string;
  /** "von" in "Alexander von Humboldt": printed after the given name in sort order. */
  dropping: string;
  suffix: string;
}

/**
 * A name list field as name parts: an array, a single name object, or strings (read as literal
 * names); names with neither family, given nor literal name are left out. A name in a script without
 * spaces between names (Chinese, Japanese, Korean) becomes literal: "毛泽东", not "毛, 泽.".
 */
export const nameParts = (v: unknown): NameParts[] =>
  [v]
    .flat()
    .map((n) => {
      const o = (typeof n == 'string' ? { literal: n } : n) as CslName | undefined;
      const [family, given, literal, particle, dropping, suffix] = (
        'family given literal non-dropping-particle dropping-particle suffix'.split(' ') as (keyof CslName)[]
      ).map((k) => asText(o?.[k]));
      const cjk = /^[\p{sc=Hani}\p{sc=Hira}\p{sc=Kana}\p{sc=Hang}]+$/u.test(family + given);
      return { family: cjk ? '' : family, given: cjk ? '' : given, literal: cjk ? family + given : literal, particle, dropping, suffix };
    })
    .filter((p) => p.literal || p.family || p.given);

/** A name list field as names (see `Name`). */
export const names = (v: unknown): Name[] =>
  nameParts(v).map(({ family, given, literal, particle, dropping, suffix }): Name =>
    literal ? [literal, '', ''] : [cat(' ', particle, family || given), family && cat(' ', initials(given), dropping), suffix],
  );

/**
 * The author element: the authors, else the directors, else the editors (`who` is then `editors`);
 * with their role ('' for authors), and the editors.
 */
export const creators = (o: CslItem): [who: Name[], role: string, editors: Name[]] => {
  const [a, d, e] = [o.author, o.director, o.editor].map(names);
  return a[0] ? [a, '', e] : d[0] ? [d, 'Director', e] : [e, 'Ed.', e];
};

/** Initials of given names: "Erich Seligmann" -> "E. S.", "Jean-Paul" -> "J.-P.", "J.R." -> "J. R.". */
export const initials = (given: string): string =>
  given // each word to its initial, anything else but hyphens and apostrophes to a space
    .replace(/([\p{L}\p{N}])[\p{L}\p{N}'’]*|[^\p{L}\p{N}'’-]+/gu, (_, c?: string) => (c ? c.toUpperCase() + '.' : ' '))
    .replace(/\s*-+\s*/g, '-')
    .trim();

/** "V. van Gogh", "K. de van der Lee III" (given first). */
export const displayName = ([family, given, suffix]: Name): string => cat(' ', given, family, suffix);

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

/** Names by CSL month number - 1: the months, and the seasons at 21-24. */
export const MONTHS = 'January February March April May June July August September October November December         Spring Summer Autumn Winter'.split(' ');

/**
 * Whether `n` can be the date part at `position`: a year (not 0; negative is B.C.E.), a month or
 * CSL season (1–12, 21–24; text that is not a number stays, as NaN, and prints nothing), a day (1–31;
 * NaN likewise). `position` is 0–2: dateParts reads no fourth part.
 */
function validPart(n: number, position: number): boolean {
  if (position == 0) return !!n;
  return Number.isNaN(n) || (position == 1 ? !!MONTHS[n - 1] : n > 0 && n < 32);
}

/**
 * A date field as `[year, month?, day?]` (months 21-24 are the seasons), or a string to print as
 * is (`literal`, or a `raw` date that is not ISO-like), or '' when there is no usable date.
 * Accepts the CSL object, a bare string ("2005", "2005-03-01"), flat `date-parts` ([2005, 3]) and
 * numeric strings, and a `season` key 1–4 beside a year alone ({ 'date-parts': [[2019]], season: 2 } is
 * [2019, 22]); it stops at the first part that is not valid. A part that is not a number is NaN,
 * which passes as a month or day (prints nothing; "2005" is [2005, NaN, NaN]).
 */
export function dateParts(v: unknown): number[] | string {
  const o = (Object(v) === v ? v : { raw: v }) as Record<string, unknown>;
  const dp = o['date-parts'];
  const raw = asText(o.raw);
  const iso = /^(-?\d+)(?:-(\d\d?))?(?:-(\d\d?))?$/.exec(raw);
  const parts = Array.isArray(dp) ? (Array.isArray(dp[0]) ? dp[0] : dp) : iso ? iso.slice(1) : [];
  // CSL's separate `season` key (1–4) is the month (21–24) of a date with only a year. A season
  // given as a word ("Spring") is not read: the list's first load has no bytes left for it.
  const out: number[] = [];
  for (const x of (o.season && !parts[1] ? [parts[0], +o.season + 20] : parts).slice(0, 3)) {
    const n = +(/^-?\d+$/.exec(asText(x)) || NaN);
    if (!validPart(n, out.length)) break;
    out.push(n);
  }
  return out[0] ? out : asText(o.literal) || (iso ? '' : raw);
}

/**
 * A date for print: `form` 0 "2005", 1 "2005, March 7", 2 "March 7, 2005"; a literal date as is;
 * '' without a date.
 */
export function dateText(v: unknown, form = 0): string {
  const d = dateParts(v);
  if (typeof d == 'string') return d;
  const [year, month, day] = d;
  const y = year < 0 ? -year + ' B.C.E.' : year; // -380 -> "380 B.C.E."
  const monthDay = cat(' ', MONTHS[month - 1], day);
  return form > 1 ? cat(day ? ', ' : ' ', monthDay, y) : cat(', ', y, form && monthDay);
}

// ---------------------------------------------------------------------------------------------
// Links

/** `https://doi.org/<doi>` from a DOI stored bare, as a doi.org URL or with a "doi:" prefix. */
export const doiUrl = (doi: string): string => (doi ? 'https://doi.org/' + doi.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '') : '');

/** The URL when it is an absolute http(s) URL; '' for anything else (javascript:, data:, relative, garbage). */
export function httpUrl(url: string): string {
  try {
    // The test first: most fields are empty, and a URL that throws is slow.
    return /^https?:\/\//i.test(url) && new URL(url) ? url : '';
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
  const items: CslItem[] = data.map((x) => ({ ...x, id: asText(x?.id) })).filter((x) => x.id);
  return { items, skipped: data.length - items.length };
}

/**
 * APA order, in a new (stable) array: by the author element (each author's family name then
 * initials, in order; organizations by name; works without author by title, ignoring a leading
 * "A", "An" or "The"), then by date ("n.d." first), then by title.
 */
export function sortItems<T extends CslItem>(items: T[], locale?: string): T[] {
  let c: Intl.Collator;
  try {
    c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  } catch {
    return sortItems(items); // not a valid locale: the default one
  }
  // The first difference (NaN: none), else the shorter first.
  const cmp = (a: readonly unknown[], b: readonly unknown[]): number => {
    let r = 0;
    a.some((x, i) => i in b && (r = typeof x == 'number' ? x - (b[i] as number) : c.compare(x as string, b[i] as string)));
    return r || a.length - b.length;
  };
  return items
    .map((item) => {
      const o: CslItem = Object(item);
      const title = asText(o.title).replace(/^(the|an?) /i, '');
      const [who] = creators(o);
      const d = dateParts(o.issued);
      const [y = 0, m = 0, day = 0] = typeof d == 'string' ? [] : d;
      // [authors' family names and initials] or [title]; then [dated?, year, month, day, title]
      return [item, who[0] ? who.flatMap((n) => n.slice(0, 2)) : [title], [+!!y, y, m, day, title]] as const;
    })
    .sort((a, b) => cmp(a[1], b[1]) || cmp(a[2], b[2]))
    .map((k) => k[0]);
}

// ---------------------------------------------------------------------------------------------
// Terms

/**
 * The words the citation styles print between the data ("p.", "et al.", "n.d.", "In", "(Ed.)",
 * "Retrieved … from", "Accessed") in the list's language: the terms of the CSL locale files
 * (citation-style-language/locales), in each locale's chunk under the ids `term.<English term>`, looked up
 * like any message when the list renders; English otherwise. Capitalised as the styles print them
 * where an element starts ("In", "Retrieved", "Ed."). Month names and the other words of a style
 * stay English.
 */
/** A term in the language of the list being rendered, by its English form (its id: `term.` and that form). */
export const term = (english: string): string => msg(english, { id: `term.${english}` });

/** "p. 12", "pp. 3–5" (several pages: a range or a list). */
export const pageLabel = (page: string) => term(/[-–,&]/.test(page) ? 'pp.' : 'p.') + ' ' + page;

/** "Ed." or "Eds." for one or more names. */
export const editorLabel = (names: unknown[]) => term(plural('Ed.', names));
