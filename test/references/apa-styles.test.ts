import { expect } from '@open-wc/testing';
import { apa } from '../../src/references/format/apa-style.js';
import { citeText } from '../../src/references/format/style.js';
import { oracleTests, type Differences, suffixInGivenName, seasonAsWord } from './oracle.js';

const shared = 'hearth behaviour shared by every style (see the comment at the top of apa.ts)';
/** hearth's deliberate differences from citeproc-js on the 2026 oracle (see oracle.ts). */
const differences: Differences = {
  ...suffixInGivenName('Studenski, S., & Guralnik, J. M. J. (2011). Gait speed in older adults. *JAMA*, *305*(1), 50–58.'),
  ...seasonAsWord('Lund, I. (2018). The quiet ward. *The Hedgehog Review*, *20*(4), 88–97.'),
  'chapter: two editors, abbreviated page range expanded': {
    bibliography: 'Doe, J. (2010). A chapter. In J. Smith & K. Lee (Eds.), *The Big Book* (pp. 321–328). Pub. https://doi.org/10.1000/xyz',
    why: `a DOI stored with a "doi:" prefix prints once as https://doi.org/…; ${shared}`,
  },
  'difference: a DOI stored as a URL prints once': { bibliography: 'A. (2000). *x*. https://doi.org/10.1/x', why: shared },
  'difference: a javascript: URL is dropped': { bibliography: 'A. (2000). *x*.', why: shared },
  'difference: given names in lower case are initialized': { bibliography: 'Smith, J.-M. A. (2000). *x*.', why: shared },
  'difference: a period after a closing quote stays outside': { bibliography: 'A. (2000). *On “care”*. P.', why: shared },
  'conference paper: in proceedings, event, place, pages, DOI': {
    bibliography:
      'Lee, M.-J., & Okafor, C. (2022). Accessible booking interfaces for older adults. In L. Ramos (Ed.), *Proceedings of the ACM Conference on Human Factors in Computing Systems* (pp. 55–67). ACM. https://doi.org/10.1145/0000000.0000055',
    why: 'the 2023 en-US locale makes citeproc drop the second initial of "Min-jun" (lower-case after the hyphen); hearth initializes it',
  },
  'hostile: markup, ampersand and quotes in fields': {
    bibliography: 'O’Neil & Sons, I. A. I. (2000). *Tom & Jerry <b>bold</b> “quoted” <script>alert(1)</script>*. A & B <Press>.',
    why: 'field text is plain: citeproc reads <b> and a <i>-wrapped given name as markup; hearth prints what was typed',
  },
  'book: name with only a family name or only a given name': {
    citation: '(Plato & Madonna, 2000)',
    citationLocator: '(Plato & Madonna, 2000, p. 12)',
    why: 'citeproc drops a name that has only a given name from the citation; hearth names every author',
  },
  'difference: issued as a bare string is read': {
    bibliography: 'A. (2001). *x*.',
    citation: '(A, 2001)',
    citationLocator: '(A, 2001, p. 12)',
    why: 'hearth reads a bare-string date (see apa.ts)',
  },
  'report: government series and number, DOI, three authors': {
    bibliography:
      'Grassi, P. A., Garcia, M. E., & Fenton, J. L. (2017). *Digital identity guidelines* (NIST Special Publication No. 800-63-3). National Institute of Standards and Technology. https://doi.org/10.6028/NIST.SP.800-63-3',
    why: 'citeproc reads the report number "800-63-3" as a range: "Nos. 800-63–3"; hearth prints the number as written',
  },
};
oracleTests('apa', apa, differences, '2026');

describe('apa: in-text citations', () => {
  const fromm = { id: 'f', type: 'book', title: 'x', author: [{ family: 'Fromm', given: 'E.' }], issued: { 'date-parts': [[1956]] } };
  const cite = (locator?: string) => citeText(apa.citation([{ item: fromm, n: 1, locator }]));
  it('prints page locators as p./pp. and other locators as typed', () => {
    expect(cite('12')).to.equal('(Fromm, 1956, p. 12)');
    expect(cite('pp. 12-14')).to.equal('(Fromm, 1956, pp. 12–14)');
    expect(cite('p. xii')).to.equal('(Fromm, 1956, p. xii)');
    expect(cite('chap. 2')).to.equal('(Fromm, 1956, chap. 2)');
  });
  it('survives items of the wrong shape', () => {
    for (const item of [null, 7, 'x', {}, { title: 5, author: 'Plato' }]) {
      expect(() => apa.citation([{ item: item as never, n: 1 }])).to.not.throw();
    }
    expect(citeText(apa.citation([{ item: {} as never, n: 1 }]))).to.equal('(n.d.)');
  });
});
