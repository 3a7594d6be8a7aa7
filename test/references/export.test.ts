import { expect } from '@open-wc/testing';
import type { CslItem } from '../../src/core/backend.js';
import { escapeBibtex, toBibtex } from '../../src/references/export/bibtex.js';
import { coins } from '../../src/references/export/coins.js';
import { toRis } from '../../src/references/export/ris.js';
import { parseBibtex } from '../../src/references/parse/bibtex.js';
import { parseRis } from '../../src/references/parse/ris.js';

// Fetched, not imported (as in oracle.ts): the test server serves .json files as JSON.
const data = (await (await fetch(new URL('./styles-corpus.json', import.meta.url))).json()) as { cases: { name: string; item: CslItem }[] };
const corpus = data.cases.map((c) => c.item);
const byId = (id: string) => corpus.find((i) => i.id == id)!;

type Item = Record<string, unknown>;
type Name = Record<string, string>;

/**
 * A corpus item as it should come back from BibTeX or RIS: what neither format can say is
 * normalized or removed here, one rule per line, each with its reason.
 */
function carried(item: CslItem, format: 'bibtex' | 'ris'): Item {
  const bib = format == 'bibtex';
  const o: Item = {};
  for (const [k, v] of Object.entries(item)) {
    if (v === '' || (Array.isArray(v) && !v.length)) continue; // empty fields are not written
    o[k] = typeof v == 'number' ? String(v) : v; // both formats hold text only: 32 -> "32"
  }
  if (typeof o.page == 'string') o.page = o.page.replace(/-/g, '–'); // page ranges come back with an en dash ("12--19"; SP/EP)
  if (typeof o.issued == 'string') o.issued = { 'date-parts': [[+o.issued]] }; // a bare-string date is written as a date
  const issued = o.issued as { 'date-parts'?: unknown[]; circa?: boolean } | undefined;
  if (issued?.circa) o.issued = { 'date-parts': issued['date-parts'] }; // "circa" has no field in either format
  // RIS dates have no ranges: the first date is kept
  if (!bib && issued?.['date-parts']?.[1]) o.issued = { 'date-parts': issued['date-parts'].slice(0, 1) };
  // Types neither format has: unknown types come back as documents, posts as web pages (BibTeX also speeches: RIS SLIDE is a speech).
  const type = String(o.type ?? '');
  if (!/^(article-journal|article-magazine|article-newspaper|book|chapter|paper-conference|report|thesis|webpage|post-weblog|motion_picture|dataset|entry-encyclopedia|speech)$/.test(type) || (bib && type == 'speech')) {
    o.type = 'document';
  }
  if (type == 'post' || (bib && type == 'post-weblog')) o.type = 'webpage';
  // No field for these: medium (format of the work), a newspaper's section, and `event`, the old name of event-title (written once, as event-title).
  delete o.medium;
  delete o.section;
  delete o.event;
  if (o.type == 'report' && o.number) delete o['collection-number']; // a report's `number` is its own; the series number has no field left
  for (const role of ['author', 'editor', 'translator', 'director', 'container-author']) {
    if (!Array.isArray(o[role])) continue;
    o[role] = (o[role] as Name[]).map((n) => {
      const { 'dropping-particle': dropping, 'non-dropping-particle': particle, ...rest } = n;
      const von = [dropping, particle].filter(Boolean).join(' ');
      if (!bib) {
        // RIS names are "Family, Given, Suffix": particles join the family name, a literal name with commas reads as a person's
        if (n.literal?.includes(',')) {
          const [family, given, suffix] = n.literal.split(', ');
          return { family, given, suffix };
        }
        return von ? { ...rest, family: `${von} ${n.family}` } : rest;
      }
      // BibTeX has one "von" part: the dropping particle joins it; a particle in capitals is read as part of the family name
      if (/^\p{Lu}/u.test(von)) return { ...rest, family: `${von} ${n.family}` };
      return von ? { ...rest, 'non-dropping-particle': von } : rest;
    });
  }
  if (!bib) {
    // RIS has no tags for these: original date, event place, the book's author, the series number
    for (const k of ['original-date', 'event-place', 'container-author', 'collection-number']) delete o[k];
    // the event's name goes to T2 only beside proceedings (C3) of a conference paper: else T2 would read as the container
    if (o.type != 'paper-conference' || !o['container-title']) delete o['event-title'];
    // a film's AU are its directors: a film with both loses its authors
    if (o.type == 'motion_picture' && o.director) delete o.author;
  }
  return o;
}

describe('export: round trips through the parsers keep what each format can carry (styles-corpus.json)', () => {
  for (const format of ['bibtex', 'ris'] as const) {
    const { items, errors } = format == 'bibtex' ? parseBibtex(toBibtex(corpus)) : parseRis(toRis(corpus));
    it(`${format}: all ${corpus.length} items come back, with no issue`, () => {
      expect(errors).to.deep.equal([]);
      expect(items.map((i) => i.id)).to.deep.equal(corpus.map((i) => String(i.id)));
    });
    corpus.forEach((item, i) => {
      it(`${format}: ${item.id}`, () => expect(items[i]).to.deep.equal(carried(item, format)));
    });
  }
});

describe('toBibtex', () => {
  it('writes one entry per item, BibTeX fields where they exist', () => {
    expect(toBibtex([byId('jackson1982'), byId('s-thesis')])).to.equal(
      `@article{jackson1982,
  author = {Jackson, Frank},
  title = {Epiphenomenal {Qualia}},
  journal = {The Philosophical Quarterly},
  volume = {32},
  number = {127},
  pages = {127--136},
  year = {1982},
  doi = {10.2307/2960077},
}

@phdthesis{s-thesis,
  author = {Okonkwo, Adaeze},
  title = {Care at a distance: {Telehealth} in rural clinics},
  school = {University of Toronto},
  address = {Toronto},
  year = {2021},
  type = {PhD dissertation},
}
`,
    );
  });
  it('escapes BibTeX specials; url and doi are verbatim, their braces percent-encoded', () => {
    expect(escapeBibtex('{a} & 100% $5 #1 a_b ~ ^ back\\slash')).to.equal(
      '\\{a\\} \\& 100\\% \\$5 \\#1 a\\_b \\~{} \\^{} back\\textbackslash{}slash',
    );
    const out = toBibtex([{ id: 'k', note: '50% of {x}', URL: 'https://x.org/a_b%20c?q={1}', DOI: '10.1000/a_b' }]);
    expect(out).to.contain('note = {50\\% of \\{x\\}}').and.contain('url = {https://x.org/a_b%20c?q=%7B1%7D}').and.contain('doi = {10.1000/a_b}');
  });
  it('protects the capitals of titles, word by word', () => {
    const title = (t: string) => /title = \{(.*)\},/.exec(toBibtex([{ id: 'k', title: t }]))![1];
    expect(title('The Art of Loving')).to.equal('The {Art} of {Loving}');
    expect(title('iPhone and NASA: A study')).to.equal('{iPhone} and {NASA}: {A} study');
    expect(title('all lower case')).to.equal('all lower case');
    expect(title('Über Ärzte')).to.equal('Über {Ärzte}');
    expect(title("O'Brien's COVID-19 (US) study")).to.equal("{O'Brien's} {COVID-19} ({US}) study");
  });
  it('makes keys BibTeX-safe and unique', () => {
    const keys = toBibtex([{ id: 'a b' }, { id: 'a_b' }, { id: 'a,b{c}' }, { id: '' }, { id: 'Müller:2020' }, { id: 7 }, { id: 'a b' }])
      .split('\n')
      .filter((l) => l[0] == '@');
    expect(keys).to.deep.equal(['@misc{a_b,', '@misc{a_b-2,', '@misc{a_b_c_,', '@misc{item,', '@misc{Müller:2020,', '@misc{7,', '@misc{a_b-3,']);
  });
  it('writes names "von Last, Jr, First", organizations and family names with spaces in braces', () => {
    const out = toBibtex([
      {
        id: 'k',
        author: [
          { family: 'Lee', given: 'Kim', 'non-dropping-particle': 'van der', suffix: 'III' },
          { family: 'Humboldt', given: 'Alexander', 'dropping-particle': 'von' },
          { family: 'García Márquez', given: 'Gabriel' },
          { literal: 'Barnes and Noble, Inc.' },
          { family: 'Plato' },
          { given: 'Madonna' },
          { family: 'Doe', given: 'Jane, Q.' },
          {},
        ],
      },
    ]);
    expect(out).to.contain(
      'author = {van der Lee, III, Kim and von Humboldt, Alexander and {García Márquez}, Gabriel and {Barnes and Noble, Inc.} and Plato and , Madonna and Doe, {Jane, Q.}},',
    );
  });
  it('writes year and month (a macro) when BibTeX can say the date, else a BibLaTeX date', () => {
    const dates = (issued: unknown) => toBibtex([{ id: 'k', issued } as CslItem]).split('\n').slice(1, -2).join(' ');
    expect(dates({ 'date-parts': [[2020]] })).to.equal('  year = {2020},');
    expect(dates({ 'date-parts': [[2020, 3]] })).to.equal('  year = {2020},   month = mar,');
    expect(dates({ 'date-parts': [[2020, 3, 7]] })).to.equal('  date = {2020-03-07},');
    expect(dates({ 'date-parts': [[2020, 21]] })).to.equal('  date = {2020-21},');
    expect(dates({ 'date-parts': [[1999], [2001, 2]] })).to.equal('  date = {1999/2001-02},');
    expect(dates({ literal: 'ca. 1800' })).to.equal('  year = {ca. 1800},');
    expect(dates('2005-03')).to.equal('  year = {2005},   month = mar,');
    expect(toBibtex([{ id: 'k', accessed: { 'date-parts': [[2021, 1, 2]] }, 'original-date': { 'date-parts': [[-380]] } }])).to.contain(
      '  origdate = {-380},\n  urldate = {2021-01-02},',
    );
  });
  it('chooses the entry type from the CSL type', () => {
    const type = (t?: string, more = {}) => /^@(\w+)/.exec(toBibtex([{ id: 'k', type: t, ...more }]))![1];
    const types: Record<string, string> = {
      'article-journal': 'article', 'article-magazine': 'article', 'article-newspaper': 'article', book: 'book', chapter: 'incollection',
      'paper-conference': 'inproceedings', report: 'techreport', thesis: 'phdthesis', webpage: 'online', post: 'online', 'post-weblog': 'online',
      manuscript: 'unpublished', dataset: 'dataset', software: 'software', patent: 'patent', 'entry-encyclopedia': 'inreference',
      motion_picture: 'movie', speech: 'misc', 'foo-unknown': 'misc', constructor: 'misc',
    };
    for (const [csl, bib] of Object.entries(types)) expect(type(csl), csl).to.equal(bib);
    expect(type(undefined)).to.equal('misc');
    expect(type('thesis', { genre: "Master's thesis" })).to.equal('mastersthesis');
    expect(toBibtex([{ id: 'k', type: 'article-magazine' }])).to.contain('entrysubtype = {magazine}');
  });
  it("writes the annotation (hearth's note) as `annotation`", () => {
    expect(toBibtex([{ id: 'k', annotation: 'Love as a practice & an art.' }])).to.contain('annotation = {Love as a practice \\& an art.},');
  });
  it('never throws, whatever it is given', () => {
    for (const input of [null, undefined, 42, 'x', [null, 7, 'x', [], {}], [{ id: {}, title: [], author: 'Plato', editor: [null, 3], issued: { 'date-parts': 'x' } }]]) {
      expect(() => toBibtex(input as CslItem[])).to.not.throw();
    }
    expect(toBibtex(null as never)).to.equal('');
    expect(parseBibtex(toBibtex([{ id: 'k', author: 'Plato' as never, title: ['x'] as never }])).items).to.deep.equal([
      { id: 'k', type: 'document', author: [{ literal: 'Plato' }] },
    ]);
  });
});

describe('toRis', () => {
  it('writes one record per item (CRLF line ends), with the annotation as N1, one line each', () => {
    expect(toRis([{ ...byId('jackson1982'), annotation: 'First line.\nSecond line.' }])).to.equal(
      [
        'TY  - JOUR', 'ID  - jackson1982', 'AU  - Jackson, Frank', 'TI  - Epiphenomenal Qualia', 'T2  - The Philosophical Quarterly', 'PY  - 1982',
        'VL  - 32', 'IS  - 127', 'SP  - 127', 'EP  - 136', 'DO  - 10.2307/2960077', 'N1  - First line.', 'N1  - Second line.', 'ER  - ', '',
      ].join('\r\n'),
    );
  });
  it('writes names "Family, Given, Suffix", organizations as they are, and a lone family name with its comma', () => {
    const out = toRis([
      {
        id: 'k',
        type: 'chapter',
        author: [
          { family: 'Lee', given: 'Kim', 'non-dropping-particle': 'van der', suffix: 'III' },
          { family: 'King', suffix: 'Jr.' },
          { literal: 'World Health Organization' },
          { family: 'Plato' },
          { given: 'Madonna' },
        ],
        editor: [{ family: 'Ed', given: 'Eva' }],
        translator: [{ family: 'Tr', given: 'Tom' }],
      },
    ]);
    expect(out).to.contain(
      'AU  - van der Lee, Kim, III\r\nAU  - King, , Jr.\r\nAU  - World Health Organization\r\nAU  - Plato,\r\nAU  - , Madonna\r\nA2  - Ed, Eva\r\nA4  - Tr, Tom\r\n',
    );
  });
  it('uses the tags Zotero, EndNote and citation-js expect for books, conference papers and reports', () => {
    expect(toRis([{ id: 'k', type: 'book', editor: [{ family: 'Ed', given: 'Eva' }], 'collection-title': 'Series', 'container-title': 'x' }])).to.contain(
      'A3  - Ed, Eva\r\nT2  - Series\r\n',
    );
    expect(toRis([{ id: 'k', type: 'paper-conference', 'container-title': 'Proceedings', 'event-title': 'CHI 2022', 'collection-title': 'S' }])).to.contain(
      'T2  - CHI 2022\r\nC3  - Proceedings\r\nT3  - S\r\n',
    );
    expect(toRis([{ id: 'k', type: 'paper-conference', 'event-title': 'CHI 2022' }])).to.not.contain('CHI');
    expect(toRis([{ id: 'k', type: 'report', number: '12', ISBN: '978-3' }])).to.contain('SN  - 12\r\n').and.not.contain('978');
  });
  it('writes PY as the year and DA as the full date; Y2 the access date', () => {
    const out = toRis([{ id: 'k', issued: { 'date-parts': [[2020, 3, 7]] }, accessed: { 'date-parts': [[2021, 5]] } }]);
    expect(out).to.contain('PY  - 2020\r\nDA  - 2020/03/07/\r\nY2  - 2021/05//\r\n');
    expect(toRis([{ id: 'k', issued: { literal: 'n.d.' } }])).to.contain('PY  - n.d.\r\n').and.not.contain('DA');
  });
  it('splits simple page ranges into SP and EP, and writes others whole', () => {
    expect(toRis([{ id: 'k', page: '12-19' }])).to.contain('SP  - 12\r\nEP  - 19\r\n');
    expect(toRis([{ id: 'k', page: 'e12-e19, xii-xv' }])).to.contain('SP  - e12-e19, xii-xv\r\n').and.not.contain('EP');
  });
  it('writes an article number as C7 and other numbers as M1, the ISBN or ISSN as SN', () => {
    expect(toRis([{ id: 'k', type: 'article-journal', number: 'e12', ISSN: '1234-5678' }])).to.contain('C7  - e12\r\nSN  - 1234-5678\r\n');
    expect(toRis([{ id: 'k', type: 'thesis', number: '12', ISBN: '978-3' }])).to.contain('M1  - 12\r\nSN  - 978-3\r\n');
  });
  it('chooses the RIS type from the CSL type', () => {
    const types: Record<string, string> = {
      'article-journal': 'JOUR', 'article-magazine': 'MGZN', 'article-newspaper': 'NEWS', book: 'BOOK', chapter: 'CHAP', 'paper-conference': 'CPAPER',
      report: 'RPRT', thesis: 'THES', webpage: 'ELEC', 'post-weblog': 'BLOG', motion_picture: 'MPCT', dataset: 'DATA', speech: 'SLIDE',
      'foo-unknown': 'GEN', '': 'GEN',
    };
    for (const [csl, ris] of Object.entries(types)) expect(toRis([{ id: 'k', type: csl }]).split('\r\n')[0], csl).to.equal(`TY  - ${ris}`);
  });
  it('writes values on one line', () => {
    expect(toRis([{ id: 'k', title: 'A\ntitle\r\n on  lines' }])).to.contain('TI  - A title on lines\r\n');
  });
  it('never throws, whatever it is given', () => {
    for (const input of [null, undefined, 42, 'x', [null, 7, 'x', [], {}], [{ id: {}, title: [], author: 'Plato', editor: [null, 3], page: 5, annotation: 7 }]]) {
      expect(() => toRis(input as CslItem[])).to.not.throw();
    }
    expect(toRis(null as never)).to.equal('');
  });
});

describe('coins', () => {
  const cases: [string, string][] = [
    [
      'jackson1982',
      'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft_id=info%3Adoi%2F10.2307%2F2960077&rft.genre=article&rft.atitle=Epiphenomenal%20Qualia&rft.jtitle=The%20Philosophical%20Quarterly&rft.aulast=Jackson&rft.aufirst=Frank&rft.au=Jackson%2C%20Frank&rft.date=1982&rft.volume=32&rft.issue=127&rft.pages=127-136&rft.spage=127&rft.epage=136',
    ],
    [
      's-kuhn',
      'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=book&rft.btitle=The%20structure%20of%20scientific%20revolutions&rft.aulast=Kuhn&rft.aufirst=Thomas%20S.&rft.au=Kuhn%2C%20Thomas%20S.&rft.date=2012&rft.place=Chicago&rft.pub=University%20of%20Chicago%20Press&rft.edition=4',
    ],
    [
      's-chap-doi',
      'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft_id=info%3Adoi%2F10.1000%2Fchap.101&rft.genre=bookitem&rft.atitle=Attachment%20and%20loss%20revisited&rft.btitle=The%20place%20of%20attachment%20in%20human%20behavior&rft.aulast=Ainsworth&rft.aufirst=Mary%20D.%20Salter&rft.au=Ainsworth%2C%20Mary%20D.%20Salter&rft.au=Bowlby%2C%20John&rft.date=1982&rft.pages=101-108&rft.spage=101&rft.epage=108&rft.place=New%20York&rft.pub=Basic%20Books',
    ],
    [
      's-conf-pub',
      'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft_id=info%3Adoi%2F10.1145%2F0000000.0000055&rft.genre=proceeding&rft.atitle=Accessible%20booking%20interfaces%20for%20older%20adults&rft.btitle=Proceedings%20of%20the%20ACM%20Conference%20on%20Human%20Factors%20in%20Computing%20Systems&rft.aulast=Lee&rft.aufirst=Min-jun&rft.au=Lee%2C%20Min-jun&rft.au=Okafor%2C%20Chinedu&rft.date=2022-04&rft.pages=55-67&rft.spage=55&rft.epage=67&rft.place=New%20York&rft.pub=ACM',
    ],
    [
      's-report',
      'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft_id=https%3A%2F%2Fexample.org%2Freports%2F25663&rft.genre=report&rft.btitle=Social%20isolation%20and%20loneliness%20in%20older%20adults&rft.aucorp=National%20Academies%20of%20Sciences%2C%20Engineering%2C%20and%20Medicine&rft.date=2020&rft.place=Washington%2C%20DC&rft.pub=The%20National%20Academies%20Press',
    ],
    [
      's-thesis',
      'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Adissertation&rft.title=Care%20at%20a%20distance%3A%20Telehealth%20in%20rural%20clinics&rft.aulast=Okonkwo&rft.aufirst=Adaeze&rft.au=Okonkwo%2C%20Adaeze&rft.date=2021&rft.inst=University%20of%20Toronto&rft.degree=PhD%20dissertation',
    ],
    [
      's-web',
      'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Adc&rft_id=https%3A%2F%2Fexample.nhs.uk%2Floneliness&rft.title=Loneliness%20in%20older%20people&rft.source=NHS%20inform&rft.type=webpage&rft.aucorp=NHS&rft.date=2023-01-09',
    ],
    [
      'b12',
      'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=book&rft.btitle=Letters&rft.aulast=van%20Gogh&rft.aufirst=Vincent&rft.au=van%20Gogh%2C%20Vincent&rft.au=Humboldt%2C%20Alexander%20von&rft.au=King%2C%20Martin%20Luther&rft.date=1900&rft.pub=P',
    ],
  ];
  for (const [id, expected] of cases) it(id, () => expect(coins(byId(id))).to.equal(expected));

  it('gives the DOI once (without a doi.org prefix) and only http(s) URLs', () => {
    expect(coins(byId('d1'))).to.contain('rft_id=info%3Adoi%2F10.1%2Fx&');
    expect(coins(byId('d2'))).to.not.contain('javascript');
  });
  it('is a KEV string Zotero reads: every value URI-encoded, no markup', () => {
    const kev = coins(byId('s-hostile'));
    expect(kev).to.match(/^ctx_ver=Z39\.88-2004(&[\w.]+=[\w.~*'()%!-]*)+$/);
    const values = Object.fromEntries(kev.split('&').map((p) => p.split('=').map(decodeURIComponent)));
    expect(values['rft.btitle']).to.equal('Tom & Jerry <b>bold</b> "quoted" <script>alert(1)</script>');
  });
  it('never throws, whatever it is given', () => {
    for (const input of [null, undefined, 42, 'x', [], {}, { type: 7, title: {}, author: 'Plato', issued: 'x', page: [] }]) {
      expect(() => coins(input as CslItem)).to.not.throw();
    }
    expect(coins(null as never)).to.equal('ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Adc');
  });
});
