import { expect } from '@open-wc/testing';
import { vancouver } from '../../src/references/format/vancouver.js';
import { citeText, type Cite } from '../../src/references/format/style.js';
import { entryText, oracleTests, suffixInGivenName, seasonAsWord } from './oracle.js';

const shared = 'hearth behaviour shared by every style (see the comment at the top of apa.ts)';
const semicolon =
  'bug of the style file: a semicolon dangles where nothing follows ("P;", "2000 Mar 7; Available from"); hearth ends with a period';
const talk = 'bug of the style file: an unpublished talk prints "In 2019."; hearth formats it as the style formats a speech';
const hyphen = `citeproc with the 2023 en-US locale drops the lower-case "jun" of "Min-jun"; hearth initializes it (${shared})`;

oracleTests('vancouver', vancouver, {
  ...suffixInGivenName('1. Studenski S, Guralnik JMJ. Gait speed in older adults. JAMA. 2011;305(1):50–8.'),
  ...seasonAsWord('1. Lund I. The quiet ward. The Hedgehog Review. 2018;20(4):88–97.'),
  'book: no date': { bibliography: '1. Doe J. Undated. P.', why: semicolon },
  'newspaper article: full date and URL': { bibliography: '1. Doe J. News. The New York Times [Internet]. 2000 Mar 7. Available from: https://nyt.example/x', why: semicolon },
  'magazine article: season': { bibliography: '1. A. x. M. 2000 Spring.', why: semicolon },
  'conference paper: presentation (event and place, full date)': { bibliography: '1. Doe J. A talk. Paper presentation presented at: Conference of Things; 2019 May 3; Boston, MA.', why: talk },
  'difference: a DOI stored as a URL prints once': { bibliography: '1. A. x. 2000.', why: semicolon },
  'difference: a javascript: URL is dropped': { bibliography: '1. A. x. 2000.', why: shared },
  'difference: issued as a bare string is read': { bibliography: '1. A. x. 2001.', why: shared },
  'difference: given names in lower case are initialized': { bibliography: '1. Smith JMA. x. 2000.', why: shared },
  'difference: a period after a closing quote stays outside': { bibliography: '1. A. On “care”. P; 2000.', why: shared },
  'conference paper: in proceedings, event, place, pages, DOI': { bibliography: '1. Lee MJ, Okafor C. Accessible booking interfaces for older adults. In: Ramos L, editor. Proceedings of the ACM Conference on Human Factors in Computing Systems. New York: ACM; 2022. p. 55–67.', why: hyphen },
  'conference paper: unpublished talk, event and place, full date': { bibliography: '1. Nakamura Y. Home care after discharge. Paper presentation presented at: Annual Meeting of the Gerontological Society; 2018 Nov 16; Boston, MA.', why: talk },
  'hostile: markup, ampersand and quotes in fields': { bibliography: '1. O’Neil & Sons IAI. Tom & Jerry <b>bold</b> “quoted” <script>alert(1)</script>. A & B <Press>; 2000.', why: 'field text is plain: citeproc reads <b> and a <i>-wrapped given name as markup; hearth prints what was typed' },
  'journal article: 6 authors, advance online publication': {
    bibliography: '1. Kelly Y, Zilanawala A, Booker C, Sacker A, Lacey R, Wright D. Social media use and adolescent depression: A longitudinal cohort study. Journal of Adolescent Health. 2024 Jan 10.',
    why: semicolon,
  },
  'newspaper article: online, full date, URL, accessed': {
    bibliography: '1. Caron C. Therapists are struggling to keep up with demand. The New York Times [Internet]. 2021 Feb 17 [cited 2024 Apr 2]. Available from: https://www.nytimes.com/2021/02/17/well/mind/therapy-appointments-shortages-pandemic.html',
    why: semicolon,
  },
  'newspaper article: no author, online': {
    bibliography: '1. GP waiting times reach record high. BBC News [Internet]. 2023 Nov 30. Available from: https://www.bbc.co.uk/news/health-67571234',
    why: semicolon,
  },
  'report: government series and number, DOI, three authors': {
    bibliography: '1. Grassi PA, Garcia ME, Fenton JL. Digital identity guidelines. Gaithersburg, MD: National Institute of Standards and Technology; 2017 Jun. Report No.: 800-63-3.',
    why: 'citeproc turns the hyphen before the last digits of a report number into an en dash ("800-63–3", as if a page range); hearth prints the number as typed',
  },
}, '2026');

const fromm = {
  id: 'f', type: 'book', title: 'The Art of Loving', author: [{ family: 'Fromm', given: 'Erich' }], issued: { 'date-parts': [[1956]] },
};
/** Items of the wrong shape: a field of the wrong type reads as absent. */
const wrongShapes = [
  null, 7, 'x', {}, [], { title: 5, author: 'x' },
  { title: ['a'], author: [null, 5, { family: {} }], issued: { 'date-parts': 'x' }, page: {}, URL: 5, DOI: [], type: 7 },
];
const cite = (cites: Partial<Cite>[]) => citeText(vancouver.citation(cites.map((c) => ({ item: fromm, n: 1, ...c }))));

describe('vancouver: numbers and in-text citations', () => {
  it('prints the number of the entry', () => {
    expect(vancouver.label!(12)).to.equal('12.');
    expect(entryText(vancouver, fromm, 3)).to.equal('3. Fromm E. The Art of Loving. 1956.');
    expect(vancouver.citation([{ item: fromm, n: 7 }])).to.deep.equal(['(', ['7', 0], ')']);
  });

  it('sorts the cites by number and collapses three or more consecutive numbers', () => {
    expect(cite([{ n: 2 }, { n: 1 }])).to.equal('(1,2)');
    expect(cite([{ n: 5 }, { n: 3 }, { n: 1 }, { n: 2 }])).to.equal('(1–3,5)');
    // A range links its two ends.
    expect(vancouver.citation([1, 2, 3, 5].map((n) => ({ item: fromm, n })))).to.deep.equal([
      '(', ['1', 0], '–', ['3', 2], ',', ['5', 3], ')',
    ]);
    expect(cite([2, 3, 4, 6, 7].map((n) => ({ n })))).to.equal('(2–4,6,7)');
  });

  it('prints no locator', () => {
    expect(cite([{ locator: 'p. 12' }])).to.equal('(1)');
    expect(cite([{ n: 1 }, { n: 2, locator: '5' }, { n: 3 }])).to.equal('(1–3)');
  });
});

describe('vancouver: entries', () => {
  it('prints a journal article with its short name, full date, volume, issue and minimal page range', () => {
    const item = {
      id: 'a', type: 'article-journal', title: 'T', author: [{ family: 'Doe', given: 'Jean-Paul' }], 'container-title': 'J. Appl. Phys.',
      volume: 3, issue: 2, page: '1099-1107', issued: { 'date-parts': [[2020, 5, 4]] },
      URL: 'https://x.example', accessed: { 'date-parts': [[2021, 1, 2]] },
    };
    expect(entryText(vancouver, item)).to.equal(
      '1. Doe JP. T. J Appl Phys [Internet]. 2020 May 4 [cited 2021 Jan 2];3(2):1099–107. Available from: https://x.example',
    );
    expect(vancouver.entry(item).at(-1)).to.deep.equal({ text: 'https://x.example', href: 'https://x.example' });
  });

  it('prints a page of a website site first, its title last (no "[Internet]" after an author)', () => {
    const page = { id: 'w', type: 'webpage', title: 'Page', 'container-title': 'Site', publisher: 'Pub', URL: 'https://x.example', issued: { 'date-parts': [[2010]] } };
    expect(entryText(vancouver, page)).to.equal('1. Site [Internet]. Pub; 2010. Page. Available from: https://x.example');
    // The style prints an edition with the title, which a page of a site has at its end: not at all.
    expect(entryText(vancouver, { ...page, edition: '2' })).to.equal('1. Site [Internet]. Pub; 2010. Page. Available from: https://x.example');
    const byAuthor = { ...page, publisher: undefined, author: [{ family: 'Doe', given: 'J' }], accessed: { 'date-parts': [[2021, 3, 5]] } };
    expect(entryText(vancouver, byAuthor)).to.equal('1. Doe J. Site. 2010 [cited 2021 Mar 5]. Page. Available from: https://x.example');
    const noSite = { ...page, 'container-title': undefined };
    expect(entryText(vancouver, noSite)).to.equal('1. Page [Internet]. Pub; 2010. Available from: https://x.example');
  });

  it('names no publisher for periodicals, keeps dots followed by a lower-case letter, prints year ranges and patent numbers', () => {
    const article = { id: 'n', type: 'article-journal', title: 'T', 'container-title': 'Nature', publisher: 'Nature Publishing Group', volume: 5, issued: { 'date-parts': [[2021]] } };
    expect(entryText(vancouver, article)).to.equal('1. T. Nature. 2021;5.');
    const entry = { id: 'd', type: 'entry-dictionary', title: 'T', 'container-title': 'Merriam-Webster.com dictionary. Ed. 2', URL: 'https://x.example' };
    expect(entryText(vancouver, entry)).to.equal('1. T. In: Merriam-Webster.com dictionary Ed 2 [Internet]. Available from: https://x.example');
    expect(entryText(vancouver, { id: 's', type: 'motion_picture', title: 'S', issued: { 'date-parts': [[2008], [2013]] } })).to.equal('1. S. 2008–2013.');
    // A range prints its end from the largest part that differs (citeproc drops the spaces in the end: "2002Jan").
    const range = (type: string, ...dp: number[][]) => entryText(vancouver, { id: 'r', type, title: 'T', 'container-title': 'J', volume: 1, issued: { 'date-parts': dp } });
    expect(range('article-journal', [2002, 7], [2002, 8])).to.equal('1. T. J. 2002 Jul–Aug;1.');
    expect(range('article-journal', [2002, 7, 3], [2002, 8, 5])).to.equal('1. T. J. 2002 Jul 3–Aug 5;1.');
    expect(range('article-journal', [2002, 7, 3], [2002, 7, 5])).to.equal('1. T. J. 2002 Jul 3–5;1.');
    expect(range('article-journal', [2001, 12], [2002, 1])).to.equal('1. T. J. 2001 Dec–2002 Jan;1.');
    expect(range('article-journal', [2002, 21], [2002, 22])).to.equal('1. T. J. 2002 Spring–Summer;1.');
    // Only the parts the type prints count: a report prints the year and month, a book the year.
    const report = { id: 'r', type: 'report', title: 'T', publisher: 'P', issued: { 'date-parts': [[2002, 7, 3], [2002, 7, 5]] } };
    expect(entryText(vancouver, report)).to.equal('1. T. P; 2002 Jul.');
    expect(entryText(vancouver, { ...report, type: 'book', issued: { 'date-parts': [[2002, 7], [2002, 8]] } })).to.equal('1. T. P; 2002.');
    expect(entryText(vancouver, { id: 'p', type: 'patent', title: 'P', number: 'US1', issued: { 'date-parts': [[2001, 9, 4]] } })).to.equal('1. P. US1, 2001.');
  });

  it('formats bills and laws: code, section and number, then "Mon D, YYYY" and the pages (no volume)', () => {
    const law = {
      id: 'l', type: 'legislation', title: 'Health Act', 'container-title': 'Stat', section: '5', number: 'Pub. L. 111-148', volume: 124,
      page: '119-124', issued: { 'date-parts': [[2010, 3, 23]] },
    };
    expect(entryText(vancouver, law)).to.equal('1. Health Act. Stat. Sect. 5, Pub. L. 111-148 Mar 23, 2010 p. 119–24.');
    expect(entryText(vancouver, { id: 'b', type: 'bill', title: 'A Bill', number: 'H.R. 1', issued: { 'date-parts': [[2010]] } })).to.equal('1. A Bill. H.R. 1 2010.');
    // citeproc: "Mar 1–Apr2, 2010"
    expect(entryText(vancouver, { id: 'b', type: 'bill', title: 'B', issued: { 'date-parts': [[2010, 3, 1], [2010, 4, 2]] } })).to.equal('1. B. Mar 1, 2010.');
  });

  it('prints a name suffix without its period ("King ML Jr", as Citing Medicine)', () => {
    const king = { family: 'King', given: 'Martin Luther', suffix: 'Jr.' };
    const book = { id: 'k', type: 'book', title: 'T', author: [king, { family: 'Doe', given: 'Jane' }], publisher: 'P', issued: { 'date-parts': [[2000]] } };
    expect(entryText(vancouver, book)).to.equal('1. King ML Jr, Doe J. T. P; 2000.');
    expect(entryText(vancouver, { ...book, author: undefined, editor: [king] })).to.equal('1. King ML Jr, editor. T. P; 2000.');
    expect(entryText(vancouver, { ...book, author: [{ family: 'Doe', given: 'John', suffix: 'III' }] })).to.equal('1. Doe J III. T. P; 2000.');
  });

  it('formats an unpublished talk as a speech', () => {
    const item = {
      id: 't', type: 'paper-conference', title: 'T', 'event-title': 'Conf', 'event-place': 'Rome', issued: { 'date-parts': [[2000, 5, 1]] },
    };
    expect(entryText(vancouver, item)).to.equal('1. T. Conf; 2000 May 1; Rome.');
  });

  it('survives items of the wrong shape', () => {
    for (const item of wrongShapes) {
      expect(() => vancouver.entry(item as never)).to.not.throw();
      expect(citeText(vancouver.citation([{ item: item as never, n: 1 }]))).to.equal('(1)');
    }
    expect(entryText(vancouver, {})).to.equal('1. ');
    expect(entryText(vancouver, { title: 5, author: 'x' })).to.equal('1. x. 5.');
  });

  it('keeps hostile strings as plain text and links only http(s) URLs', () => {
    const runs = vancouver.entry({
      id: 'h', type: 'webpage', title: '<img src=x onerror=alert(1)>', URL: 'javascript:alert(1)',
      author: [{ family: '<script>', given: 'x' }],
    });
    expect(runs).to.deep.equal([{ text: '<script> X. <img src=x onerror=alert(1)>.' }]);
  });
});
