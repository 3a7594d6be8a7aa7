/**
 * APA 7 reference-list entries from CSL-JSON, following what citeproc-js prints with the official
 * apa.csl (as bundled in citation-js): same order of elements, punctuation, italics, typographic
 * quotes, title case of journal and site names, and titles in the case they are stored in.
 * Check changes with `node scripts/apa-oracle.mjs` (test corpus: test/references/apa-corpus.ts).
 *
 * Covered: book, edited book, chapter, journal/magazine/newspaper article, blog post, conference
 * paper, report, thesis, webpage, film (motion_picture). Other and unknown types format like a book.
 *
 * Deliberate differences from citeproc-js:
 * - A DOI stored as "https://doi.org/…", "http://dx.doi.org/…" or "doi:…" prints once as https://doi.org/…
 *   (citeproc doubles the prefix).
 * - URLs other than absolute http(s) are dropped (citeproc prints `javascript:…` and the like).
 * - `issued` as a bare string or number ("2005", "2005-03-01") is read as a date (citeproc: n.d.); a
 *   `raw` date that is not ISO-like prints as is, like a `literal` one. Garbage date parts (month 13,
 *   day 40, "abc") are cut at the first bad part. Only the first date of a range is printed.
 * - Given names in lower case are initialized too ("jean-marie" -> "J.-M."; citeproc prints them
 *   whole); abbreviated given names are cut to one letter ("Ch." -> "C.").
 * - A period after a closing quote stays outside it (citeproc moves it in: “care.”).
 * - Field text is plain: citeproc's rich-text tags in titles (<i>, <b>, <span class="nocase">) print as typed.
 * - No year suffixes (2020a, 2020b): entries are formatted one at a time.
 * - Title case uses a shorter list of small words, and leaves every one-letter word but the first
 *   in lower case ("e-Mail"; citeproc: "E-Mail").
 * - Not handled, formatted like a book: reviews ([Review of …]), interviews, letters, broadcasts
 *   and songs (full dates), datasets ("[Data set]"), software, maps, patents, legal items;
 *   also archives, "ca." dates, `status` (in press), `references`, number-of-volumes. Reviews
 *   print no publisher.
 * - sortItems (common.ts) follows the APA manual where citeproc differs: initials, not full given
 *   names, after each family name ("Smith, J." < "Smith, J. E." < "Smith, K." < "Smith Jones, A."),
 *   and titles sort without a leading "A", "An" or "The".
 */
import type { CslItem } from '../../core/backend.js';
import {
  around, capFirst, cat, dateText, displayName, doiUrl, join, nameList, names, ordinal, pageRange,
  runs, safeUrl, sortName, str, titleCase, txt, wrap, type Part, type Run,
} from './common.js';

/** Types whose container is a periodical: article-journal, -magazine, -newspaper, post-weblog, review, review-book. */
const PERIODICAL = /^(article-[jmn]|post-weblog|review)/;
/** Types dated with month and day: article-magazine, article-newspaper, motion_picture, post, post-weblog, webpage. */
const FULL_DATE = /^(article-[mn]|motion|post|webpage)/;
/** A number or a range or list of numbers ("2", "2–4"). */
const numeric = (s: string) => /^\d+([–,&] ?\d+)*$/.test(s);

export function formatApa(item: CslItem): Run[] {
  item = Object(item); // null or a primitive reads as an empty item
  const f = (k: string) => str(item[k]);
  const type = f('type');
  const title = f('title');
  const ct = f('container-title');
  const volume = pageRange(f('volume'));
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
  const periodical = PERIODICAL.test(type) || (conf && !eds.length);
  /** Unpublished talks: conference papers and speeches without editors or journal data. */
  const talk = (conf || type == 'speech') && !eds.length && !f('issue') && !f('page') && !volume;

  // Author element: authors, else directors, else editors (then not repeated), else the title.
  let who = names(item.author);
  let label = '';
  if (!who.length && (who = names(item.director)).length) label = 'Director';
  if (!who.length && (who = eds).length) [label, eds] = ['Ed.', []];
  const plural = (s: string, n: number) => s.replace(/\.?$/, n > 1 ? 's$&' : '$&');
  /**
   * Editors and translators: "J. Smith & K. Lee, Eds.; T. Tr, Trans." or "J. Smith (Ed.), & T. Tr (Trans.)";
   * the same people as both: "J. Smith, Ed. & Trans.".
   */
  const contributors = (editors: boolean, pre: string, post: string, delim: string) => {
    const e = (editors ? eds : []).map(displayName);
    const t = trans.map(displayName);
    const both = e + '' == t + '';
    return cat(
      delim,
      around('', nameList(e, false), pre + plural('Ed.', e.length) + (both ? ' & Trans.' : '') + post),
      both ? '' : around('', nameList(t, false), pre + 'Trans.' + post),
    );
  };

  /** A book title in italics, with a volume that is not a number ("Title: Vol. IV"). */
  const volTitle = (t: string) => txt(cat(': ', t, volume && !numeric(volume) ? 'Vol. ' + volume : ''), true);
  /** Description: "[Film]", "[Paper presentation]", "[Novel; E-book]" (a genre with a number goes with the number). */
  const describe = cat('; ', num ? '' : capFirst(genre), capFirst(medium));
  const bracketed = around(
    '[',
    thesis ? cat('; ', num ? '' : cat(', ', capFirst(genre), online && publisher), capFirst(medium)) : ct && (report || talk) ? '' : describe,
    ']',
  );
  const number = num && cat(', ', cat(' ', tc(genre), numeric(num) ? 'No. ' + num : num), thesis ? online && publisher : '');
  const edition = f('edition');
  const page = pageRange(f('page'));
  const locators =
    periodical || web
      ? ''
      : cat(
          ', ',
          /^\d+(\D\D)?$/.test(edition) ? ordinal(parseInt(edition)) + ' ed.' : edition,
          report ? cat(' ', tc(f('collection-title')), f('collection-number')) : '',
          numeric(volume) && (/\D/.test(volume) ? 'Vols. ' : 'Vol. ') + volume,
          around(/[-–,&]/.test(page) ? 'pp. ' : 'p. ', page),
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

  const date = dateText(item.issued, +(FULL_DATE.test(type) || talk));

  const container = web
    ? []
    : periodical
      ? join(
          ', ',
          txt(tc(ct), true),
          volume ? [...txt(volume, true), ...txt(around('(', f('issue'), ')'))] : txt(f('issue'), true),
          page || around('Article ', num),
        )
      : ct
        ? join(
            ' ',
            wrap('In ', join(', ', contributors(true, ' (', ')', ', & '), volTitle(ct))),
            around('(', cat('; ', av ? '' : number, locators), ')'),
            around('[', report || talk ? describe : '', ']'),
          )
        : [];

  const retrieved = date ? '' : around('Retrieved ', dateText(item.accessed, 2), ', from');

  return runs(
    join(
      ' ',
      wrap(
        '',
        join(
          '. ',
          author,
          '(' + (date || 'n.d.') + ')',
          described,
          container,
          talk ? cat(', ', f('event-title') || f('event'), f('event-place')) : '',
          web ? cat('; ', tc(ct), publisher) : periodical || (thesis && online) ? '' : publisher,
        ),
        '.',
      ),
      DOI ? [{ text: DOI, href: DOI }] : URL ? join(' ', retrieved, [{ text: URL, href: URL }]) : [],
      around('(Original work published ', dateText(item['original-date']), ')'),
    ),
  );
}
