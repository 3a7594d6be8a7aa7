import { expect } from '@open-wc/testing';
import type { CslItem } from '../../src/core/backend.js';
import { parseBibtex, parseDate, parseNames, tex } from '../../src/references/parse/bibtex.js';

/** test/references/fixtures/entries.bib, served by the test runner. */
const fixture = () => fetch(new URL('./fixtures/entries.bib', import.meta.url)).then((r) => r.text());

const name = (family: string, given?: string, more: object = {}) => ({ family, ...(given && { given }), ...more });
const date = (...parts: number[][]) => ({ 'date-parts': parts });

/** What parseBibtex gives for each entry of entries.bib (in order). */
const EXPECTED: CslItem[] = [
  {
    id: 'jackson1982', type: 'article-journal', title: 'Epiphenomenal Qualia', 'container-title': 'The Philosophical Quarterly',
    author: [name('Jackson', 'Frank')], issued: date([1982, 4]), volume: '32', issue: '127', page: '127–136', DOI: '10.2307/2960077',
  },
  {
    id: 'mueller2020', type: 'article-journal', title: 'Spin Dynamics in Quantum Dots', 'container-title': 'The Journal of Chemical Physics',
    author: [name('Müller', 'Jörg'), name('Schön', 'René')], issued: date([2020, 3]), volume: '152', number: '114101', issue: '11',
    URL: 'https://example.org/a_b?x=1&y=2', language: 'en',
  },
  {
    id: 'timemag', type: 'article-magazine', title: 'The Loneliness Epidemic', 'container-title': 'The Atlantic',
    author: [name('Murthy', 'Vivek H.')], issued: date([2020, 4, 14]), page: '34–41',
  },
  {
    id: 'nyt2021', type: 'article-newspaper', title: 'Clinics Add Evening Hours', 'container-title': 'The New York Times',
    author: [{ literal: 'The Editorial Board' }], issued: date([2021, 11, 2]), accessed: date([2021, 11, 3]), URL: 'https://example.com/news/clinics',
  },
  {
    id: 'fromm1956', type: 'book', title: 'The Art of Loving', author: [name('Fromm', 'Erich')], issued: date([1956]),
    'collection-title': 'World Perspectives', edition: '2', publisher: 'Harper & Brothers', 'publisher-place': 'New York',
    ISBN: '978-0-06-095828-2', 'collection-number': '9',
  },
  {
    id: 'who2015', type: 'book', title: 'World Report on Ageing and Health', author: [{ literal: 'World Health Organization' }],
    issued: date([2015]), publisher: 'World Health Organization', 'publisher-place': 'Geneva', note: 'Also available in French',
  },
  {
    id: 'beethoven', type: 'book', title: 'Letters: A Selection: With Commentary',
    author: [
      name('Beethoven', 'Ludwig', { 'non-dropping-particle': 'van' }),
      name('Beethoven', 'Ludwig', { 'non-dropping-particle': 'van' }),
      name('Fontaine', 'Jean', { 'non-dropping-particle': 'de la', suffix: 'Jr.' }),
      name('King', 'Martin Luther', { suffix: 'Jr' }),
    ],
    translator: [name('Barnes', 'Hazel E.')], issued: date([1990]), 'original-date': date([1827]), publisher: 'ACM Press', language: 'de',
  },
  {
    id: 'woolf', type: 'chapter', title: 'The Letters', 'container-title': 'Collected Papers', author: [name('Woolf', 'Virginia')],
    'container-author': [name('Woolf', 'Leonard')], issued: date([1975]), publisher: 'Hogarth Press', 'publisher-place': 'London', page: '1099–1107',
  },
  {
    // crossref to a parent that comes later: its title becomes the container title, the rest is copied
    id: 'ainsworth', type: 'chapter', title: 'Attachment and Loss Revisited', 'container-title': 'The Place of Attachment in Human Behavior',
    author: [name('Ainsworth', 'Mary D. Salter'), name('Bowlby', 'John')], editor: [name('Parkes', 'Colin Murray'), name('Stevenson-Hinde', 'Joan')],
    issued: date([1982]), publisher: 'Basic Books', 'publisher-place': 'New York', page: '101–108',
  },
  {
    id: 'parkes1982', type: 'book', title: 'The Place of Attachment in Human Behavior', editor: [name('Parkes', 'Colin Murray'), name('Stevenson-Hinde', 'Joan')],
    issued: date([1982]), publisher: 'Basic Books', 'publisher-place': 'New York',
  },
  {
    id: 'chi2022', type: 'book', title: 'Proceedings of the ACM Conference on Human Factors in Computing Systems', editor: [name('Ramos', 'Lucía')],
    issued: date([2022]), publisher: 'ACM', 'event-title': 'CHI 2022', 'event-place': 'New Orleans, LA',
  },
  {
    // crossref to a parent that came before
    id: 'lee2022', type: 'paper-conference', title: 'Accessible Booking Interfaces for Older Adults',
    'container-title': 'Proceedings of the ACM Conference on Human Factors in Computing Systems', author: [name('Lee', 'Min-jun'), name('Okafor', 'Chinedu')],
    editor: [name('Ramos', 'Lucía')], issued: date([2022]), publisher: 'ACM', 'event-title': 'CHI 2022', 'event-place': 'New Orleans, LA',
    page: '55–67', DOI: 'https://doi.org/10.1145/0000000.0000055',
  },
  {
    id: 'nakamura2018', type: 'paper-conference', title: 'Home Care after Discharge', 'container-title': 'Annual Meeting of the Gerontological Society',
    author: [name('Nakamura', 'Yuki')], issued: date([2018, 11, 16]), publisher: 'Gerontological Society of America', 'publisher-place': 'Boston, MA',
  },
  {
    id: 'okonkwo2021', type: 'thesis', title: 'Care at a Distance', author: [name('Okonkwo', 'Adaeze')], issued: date([2021]),
    publisher: 'University of Toronto', 'publisher-place': 'Toronto', genre: 'PhD thesis',
  },
  {
    id: 'doe2019', type: 'thesis', title: 'My Thesis', author: [name('Doe', 'Jane')], issued: date([2019]), publisher: 'University of X',
    genre: "Master's dissertation",
  },
  {
    id: 'roe2018', type: 'thesis', title: 'A BibLaTeX Thesis', author: [name('Roe', 'Richard')], issued: date([2018, 6]), publisher: 'ETH Zürich',
    genre: 'PhD thesis',
  },
  {
    id: 'nasem2020', type: 'report', title: 'Social Isolation and Loneliness in Older Adults',
    author: [{ literal: 'National Academies of Sciences, Engineering, and Medicine' }], issued: date([2020]), publisher: 'The National Academies Press',
    'publisher-place': 'Washington, DC', number: '25663', genre: 'Consensus study report',
  },
  {
    id: 'wp7', type: 'report', title: 'Working Paper Seven', author: [name('Doe', 'Jane')], issued: date([2000]), publisher: 'Institute',
    'publisher-place': 'Berlin', number: '7', genre: 'Technical report',
  },
  {
    id: 'nhs', type: 'webpage', title: 'Loneliness in Older People', author: [{ literal: 'NHS' }], issued: date([2023, 1, 9]),
    accessed: date([2024, 4, 30]), publisher: 'NHS inform', URL: 'https://example.nhs.uk/loneliness',
  },
  { id: 'site', type: 'webpage', title: 'Visiting Hours', accessed: date([2024, 12, 24]), URL: 'https://clinic.example/visiting' },
  { id: 'elec', type: 'webpage', title: 'Electronic Resource', issued: date([2001]), URL: 'https://example.org/e' },
  {
    // misc with a URL as its only locator
    id: 'onlyurl', type: 'webpage', title: 'A Page', author: [name('Smith', 'Ann')], issued: date([2019]), note: 'Accessed 1 May 2020',
    URL: 'https://example.org/page',
  },
  { id: 'talk', type: 'document', title: 'Keynote on Care', author: [name('Doe', 'Jane')], issued: date([2010]), publisher: 'Talk at the Care Conference' },
  { id: 'draft', type: 'manuscript', title: 'A Draft', author: [name('Poe', 'Edgar')], issued: { literal: 'forthcoming' }, note: 'Manuscript in preparation' },
  { id: 'guide', type: 'book', title: 'User Guide', issued: date([2024]), edition: '3rd', publisher: 'Hearth Project' },
  { id: 'leaflet', type: 'pamphlet', title: 'Leaflet', issued: date([1999]), publisher: 'Distributed at the clinic' },
  {
    id: 'survey', type: 'dataset', title: 'Survey Data', author: [name('Doe', 'Jane')], issued: date([2020], [2021]), publisher: 'Zenodo',
    DOI: '10.5281/zenodo.123',
  },
  { id: 'amour', type: 'motion_picture', title: 'Amour', director: [name('Haneke', 'Michael')], issued: date([2012, 10, 24]), publisher: 'Les Films du Losange' },
  { id: 'unknown', type: 'document', title: 'An Entry of an Unknown Type', issued: date([2000]) },
  { id: 'paren', type: 'article-journal', title: 'Parentheses, Quotes and Concatenation', 'container-title': 'J', issued: date([2001]) },
  {
    id: 'latex', type: 'document', title: 'ü ü é ô ñ ç š ß ø å ł í & % $ _ a–b a—b a\u00a0b it em kept b “q” {x}',
    annotation: 'An annotation from annote',
  },
  { id: 'noted', type: 'book', title: 'Noted', issued: date([2003]), annotation: "hearth's note on this source." },
];

describe('parseBibtex: a varied fixture (test/references/fixtures/entries.bib)', () => {
  let result: ReturnType<typeof parseBibtex>;
  before(async () => {
    result = parseBibtex(await fixture());
  });

  it('reads every entry, skipping @comment, @preamble, @string and the text outside entries', () => {
    expect(result.errors).to.deep.equal([]);
    expect(result.items.map((i) => i.id)).to.deep.equal(EXPECTED.map((i) => i.id));
  });
  for (const expected of EXPECTED) {
    it(`${expected.id} (${expected.type})`, () => {
      expect(result.items.find((i) => i.id == expected.id)).to.deep.equal(expected);
    });
  }
});

describe('parseBibtex: syntax', () => {
  const one = (text: string) => {
    const { items, errors } = parseBibtex(text);
    expect(errors).to.deep.equal([]);
    return items[0];
  };

  it('reads braced, quoted, numeric and macro values and # concatenation', () => {
    const item = one(String.raw`@string{a = "Al"} @string{b = a # "pha"}
      @misc{k, title = b # { and {B}eta} # " " # 12 # { } # undefinedmacro, note = "say {"}hi{"}"}`);
    expect(item.title).to.equal('Alpha and Beta 12 undefinedmacro');
    expect(item.note).to.equal('say "hi"');
  });
  it('skips @comment with or without braces, and what its braces hold', () => {
    const { items, errors } = parseBibtex('@comment{@book{hidden, title = {x}}}\n@COMMENT this line\n@comment(x)\n@book{k}');
    expect(errors).to.deep.equal([]);
    expect(items.map((i) => i.id)).to.deep.equal(['k']);
  });
  it('reads field and entry names in any case, keeps the first of a repeated field', () => {
    expect(one('@ARTICLE{k, TITLE = {A}, Title = {B}}')).to.deep.equal({ id: 'k', type: 'article-journal', title: 'A' });
  });
  it('accepts a trailing comma, no fields, whitespace and % comments between fields', () => {
    expect(one('@book{k,}')).to.deep.equal({ id: 'k', type: 'book' });
    expect(one('@book{k}')).to.deep.equal({ id: 'k', type: 'book' });
    expect(one('@book { k ,\n % title = {old},\n title\n =\n {T} ,\n}')).to.deep.equal({ id: 'k', type: 'book', title: 'T' });
  });
  it('reads month macros, names, numbers and abbreviations', () => {
    for (const m of ['feb', '{feb}', '"February"', '2', '{Feb.}']) expect(one(`@misc{k, year = 2000, month = ${m}}`).issued).to.deep.equal(date([2000, 2]));
    expect(one('@misc{k, year = 2000, month = {Spring}}').issued).to.deep.equal(date([2000]));
  });
  it('reads BibLaTeX dates: day, month, ranges, open ranges, times; other text is a literal date', () => {
    expect(parseDate('2020-03-01')).to.deep.equal(date([2020, 3, 1]));
    expect(parseDate('2020-03-01/2020-03-05')).to.deep.equal(date([2020, 3, 1], [2020, 3, 5]));
    expect(parseDate('2020/')).to.deep.equal(date([2020]));
    expect(parseDate('2020-21')).to.deep.equal(date([2020, 21]));
    expect(parseDate('2020-03-01T10:00:00')).to.deep.equal(date([2020, 3, 1]));
    expect(parseDate('in press')).to.deep.equal({ literal: 'in press' });
    expect(one('@misc{k, date = {2020-03-01}, year = 1999}').issued).to.deep.equal(date([2020, 3, 1]));
    expect(one('@misc{k, year = {2020a}}').issued).to.deep.equal({ literal: '2020a' });
  });
  it('maps the BibTeX and BibLaTeX entry types to CSL types', () => {
    const types: Record<string, string> = {
      article: 'article-journal', book: 'book', inbook: 'chapter', incollection: 'chapter', inproceedings: 'paper-conference',
      conference: 'paper-conference', phdthesis: 'thesis', mastersthesis: 'thesis', thesis: 'thesis', techreport: 'report', report: 'report',
      online: 'webpage', www: 'webpage', electronic: 'webpage', misc: 'document', unpublished: 'manuscript', proceedings: 'book',
      collection: 'book', manual: 'book', booklet: 'pamphlet', inreference: 'entry-encyclopedia', software: 'software', dataset: 'dataset',
      patent: 'patent', movie: 'motion_picture', xyz: 'document', constructor: 'document', toString: 'document',
    };
    for (const [bib, csl] of Object.entries(types)) expect(one(`@${bib}{k, title = {T}}`).type, bib).to.equal(csl);
  });
  it('gives theses a genre; a `type` field is the genre', () => {
    expect(one('@phdthesis{k}').genre).to.equal('PhD thesis');
    expect(one('@mastersthesis{k}').genre).to.equal("Master's thesis");
    expect(one('@thesis{k, type = {mathesis}}').genre).to.equal("Master's thesis");
    expect(one('@thesis{k}').genre).to.equal(undefined);
    expect(one('@techreport{k}').genre).to.equal(undefined);
    expect(one('@techreport{k, type = {Working Paper}}').genre).to.equal('Working Paper');
  });
  it('reads `number` as the issue of an article, the series number of a book in a series, else the number', () => {
    expect(one('@article{k, number = 3}')).to.include({ issue: '3' }).and.not.have.property('number');
    expect(one('@article{k, number = 3, issue = {Spring}, eid = {e12}}')).to.include({ issue: 'Spring', number: 'e12' });
    expect(one('@book{k, series = {S}, number = 3}')).to.include({ 'collection-number': '3' });
    expect(one('@techreport{k, series = {S}, number = 3}')).to.include({ number: '3' });
    expect(one('@book{k, number = 3}')).to.include({ number: '3' });
  });
  it('reads url and doi verbatim, a \\url in howpublished as the URL', () => {
    expect(one(String.raw`@misc{k, url = {https://x.org/~a/b\_c%20d}, doi = {10.1000/a_b}}`)).to.include({ URL: 'https://x.org/~a/b_c%20d', DOI: '10.1000/a_b' });
    expect(one(String.raw`@misc{k, howpublished = {\url{https://x.org/p}}}`)).to.include({ type: 'webpage', URL: 'https://x.org/p' });
    expect(one('@misc{k, howpublished = "https://x.org/p"}')).to.include({ URL: 'https://x.org/p' });
  });
  it('maps langid names to language codes and keeps other languages as they are', () => {
    expect(one('@misc{k, langid = {british}}').language).to.equal('en-GB');
    expect(one('@misc{k, langid = {klingon}}').language).to.equal('klingon');
    expect(one('@misc{k, language = {French}}').language).to.equal('French');
  });
  it('reads the annotation from `annotation`, else `annote`', () => {
    expect(one('@misc{k, annote = {A}}').annotation).to.equal('A');
    expect(one('@misc{k, annote = {A}, annotation = {B}}').annotation).to.equal('B');
  });
  it('inherits crossref fields through two levels, never the title, and survives a crossref cycle', () => {
    const { items, errors } = parseBibtex(`
      @inproceedings{c, title = {Paper}, crossref = {p}}
      @proceedings{p, title = {Proc}, booktitle = {Proc (booktitle)}, crossref = {s}, editor = {Ed, A}}
      @book{s, title = {Series}, publisher = {Pub}, year = 1999}
      @misc{x, crossref = {y}} @misc{y, crossref = {x}, note = {N}}
      @misc{z, crossref = {missing}, title = {Z}}`);
    expect(errors).to.deep.equal([]);
    expect(items[0]).to.deep.equal({
      id: 'c', type: 'paper-conference', title: 'Paper', 'container-title': 'Proc', editor: [name('Ed', 'A')], issued: date([1999]), publisher: 'Pub',
    });
    expect(items[3]).to.deep.equal({ id: 'x', type: 'document', note: 'N' });
    expect(items[5]).to.deep.equal({ id: 'z', type: 'document', title: 'Z' });
  });
});

describe('parseBibtex: LaTeX to text', () => {
  const cases: [string, string][] = [
    [String.raw`{\"u}ber \"{U}ber \"o`, 'über Über ö'],
    [String.raw`\'e \'{E} \`a \^o \~n \=a \.z \u{g} \H{o} \r{a} \d{s} \k{a} \b{b}`, 'é É à ô ñ ā ż ğ ő å ṣ ą ḇ'],
    [String.raw`\c{c} \c c \v{s} \v s {\v{C}}`, 'ç ç š š Č'],
    [String.raw`\ss{} \o{} \O{} \aa{} \AA{} \ae{} \AE{} \oe{} \OE{} \l{} \L{} \i{}`, 'ß ø Ø å Å æ Æ œ Œ ł Ł ı'],
    [String.raw`Stra\ss e, \O \aa`, 'Straße, Øå'], // TeX eats the space after a command's name
    [String.raw`\'\i \'{\i} {\"\i} \^{\j}`, 'í í ï ĵ'],
    [String.raw`\& \% \$ \_ \# \{ \}`, '& % $ _ # { }'],
    [String.raw`\textbackslash{} \textasciitilde{} \~{} \^{} \textless b\textgreater{}`, '\\ ~ ~ ^ <b>'],
    ['1--2 a---b a~b', '1–2 a—b a\u00a0b'],
    ["``quoted'' and `single'", '“quoted” and `single\''],
    [String.raw`\textit{italic} \emph{em} \textbf{bold} \textsc{Small Caps}`, 'italic em bold Small Caps'],
    [String.raw`\unknown{kept} \unknown dropped \url{https://x.org}`, 'kept dropped https://x.org'],
    ['The {NASA} {{DNA}} {i}Phone', 'The NASA DNA iPhone'],
    [String.raw`$E=mc^2$ and \(x\)`, 'E=mc² and (x)'],
    [String.raw`line\\break soft\-hyphen \ldots{} \textendash{} \textemdash`, 'line break softhyphen … – —'],
    ['  lots   of\n\twhite  space ', 'lots of white space'],
  ];
  for (const [input, text] of cases) it(`${input} -> ${text}`, () => expect(tex(input)).to.equal(text));
  it('never produces markup', () => {
    expect(tex(String.raw`\textit{a} \emph{b} \textbf{c} \href{https://x}{d}`)).to.equal('a b c https://xd');
  });
});

describe('parseBibtex: what real .bib files contain (issue 15)', () => {
  const one = (text: string) => {
    const { items, errors } = parseBibtex(text);
    expect(errors).to.deep.equal([]);
    return items[0];
  };
  const math: [string, string][] = [
    [String.raw`7$\pm$2`, '7±2'],
    [String.raw`$\alpha$-band, H$_2$O, A$^*$, 2 $\times$ 2, 5 $\mu$m`, 'α-band, H₂O, A*, 2 × 2, 5 μm'],
    [String.raw`$\Gamma$ $\Delta\Omega$ $\omega$ $\varsigma$ $\Sigma$ $\phi$ $\epsilon$`, 'Γ ΔΩ ω ς Σ φ ε'],
    [String.raw`$\pm$ $\mp$ $\times$ $\cdot$ $\leq$ $\geq$ $\neq$ $\approx$ $\sim$ $\infty$ $\rightarrow$ $\leftarrow$ $\to$`, '± ∓ × · ≤ ≥ ≠ ≈ ∼ ∞ → ← →'],
    [String.raw`30$^\circ$, 30$^{\circ}$C, 30\,$\deg$`, '30°, 30°C, 30\u202f°'],
    [String.raw`10$^{-3}$ M$_\odot$ yr$^{-1}$, $^{12}$CO, H$^+$, x$_{i+1}$, $n^{\rm th}$`, '10⁻³ M⊙ yr⁻¹, ¹²CO, H⁺, xᵢ₊₁, nᵗʰ'],
    [String.raw`$\sqrt{s} = 13$ TeV, $\sqrt{x+1}$, $\sqrt 2$`, '√s = 13 TeV, √(x+1), √2'],
    [String.raw`$\mathrm{H}\alpha$, $\text{km}\,\text{s}^{-1}$, $\mathbf{B}$, $\rm Ly\alpha$`, 'Hα, km\u202fs⁻¹, B, Lyα'],
    [String.raw`$$x^2$$ and $\$$`, 'x² and $'],
    [String.raw`$z\sim 6$, $k_* \approx 2.5\times10^{-21}$ m$^{-1}$, $\sim$90\,000, ELUCID{\mdash}Exploring`, 'z∼6, k* ≈ 2.5×10⁻²¹ m⁻¹, ∼90\u202f000, ELUCID—Exploring'],
  ];
  for (const [input, text] of math) it(`TeX math as Unicode: ${input} -> ${text}`, () => expect(tex(input)).to.equal(text));
  it('keeps math Unicode cannot write readable, never drops it', () => {
    expect(tex(String.raw`T$_{\rm eff}$ and $\Omega_\Lambda$`)).to.equal('T_eff and Ω_Λ');
    expect(tex(String.raw`$\frac{1}{2}$ of $\hat{x}$`)).to.equal(String.raw`\frac{1}{2} of \hat{x}`);
    expect(tex(String.raw`costs \$5, or $5`)).to.equal('costs $5, or 5');
    expect(one(String.raw`@article{k, title = {An $\alpha$-band at 7$\pm$2 {Hz}}}`).title).to.equal('An α-band at 7±2 Hz');
  });
  it('reads the AASTeX journal macros of ADS exports as the journal; an unknown macro keeps its name', () => {
    const journals: [string, string][] = [
      [String.raw`{\apj}`, 'The Astrophysical Journal'], [String.raw`{\mnras}`, 'Monthly Notices of the Royal Astronomical Society'],
      [String.raw`{\prd}`, 'Physical Review D'], [String.raw`\aap`, 'Astronomy and Astrophysics'], [String.raw`{{\prl}}`, 'Physical Review Letters'],
      [String.raw`{\aj}`, 'The Astronomical Journal'], [String.raw`{\apjl}`, 'The Astrophysical Journal Letters'],
      [String.raw`{\apjs}`, 'The Astrophysical Journal Supplement Series'], [String.raw`{\pasp}`, 'Publications of the Astronomical Society of the Pacific'],
      [String.raw`{\nat}`, 'Nature'], [String.raw`{\araa}`, 'Annual Review of Astronomy and Astrophysics'], [String.raw`{\icarus}`, 'Icarus'],
      [String.raw`{\solphys}`, 'Solar Physics'], [String.raw`{\jcap}`, 'Journal of Cosmology and Astroparticle Physics'],
      [String.raw`{\physrep}`, 'Physics Reports'], [String.raw`{\aapr}`, 'The Astronomy and Astrophysics Review'],
      [String.raw`{\astap}`, 'Astronomy and Astrophysics'], [String.raw`{ \procspie }`, 'Proceedings of the SPIE'],
      [String.raw`{\mynewjournal}`, 'mynewjournal'], [String.raw`{\constructor}`, 'constructor'],
    ];
    for (const [value, journal] of journals) expect(one(`@article{k, journal = ${value}}`)['container-title'], value).to.equal(journal);
    expect(one(String.raw`@article{k, journaltitle = {\apj}, journal = {J}}`)['container-title']).to.equal('The Astrophysical Journal');
  });
  it('reads the text branch of \\ifmmode…\\else…\\fi (APS exports)', () => {
    expect(one(String.raw`@article{k, author = {Lon\ifmmode \check{c}\else \v{c}\fi{}ar, Kristijan and Ne\ifmmode\check{c}\else\v{c}\fi{}as, A.}}`).author)
      .to.deep.equal([name('Lončar', 'Kristijan'), name('Nečas', 'A.')]);
    expect(tex(String.raw`Caf\ifmmode \acute{e}\else \'{e}\fi{} and \ifmmode x\fi{}y`)).to.equal('Café and y');
  });
  it('reads an accent on an accented letter (Vietnamese names: Nguy{\\~{\\^e}}n)', () => {
    expect(tex(String.raw`Nguy{\~{\^e}}n, \~{\^e}, {\'{\^o}}, \d{\^a}, \'{\i}`)).to.equal('Nguyễn, ễ, ố, ậ, í');
    expect(parseNames(String.raw`Nguy{\~{\^e}}n, V{\u{a}}n A and Tr{\`{\^a}}n Th{\d{i}}`)).to.deep.equal([name('Nguyễn', 'Văn A'), name('Thị', 'Trần')]);
  });
  it('does not split a name at an unbraced accent or the space after \\i', () => {
    expect(parseNames(String.raw`Pi\~{n}a, Ana and Mart\'\i nez, Jos\'e and Jos\'e Pi\~na and Ana Mar\'{\i}a Mart\'\i nez`)).to.deep.equal([
      name('Piña', 'Ana'), name('Martínez', 'José'), name('Piña', 'José'), name('Martínez', 'Ana María'),
    ]);
  });
  it('reads \\, as a thin space and drops the sort key of \\noopsort', () => {
    expect(tex(String.raw`50\,\% and 5\,km`)).to.equal('50\u202f% and 5\u202fkm');
    expect(one(String.raw`@book{k, year = {{\noopsort{1973b}}1973}}`).issued).to.deep.equal(date([1973]));
    expect(tex(String.raw`{\SortNoop{b}}Second`)).to.equal('Second');
  });
  it('takes the container of @inproceedings from booktitle when there is a journal too (the journal is then the series)', () => {
    expect(one('@inproceedings{k, journal = {Lecture Notes}, booktitle = {Proc. of X}}')).to.include({ 'container-title': 'Proc. of X', 'collection-title': 'Lecture Notes' });
    expect(one('@inproceedings{k, journal = {J}, booktitle = {B}, series = {S}}')).to.include({ 'container-title': 'B', 'collection-title': 'S' });
    expect(one('@inproceedings{k, journal = {Lecture Notes}}')['container-title']).to.equal('Lecture Notes');
    expect(one('@article{k, journal = {J}, booktitle = {B}}')['container-title']).to.equal('J');
  });
  it("reads a quote before a year as an apostrophe: '98, ‘98, `98 -> ’98", () => {
    for (const q of ["'", '‘', '`']) expect(tex(`Proc. of ICSE ${q}98 and the ${q}90s`), q).to.equal('Proc. of ICSE ’98 and the ’90s');
    expect(tex("'Quoted' 'ab' '1999'")).to.equal("'Quoted' 'ab' '1999'");
  });
});

describe('parseBibtex: names', () => {
  const cases: [string, object[]][] = [
    ['Jackson, Frank', [name('Jackson', 'Frank')]],
    ['Frank Jackson', [name('Jackson', 'Frank')]],
    ['Jean-Paul Sartre and Simone de Beauvoir', [name('Sartre', 'Jean-Paul'), name('Beauvoir', 'Simone', { 'non-dropping-particle': 'de' })]],
    ['van der Berg, Jr, Hans', [name('Berg', 'Hans', { 'non-dropping-particle': 'van der', suffix: 'Jr' })]],
    ['Charles Louis Xavier Joseph de la Vallée Poussin', [name('Vallée Poussin', 'Charles Louis Xavier Joseph', { 'non-dropping-particle': 'de la' })]],
    ['{World Health Organization} and {Barnes and Noble}', [{ literal: 'World Health Organization' }, { literal: 'Barnes and Noble' }]],
    ['{van Gogh}, Vincent', [name('van Gogh', 'Vincent')]],
    ['Plato and , Madonna', [name('Plato'), { given: 'Madonna' }]],
    [String.raw`M{\"u}ller, J{\"o}rg and {\"O}zt{\"u}rk, Ay{\c{s}}e`, [name('Müller', 'Jörg'), name('Öztürk', 'Ayşe')]],
    ['Doe, Jane and others', [name('Doe', 'Jane')]],
    ['Doe, Jane AND Roe, Richard   and\nPoe, Edgar', [name('Doe', 'Jane'), name('Roe', 'Richard'), name('Poe', 'Edgar')]],
    ['Jean~Paul Sartre', [name('Sartre', 'Jean Paul')]],
    ['', []],
  ];
  for (const [input, names] of cases) it(JSON.stringify(input), () => expect(parseNames(input)).to.deep.equal(names));
});

describe('parseBibtex: malformed input', () => {
  it('keeps the good entries and reports each bad one once, with the line of its @', () => {
    const text = [
      '@book{good1, title = {One}}', // 1
      '@article{badbraces, title = {Unbalanced, year = 2000', // 2
      '@book{good2, title = {Two}}', // 3
      '@book{, title = {No key}}', // 4
      '@book{nokey title = {x}}', // 5
      '@misc{noequals, title {x}}', // 6
      '@misc{unterminated, title = "x}', // 7
      '@book{good3, title = {Three}}', // 8
      '@misc{noclose, title = {x},', // 9
      '', // 10
      '@book{good4, title = {Four}}', // 11
      '@book{good1, title = {Duplicate}}', // 12
      '@123garbage', // 13
      '@misc{badvalue, title = }', // 14
      'text with an email@example.org is ignored', // 15
      '@book{good5, title = {Five}, note = {mail me@example.org}}', // 16
    ].join('\n');
    const { items, errors } = parseBibtex(text);
    expect(items.map((i) => [i.id, i.title])).to.deep.equal([
      ['good1', 'One'], ['good2', 'Two'], ['good3', 'Three'], ['good4', 'Four'], ['good5', 'Five'],
    ]);
    expect(errors).to.deep.equal([
      { line: 2, message: 'unbalanced braces', key: 'badbraces' },
      { line: 4, message: 'missing key' },
      { line: 5, message: 'missing key' },
      { line: 6, message: 'expected "=" after "title"', key: 'noequals' },
      { line: 7, message: 'unbalanced braces', key: 'unterminated' },
      { line: 9, message: 'missing "}"', key: 'noclose' },
      { line: 12, message: 'duplicate key, entry skipped', key: 'good1' },
      { line: 13, message: 'expected "@type{"' },
      { line: 14, message: 'expected a value', key: 'badvalue' },
    ]);
  });
  it('reports a missing closing brace at the end of the text', () => {
    expect(parseBibtex('@book{a, title = {A}}\n@book{b, title = {B}').errors).to.deep.equal([{ line: 2, message: 'missing "}"', key: 'b' }]);
  });
  it('never throws, whatever it is given', () => {
    for (const input of [null, undefined, 42, {}, [], '', '@', '@{', '@book', '@book{', '@book{k', '@book{k,', '@book{k, t', '@book{k, t =', '@book{k, t = {', '@book{k, t = "', '@book{k, t = a #', '}}}}', '"', '@string{', '@string{x = }', '@comment{', '@preamble{"x', '\\', '@book{k, t = {\\}}']) {
      expect(() => parseBibtex(input as string), String(input)).to.not.throw();
    }
    expect(parseBibtex(null as never)).to.deep.equal({ items: [], errors: [] });
  });
  it('never returns markup it did not read', () => {
    const { items } = parseBibtex(String.raw`@misc{k, title = {\emph{a} \textbf{b} {\itshape c} $x^2$}}`);
    expect(items[0].title).to.equal('a b c x²');
  });
});

describe('parseBibtex: size and pathological input (linear time)', () => {
  const time = (text: string) => {
    const t0 = performance.now();
    const result = parseBibtex(text);
    return { ...result, ms: performance.now() - t0 };
  };
  it('reads 1 MB of entries', () => {
    const entry = (i: number) =>
      `@article{key${i},\n  author = {M{\\"u}ller, J{\\"o}rg and van der Berg, Hans and {World Health Organization}},\n  title = {The {NASA} \\emph{Art} of Loving --- part ${i}},\n  journal = jcp, year = 2020, month = mar, pages = {12--19}, doi = {10.1/x${i}},\n}\n`;
    let text = '@string{jcp = "The Journal of Chemical Physics"}\n';
    for (let i = 0; text.length < 1e6; i++) text += entry(i);
    const { items, errors, ms } = time(text);
    expect(errors).to.deep.equal([]);
    expect(items.length).to.be.above(3500);
    expect(items[7]).to.include({ id: 'key7', title: 'The NASA Art of Loving — part 7', 'container-title': 'The Journal of Chemical Physics' });
    expect(ms).to.be.below(3000);
  });
  const pathological: [string, string, number][] = [
    ['50,000 {', '@article{a, title = ' + '{'.repeat(50000), 1],
    ['50,000 { outside entries', '{'.repeat(50000), 0],
    ['50,000 }', '@article{a, title = {x}' + '}'.repeat(50000), 0],
    ['50,000 @', '@'.repeat(50000), 1],
    ['50,000 "', '@a{k, t = ' + '"'.repeat(50000), 1],
    ['50,000 @a{', '@a{'.repeat(50000), 50000],
    ['50,000 lines @a{k,', '@a{k,\n'.repeat(50000), 50000],
    ['50,000 @a{k,t="', '@a{k,t="'.repeat(50000), 50000],
    ['25,000 nested braces', '@a{k, t = ' + '{'.repeat(25000) + '}'.repeat(25000) + '}', 0],
    ['100,000 backslashes', '@a{k, t = {' + '\\'.repeat(100001) + '}}', 1],
    ['200,000 accents', '@a{k, title = {' + '\\"{u}'.repeat(200000) + '}}', 0],
    ['50,000 names', '@a{k, author = {' + 'A and '.repeat(50000) + 'B}}', 0],
    ['50,000 \\ifmmode without \\fi', '@a{k, title = {' + '\\ifmmode x\\else '.repeat(50000) + '}}', 0],
    ['50,000 $ and math scripts', '@a{k, title = {' + '$x^{2}_\\alpha$ $'.repeat(50000) + '}}', 0],
    ['100,000 letters in a name', '@a{k, author = {' + 'a'.repeat(100000) + ' b}}', 0],
    ['100,000 spaces in math', '@a{k, title = {$' + ' '.repeat(100000) + 'x^2$}}', 0],
    ['50,000 accents in a name', '@a{k, author = {' + "Mart\\'\\i nez\\~n ".repeat(50000) + '}}', 0],
    ['a chain of 20,000 crossrefs', Array.from({ length: 20000 }, (_, i) => `@book{b${i}, crossref = {b${i + 1}}}`).join('\n'), 0],
  ];
  for (const [label, text, issues] of pathological) {
    it(label, () => {
      const { errors, ms } = time(text);
      expect(errors).to.have.length(issues);
      expect(ms).to.be.below(3000);
    });
  }
  it('stops macros that double themselves (a "billion laughs")', () => {
    const text =
      '@string{a0 = "xxxxxxxxxx"}\n' + Array.from({ length: 40 }, (_, i) => `@string{a${i + 1} = a${i} # a${i}}`).join('\n') + '\n@misc{k, title = a40}\n@misc{ok, title = {OK}}';
    const { items, errors, ms } = time(text);
    expect(items.map((i) => i.id)).to.deep.equal(['ok']);
    expect(errors[0]).to.include({ message: 'macros expand too much' });
    expect(errors.at(-1)).to.deep.equal({ line: 42, message: 'macros expand too much', key: 'k' });
    expect(ms).to.be.below(1000);
  });
});
