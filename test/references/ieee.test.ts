import { expect } from '@open-wc/testing';
import { ieee } from '../../src/references/format/ieee.js';
import { citeText, type Cite } from '../../src/references/format/style.js';
import { entryText, oracleTests, suffixInGivenName, seasonAsWord } from './oracle.js';

const shared = 'hearth behaviour shared by every style (see the comment at the top of apa.ts)';
const doi = `a DOI stored as a URL or with "doi:" prints once, the bare DOI linked to https://doi.org/… (${shared})`;
const hyphen = `citeproc with the en-US locale drops the lower-case "jun" of "Min-jun"; hearth initializes it (${shared})`;

oracleTests(
  'ieee',
  ieee,
  {
    ...suffixInGivenName('[1] S. Studenski and J. M. J. Guralnik, “Gait speed in older adults,” *JAMA*, vol. 305, no. 1, pp. 50–58, 2011.'),
    ...seasonAsWord('[1] I. Lund, “The quiet ward,” *The Hedgehog Review*, vol. 20, no. 4, pp. 88–97, 2018.'),
    'chapter: two editors, abbreviated page range expanded': { bibliography: '[1] J. Doe, “A chapter,” in *The Big Book*, J. Smith and K. Lee, Eds., Pub, 2010, pp. 321–28. doi: 10.1000/xyz.', why: doi },
    'difference: a DOI stored as a URL prints once': { bibliography: '[1] A, “x,” 2000, doi: 10.1/x.', why: doi },
    'difference: a javascript: URL is dropped': { bibliography: '[1] A, “x.”', why: shared },
    'difference: issued as a bare string is read': { bibliography: '[1] A, *x*. 2001.', why: shared },
    'difference: given names in lower case are initialized': { bibliography: '[1] J.-M. A. Smith, *x*. 2000.', why: shared },
    'difference: a period after a closing quote stays outside': { bibliography: '[1] A, *On “care”*. P, 2000.', why: shared },
    'conference paper: in proceedings, event, place, pages, DOI': {
      bibliography: '[1] M.-J. Lee and C. Okafor, “Accessible booking interfaces for older adults,” in *Proceedings of the ACM Conference on Human Factors in Computing Systems*, L. Ramos, Ed., New York: ACM, Apr. 2022, pp. 55–67. doi: 10.1145/0000000.0000055.',
      why: hyphen,
    },
    'hostile: markup, ampersand and quotes in fields': {
      bibliography: '[1] I. A. I. O’Neil & Sons, *Tom & Jerry <b>bold</b> “quoted” <script>alert(1)</script>*. A & B <Press>, 2000.',
      why: `field text is plain: citeproc reads <b> and a <i>-wrapped given name as markup (${shared})`,
    },
    'report: government series and number, DOI, three authors': {
      bibliography: '[1] P. A. Grassi, M. E. Garcia, and J. L. Fenton, “Digital identity guidelines,” National Institute of Standards and Technology, Gaithersburg, MD, NIST Special Publication 800-63-3, Jun. 2017. doi: 10.6028/NIST.SP.800-63-3.',
      why: 'citeproc quirk: it reads the report number "800-63-3" as a page range and turns its last hyphen into an en dash ("800-63–3"); hearth prints the number as typed',
    },
    'book: corporate author, edition words, DOI': {
      bibliography: '[1] American Psychiatric Association, *Diagnostic and statistical manual of mental disorders*, 5th ed., text rev. American Psychiatric Association Publishing, 2022. doi: 10.1176/appi.books.9780890425787.',
      why: 'citeproc quirk: the edition "5th ed., text rev." comes out as "5th ed., text Rev." (a capital after the inner period); hearth keeps it as typed',
    },
    'standard: ISO, number, place': {
      bibliography: '[1] International Organization for Standardization, *Information and documentation — Guidelines for bibliographic references and citations to information resources*, ISO 690:2021, Geneva, Jun. 2021.',
      why: 'bug of the style file: its place macro (made for films, "Paris. *Amour*") ends in a period, which a standard prints before the comma ("Geneva., Jun. 2021"); hearth prints "Geneva, Jun. 2021"',
    },
  },
  '2026',
);

const fromm = {
  id: 'f', type: 'book', title: 'The Art of Loving', author: [{ family: 'Fromm', given: 'Erich' }], issued: { 'date-parts': [[1956]] },
};
/** Items of the wrong shape: a field of the wrong type reads as absent. */
const wrongShapes = [
  null, 7, 'x', {}, [], { title: 5, author: 'x' },
  { title: ['a'], author: [null, 5, { family: {} }], issued: { 'date-parts': 'x' }, page: {}, URL: 5, DOI: [], type: 7 },
];
const cite = (cites: Partial<Cite>[]) => citeText(ieee.citation(cites.map((c) => ({ item: fromm, n: 1, ...c }))));

describe('ieee: numbers and in-text citations', () => {
  it('prints the number of the entry', () => {
    expect(ieee.label!(12)).to.equal('[12]');
    expect(entryText(ieee, fromm, 3)).to.equal('[3] E. Fromm, *The Art of Loving*. 1956.');
    expect(ieee.citation([{ item: fromm, n: 7 }])).to.deep.equal(['[', ['7', 0], ']']);
  });

  it('sorts the cites by number, one bracket each, and collapses three or more consecutive numbers', () => {
    expect(cite([{ n: 2 }, { n: 1 }])).to.equal('[1], [2]');
    expect(cite([{ n: 3 }, { n: 1 }, { n: 2 }, { n: 5 }])).to.equal('[1]–[3], [5]');
    // A range links its two ends.
    expect(ieee.citation([1, 2, 3].map((n) => ({ item: fromm, n })))).to.deep.equal(['[', ['1', 0], ']–[', ['3', 2], ']']);
    expect(cite([1, 3, 5, 6, 7, 8, 10].map((n) => ({ n })))).to.equal('[1], [3], [5]–[8], [10]');
  });

  it('prints page locators as p./pp., others as typed; a cite with a locator stands alone', () => {
    expect(cite([{ locator: '12' }])).to.equal('[1, p. 12]');
    expect(cite([{ locator: 'pp. 12-14' }])).to.equal('[1, pp. 12–14]');
    expect(cite([{ locator: 'chap. 2' }])).to.equal('[1, chap. 2]');
    expect(cite([{ n: 1 }, { n: 2, locator: '5' }, { n: 3 }, { n: 4 }])).to.equal('[1], [2, p. 5], [3], [4]');
    expect(cite([{ n: 1, locator: '5' }, { n: 2 }, { n: 3 }, { n: 4 }])).to.equal('[1, p. 5], [2]–[4]');
  });
});

describe('ieee: entries', () => {
  it("prints a name's suffix after a comma when the name asks for one (CSL's comma-suffix), else after a space", () => {
    const king = (more: object) => ({ id: 'k', type: 'book', title: 'x', issued: { 'date-parts': [[1964]] }, author: [{ family: 'King', given: 'Martin Luther', suffix: 'Jr.', ...more }] });
    expect(entryText(ieee, king({ 'comma-suffix': true }), 1)).to.equal('[1] M. L. King, Jr., *x*. 1964.');
    expect(entryText(ieee, king({}), 1)).to.equal('[1] M. L. King Jr., *x*. 1964.');
    // A name without a suffix takes no comma.
    expect(entryText(ieee, { id: 'e', type: 'chapter', title: 'c', 'container-title': 'B', editor: [{ family: 'Lee', given: 'Ann', 'comma-suffix': true }] } as never, 1)).to.equal(
      '[1] A. Lee, Ed., “c,” in *B*.',
    );
  });

  it('links a DOI from its bare text', () => {
    const runs = ieee.entry({ id: 'j', type: 'article-journal', title: 'T', DOI: 'https://doi.org/10.1/x' });
    expect(runs.at(-2)).to.deep.equal({ text: '10.1/x', href: 'https://doi.org/10.1/x' });
    expect(entryText(ieee, { id: 'j', type: 'article-journal', title: 'T', DOI: '10.1/x' })).to.equal('[1] “T,” doi: 10.1/x.');
  });

  it('quotes the title with quotes inside it turned single, punctuation inside the closing quote', () => {
    const item = { id: 'a', type: 'article-journal', title: '"Quoted" start', author: [{ family: "O'Brien", given: 'Seán' }] };
    expect(entryText(ieee, { ...item, 'container-title': 'J' })).to.equal('[1] S. O’Brien, “‘Quoted’ start,” *J*.');
  });

  it('formats a film with its director, the place in title case, the date in parentheses; online as a video or its medium', () => {
    const film = {
      id: 'v', type: 'motion_picture', title: 'F', 'publisher-place': 'paris', issued: { 'date-parts': [[2000, 2, 3]] },
      URL: 'https://v.example', director: [{ family: 'Dir', given: 'Dan' }],
    };
    expect(entryText(ieee, film)).to.equal('[1] D. Dir, Paris. *F*, (Feb. 03, 2000). [Online Video]. Available: https://v.example');
    expect(entryText(ieee, { ...film, medium: 'streaming video' })).to.equal(
      '[1] D. Dir, Paris. *F*, (Feb. 03, 2000). [Streaming video]. Available: https://v.example',
    );
  });

  it('prints a web page without its date, the access date only with a URL', () => {
    const page = {
      id: 'w', type: 'webpage', title: 'P', 'container-title': 'Site', issued: { 'date-parts': [[2020, 1, 2]] },
      accessed: { 'date-parts': [[2021, 3, 5]] },
    };
    expect(entryText(ieee, page)).to.equal('[1] “P,” Site.');
    expect(entryText(ieee, { ...page, URL: 'https://w.example' })).to.equal('[1] “P,” Site. Accessed: Mar. 05, 2021. [Online]. Available: https://w.example');
  });

  it('prints a date range from its largest part that differs', () => {
    const series = { id: 's', type: 'broadcast', title: 'S', publisher: 'P' };
    const range = (...dp: unknown[]) => entryText(ieee, { ...series, issued: { 'date-parts': dp } });
    expect(range([2008], [2013])).to.equal('[1] “S,” P, 2008–2013.');
    expect(range([2008, 3, 1], [2009, 5, 2])).to.equal('[1] “S,” P, Mar. 01, 2008–May 02, 2009.');
    expect(range([2008, 3, 1], [2008, 5, 2])).to.equal('[1] “S,” P, Mar. 01–May 02, 2008.');
    expect(range([2008, 3, 1], [2008, 3, 5])).to.equal('[1] “S,” P, Mar. 01–05, 2008.');
    expect(range([2008, 3], [2008, 3])).to.equal('[1] “S,” P, Mar. 2008.');
    // Only the parts the type prints count: a report prints the month and year, a book the year.
    expect(entryText(ieee, { ...series, type: 'report', issued: { 'date-parts': [[2008, 3], [2008, 5]] } })).to.equal('[1] “S,” P, Mar.–May 2008.');
    expect(entryText(ieee, { ...series, type: 'book', issued: { 'date-parts': [[2008, 3], [2008, 5]] } })).to.equal('[1] *S*. P, 2008.');
    expect(range(['x'], [2013])).to.equal('[1] “S,” P.');
    expect(range([2008], 'x')).to.equal('[1] “S,” P, 2008.');
  });

  it('prints a series before the publisher, its volume only where the entry has none of its own', () => {
    const lncs = { 'collection-title': 'LNCS', 'collection-number': '12', volume: '1234' };
    const paper = {
      id: 'c', type: 'paper-conference', title: 'P', author: [{ family: 'Doe', given: 'Jane' }], 'container-title': 'Proc. X', editor: [{ family: 'Ed', given: 'Ed' }],
      publisher: 'Springer', 'publisher-place': 'Cham', page: '1-5', issued: { 'date-parts': [[2020, 6]] }, ...lncs,
    };
    expect(entryText(ieee, paper)).to.equal('[1] J. Doe, “P,” in *Proc. X*, E. Ed, Ed., in LNCS, no. 12, vol. 1234. Cham: Springer, Jun. 2020, pp. 1–5.');
    expect(entryText(ieee, { id: 't', type: 'speech', title: 'T', 'event-title': 'Conf', 'collection-title': 'S' })).to.equal('[1] “T,” presented at the Conf, in S.');
    // citeproc: "vol. 1234. in LNCS, no. 12, vol. 1234."
    const book = { id: 'b', type: 'book', title: 'B', publisher: 'Pub', issued: { 'date-parts': [[2020]] }, ...lncs };
    expect(entryText(ieee, book)).to.equal('[1] *B*, vol. 1234. in LNCS, no. 12. Pub, 2020.');
    expect(entryText(ieee, { ...book, volume: undefined, publisher: undefined, issued: undefined })).to.equal('[1] *B*. in LNCS, no. 12.');
    // citeproc: "in LNCS, no. 12. , Oslo: Pub"
    const chapter = { ...book, type: 'chapter', title: 'C', 'container-title': 'B', volume: undefined, 'publisher-place': 'Oslo', page: '3' };
    expect(entryText(ieee, chapter)).to.equal('[1] “C,” in *B*, in LNCS, no. 12. Oslo: Pub, 2020, p. 3.');
    expect(entryText(ieee, { ...book, type: 'dataset', title: 'D', volume: undefined, 'collection-number': undefined })).to.equal('[1] “D.” in LNCS. Pub, 2020.');
  });

  it('survives items of the wrong shape', () => {
    for (const item of wrongShapes) {
      expect(() => ieee.entry(item as never)).to.not.throw();
      expect(citeText(ieee.citation([{ item: item as never, n: 1 }]))).to.equal('[1]');
    }
    expect(entryText(ieee, {})).to.equal('[1] ');
    expect(entryText(ieee, { title: 5, author: 'x' })).to.equal('[1] x, “5.”');
  });

  it('keeps hostile strings as plain text and links only http(s) URLs', () => {
    const runs = ieee.entry({
      id: 'h', type: 'webpage', title: '<img src=x onerror=alert(1)>', URL: 'javascript:alert(1)',
      author: [{ family: '<script>', given: 'x' }],
    });
    expect(runs).to.deep.equal([{ text: 'X. <script>, “<img src=x onerror=alert(1)>.”' }]);
  });
});
