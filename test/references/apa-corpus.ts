/**
 * APA 7 cases: CSL-JSON items and the entries `formatApa` must produce, with italic runs written
 * `*like this*` (links as their text). Checked against citeproc-js with the official apa.csl by
 * `node scripts/apa-oracle.mjs`; where hearth differs on purpose (see the comment at the top of
 * src/references/format/apa.ts), `citeproc` holds what citeproc-js prints.
 */
import type { CslItem, CslName } from '../../src/core/backend.js';

export interface ApaCase {
  name: string;
  item: CslItem;
  expected: string;
  /** What citeproc-js prints when hearth differs from it on purpose. */
  citeproc?: string;
}

const year = (y: number, m?: number, d?: number) => ({ 'date-parts': [[y, m, d].filter((x) => x !== undefined) as number[]] });
const person = (family: string, given: string, more: Partial<CslName> = {}): CslName => ({ family, given, ...more });
const many = (n: number) => Array.from({ length: n }, (_, i) => person('F' + String.fromCharCode(65 + i), 'Given'));
const listOf = (n: number) => Array.from({ length: n }, (_, i) => 'F' + String.fromCharCode(65 + i) + ', G.');

export const corpus: ApaCase[] = [
  // The demo essay
  {
    name: 'book (demo: Fromm)',
    item: { id: 'fromm1956', type: 'book', title: 'The Art of Loving', author: [person('Fromm', 'Erich')], issued: year(1956), publisher: 'Harper & Brothers', 'publisher-place': 'New York' },
    expected: 'Fromm, E. (1956). *The Art of Loving*. Harper & Brothers.',
  },
  {
    name: 'book (demo: Kurzweil)',
    item: { id: 'kurzweil2005', type: 'book', title: 'The Singularity Is Near: When Humans Transcend Biology', author: [person('Kurzweil', 'Ray')], issued: year(2005), publisher: 'Viking Penguin' },
    expected: 'Kurzweil, R. (2005). *The Singularity Is Near: When Humans Transcend Biology*. Viking Penguin.',
  },
  {
    name: 'journal article (demo: Jackson)',
    item: {
      id: 'jackson1982', type: 'article-journal', title: 'Epiphenomenal Qualia', author: [person('Jackson', 'Frank')], issued: year(1982),
      'container-title': 'The Philosophical Quarterly', volume: 32, issue: 127, page: '127-136', DOI: '10.2307/2960077',
    },
    expected: 'Jackson, F. (1982). Epiphenomenal Qualia. *The Philosophical Quarterly*, *32*(127), 127–136. https://doi.org/10.2307/2960077',
  },

  // Books
  {
    name: 'book: two given names give two initials',
    item: { id: 'b1', type: 'book', title: 'The Art of Loving', author: [person('Fromm', 'Erich Seligmann')], issued: year(1956), publisher: 'Harper & Brothers' },
    expected: 'Fromm, E. S. (1956). *The Art of Loving*. Harper & Brothers.',
  },
  {
    name: 'book: translator, edition, original publication date, hyphenated given name',
    item: {
      id: 'b2', type: 'book', title: 'Being and Nothingness', author: [person('Sartre', 'Jean-Paul')], translator: [person('Barnes', 'Hazel E.')],
      issued: year(1993), 'original-date': year(1943), publisher: 'Washington Square Press', edition: '2',
    },
    expected: 'Sartre, J.-P. (1993). *Being and Nothingness* (H. E. Barnes, Trans.; 2nd ed.). Washington Square Press. (Original work published 1943)',
  },
  {
    name: 'edited book: one editor, ordinal edition',
    item: { id: 'b3', type: 'book', title: 'Edited Thing', editor: [person('Smith', 'John')], issued: year(2000), publisher: 'Pub', edition: '3rd' },
    expected: 'Smith, J. (Ed.). (2000). *Edited Thing* (3rd ed.). Pub.',
  },
  {
    name: 'edited book: two editors',
    item: { id: 'b4', type: 'book', title: 'Edited Thing', editor: [person('Smith', 'John'), person('Lee', 'Kim')], issued: year(2000), publisher: 'Pub' },
    expected: 'Smith, J., & Lee, K. (Eds.). (2000). *Edited Thing*. Pub.',
  },
  {
    name: 'book: author, editor and translator; edition as words; numeric volume',
    item: {
      id: 'b5', type: 'book', title: 'Thing', author: [person('Doe', 'Jane')], editor: [person('Smith', 'John')], translator: [person('Tr', 'Tom')],
      issued: year(2010), publisher: 'Pub', volume: '2', edition: 'Rev. ed.',
    },
    expected: 'Doe, J. (2010). *Thing* (J. Smith, Ed.; T. Tr, Trans.; Rev. ed., Vol. 2). Pub.',
  },
  {
    name: 'book: several editors and translators in the parenthesis',
    item: {
      id: 'b5b', type: 'book', title: 'Thing', author: [person('Doe', 'Jane')], editor: [person('Smith', 'John'), person('Lee', 'Kim')],
      translator: [person('Tr', 'Tom'), person('Ux', 'Una'), person('Vo', 'Vic')], issued: year(2010),
    },
    expected: 'Doe, J. (2010). *Thing* (J. Smith & K. Lee, Eds.; T. Tr, U. Ux, & V. Vo, Trans.).',
  },
  {
    name: 'book: volume that is not a number joins the title',
    item: { id: 'b6', type: 'book', title: 'Collected Works', author: [person('Jung', 'Carl Gustav')], volume: 'IV', issued: year(1961), publisher: 'Princeton University Press' },
    expected: 'Jung, C. G. (1961). *Collected Works: Vol. IV*. Princeton University Press.',
  },
  {
    name: 'book: no author, the title moves first with its parenthesis',
    item: { id: 'b7', type: 'book', title: 'The Book of Things', issued: year(2000), publisher: 'P', edition: 2 },
    expected: '*The Book of Things* (2nd ed.). (2000). P.',
  },
  {
    name: 'book: no date',
    item: { id: 'b8', type: 'book', title: 'Undated', author: [person('Doe', 'Jane')], publisher: 'P' },
    expected: 'Doe, J. (n.d.). *Undated*. P.',
  },
  {
    name: 'book: no author and no date',
    item: { id: 'b9', type: 'book', title: 'The Undated' },
    expected: '*The Undated*. (n.d.).',
  },
  {
    name: 'book: a title ending in "?" takes no period',
    item: { id: 'b10', type: 'book', title: 'What is it?', author: [person('Doe', 'J. R. R.')], publisher: 'P', issued: year(2000) },
    expected: 'Doe, J. R. R. (2000). *What is it?* P.',
  },
  {
    name: 'book: organization as author, no doubled periods',
    item: { id: 'b11', type: 'book', title: 'Title.', author: [{ literal: 'Org Inc.' }], publisher: 'P.', issued: year(2000) },
    expected: 'Org Inc. (2000). *Title.* P.',
  },
  {
    name: 'book: particles and suffix',
    item: {
      id: 'b12', type: 'book', title: 'Letters', issued: year(1900), publisher: 'P',
      author: [person('Gogh', 'Vincent', { 'non-dropping-particle': 'van' }), person('Humboldt', 'Alexander', { 'dropping-particle': 'von' }), person('King', 'Martin Luther', { suffix: 'Jr.' })],
    },
    expected: 'van Gogh, V., Humboldt, A. von, & King, M. L., Jr. (1900). *Letters*. P.',
  },
  {
    name: 'book: all name parts, as author and as editor',
    item: {
      id: 'b13', type: 'book', title: 'x', issued: year(2000),
      author: [person('Lee', 'Kim', { 'dropping-particle': 'de', 'non-dropping-particle': 'van der', suffix: 'III' })],
      editor: [person('Lee', 'Kim', { 'dropping-particle': 'de', 'non-dropping-particle': 'van der', suffix: 'III' }), { literal: 'Org' }],
    },
    expected: 'van der Lee, K. de, III. (2000). *x* (K. de van der Lee III & Org, Eds.).',
  },
  {
    name: 'book: name with only a family name or only a given name',
    item: { id: 'b14', type: 'book', title: 'x', author: [{ family: 'Plato' }, { given: 'Madonna' }], issued: year(2000) },
    expected: 'Plato, & Madonna. (2000). *x*.',
  },
  {
    name: 'book: initials from dotted, hyphenated and non-ASCII given names',
    item: { id: 'b15', type: 'book', title: 'x', author: [person('A', 'J.-P.'), person('Du', 'Ming-Li'), person('X', 'Ö. Þór'), person('Doe', 'J.R.')], issued: year(2000) },
    expected: 'A, J.-P., Du, M.-L., X, Ö. Þ., & Doe, J. R. (2000). *x*.',
  },
  {
    name: 'book: two authors',
    item: { id: 'b16', type: 'book', title: 'T', author: many(2), issued: year(2000) },
    expected: 'FA, G., & FB, G. (2000). *T*.',
  },
  {
    name: 'book: three authors',
    item: { id: 'b17', type: 'book', title: 'T', author: many(3), issued: year(2000) },
    expected: 'FA, G., FB, G., & FC, G. (2000). *T*.',
  },
  {
    name: 'book: twenty authors are all listed',
    item: { id: 'b18', type: 'book', title: 'T', author: many(20), issued: year(2000) },
    expected: listOf(19).join(', ') + ', & FT, G. (2000). *T*.',
  },
  {
    name: 'book: 21 or more authors: first 19, an ellipsis, the last',
    item: { id: 'b19', type: 'book', title: 'T', author: many(22), issued: year(2000) },
    expected: listOf(19).join(', ') + ', … FV, G. (2000). *T*.',
  },
  {
    name: 'book: straight quotes become typographic',
    item: { id: 'b20', type: 'book', title: `Don't say "hello" or 'bye' yet`, author: [person("O'Brien", 'Seán')], issued: year(2000) },
    expected: 'O’Brien, S. (2000). *Don’t say “hello” or ‘bye’ yet*.',
  },
  {
    name: 'book: original date before the common era',
    item: { id: 'b21', type: 'book', title: 'The Republic', author: [{ family: 'Plato' }], translator: [person('Jowett', 'Benjamin')], issued: year(2016), 'original-date': year(-380), publisher: 'Dover' },
    expected: 'Plato. (2016). *The Republic* (B. Jowett, Trans.). Dover. (Original work published 380 B.C.E.)',
  },
  {
    name: 'book: title given as a number',
    item: { id: 'b22', type: 'book', title: 1984 as unknown as string, author: [person('Orwell', 'George')], issued: year(1949), publisher: 'Secker & Warburg' },
    expected: 'Orwell, G. (1949). *1984*. Secker & Warburg.',
  },
  {
    name: 'book: numeric edition',
    item: { id: 'b23', type: 'book', title: 'x', edition: 21, author: [{ literal: 'A' }], issued: year(2000) },
    expected: 'A. (2000). *x* (21st ed.).',
  },
  {
    name: 'book: unknown type formats like a book',
    item: { id: 'b24', type: 'foo-unknown', title: 'Unknown thing', author: [{ family: 'Doe' }], issued: year(2000), publisher: 'P' },
    expected: 'Doe. (2000). *Unknown thing*. P.',
  },
  {
    name: 'book: no type',
    item: { id: 'b25', title: 'Typeless', author: [person('Doe', 'Jane')], issued: year(2000), publisher: 'P' },
    expected: 'Doe, J. (2000). *Typeless*. P.',
  },
  {
    name: 'book: genre and medium in brackets',
    item: { id: 'b26', type: 'book', title: 'x', genre: 'novel', medium: 'e-book', author: [person('Doe', 'Jane')], issued: year(2000) },
    expected: 'Doe, J. (2000). *x* [Novel; E-book].',
  },

  {
    name: 'book: the same people as editors and translators',
    item: { id: 'b27', type: 'book', title: 'B', author: [person('Doe', 'Jane')], editor: [person('Ed', 'Eva'), person('Ox', 'Olga')], translator: [person('Ed', 'Eva'), person('Ox', 'Olga')], issued: year(2000) },
    expected: 'Doe, J. (2000). *B* (E. Ed & O. Ox, Eds. & Trans.).',
  },
  {
    name: 'book: range of volumes',
    item: { id: 'b28', type: 'book', title: 'Collected Papers', author: [person('Peirce', 'Charles Sanders')], volume: '1-6', issued: year(1931), publisher: 'Harvard University Press' },
    expected: 'Peirce, C. S. (1931). *Collected Papers* (Vols. 1–6). Harvard University Press.',
  },
  {
    name: 'book: a capitalized particle, a title ending in "!"',
    item: { id: 'b29', type: 'book', title: 'Wow!', author: [person('Beethoven', 'Ludwig', { 'non-dropping-particle': 'Van' })], issued: year(2000), publisher: 'P' },
    expected: 'Van Beethoven, L. (2000). *Wow!* P.',
  },
  {
    name: 'book: pages of a book',
    item: { id: 'b30', type: 'book', title: 'B', author: [person('Doe', 'Jane')], page: '300', issued: year(2000), publisher: 'P' },
    expected: 'Doe, J. (2000). *B* (p. 300). P.',
  },

  // Chapters
  {
    name: 'chapter: three editors, edition, volume, pages',
    item: {
      id: 'c1', type: 'chapter', title: 'A chapter', author: [person('Doe', 'Jane')], editor: [person('Smith', 'John'), person('Lee', 'Kim'), person('Park', 'Sun')],
      'container-title': 'The Big Book', page: '10-25', issued: year(2010), publisher: 'Pub', edition: 2, volume: 3,
    },
    expected: 'Doe, J. (2010). A chapter. In J. Smith, K. Lee, & S. Park (Eds.), *The Big Book* (2nd ed., Vol. 3, pp. 10–25). Pub.',
  },
  {
    name: 'chapter: two editors, abbreviated page range expanded',
    item: {
      id: 'c2', type: 'chapter', title: 'A chapter', author: [person('Doe', 'Jane')], editor: [person('Smith', 'John'), person('Lee', 'Kim')],
      'container-title': 'The Big Book', page: '321-28', issued: year(2010), publisher: 'Pub', DOI: 'doi:10.1000/xyz',
    },
    expected: 'Doe, J. (2010). A chapter. In J. Smith & K. Lee (Eds.), *The Big Book* (pp. 321–328). Pub. https://doi.org/10.1000/xyz',
    citeproc: 'Doe, J. (2010). A chapter. In J. Smith & K. Lee (Eds.), *The Big Book* (pp. 321–328). Pub. https://doi.org/doi:10.1000/xyz',
  },
  {
    name: 'chapter: editor and translator, single page',
    item: {
      id: 'c3', type: 'chapter', title: 'A chapter', author: [person('Doe', 'Jane')], editor: [person('Smith', 'John')], translator: [person('Tr', 'Tom')],
      'container-title': 'The Big Book', page: '10', issued: year(2010), publisher: 'Pub',
    },
    expected: 'Doe, J. (2010). A chapter (T. Tr, Trans.). In J. Smith (Ed.), *The Big Book* (p. 10). Pub.',
  },
  {
    name: 'chapter: no author, the editor moves first',
    item: { id: 'c4', type: 'chapter', title: 'Entry', editor: [person('Ed', 'Eva')], 'container-title': 'Book', issued: year(2000), publisher: 'P' },
    expected: 'Ed, E. (Ed.). (2000). Entry. In *Book*. P.',
  },
  {
    name: 'chapter: volume that is not a number joins the book title; page ranges with letters',
    item: { id: 'c5', type: 'chapter', title: 'x', author: [{ literal: 'A' }], 'container-title': 'B', volume: 'Part 2', page: 'e12-e19, xii-xv', issued: year(2000) },
    expected: 'A. (2000). x. In *B: Vol. Part 2* (pp. e12–e19, xii–xv).',
  },

  {
    name: 'chapter: editor who is also the translator',
    item: { id: 'c6', type: 'chapter', title: 'C', author: [person('Doe', 'Jane')], 'container-title': 'Book', editor: [person('Ed', 'Eva')], translator: [person('Ed', 'Eva')], issued: year(2000), publisher: 'P' },
    expected: 'Doe, J. (2000). C (E. Ed, Trans.). In E. Ed (Ed.), *Book*. P.',
  },
  {
    name: 'chapter: translator only, edition, range of volumes',
    item: { id: 'c7', type: 'chapter', title: 'Ch', author: [person('Doe', 'Jane')], translator: [person('Tr', 'Tom')], 'container-title': 'Book', edition: '2', volume: '2-4', issued: year(2000), publisher: 'P' },
    expected: 'Doe, J. (2000). Ch (T. Tr, Trans.). In *Book* (2nd ed., Vols. 2–4). P.',
  },
  {
    name: 'encyclopedia entry',
    item: { id: 'c8', type: 'entry-encyclopedia', title: 'Entry', author: [person('Doe', 'Jane')], 'container-title': 'Encyclopedia', issued: year(2000), publisher: 'P', page: '3-4' },
    expected: 'Doe, J. (2000). Entry. In *Encyclopedia* (pp. 3–4). P.',
  },

  // Periodicals
  {
    name: 'journal article: article number, no volume (issue in italics)',
    item: { id: 'j1', type: 'article-journal', title: 'Art', author: [person('Doe', 'J.')], 'container-title': 'J', issued: year(2000), number: 'e123', issue: '4' },
    expected: 'Doe, J. (2000). Art. *J*, *4*, Article e123.',
  },
  {
    name: 'journal article: journal name in title case, title as stored',
    item: {
      id: 'j2', type: 'article-journal', title: 'What is it?', author: [person('Doe', 'Jo')], 'container-title': 'journal of applied psychology and the self-report',
      issued: year(2000), page: '1234-5', volume: '5',
    },
    expected: 'Doe, J. (2000). What is it? *Journal of Applied Psychology and the Self-Report*, *5*, 1234–1235.',
  },
  {
    name: 'journal article: title case keeps capitals and small words, capitalizes after a colon',
    item: { id: 'j3', type: 'article-journal', title: 'x', author: [{ literal: 'A' }], 'container-title': 'the journal: a review of the iPhone and NASA in an age of email', volume: 2, issued: year(2000) },
    expected: 'A. (2000). x. *The Journal: A Review of the iPhone and NASA in an Age of Email*, *2*.',
  },
  {
    name: 'journal article: no title case for a work not in English',
    item: { id: 'j4', type: 'article-journal', title: 'x', author: [{ literal: 'A' }], 'container-title': 'revue de philosophie', volume: 2, issue: 3, page: '5', language: 'fr', issued: year(2000) },
    expected: 'A. (2000). x. *revue de philosophie*, *2*(3), 5.',
  },
  {
    name: 'journal article: translator',
    item: { id: 'j5', type: 'article-journal', title: 'Title', author: [person('Doe', 'Jane')], translator: [person('Tr', 'Tom')], 'container-title': 'J', volume: 1, page: '1-2', issued: year(2000) },
    expected: 'Doe, J. (2000). Title (T. Tr, Trans.). *J*, *1*, 1–2.',
  },
  {
    name: 'magazine article: month',
    item: { id: 'j6', type: 'article-magazine', title: 'Story', author: [person('Doe', 'Jane')], 'container-title': 'Time', volume: '2', issued: year(2000, 3) },
    expected: 'Doe, J. (2000, March). Story. *Time*, *2*.',
  },
  {
    name: 'newspaper article: full date and URL',
    item: { id: 'j7', type: 'article-newspaper', title: 'News', author: [person('Doe', 'Jane')], 'container-title': 'The New York Times', issued: year(2000, 3, 7), URL: 'https://nyt.example/x' },
    expected: 'Doe, J. (2000, March 7). News. *The New York Times*. https://nyt.example/x',
  },
  {
    name: 'magazine article: season',
    item: { id: 'j8', type: 'article-magazine', title: 'x', author: [{ literal: 'A' }], 'container-title': 'M', issued: year(2000, 21) },
    expected: 'A. (2000, Spring). x. *M*.',
  },

  {
    name: 'journal article: URL, volume range in italics',
    item: { id: 'j9', type: 'article-journal', title: 'A', author: [person('Doe', 'Jane')], 'container-title': 'J', volume: '3-4', issue: '2', page: '1-5', issued: year(2000), URL: 'https://x.example/a' },
    expected: 'Doe, J. (2000). A. *J*, *3–4*(2), 1–5. https://x.example/a',
  },
  {
    name: 'newspaper article: no author, page',
    item: { id: 'j10', type: 'article-newspaper', title: 'Headline here', issued: year(2020, 3, 7), 'container-title': 'The New York Times', page: 'A1' },
    expected: 'Headline here. (2020, March 7). *The New York Times*, A1.',
  },

  // Conference papers
  {
    name: 'conference paper: presentation (event and place, full date)',
    item: {
      id: 'p1', type: 'paper-conference', title: 'A talk', author: [person('Doe', 'Jane')], issued: year(2019, 5, 3), genre: 'Paper presentation',
      'event-title': 'Conference of Things', 'event-place': 'Boston, MA',
    },
    expected: 'Doe, J. (2019, May 3). *A talk* [Paper presentation]. Conference of Things, Boston, MA.',
  },
  {
    name: 'conference paper: in edited proceedings',
    item: {
      id: 'p2', type: 'paper-conference', title: 'A paper', author: [person('Doe', 'Jane')], issued: year(2019), 'container-title': 'Proceedings of the thing',
      editor: [person('Ed', 'Ed')], page: '1-9', publisher: 'ACM', DOI: '10.1/abc',
    },
    expected: 'Doe, J. (2019). A paper. In E. Ed (Ed.), *Proceedings of the thing* (pp. 1–9). ACM. https://doi.org/10.1/abc',
  },
  {
    name: 'conference paper: in proceedings published like a journal',
    item: { id: 'p3', type: 'paper-conference', title: 'A paper', author: [person('Doe', 'Jane')], issued: year(2019), 'container-title': 'Proceedings of the thing', volume: '5', page: '1-9', publisher: 'ACM' },
    expected: 'Doe, J. (2019). A paper. *Proceedings of the Thing*, *5*, 1–9.',
  },

  {
    name: 'conference poster: session as container, full date',
    item: { id: 'p4', type: 'paper-conference', title: 'C', author: [person('Doe', 'Jane')], 'container-title': 'Annual Meeting', genre: 'Poster', issued: year(2000, 5, 1) },
    expected: 'Doe, J. (2000, May 1). C. *Annual Meeting*.',
  },
  {
    name: 'speech: description and event',
    item: { id: 'p5', type: 'speech', title: 'S', author: [person('Doe', 'Jane')], genre: 'Keynote address', 'event-title': 'Conf', issued: year(2000, 5, 1) },
    expected: 'Doe, J. (2000, May 1). *S* [Keynote address]. Conf.',
  },

  // Reports
  {
    name: 'report: organization as author and publisher, number, URL',
    item: {
      id: 'r1', type: 'report', title: 'World report on ageing', author: [{ literal: 'World Health Organization' }], issued: year(2015),
      publisher: 'World Health Organization', number: '123', genre: 'technical report', URL: 'https://www.who.int/x',
    },
    expected: 'World Health Organization. (2015). *World report on ageing* (Technical Report No. 123). World Health Organization. https://www.who.int/x',
  },
  {
    name: 'report: genre without number in brackets',
    item: { id: 'r2', type: 'report', title: 'Report thing', author: [{ literal: 'WHO' }], issued: year(2015), publisher: 'Pub', genre: 'Technical report' },
    expected: 'WHO. (2015). *Report thing* [Technical report]. Pub.',
  },
  {
    name: 'report: series',
    item: {
      id: 'r3', type: 'report', title: 'x', author: [person('Doe', 'Jane')], 'collection-title': 'occasional papers', 'collection-number': '4', number: '7',
      genre: 'Working paper', issued: year(2000), publisher: 'Institute',
    },
    expected: 'Doe, J. (2000). *x* (Working Paper No. 7; Occasional Papers 4). Institute.',
  },

  {
    name: 'report: no author, number without genre',
    item: { id: 'r4', type: 'report', title: 'R', number: '12', issued: year(2000), publisher: 'Agency' },
    expected: '*R* (No. 12). (2000). Agency.',
  },
  {
    name: 'report: chapter in a report',
    item: { id: 'r5', type: 'report', title: 'Ch', author: [person('Doe', 'Jane')], 'container-title': 'Big Report', genre: 'Report', number: '5', issued: year(2000), publisher: 'P' },
    expected: 'Doe, J. (2000). Ch. In *Big Report* (Report No. 5). P.',
  },

  // Theses
  {
    name: 'thesis: unpublished, the university as publisher',
    item: { id: 't1', type: 'thesis', title: 'My thesis', author: [person('Doe', 'Jane')], issued: year(2019), publisher: 'University of X', genre: 'doctoral dissertation' },
    expected: 'Doe, J. (2019). *My thesis* [Doctoral dissertation]. University of X.',
  },
  {
    name: 'thesis: published online, the university in brackets',
    item: { id: 't2', type: 'thesis', title: 'My thesis', author: [person('Doe', 'Jane')], issued: year(2019), publisher: 'University of X', genre: "Master's thesis", URL: 'https://repo.example/1' },
    expected: 'Doe, J. (2019). *My thesis* [Master’s thesis, University of X]. https://repo.example/1',
  },

  {
    name: 'thesis: with a number and a URL',
    item: { id: 't3', type: 'thesis', title: 'T', author: [person('Doe', 'Jane')], genre: 'Doctoral dissertation', number: '123', issued: year(2000), publisher: 'U', URL: 'https://x.example' },
    expected: 'Doe, J. (2000). *T* (Doctoral Dissertation No. 123, U). https://x.example',
  },
  {
    name: 'thesis: with a DOI',
    item: { id: 't4', type: 'thesis', title: 'T', author: [person('Doe', 'Jane')], genre: 'Doctoral dissertation', issued: year(2000), publisher: 'U', DOI: '10.1/t' },
    expected: 'Doe, J. (2000). *T* [Doctoral dissertation, U]. https://doi.org/10.1/t',
  },

  // Web
  {
    name: 'webpage: author, full date, site name in title case',
    item: { id: 'w1', type: 'webpage', title: 'How to do things', author: [person('Doe', 'Jane')], issued: year(2020, 3, 5), 'container-title': 'the daily blog of science', URL: 'https://example.com/a' },
    expected: 'Doe, J. (2020, March 5). *How to do things*. The Daily Blog of Science. https://example.com/a',
  },
  {
    name: 'webpage: no date, retrieval date',
    item: { id: 'w2', type: 'webpage', title: 'How to do things', author: [{ literal: 'Some Org' }], accessed: year(2021, 3, 5), 'container-title': 'Site', URL: 'https://example.com/a' },
    expected: 'Some Org. (n.d.). *How to do things*. Site. Retrieved March 5, 2021, from https://example.com/a',
  },
  {
    name: 'webpage: no author, site and publisher',
    item: { id: 'w3', type: 'webpage', title: 'Page', issued: year(2010, 1, 2), 'container-title': 'Site', publisher: 'Pub', URL: 'https://example.com/p' },
    expected: '*Page*. (2010, January 2). Site; Pub. https://example.com/p',
  },
  {
    name: 'blog post: the blog is a periodical',
    item: { id: 'w4', type: 'post-weblog', title: 'A post', author: [person('Doe', 'Jane')], issued: year(2021, 7, 1), 'container-title': 'My Blog', URL: 'https://blog.example/post' },
    expected: 'Doe, J. (2021, July 1). A post. *My Blog*. https://blog.example/post',
  },

  {
    name: 'webpage: editor, dated (no retrieval date)',
    item: { id: 'w5', type: 'webpage', title: 'W', editor: [person('Ed', 'Eva')], author: [person('Doe', 'Jane')], issued: year(2000), URL: 'https://x.example', accessed: year(2021, 1, 1) },
    expected: 'Doe, J. (2000). *W* (E. Ed, Ed.). https://x.example',
  },
  {
    name: 'social media post',
    item: { id: 'w6', type: 'post', title: 'Post text', author: [person('Doe', 'Jane')], issued: year(2020, 1, 2), URL: 'https://x.example/p' },
    expected: 'Doe, J. (2020, January 2). *Post text* [Online post]. https://x.example/p',
  },

  // Films
  {
    name: 'film: director, full date',
    item: { id: 'f1', type: 'motion_picture', title: 'Inception', director: [person('Nolan', 'Christopher')], issued: year(2010, 7, 16), publisher: 'Warner Bros.', genre: 'Film' },
    expected: 'Nolan, C. (Director). (2010, July 16). *Inception* [Film]. Warner Bros.',
  },
  {
    name: 'film: two directors',
    item: { id: 'f2', type: 'motion_picture', title: 'Inception', director: [person('Nolan', 'Christopher'), person('Nolan', 'Jonathan')], issued: year(2010), publisher: 'Warner Bros.', medium: 'film' },
    expected: 'Nolan, C., & Nolan, J. (Directors). (2010). *Inception* [Film]. Warner Bros.',
  },
  {
    name: 'film: no director',
    item: { id: 'f3', type: 'motion_picture', title: 'Inception', genre: 'Film', issued: year(2010), publisher: 'WB' },
    expected: '*Inception*. (2010). [Film]. WB.',
  },

  {
    name: 'film: an author wins over the director',
    item: { id: 'f4', type: 'motion_picture', title: 'F', author: [person('Doe', 'Jane')], director: [person('Dir', 'Dan')], issued: year(2000), publisher: 'Studio' },
    expected: 'Doe, J. (2000). *F* [Video recording]. Studio.',
  },
  {
    name: 'film: genre and medium',
    item: { id: 'f5', type: 'motion_picture', title: 'F', director: [person('Dir', 'Dan')], genre: 'Documentary', medium: 'Film', issued: year(2000), publisher: 'Studio' },
    expected: 'Dir, D. (Director). (2000). *F* [Documentary; Film]. Studio.',
  },

  // Deliberate differences from citeproc-js
  {
    name: 'difference: a DOI stored as a URL prints once',
    item: { id: 'd1', type: 'article-journal', title: 'x', author: [{ literal: 'A' }], DOI: 'https://doi.org/10.1/x', issued: year(2000) },
    expected: 'A. (2000). *x*. https://doi.org/10.1/x',
    citeproc: 'A. (2000). *x*. https://doi.org/https://doi.org/10.1/x',
  },
  {
    name: 'difference: a javascript: URL is dropped',
    item: { id: 'd2', type: 'webpage', title: 'x', author: [{ literal: 'A' }], URL: 'javascript:alert(1)', issued: year(2000) },
    expected: 'A. (2000). *x*.',
    citeproc: 'A. (2000). *x*. javascript:alert(1)',
  },
  {
    name: 'difference: issued as a bare string is read',
    item: { id: 'd3', type: 'book', title: 'x', author: [{ literal: 'A' }], issued: '2001' as unknown as CslItem['issued'] },
    expected: 'A. (2001). *x*.',
    citeproc: 'A. (n.d.). *x*.',
  },
  {
    name: 'difference: given names in lower case are initialized',
    item: { id: 'd4', type: 'book', title: 'x', author: [person('Smith', 'jean-marie anne')], issued: year(2000) },
    expected: 'Smith, J.-M. A. (2000). *x*.',
    citeproc: 'Smith,  jean-marie anne. (2000). *x*.',
  },
  {
    name: 'difference: a period after a closing quote stays outside',
    item: { id: 'd6', type: 'book', title: 'On "care"', author: [{ literal: 'A' }], issued: year(2000), publisher: 'P' },
    expected: 'A. (2000). *On “care”*. P.',
    citeproc: 'A. (2000). *On “care.”* P.',
  },
  {
    name: 'difference: no "[Data set]" label',
    item: { id: 'd5', type: 'dataset', title: 'Survey data', author: [{ literal: 'A' }], issued: year(2000), publisher: 'Repo' },
    expected: 'A. (2000). *Survey data* [Dataset]. Repo.',
    citeproc: 'A. (2000). *Survey data* [Dataset]. Repo.',
  },
];
