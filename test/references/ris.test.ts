import { expect } from '@open-wc/testing';
import type { CslItem } from '../../src/core/backend.js';
import { parseRis } from '../../src/references/parse/ris.js';

/** test/references/fixtures/entries.ris (CRLF line ends, a byte-order mark), served by the test runner. */
const fixture = () => fetch(new URL('./fixtures/entries.ris', import.meta.url)).then((r) => r.text());

const name = (family: string, given?: string, more: object = {}) => ({ family, ...(given && { given }), ...more });
const date = (...parts: number[]) => ({ 'date-parts': [parts] });

/** What parseRis gives for each record of entries.ris (in order). */
const EXPECTED: CslItem[] = [
  {
    id: 'jackson1982', type: 'article-journal', title: 'Epiphenomenal Qualia', 'container-title': 'The Philosophical Quarterly', volume: '32',
    issue: '127', DOI: '10.2307/2960077', abstract: 'A defence of the knowledge argument, continued on a second line.', author: [name('Jackson', 'Frank')],
    issued: date(1982, 4), page: '127–136', ISSN: '0031-8094', annotation: "hearth's note on this source.",
  },
  {
    id: 'ris-2', type: 'article-journal', title: 'Spin dynamics', 'container-title': 'The Journal of Chemical Physics', number: '114101',
    URL: 'https://example.org/a', language: 'en',
    author: [name('Müller', 'Jörg'), { literal: 'World Health Organization' }, name('King', 'Martin Luther', { suffix: 'Jr.' })],
    issued: date(2020, 3, 1), accessed: date(2021, 1, 2),
  },
  {
    id: 'fromm1956', type: 'book', title: 'The Art of Loving', 'collection-title': 'World Perspectives', 'number-of-volumes': '1',
    publisher: 'Harper & Brothers', 'publisher-place': 'New York', edition: '2', author: [name('Fromm', 'Erich')], editor: [name('Editor', 'Book')],
    'collection-editor': [name('Anshen', 'Ruth Nanda')],
    translator: [name('Translator', 'Tom')], issued: date(1956), ISBN: '978-0-06-095828-2',
  },
  {
    id: 'ainsworth1982', type: 'chapter', title: 'Attachment and loss revisited', 'container-title': 'The place of attachment in human behavior',
    publisher: 'Basic Books', author: [name('Ainsworth', 'Mary D. Salter'), name('Bowlby', 'John')], editor: [name('Parkes', 'Colin Murray')],
    issued: date(1982), page: '101–108',
  },
  { id: 'conf', type: 'paper-conference', title: 'A paper', 'container-title': 'Proceedings of the thing', author: [name('Doe', 'Jane')], issued: date(2019), page: '1–9' },
  {
    id: 'cpaper', type: 'paper-conference', title: 'Accessible booking', 'container-title': 'Proceedings of CHI', author: [name('Lee', 'Min-jun')],
    'collection-editor': [name('Series', 'Editor')], issued: date(2022),
  },
  {
    id: 'thesis', type: 'thesis', title: 'Care at a distance', publisher: 'University of Toronto', genre: 'Doctoral dissertation',
    author: [name('Okonkwo', 'Adaeze')], issued: date(2021),
  },
  {
    id: 'report', type: 'report', title: 'Social isolation', number: '25663', publisher: 'The National Academies Press', 'publisher-place': 'Washington, DC',
    author: [{ literal: 'National Academies of Sciences' }], issued: date(2020),
  },
  {
    id: 'nhs', type: 'webpage', title: 'Loneliness in older people', 'container-title': 'NHS inform', URL: 'https://example.nhs.uk/loneliness',
    author: [{ literal: 'NHS' }], issued: date(2023, 1, 9), accessed: date(2024, 4, 30),
  },
  { id: 'web', type: 'webpage', title: 'Visiting hours', URL: 'https://clinic.example/visiting' },
  {
    id: 'mag', type: 'article-magazine', title: 'The loneliness epidemic', 'container-title': 'The Atlantic', author: [name('Murthy', 'Vivek H.')],
    issued: date(2020, 4, 14), page: '34–41',
  },
  {
    id: 'news', type: 'article-newspaper', title: 'Clinics add evening hours', 'container-title': 'The Guardian', author: [name('García Márquez', 'Ana')],
    issued: date(2021, 11, 2),
  },
  { id: 'amour', type: 'motion_picture', title: 'Amour', publisher: 'Les Films du Losange', genre: 'Film', director: [name('Haneke', 'Michael')], issued: date(2012) },
  { id: 'generic', type: 'document', title: 'A generic work', issued: { literal: 'n.d.' } },
  { id: 'ris-15', type: 'document', title: 'Unknown type, no ID' },
  { id: 'ris-16', type: 'book', title: 'No trailing ER and no ID', author: [name('Plato')], issued: date(2016) },
];

describe('parseRis: a varied fixture (test/references/fixtures/entries.ris)', () => {
  let result: ReturnType<typeof parseRis>;
  before(async () => {
    result = parseRis(await fixture());
  });
  it('reads every record; the last one has no ER line and is reported', () => {
    expect(result.items.map((i) => i.id)).to.deep.equal(EXPECTED.map((i) => i.id));
    expect(result.errors).to.deep.equal([{ line: 161, message: 'missing "ER  -" line', key: 'ris-16' }]);
  });
  for (const expected of EXPECTED) {
    it(`${expected.id} (${expected.type})`, () => {
      expect(result.items.find((i) => i.id == expected.id)).to.deep.equal(expected);
    });
  }
});

describe('parseRis: tags', () => {
  const one = (...lines: string[]) => {
    const { items, errors } = parseRis(['TY  - JOUR', ...lines, 'ER  - '].join('\n'));
    expect(errors).to.deep.equal([]);
    return items[0];
  };
  it('maps the RIS types to CSL types', () => {
    const types: Record<string, string> = {
      JOUR: 'article-journal', BOOK: 'book', EBOOK: 'book', CHAP: 'chapter', ECHAP: 'chapter', CONF: 'paper-conference',
      CPAPER: 'paper-conference', THES: 'thesis', RPRT: 'report', ELEC: 'webpage', WEB: 'webpage', MGZN: 'article-magazine',
      NEWS: 'article-newspaper', MPCT: 'motion_picture', DATA: 'dataset', COMP: 'software', ENCYC: 'entry-encyclopedia',
      DICT: 'entry-dictionary', BLOG: 'post-weblog', UNPB: 'manuscript', PAT: 'patent', SLIDE: 'speech', GEN: 'document', XYZ: 'document',
      constructor: 'document',
    };
    for (const [ris, csl] of Object.entries(types)) expect(parseRis(`TY  - ${ris}\nER  - \n`).items[0].type, ris).to.equal(csl);
  });
  it('reads the most precise of DA, Y1 and PY', () => {
    expect(one('PY  - 2020').issued).to.deep.equal(date(2020));
    expect(one('PY  - 2020', 'DA  - 2020/03/01/').issued).to.deep.equal(date(2020, 3, 1));
    expect(one('Y1  - 2020/03//Spring', 'PY  - 2020').issued).to.deep.equal(date(2020, 3));
    expect(one('PY  - 2020///').issued).to.deep.equal(date(2020));
    expect(one('DA  - 2020-03-01').issued).to.deep.equal(date(2020, 3, 1));
    expect(one('PY  - 2020/00/00/').issued).to.deep.equal(date(2020));
    expect(one('PY  - in press').issued).to.deep.equal({ literal: 'in press' });
    expect(one('Y2  - 2021/05/06').accessed).to.deep.equal(date(2021, 5, 6));
  });
  it('joins SP and EP into the page range', () => {
    expect(one('SP  - 12', 'EP  - 19').page).to.equal('12–19');
    expect(one('SP  - 12-19').page).to.equal('12–19');
    expect(one('SP  - 12', 'EP  - 12').page).to.equal('12');
    expect(one('EP  - 19').page).to.equal('19');
  });
  it("reads a book's, thesis's or report's SP without EP as its number of pages, not a page range", () => {
    for (const ty of ['THES', 'BOOK', 'EBOOK', 'RPRT', 'UNPB']) {
      expect(parseRis(`TY  - ${ty}\nSP  - xvi, 414\nER  - `).items[0], ty).to.include({ 'number-of-pages': 'xvi, 414' }).and.not.have.property('page');
    }
    expect(parseRis('TY  - THES\nSP  - 231\nER  - ').items[0]['number-of-pages']).to.equal('231');
    expect(parseRis('TY  - BOOK\nSP  - 12-19\nER  - ').items[0].page).to.equal('12–19');
    expect(parseRis('TY  - RPRT\nSP  - 12\nEP  - 19\nER  - ').items[0].page).to.equal('12–19');
    expect(parseRis('TY  - CHAP\nSP  - 12\nER  - ').items[0].page).to.equal('12');
  });
  it('reads SN as the ISBN of books and chapters, else the ISSN', () => {
    expect(parseRis('TY  - BOOK\nSN  - 978-3\nER  - ').items[0].ISBN).to.equal('978-3');
    expect(parseRis('TY  - CHAP\nSN  - 978-3\nER  - ').items[0].ISBN).to.equal('978-3');
    expect(one('SN  - 1234-5678').ISSN).to.equal('1234-5678');
  });
  it('reads names "Family, Given, Suffix"; a name without a comma is an organization', () => {
    expect(one('AU  - Doe, Jane', 'AU  - King, Martin Luther, Jr.', 'AU  - Plato,', 'AU  - , Madonna', 'AU  - World Health Organization').author).to.deep.equal([
      name('Doe', 'Jane'), name('King', 'Martin Luther', { suffix: 'Jr.' }), name('Plato'), { given: 'Madonna' }, { literal: 'World Health Organization' },
    ]);
    expect(one('A2  - Ed, One', 'ED  - Ed, Two', 'A3  - Series, Ed', 'A4  - Trans, Tom')).to.deep.include({
      editor: [name('Ed', 'One'), name('Ed', 'Two')], 'collection-editor': [name('Series', 'Ed')], translator: [name('Trans', 'Tom')],
    });
    expect(parseRis('TY  - MPCT\nAU  - Nolan, Christopher\nER  - ').items[0].director).to.deep.equal([name('Nolan', 'Christopher')]);
  });
  it("reads a book's A3 as its editors, A2 as its series editors and T2 as its series (Zotero, EndNote, citation-js)", () => {
    expect(parseRis('TY  - BOOK\nA3  - Ed, Eva\nA2  - Series, Sam\nT2  - Series Title\nER  - ').items[0]).to.deep.equal({
      id: 'ris-1', type: 'book', editor: [name('Ed', 'Eva')], 'collection-editor': [name('Series', 'Sam')], 'collection-title': 'Series Title',
    });
    expect(parseRis('TY  - BOOK\nT2  - Series\nT3  - Series 3\nER  - ').items[0]).to.include({ 'collection-title': 'Series 3' }).and.not.have.property('container-title');
  });
  it("reads a conference paper's C3 as its proceedings (T2 then names the conference), else T2", () => {
    expect(parseRis('TY  - CPAPER\nT2  - CHI 2022\nC3  - Proceedings of CHI\nER  - ').items[0]).to.include({
      'container-title': 'Proceedings of CHI', 'event-title': 'CHI 2022',
    });
    expect(parseRis('TY  - CONF\nT2  - Proceedings of CHI\nER  - ').items[0]).to.include({ 'container-title': 'Proceedings of CHI' });
  });
  it("reads a report's SN as its number when there is no M1", () => {
    expect(parseRis('TY  - RPRT\nSN  - 25663\nER  - ').items[0]).to.include({ number: '25663' }).and.not.have.property('ISSN');
    expect(parseRis('TY  - RPRT\nSN  - 25663\nM1  - 7\nER  - ').items[0]).to.include({ number: '7' });
  });
  it('takes the container from T2, JF, JO, BT or JA (the first given), J2 as its abbreviation', () => {
    expect(one('JA  - J. A.', 'JO  - Journal O', 'JF  - Journal F')['container-title']).to.equal('Journal F');
    expect(one('JA  - J. A.')['container-title']).to.equal('J. A.');
    expect(one('T2  - Journal', 'J2  - J.')).to.include({ 'container-title': 'Journal', 'container-title-short': 'J.' });
  });
  it("reads a quote before a year as an apostrophe: ‘98, '98, `98 -> ’98", () => {
    expect(one('T2  - Proceedings of ICSE ‘98', "TI  - The '90s", 'AB  - In `98 it was', "N1  - 'Quoted' '1999'")).to.include({
      'container-title': 'Proceedings of ICSE ’98', title: 'The ’90s', abstract: 'In ’98 it was', annotation: "'Quoted' '1999'",
    });
  });
  it('reads every N1 as the annotation, one line each, and the first UR', () => {
    expect(one('N1  - First note.', 'N1  - Second note.', 'UR  - https://a.example', 'UR  - https://b.example')).to.include({
      annotation: 'First note.\nSecond note.', URL: 'https://a.example',
    });
  });
  it('continues a value on the lines that follow it, ignores unknown tags and empty values', () => {
    expect(one('TI  - A title', 'on two lines', 'ZZ  - unknown', 'KW  - keyword', 'AB  -', 'VL  - ')).to.deep.equal({
      id: 'ris-1', type: 'article-journal', title: 'A title on two lines',
    });
  });
  it('accepts one space before the dash, a missing space after it, and CR line ends', () => {
    expect(parseRis('TY - BOOK\rTI - T\rER  -\r').items).to.deep.equal([{ id: 'ris-1', type: 'book', title: 'T' }]);
  });
});

describe('parseRis: records', () => {
  it('numbers records without ID by position, skipping IDs that are taken', () => {
    const { items } = parseRis('TY  - GEN\nER  - \nTY  - GEN\nID  - ris-3\nER  - \nTY  - GEN\nER  - \n');
    expect(items.map((i) => i.id)).to.deep.equal(['ris-1', 'ris-3', 'ris-4']);
  });
  it('keeps the first of duplicate IDs and reports the others', () => {
    const { items, errors } = parseRis('TY  - GEN\nID  - a\nTI  - First\nER  - \nTY  - GEN\nID  - a\nTI  - Second\nER  - \n');
    expect(items).to.deep.equal([{ id: 'a', type: 'document', title: 'First' }]);
    expect(errors).to.deep.equal([{ line: 5, message: 'duplicate ID', key: 'a' }]);
  });
  it('keeps a record whose ER line is missing before the next TY, and reports it', () => {
    const { items, errors } = parseRis('TY  - GEN\nTI  - One\nTY  - GEN\nTI  - Two\nER  - \n');
    expect(items.map((i) => i.title)).to.deep.equal(['One', 'Two']);
    expect(errors).to.deep.equal([{ line: 1, message: 'missing "ER  -" line', key: 'ris-1' }]);
  });
  it('ignores tags and text outside records', () => {
    expect(parseRis('TI  - stray\nER  - \nhello\n\nTY  - GEN\nER  - \nAU  - after, record\n')).to.deep.equal({
      items: [{ id: 'ris-1', type: 'document' }],
      errors: [],
    });
  });
  it('never throws, whatever it is given', () => {
    for (const input of [null, undefined, 42, {}, [], '', 'TY', 'TY  -', 'TY  - \n', 'ER  - ', '\uFEFF', 'TY  - JOUR\nAU  - ,,,,\nSP  - -\nPY  - /', 'x\n'.repeat(10)]) {
      expect(() => parseRis(input as string), String(input)).to.not.throw();
    }
    expect(parseRis(null as never)).to.deep.equal({ items: [], errors: [] });
  });
  it('reads 1 MB in linear time, and pathological input too', () => {
    let text = '';
    for (let i = 0; text.length < 1e6; i++) text += `TY  - JOUR\r\nAU  - Doe, Jane\r\nTI  - Title ${i}\r\nPY  - 2020\r\nER  - \r\n`;
    for (const [input, items] of [
      [text, 14870],
      ['TY  - JOUR\n'.repeat(50000), 50000],
      ['TY  - JOUR\nAB  - x\n' + 'more text\n'.repeat(100000), 1],
      ['TY  - JOUR\nAB  - ' + 'x'.repeat(1e6), 1],
    ] as const) {
      const t0 = performance.now();
      expect(parseRis(input).items).to.have.length(items);
      expect(performance.now() - t0).to.be.below(3000);
    }
  });
});
