/**
 * APA 7 reference-list entries from CSL-JSON, following what citeproc-js prints with the official
 * apa.csl (as bundled in citation-js): same order, punctuation, italics and stored title case.
 * Check changes against it with `node scripts/apa-oracle.mjs`.
 *
 * Covered: book, edited book, chapter, journal/magazine/newspaper article, conference paper,
 * report, thesis, webpage/post, film (motion_picture); unknown types format like a book.
 *
 * Deliberate differences from citeproc-js:
 * - DOIs stored as "https://doi.org/…" or "doi:…" print once as https://doi.org/… (citeproc doubles the prefix).
 * - URLs other than absolute http(s) are dropped (citeproc prints `javascript:…` and the like).
 * - `issued` as a bare string ("2005", "2005-03-01") is read as a date (citeproc: n.d.); a `raw`
 *   date that is not ISO-like prints as is, like a `literal` one.
 * - Garbage dates (month 13, day 40, non-numeric parts) are cut at the first bad part.
 * - Given names in lower case are initialized too ("jean-marie" -> "J.-M."; citeproc prints them whole);
 *   abbreviations in given names are reduced to one letter ("Ch." -> "C.").
 * - Field text is plain: citeproc's rich-text tags in titles (<i>, <b>, <span class="nocase">) print as typed.
 * - No year suffixes (2020a, 2020b): entries are formatted one by one. Only the first date of a range.
 * - Title case (journal and site names) uses a shorter list of small words than citeproc's, and
 *   capitalizes a one-letter word only at the start ("e-Mail"; citeproc: "E-Mail").
 * - Not handled: reviews' [Review of …], interviews, letters, legal items, patents, archives,
 *   software versions, "ca." dates, `status` (in press), `references`, number-of-volumes.
 */
import type { CslItem } from '../../core/backend.js';
import {
  MONTHS, around, capFirst, cat, dateParts, displayName, doiUrl, field, join, nameList, names, ordinal, pageRange,
  runs, safeUrl, sortName, titleCase, txt, wrap, year, type Part, type Run,
} from './common.js';

const is = (list: string, type: string) => list.split(' ').includes(type);
const JOURNALS = 'article-journal article-magazine article-newspaper post-weblog';
/** Types whose container is a periodical. */
const PERIODICAL = JOURNALS + ' review review-book';
/** Types dated with month and day. */
const FULL_DATE = 'article-magazine article-newspaper motion_picture post post-weblog webpage';
/** Types without edition, volume and pages after the title. */
const NO_LOCATORS = PERIODICAL + ' post webpage';
const numeric = (s: string) => /^\d+$/.test(s);

export function formatApa(item: CslItem): Run[] {
  const f = (k: string) => field(item, k);
  const type = f('type');
  const title = f('title');
  const ct = f('container-title');
  const volume = f('volume');
  const num = f('number');
  const genre = f('genre');
  const medium = f('medium');
  const publisher = f('publisher');
  const DOI = doiUrl(f('DOI'));
  const URL = safeUrl(f('URL'));
  const tc = (s: string) => (/^(en|$)/i.test(f('language')) ? titleCase(s) : s);
  const thesis = type == 'thesis';
  const report = type == 'report';
  const web = type == 'webpage' || type == 'post';
  const conf = type == 'paper-conference';
  /** Audiovisual: the number follows the title, not the container. */
  const av = type == 'motion_picture';
  const online = DOI || URL;
  let eds = names(item.editor);
  const trans = names(item.translator);
  /** Published in a periodical: journal articles, and conference papers without editors. */
  const periodical = is(PERIODICAL, type) || (conf && !eds.length);
  /** Unpublished talks: conference papers and speeches without editors or journal data. */
  const talk = (conf || type == 'speech') && !eds.length && !f('issue') && !f('page') && !volume;

  // Author element: authors, else directors, else editors (then not repeated), else the title.
  let who = names(item.author);
  let label = '';
  if (!who.length && (who = names(item.director)).length) label = 'Director';
  if (!who.length && (who = eds).length) [label, eds] = ['Ed.', []];
  const plural = (s: string, n: number) => s.replace(/\.?$/, n > 1 ? 's$&' : '$&');
  /** Editors and translators: "J. Smith & K. Lee, Eds.; T. Tr, Trans." or "J. Smith (Ed.), & T. Tr (Trans.)". */
  const contributors = (editors: boolean, pre: string, post: string, delim: string) =>
    cat(
      delim,
      ...[editors ? eds : [], trans].map((ns, i) =>
        around('', nameList(ns.map(displayName), false), pre + (i ? 'Trans.' : plural('Ed.', ns.length)) + post),
      ),
    );

  /** A book title in italics, with a volume that is not a number ("Title: Vol. IV"). */
  const volTitle = (t: string) => txt(cat(': ', t, volume && !numeric(volume) ? 'Vol. ' + volume : ''), true);
  const describe =
    cat('; ', num ? '' : capFirst(genre), capFirst(medium));
  const bracketed = around(
    '[',
    thesis ? cat('; ', num ? '' : cat(', ', capFirst(genre), online && publisher), capFirst(medium)) : ct && (report || talk) ? '' : describe,
    ']',
  );
  const number = num && cat(', ', cat(' ', tc(genre), numeric(num) ? 'No. ' + num : num), thesis ? online && publisher : '');
  const edition = f('edition');
  const page = pageRange(f('page'));
  const locators =
    is(NO_LOCATORS, type) || periodical
      ? ''
      : cat(
          ', ',
          /^\d+(st|nd|rd|th)?$/i.test(edition) ? ordinal(parseInt(edition)) + ' ed.' : edition,
          report ? cat(' ', tc(f('collection-title')), f('collection-number')) : '',
          numeric(volume) ? 'Vol. ' + volume : '',
          around(/[-–,&]/.test(page) ? 'pp. ' : 'p. ', page, ''),
        );
  const parenthetical = around(
    '(',
    cat(
      '; ',
      periodical || !ct || web ? contributors(!periodical, ', ', '', '; ') : '',
      ct && !web && !av ? '' : number,
      ct ? '' : locators,
    ),
    ')',
  );

  const titled = join(' ', !ct || web ? (periodical || web ? txt(title, true) : volTitle(title)) : title, parenthetical);
  let author: Part | string = titled;
  let described: Part | string = bracketed;
  if (who.length) {
    author = nameList(who.map(sortName), true) + around(' (', label && plural(label, who.length), ')');
    described = join(' ', titled, bracketed);
  } else if (!title) {
    author = cat(' ', bracketed, parenthetical);
    described = '';
  }

  const d = dateParts(item.issued);
  const [y, m, day] = d as number[];
  const full = is(FULL_DATE, type) || talk;
  const date = '(' + (typeof d == 'string' ? d || 'n.d.' : year(y) + (full && m ? ', ' + cat(' ', MONTHS[m - 1], day ? '' + day : '') : '')) + ')';

  const container = web
    ? []
    : periodical
      ? join(
          ', ',
          txt(tc(ct), true),
          volume ? [...txt(volume, true), ...txt(around('(', f('issue'), ')'))] : txt(f('issue'), true),
          page || around('Article ', num, ''),
        )
      : ct
        ? join(
            ' ',
            wrap('In ', join(', ', contributors(true, ' (', ')', ', & '), volTitle(ct))),
            around('(', cat('; ', av ? '' : number, locators), ')'),
            around('[', report || talk ? describe : '', ']'),
          )
        : [];

  const accessed = dateParts(item.accessed);
  const [ay, am, ad] = accessed as number[];
  const retrieved =
    d.length || !accessed.length
      ? ''
      : 'Retrieved ' + (typeof accessed == 'string' ? accessed : cat(' ', am ? MONTHS[am - 1] : '', ad ? ad + ',' : '', year(ay))) + ', from';
  const original = dateParts(item['original-date']);

  return runs(
    join(
      ' ',
      wrap(
        '',
        join(
          '. ',
          author,
          date,
          described,
          container,
          talk ? cat(', ', f('event-title') || f('event'), f('event-place')) : '',
          thesis
            ? online
              ? ''
              : publisher
            : web
              ? cat('; ', tc(ct), publisher)
              : (conf && periodical) || is(JOURNALS, type)
                ? ''
                : publisher,
        ),
        '.',
      ),
      DOI ? [{ text: DOI, href: DOI }] : URL ? join(' ', retrieved, [{ text: URL, href: URL }]) : [],
      around('(Original work published ', typeof original == 'string' ? original : original.length ? year(original[0]) : '', ')'),
    ),
  );
}
