import { expect } from '@open-wc/testing';
import { chicago, headline, range } from '../../src/references/format/chicago.js';
import { toPlainText } from '../../src/references/format/plain.js';
import { citeText } from '../../src/references/format/style.js';
import { oracleTests, suffixInGivenName, seasonAsWord } from './oracle.js';

const shared = 'hearth behaviour shared by every style (see the comment at the top of apa.ts)';
const talk =
  'bug of the style file: a conference paper without proceedings prints "In ." and loses its event; hearth prints it as the style prints a speech';
oracleTests(
  'chicago',
  chicago,
  {
    ...suffixInGivenName('Studenski, Stephanie, and Jack M., Jr. Guralnik. 2011. “Gait Speed in Older Adults.” *JAMA* 305 (1): 50–58.'),
    ...seasonAsWord('Lund, Ingrid. 2018. “The Quiet Ward.” *The Hedgehog Review*, 2018.'),
    'book: name with only a family name or only a given name': {
      citation: '(Plato and Madonna 2000)',
      citationLocator: '(Plato and Madonna 2000, 12)',
      why: 'citeproc drops a name that has only a given name from the citation; hearth names every author (as in APA)',
    },
    'book: original date before the common era': {
      bibliography: 'Plato. (380 BC) 2016. *The Republic*. Translated by Benjamin Jowett. Dover.',
      citation: '(Plato [380 BC] 2016)',
      citationLocator: '(Plato [380 BC] 2016, 12)',
      why: 'citeproc prints "380BC" without a space; Chicago writes "380 BC"',
    },
    'book: corporate author, edition words, DOI': {
      bibliography:
        'American Psychiatric Association. 2022. *Diagnostic and Statistical Manual of Mental Disorders*. 5th ed., text rev. American Psychiatric Association Publishing. https://doi.org/10.1176/appi.books.9780890425787.',
      why: 'citeproc capitalizes a word inside the edition ("5th ed., text Rev."); hearth capitalizes only its first word',
    },
    'chapter: two editors, abbreviated page range expanded': {
      bibliography:
        'Doe, Jane. 2010. “A Chapter.” In *The Big Book*, edited by John Smith and Kim Lee, 321–28. Pub. https://doi.org/10.1000/xyz.',
      why: `a DOI stored with a "doi:" prefix prints once as https://doi.org/…; ${shared}`,
    },
    'conference paper: presentation (event and place, full date)': {
      bibliography: 'Doe, Jane. 2019. “A Talk.” Paper presentation presented at the Conference of Things, Boston, MA, May 3.',
      why: talk,
    },
    'conference paper: unpublished talk, event and place, full date': {
      bibliography:
        'Nakamura, Yuki. 2018. “Home Care after Discharge.” Paper presentation presented at the Annual Meeting of the Gerontological Society, Boston, MA, November 16.',
      why: talk,
    },
    'interview: published, interviewer, URL': {
      bibliography:
        'Beck, Aaron T. 2001. Aaron Beck on the origins of cognitive therapy. Interview by Terry Gross. *Fresh Air*. NPR. https://www.npr.org/2001/06/12/beck.',
      why: 'bug of the style file: the interviewer has only a space before it, so the title runs into "Interview by" ("therapy Interview by"); hearth ends the title with a period',
    },
    'report: government series and number, DOI, three authors': {
      bibliography:
        'Grassi, Paul A., Michael E. Garcia, and James L. Fenton. 2017. “Digital Identity Guidelines.” NIST Special Publication 800-63-3. Gaithersburg, MD: National Institute of Standards and Technology. https://doi.org/10.6028/NIST.SP.800-63-3.',
      why: 'citeproc turns the last hyphen of the report number into an en dash ("800-63–3", as if a page range); hearth prints the number as typed',
    },
    'difference: a DOI stored as a URL prints once': { bibliography: 'A. 2000. “X.” https://doi.org/10.1/x.', why: shared },
    'difference: a javascript: URL is dropped': { bibliography: 'A. 2000. “X.” 2000.', why: shared },
    'difference: issued as a bare string is read': {
      bibliography: 'A. 2001. *X*.',
      citation: '(A 2001)',
      citationLocator: '(A 2001, 12)',
      why: shared,
    },
    'difference: a period after a closing quote stays outside': { bibliography: 'A. 2000. *On “Care”*. P.', why: shared },
    'chapter: container author and editor, place, pages 1099-1107': {
      citation: '(Woolf 1975)',
      citationLocator: '(Woolf 1975, 12)',
      why: 'citeproc adds an initial to tell Virginia Woolf from Leonard Woolf, the container author of the same item; hearth adds no names or initials to disambiguate (like no year suffixes)',
    },
    'hostile: markup, ampersand and quotes in fields': {
      bibliography:
        'O’Neil & Sons, <i>Ann</i>. 2000. *Tom & Jerry <b>bold</B> “Quoted” <script>alert(1)</Script>*. A & B <Press>.',
      why: `field text is plain: citeproc reads <i> and <b> as markup, hearth prints what was typed (title case included); ${shared}`,
    },
  },
  '2026',
);

const fromm = { id: 'f', type: 'book', title: 'The art of loving', author: [{ family: 'Fromm', given: 'Erich' }], issued: { 'date-parts': [[1956]] } };
const cite = (locator?: string, item: object = fromm) => citeText(chicago.citation([{ item: item as never, n: 1, locator }]));

describe('chicago: in-text citations', () => {
  it('prints page locators bare, abbreviated the Chicago way, and other locators as typed', () => {
    expect(cite()).to.equal('(Fromm 1956)');
    expect(cite('12')).to.equal('(Fromm 1956, 12)');
    expect(cite('p. 12')).to.equal('(Fromm 1956, 12)');
    expect(cite('pp. 3-5')).to.equal('(Fromm 1956, 3–5)');
    expect(cite('pp. 127-136')).to.equal('(Fromm 1956, 127–36)');
    expect(cite('chap. 2')).to.equal('(Fromm 1956, chap. 2)');
  });
  it('puts the volume of a book before the page', () => {
    const vol = { ...fromm, volume: 2 };
    expect(cite('12', vol)).to.equal('(Fromm 1956, 2:12)');
    expect(cite('chap. 2', vol)).to.equal('(Fromm 1956, vol. 2, chap. 2)');
  });
  it('keeps the order of the items and links each once', () => {
    const jackson = { id: 'j', type: 'article-journal', title: 'x', author: [{ family: 'Jackson', given: 'Frank' }], issued: '1982' };
    const pieces = chicago.citation([
      { item: jackson as never, n: 1, locator: '12' },
      { item: fromm, n: 2 },
    ]);
    expect(pieces).to.deep.equal(['(', ['Jackson 1982, 12', 0], '; ', ['Fromm 1956', 1], ')']);
  });
  it('names up to three authors, then "et al."', () => {
    const by = (n: number) => ({ ...fromm, author: 'ABCD'.slice(0, n).split('').map((family) => ({ family, given: 'X' })) });
    expect(cite('', by(2))).to.equal('(A and B 1956)');
    expect(cite('', by(3))).to.equal('(A, B, and C 1956)');
    expect(cite('', by(4))).to.equal('(A et al. 1956)');
  });
});

describe('chicago: types and dates', () => {
  const entry = (item: object) => toPlainText(chicago.entry({ id: 'i', author: [{ family: 'Doe', given: 'Jo' }], ...item } as never));
  it('prints the years of a range when they differ', () => {
    const range = (parts: number[][]) => ({ ...fromm, issued: { 'date-parts': parts } });
    expect(cite('', range([[2008], [2013]]))).to.equal('(Fromm 2008–2013)');
    expect(cite('', range([[2008, 3], [2008, 5]]))).to.equal('(Fromm 2008)');
    expect(cite('', range([[2008], ['x' as never]]))).to.equal('(Fromm 2008)');
  });
  it('prints a patent with its authority, number, and filing and issue dates', () => {
    const patent = { type: 'patent', title: 'A device', authority: 'USPTO', number: 'US1', submitted: '1999-02-03', issued: '2001-09-04' };
    expect(entry(patent)).to.equal('Doe, Jo. 2001. A device. USPTO US1, filed February 3, 1999, and issued September 4, 2001.');
  });
  it('prints a review by the reviewed work, with or without its own title', () => {
    const review = { type: 'review', 'reviewed-author': { family: 'Hari', given: 'Johann' }, issued: '2018', 'container-title': 'J' };
    expect(entry({ ...review, title: 'lost connections' })).to.equal('Doe, Jo. 2018. Review of Lost Connections, by Johann Hari. J.');
    expect(entry({ ...review, title: 'alone?', 'reviewed-title': 'lost' })).to.equal('Doe, Jo. 2018. “Alone?” Review of Lost, by Johann Hari. J.');
  });
  it('prints an entry of a reference work like a chapter', () => {
    const item = { type: 'entry-encyclopedia', title: 'x', 'container-title': 'E', volume: 2, issued: '2000', editor: { family: 'Ed', given: 'A' } };
    expect(entry(item)).to.equal('Doe, Jo. 2000. “X.” In E, edited by A Ed. Vol. 2.');
    expect(entry({ ...item, page: '3-4' })).to.equal('Doe, Jo. 2000. “X.” In E, edited by A Ed, 2:3–4.');
  });
});

describe('chicago: robustness', () => {
  it('never throws on items of the wrong shape', () => {
    const odd = [null, 7, 'x', [], {}, { title: 5, author: 'x' }, { author: [null, 5, {}], editor: 'E', issued: { 'date-parts': 'x' }, page: {}, volume: [1], type: 3 }];
    for (const item of odd) {
      expect(() => chicago.entry(item as never)).to.not.throw();
      expect(() => chicago.citation([{ item: item as never, n: 1, locator: 'chap. 2' }])).to.not.throw();
    }
    expect(toPlainText(chicago.entry(null as never))).to.equal('n.d.');
    expect(cite('', {})).to.equal('(n.d.)');
    expect(toPlainText(chicago.entry({ title: 5, author: 'x' } as never))).to.equal('x. n.d. “5.”');
    expect(cite('', { title: 5, author: 'x' })).to.equal('(x, n.d.)');
  });
  it('keeps hostile strings as plain text and links only http(s) URLs', () => {
    const item = { id: 'h', type: 'chapter', title: '<img src=x onerror=alert(1)>', URL: 'javascript:alert(1)', 'container-title': '</i><b>' };
    const runs = chicago.entry(item as never);
    expect(runs.some((r) => r.href)).to.be.false;
    expect(toPlainText(runs)).to.equal('“<img Src=x Onerror=alert(1)>.” n.d. In </I><b>.');
    expect(runs.find((r) => r.italic)?.text).to.equal('</I><b>');
    const linked = chicago.entry({ ...item, URL: 'https://example.org/a' } as never);
    expect(linked.filter((r) => r.href).map((r) => r.href)).to.deep.equal(['https://example.org/a']);
  });
});

describe('chicago: headline-style title case and page ranges', () => {
  it('capitalizes like citeproc-js', () => {
    expect(headline('the e-mail of up-to-date state-of-the-art things')).to.equal('The E-Mail of up-to-Date State-of-the-Art Things');
    expect(headline('what is it for')).to.equal('What Is It For');
    expect(headline("rock'n'roll of the 1950s")).to.equal("Rock'n'roll of the 1950s");
    expect(headline('war and peace: a novel')).to.equal('War and Peace: A Novel');
    expect(headline('the iPhone and NASA in an age of email')).to.equal('The iPhone and NASA in an Age of Email');
    expect(headline('through the looking-glass, and what alice found there')).to.equal('Through the Looking-Glass, and What Alice Found There');
  });
  it('abbreviates page ranges the Chicago way', () => {
    const cases: [string, string][] = [
      ['127-136', '127–36'],
      ['321-28', '321–28'],
      ['101-108', '101–8'],
      ['1099-1107', '1099–1107'],
      ['1496-1504', '1496–1504'],
      ['200-229', '200–229'],
      ['12-19', '12–19'],
      ['1234-5', '1234–35'],
      ['10001-10010', '10001–10'],
      ['e12-e19, xii-xv', 'e12–19, xii–xv'],
    ];
    for (const [raw, want] of cases) expect(range(raw), raw).to.equal(want);
  });
});
