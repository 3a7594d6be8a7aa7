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
  around, capFirst, cat, creators, dateText, displayName, doiUrl, italic, join, nameList, names, ordinal, pageRange, runs, safeUrl,
  sortName, str, titleCase, type Run,
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
  const [type, title, ct, vol, num, genre, medium, publisher, doi, url, issue, pages, edition, language] = (
    'type title container-title volume number genre medium publisher DOI URL issue page edition language'.split(' ')
  ).map(f);
  const volume = pageRange(vol);
  const page = pageRange(pages);
  const DOI = doiUrl(doi);
  const URL = safeUrl(url);
  const online = DOI || URL;
  const tc = (s: string) => (/^(en|$)/i.test(language) ? titleCase(s) : s);
  const report = type == 'report';
  const web = type == 'webpage' || type == 'post';
  const conf = type == 'paper-conference';
  /** Audiovisual: the number follows the title, not the container. */
  const av = type == 'motion_picture';
  const eds = names(item.editor);
  /** Published in a periodical: journal articles, and conference papers without editors. */
  const periodical = PERIODICAL.test(type) || (conf && !eds[0]);
  /** Unpublished talks: conference papers and speeches without editors or journal data. */
  const talk = (conf || type == 'speech') && !eds[0] && !issue && !page && !volume;
  /** In a book: the container is a book ("In J. Smith (Ed.), *Book*"). */
  const inBook = ct && !periodical && !web;
  const plural = (s: string, n: number) => s.replace(/\.?$/, n > 1 ? 's$&' : '$&');

  // Author element: authors, else directors, else editors (then not repeated), else the title.
  const [who, label] = creators(item);
  /**
   * Editors (unless they are the author element or the container is a periodical) and translators:
   * "J. Smith & K. Lee, Eds.; T. Tr, Trans." or, in a book, "J. Smith (Ed.), & T. Tr (Trans.)";
   * the same people as both: "J. Smith, Ed. & Trans.".
   */
  const e = (periodical || label == 'Ed.' ? [] : eds).map(displayName);
  const t = names(item.translator).map(displayName);
  const both = e + '' == t + '';
  const role = (ns: string[], r: string) => around('', nameList(ns), inBook ? ' (' + r + ')' : ', ' + r);
  const people = cat(inBook ? ', & ' : '; ', role(e, plural('Ed.', e.length) + (both ? ' & Trans.' : '')), both ? '' : role(t, 'Trans.'));

  /** A book title in italics, with a volume that is not a number ("Title: Vol. IV"). */
  const volTitle = (t: string) => italic(cat(': ', t, volume && !numeric(volume) ? 'Vol. ' + volume : ''));
  /** A thesis found online names its university with the description or number, not as publisher. */
  const university = type == 'thesis' && online && publisher;
  /**
   * Description: "[Film]", "[Paper presentation]", "[Novel; E-book]", "[Doctoral dissertation, U]" (a genre
   * with a number goes with the number).
   */
  const describe = cat('; ', num ? '' : cat(', ', capFirst(genre), university), capFirst(medium));
  const bracketed = around('[', ct && (report || talk) ? '' : describe, ']');
  const number = num && cat(', ', cat(' ', tc(genre), numeric(num) ? 'No. ' + num : num), university);
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
  const parenthetical = around('(', cat('; ', inBook ? '' : people, ct && !web && !av ? '' : number, ct ? '' : locators), ')');
  const titled = join(' ', ct && !web ? title : periodical || web ? italic(title) : volTitle(title), parenthetical);
  const date = dateText(item.issued, +(FULL_DATE.test(type) || talk));

  return runs(
    join(
      ' ',
      // The elements, each ending in a period unless it ends in . ? or ! ("Jr. (1990)", "What is it? Publisher.").
      ...[
        who[0] ? nameList(who.map(sortName), true) + around(' (', label && plural(label, who.length), ')') : title ? titled : cat(' ', bracketed, parenthetical),
        '(' + (date || 'n.d.') + ')',
        who[0] ? join(' ', titled, bracketed) : title && bracketed,
        periodical
          ? join(', ', italic(tc(ct)), volume ? italic(volume) + around('(', issue, ')') : italic(issue), page || around('Article ', num))
          : inBook
            ? join(
                ' ',
                around('In ', join(', ', people, volTitle(ct))),
                around('(', cat('; ', av ? '' : number, locators), ')'),
                around('[', report || talk ? describe : '', ']'),
              )
            : '',
        talk ? cat(', ', f('event-title') || f('event'), f('event-place')) : '',
        web ? cat('; ', tc(ct), publisher) : periodical || university ? '' : publisher,
      ].map((e) => e && e + (/[.?!]\t?$/.test(e) ? '' : '.')),
      DOI || date ? '' : around('Retrieved ', URL && dateText(item.accessed, 2), ', from'),
      online && '\n',
      around('(Original work published ', dateText(item['original-date']), ')'),
    ),
    online,
  );
}
