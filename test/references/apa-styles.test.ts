import { expect } from '@open-wc/testing';
import { apa } from '../../src/references/format/apa.js';
import { citeText } from '../../src/references/format/style.js';
import { oracleTests } from './oracle.js';

oracleTests('apa', apa, {
  'book: name with only a family name or only a given name': {
    citation: '(Plato & Madonna, 2000)',
    citationLocator: '(Plato & Madonna, 2000, p. 12)',
    why: 'citeproc drops a name that has only a given name from the citation; hearth names every author',
  },
  'difference: issued as a bare string is read': {
    citation: '(A, 2001)',
    citationLocator: '(A, 2001, p. 12)',
    why: 'hearth reads a bare-string date (see apa.ts)',
  },
  'hostile: date range, circa, literal date': {
    citation: '(Doe, ca. 1800/1999)',
    citationLocator: '(Doe, ca. 1800/1999, p. 12)',
    why: 'only the first date of a range is printed, and "circa" is not read (see apa.ts)',
  },
});

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
