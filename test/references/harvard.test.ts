import { expect } from '@open-wc/testing';
import type { CslItem } from '../../src/core/backend.js';
import { harvard } from '../../src/references/format/harvard.js';
import { citeText } from '../../src/references/format/style.js';
import { entryText, oracleTests, suffixInGivenName, hostileBook } from './oracle.js';

const shared = 'hearth behaviour shared by every style (see the comments at the top of apa.ts and harvard.ts)';
const noIn = 'no dangling "in" before the event of an unpublished talk (a quirk of the style: "‘A talk’, in. *Conference*.")';
oracleTests(
  'harvard',
  harvard,
  {
    ...suffixInGivenName('Studenski, S. and Guralnik, J.M.J. (2011) ‘Gait speed in older adults’, *JAMA*, 305(1), pp. 50–58.'),
    'book: name with only a family name or only a given name': {
      citation: '(Plato and Madonna, 2000)',
      citationLocator: '(Plato and Madonna, 2000, p. 12)',
      why: 'citeproc drops a name that has only a given name from the citation; hearth names every author (as in apa)',
    },
    'chapter: two editors, abbreviated page range expanded': {
      bibliography: 'Doe, J. (2010) ‘A chapter’, in J. Smith and K. Lee (eds) *The Big Book*. Pub, pp. 321–28. Available at: https://doi.org/10.1000/xyz.',
      why: `a DOI stored with a "doi:" prefix prints once (citeproc: "https://doi.org/doi:…"); ${shared}`,
    },
    'conference paper: presentation (event and place, full date)': { bibliography: 'Doe, J. (2019) ‘A talk’. *Conference of Things*.', why: noIn },
    'conference paper: unpublished talk, event and place, full date': {
      bibliography: 'Nakamura, Y. (2018) ‘Home care after discharge’. *Annual Meeting of the Gerontological Society*.',
      why: noIn,
    },
    'difference: a DOI stored as a URL prints once': {
      bibliography: 'A (2000) ‘x’. Available at: https://doi.org/10.1/x.',
      why: `citeproc: "https://doi.org/https://doi.org/…"; ${shared}`,
    },
    'difference: a javascript: URL is dropped': { bibliography: 'A (2000) *x*.', why: shared },
    'difference: issued as a bare string is read': {
      bibliography: 'A (2001) *x*.',
      citation: '(A, 2001)',
      citationLocator: '(A, 2001, p. 12)',
      why: shared,
    },
    'difference: given names in lower case are initialized': { bibliography: 'Smith, J.-M.A. (2000) *x*.', why: shared },
    'conference paper: in proceedings, event, place, pages, DOI': {
      bibliography:
        'Lee, M.-J. and Okafor, C. (2022) ‘Accessible booking interfaces for older adults’, in L. Ramos (ed.) *Proceedings of the ACM Conference on Human Factors in Computing Systems*. *CHI 2022*, New York: ACM, pp. 55–67. Available at: https://doi.org/10.1145/0000000.0000055.',
      why: 'citeproc drops the second initial of "Min-jun" (lower case after the hyphen); hearth initializes it (as in apa)',
    },
    'hostile: markup, ampersand and quotes in fields': {
      bibliography: 'O’Neil & Sons, I.A.I. (2000) *Tom & Jerry <b>bold</b> ‘quoted’ <script>alert(1)</script>*. A & B <Press>.',
      why: 'field text is plain: citeproc reads <b> and a <i>-wrapped given name as markup; hearth prints what was typed',
    },
    'report: government series and number, DOI, three authors': {
      bibliography:
        'Grassi, P.A., Garcia, M.E. and Fenton, J.L. (2017) *Digital identity guidelines*. NIST Special Publication 800-63-3. Gaithersburg, MD: National Institute of Standards and Technology. Available at: https://doi.org/10.6028/NIST.SP.800-63-3.',
      why: 'a report number prints as typed; citeproc turns its last hyphen into an en dash as if it were a page range ("800-63–3")',
    },
  },
  '2026',
);

const fromm = { id: 'f', type: 'book', title: 'x', author: [{ family: 'Fromm', given: 'Erich' }], issued: { 'date-parts': [[1956]] } };
const cite = (locator?: string, item: unknown = fromm) => citeText(harvard.citation([{ item: item as CslItem, n: 1, locator }]), '*');

describe('harvard: in-text citations', () => {
  it('prints a page locator as p./pp. and any other as typed', () => {
    expect(cite()).to.equal('(Fromm, 1956)');
    expect(cite('12')).to.equal('(Fromm, 1956, p. 12)');
    expect(cite('p. 12')).to.equal('(Fromm, 1956, p. 12)');
    expect(cite('pp. 3-5')).to.equal('(Fromm, 1956, pp. 3–5)');
    expect(cite('xii')).to.equal('(Fromm, 1956, p. xii)');
    expect(cite('chap. 2')).to.equal('(Fromm, 1956, chap. 2)');
  });

  it('sorts the items by year (undated last), links each once, and italicizes et al.', () => {
    const four = { id: 'l', author: ['A', 'B', 'C', 'D'].map((family) => ({ family, given: 'G' })), issued: { 'date-parts': [[1900]] } };
    const undated = { id: 'u', title: 'Anon', type: 'book' };
    const pieces = harvard.citation([
      { item: undated, n: 1 },
      { item: fromm, n: 2 },
      { item: four, n: 3, locator: '4' },
    ]);
    expect(pieces).to.deep.equal(['(', ['A \tet al.\t, 1900, p. 4', 2], '; ', ['Fromm, 1956', 1], '; ', ['\tAnon\t, no date', 0], ')']);
  });

  it('names up to three authors, editors when there is no author, and titles or newspapers without either', () => {
    const three = { ...fromm, author: ['A', 'B', 'C'].map((family) => ({ family, given: 'G' })) };
    expect(cite('', three)).to.equal('(A, B and C, 1956)');
    expect(cite('', { ...fromm, author: undefined, editor: [{ family: 'Ed', given: 'E' }] })).to.equal('(Ed, 1956)');
    expect(cite('', { type: 'article-newspaper', title: 'x', 'container-title': 'the times' })).to.equal('(*The Times*, no date)');
    expect(cite('', { type: 'article-journal', title: 'x', 'container-title': 'J' })).to.equal('(‘x’, no date)');
  });

  it('cites a name in a CJK script by its family name, printed whole in the entry', () => {
    const mao = { ...fromm, author: [{ family: 'Nolan', given: 'Ann' }, { family: '毛', given: '泽东' }] };
    expect(cite('', mao)).to.equal('(Nolan and 毛, 1956)');
    expect(entryText(harvard, mao)).to.equal('Nolan, A. and 毛泽东 (1956) *x*.');
    expect(cite('', { ...fromm, author: [{ literal: '毛泽东' }] })).to.equal('(毛泽东, 1956)');
  });
});

describe('harvard: entries', () => {
  it('prints page ranges as stored, with an en dash', () => {
    const pages = (page: string) => entryText(harvard, { type: 'article-journal', title: 't', 'container-title': 'J', volume: 1, page });
    expect(pages('1234-5')).to.equal('‘t’ (no date) *J*, 1, pp. 1234–5.');
    expect(pages('e12-e19, xii-xv')).to.equal('‘t’ (no date) *J*, 1, pp. e12–e19, xii–xv.');
  });

  it('names chapter editors and translators with the book, others after the title', () => {
    const people = { editor: [{ family: 'Ed', given: 'Eva Ann' }], translator: [{ family: 'Tr', given: 'Tom' }] };
    const base = { author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2000]] }, title: 't' };
    expect(entryText(harvard, { ...base, ...people, type: 'chapter', 'container-title': 'B' })).to.equal(
      'Doe, J. (2000) ‘t’, in E.A. Ed (ed.), T. Tr (tran.) *B*.',
    );
    expect(entryText(harvard, { ...base, ...people, type: 'book', edition: 2 })).to.equal(
      'Doe, J. (2000) *t*. 2nd edn. Edited by E.A. Ed. Translated by T. Tr.',
    );
  });

  it('prints quotes in fields as en-GB does, swapped inside a quoted title, apostrophes as ’', () => {
    const t = (type: string, title: string) => entryText(harvard, { type, title });
    expect(t('book', `Don't say "hello" or 'bye' yet`)).to.equal('*Don’t say ‘hello’ or “bye” yet* (no date).');
    expect(t('article-journal', `On "care" and 'rest', the students' view`)).to.equal('‘On “care” and ‘rest’, the students’ view’ (no date).');
    expect(t('article-journal', 'Why?')).to.equal('‘Why?’ (no date).');
  });

  it('prints a range of years, and one year for a range within a year', () => {
    const issued = (parts: unknown) => entryText(harvard, { type: 'book', title: 't', author: [{ literal: 'A' }], issued: { 'date-parts': parts } });
    expect(issued([[2008], [2013]])).to.equal('A (2008–2013) *t*.');
    expect(issued([[2008, 3], [2008, 5]])).to.equal('A (2008) *t*.');
    expect(issued([[2008], 'x'])).to.equal('A (2008) *t*.');
    expect(cite('', { ...fromm, issued: { 'date-parts': [[1956], [1962]] } })).to.equal('(Fromm, 1956–1962)');
  });

  it('links a DOI as its doi.org URL, else the URL with the access date', () => {
    const doi = harvard.entry({ title: 't', type: 'book', DOI: 'https://doi.org/10.1/X' } as CslItem);
    expect(doi.filter((r) => r.href)).to.deep.equal([{ text: 'https://doi.org/10.1/X', href: 'https://doi.org/10.1/X' }]);
    const web = { type: 'webpage', title: 'w', URL: 'https://x.example/', accessed: { 'date-parts': [[2021, 3, 5]] } };
    expect(entryText(harvard, web)).to.equal('*w* (no date). Available at: https://x.example/ (Accessed: 5 March 2021).');
  });
});

describe('harvard: robustness', () => {
  it('never throws on items of the wrong shape, and reads wrong-typed fields as absent', () => {
    for (const item of [null, undefined, 7, 'x', [], {}, { title: 5, author: 'x' }, { author: [null, 5, { family: {} }], issued: { 'date-parts': 'x' } }]) {
      expect(() => harvard.entry(item as never)).to.not.throw();
      expect(() => harvard.citation([{ item: item as never, n: 1, locator: 5 as never }, { item: fromm, n: 2 }])).to.not.throw();
    }
    expect(entryText(harvard, null)).to.equal('(no date).');
    expect(entryText(harvard, { title: 5, author: 'x' })).to.equal('x (no date) ‘5’.');
    expect(cite('', {})).to.equal('(no date)');
  });

  it('keeps hostile strings as plain text and links only http(s) URLs', () => {
    const item = hostileBook;
    const runs = harvard.entry(item);
    expect(runs.map((r) => r.text).join('')).to.equal('<script>, A.B. (no date) <img src=x onerror=alert(1)>. <i>P</i>.');
    expect(runs.some((r) => r.href)).to.be.false;
    expect(cite('', item)).to.equal('(<script>, no date)');
  });
});
