import { expect } from '@open-wc/testing';
import type { CslItem } from '../../src/core/backend.js';
import { mla } from '../../src/references/format/mla.js';
import { citeText } from '../../src/references/format/style.js';
import { entryText, oracleTests, suffixInGivenName, seasonAsWord, hostileBook } from './oracle.js';

const shared = 'hearth behaviour shared by every style (see the comments at the top of apa.ts and mla.ts)';
oracleTests('mla', mla, {
  ...suffixInGivenName('Studenski, Stephanie, and Jack M., Jr. Guralnik. “Gait Speed in Older Adults.” *JAMA*, vol. 305, no. 1, 2011, pp. 50–58.'),
  ...seasonAsWord('Lund, Ingrid. “The Quiet Ward.” *The Hedgehog Review*, vol. 20, no. 4, 2018, pp. 88–97.'),
  'book: name with only a family name or only a given name': {
    citation: '(Plato and Madonna)',
    citationLocator: '(Plato and Madonna 12)',
    why: 'citeproc drops a name that has only a given name from the citation; hearth names every author (as in apa)',
  },
  'chapter: two editors, abbreviated page range expanded': {
    bibliography:
      'Doe, Jane. “A Chapter.” *The Big Book*, edited by John Smith and Kim Lee, Pub, 2010, pp. 321–28, https://doi.org/10.1000/xyz.',
    why: `a DOI stored with a "doi:" prefix prints once as https://doi.org/…; ${shared}`,
  },
  'difference: a DOI stored as a URL prints once': { bibliography: 'A. *X*. 2000, https://doi.org/10.1/x.', why: shared },
  'difference: a javascript: URL is dropped': { bibliography: 'A. *X*. 2000.', why: shared },
  'difference: issued as a bare string is read': { bibliography: 'A. *X*. 2001.', why: shared },
  'difference: a period after a closing quote stays outside': { bibliography: 'A. *On “Care”*. P, 2000.', why: shared },
  'hostile: markup, ampersand and quotes in fields': {
    bibliography: 'O’Neil & Sons, <i>Ann</i>. *Tom & Jerry <b>Bold</b> “Quoted” <Script>Alert(1)</Script>*. A & B <Press>, 2000.',
    why: 'field text is plain: citeproc reads <b> and a <i>-wrapped given name as markup; hearth prints what was typed',
  },
  'report: government series and number, DOI, three authors': {
    bibliography:
      'Grassi, Paul A., et al. *Digital Identity Guidelines*. NIST Special Publication, 800-63-3, National Institute of Standards and Technology, June 2017, https://doi.org/10.6028/NIST.SP.800-63-3.',
    why: 'citeproc turns the hyphen before the last digits of a report number into an en dash ("800-63–3", as if a page range); hearth prints the number as typed',
  },
  'book: corporate author, edition words, DOI': {
    bibliography:
      'American Psychiatric Association. *Diagnostic and Statistical Manual of Mental Disorders*. 5th ed., text rev., American Psychiatric Association Publishing, 2022, https://doi.org/10.1176/appi.books.9780890425787.',
    why: 'citeproc title-cases the words of a textual edition after its number ("text Rev."); hearth keeps "text rev." as typed, MLA\'s abbreviation',
  },
}, '2026');

const fromm = { id: 'f', type: 'book', title: 'x', author: [{ family: 'Fromm', given: 'Erich' }], issued: { 'date-parts': [[1956]] } };
const cite = (locator?: string, item: unknown = fromm) => citeText(mla.citation([{ item: item as CslItem, n: 1, locator }]), '*');

describe('mla: in-text citations', () => {
  it('prints a page locator bare (page ranges minimal-two) and any other after a comma, as typed', () => {
    expect(cite()).to.equal('(Fromm)');
    expect(cite('12')).to.equal('(Fromm 12)');
    expect(cite('p. 12')).to.equal('(Fromm 12)');
    expect(cite('pp. 3-5')).to.equal('(Fromm 3–5)');
    expect(cite('pp. 321-328')).to.equal('(Fromm 321–28)');
    expect(cite('xii')).to.equal('(Fromm xii)');
    expect(cite('chap. 2')).to.equal('(Fromm, chap. 2)');
  });

  it('keeps the order given, links each item once and joins them with semicolons', () => {
    const many = { ...fromm, id: 'm', author: ['A', 'B', 'C'].map((family) => ({ family, given: 'G' })) };
    const pieces = mla.citation([
      { item: many, n: 1, locator: '4' },
      { item: fromm, n: 2 },
    ]);
    expect(pieces).to.deep.equal(['(', ['A et al. 4', 0], '; ', ['Fromm', 1], ')']);
  });

  it('names editors, then translators, then the short title (quoted in a container, else italic)', () => {
    expect(cite('', { title: 'x', editor: [{ family: 'Ed', given: 'E' }, { family: 'Ox', given: 'O' }] })).to.equal('(Ed and Ox)');
    expect(cite('', { title: 'x', translator: [{ family: 'Tr', given: 'T' }] })).to.equal('(Tr)');
    expect(cite('', { title: 'the long title', 'title-short': 'short one' })).to.equal('(*Short One*)');
    expect(cite('3', { title: 'headline', 'container-title': 'Paper' })).to.equal('(“Headline” 3)');
  });

  it('cites a name in a CJK script by its family name, printed whole in the entry', () => {
    const mao = { ...fromm, author: [{ family: 'Nolan', given: 'Ann' }, { family: '毛', given: '泽东' }] };
    expect(cite('', mao)).to.equal('(Nolan and 毛)');
    expect(entryText(mla, mao)).to.equal('Nolan, Ann, and 毛泽东. *X*. 1956.');
    expect(cite('', { ...fromm, author: [{ literal: '毛泽东' }] })).to.equal('(毛泽东)');
  });
});

describe('mla: entries', () => {
  it('abbreviates page ranges to two digits (minimal-two)', () => {
    const pages = (page: string) => entryText(mla, { type: 'article-journal', title: 't', 'container-title': 'J', page });
    expect(pages('127-136')).to.equal('“T.” *J*, pp. 127–36.');
    expect(pages('101-108')).to.equal('“T.” *J*, pp. 101–08.');
    expect(pages('1234-5')).to.equal('“T.” *J*, pp. 1234–35.');
    expect(pages('1099-1107')).to.equal('“T.” *J*, pp. 1099–107.');
    expect(pages('e12-e19, xii-xv')).to.equal('“T.” *J*, pp. e12–19, xii–xv.');
    expect(pages('A1')).to.equal('“T.” *J*, p. A1.');
  });

  it('spaces and completes initials in given names, which it otherwise prints as typed', () => {
    const who = (given: string) => entryText(mla, { title: 't', author: [{ family: 'Doe', given }] });
    expect(who('J.R.')).to.equal('Doe, J. R. *T*.');
    expect(who('J.-P.')).to.equal('Doe, J. P. *T*.');
    expect(who('J R')).to.equal('Doe, J. R. *T*.');
    expect(who('Mary D. Salter')).to.equal('Doe, Mary D. Salter. *T*.');
    expect(who('Jean-Paul')).to.equal('Doe, Jean-Paul. *T*.');
  });

  it('title-cases like citeproc: small words in lower case unless first or last (of the whole title)', () => {
    expect(entryText(mla, { title: 'the e-mail of a man after all' })).to.equal('*The E-Mail of a Man after All*.');
    expect(entryText(mla, { title: 'what it is for: a study of iPhone use' })).to.equal('*What It Is for: A Study of iPhone Use*.');
  });

  it('prints the locale\'s short months ("June", "July", "Sept.") and ranges of whole years', () => {
    const at = (issued: unknown, type = 'webpage') => entryText(mla, { type, title: 't', issued });
    expect(at({ 'date-parts': [[2001, 9, 4]] })).to.equal('*T*. 4 Sept. 2001.');
    expect(at({ 'date-parts': [[2017, 6]] })).to.equal('*T*. June 2017.');
    expect(at({ 'date-parts': [[2020, 22]] })).to.equal('*T*. Summer 2020.');
    expect(at({ 'date-parts': [[2008], [2013]] })).to.equal('*T*. 2008–2013.');
    expect(at({ 'date-parts': [[2008], [2013]] }, 'book')).to.equal('*T*. 2008–2013.');
    expect(at({ 'date-parts': [[2008, 1], [2013, 2]] })).to.equal('*T*. Jan. 2008.');
    expect(at({ 'date-parts': [[2008], [2008]] })).to.equal('*T*. 2008.');
  });

  it('prints "Accessed" only for an undated work, and a speech\'s event', () => {
    const web = { type: 'webpage', title: 'w', URL: 'https://x.example/', accessed: { 'date-parts': [[2021, 6, 1]] } };
    expect(entryText(mla, web)).to.equal('*W*. https://x.example/. Accessed 1 June 2021.');
    expect(entryText(mla, { ...web, issued: { 'date-parts': [[2020, 9]] } })).to.equal('*W*. Sept. 2020, https://x.example/.');
    const talk = { type: 'speech', title: 's', author: [{ literal: 'A' }], 'event-title': 'Conf', 'event-place': 'Rome', 'event-date': { 'date-parts': [[2000, 5, 1]] } };
    expect(entryText(mla, talk)).to.equal('A. *S*. Conf, 1 May 2000, Rome.');
  });
});

describe('mla: robustness', () => {
  it('never throws on items of the wrong shape, and reads wrong-typed fields as absent', () => {
    for (const item of [null, undefined, 7, 'x', [], {}, { title: 5, author: 'x' }, { author: [null, 5, { family: {} }], issued: { 'date-parts': 'x' } }]) {
      expect(() => mla.entry(item as never)).to.not.throw();
      expect(() => mla.citation([{ item: item as never, n: 1, locator: 5 as never }])).to.not.throw();
    }
    expect(entryText(mla, { title: 5, author: 'x' })).to.equal('x. *5*.');
    expect(entryText(mla, { title: { a: 1 }, author: [{ family: ['x'] }], page: {} })).to.equal('');
    expect(cite('12', 'Plato')).to.equal('(12)');
  });

  it('keeps hostile strings as plain text and links only http(s) URLs', () => {
    const item = hostileBook;
    const runs = mla.entry(item);
    expect(runs.map((r) => r.text).join('')).to.equal('<script>, a&b. <Img Src=x Onerror=Alert(1)>. <i>P</i>.');
    expect(runs.some((r) => r.href)).to.be.false;
    const doi = mla.entry({ id: 'd', title: 't', DOI: 'doi:10.1/x"><b>', URL: 'https://x.example' });
    expect(doi.filter((r) => r.href).map((r) => r.href)).to.deep.equal(['https://doi.org/10.1/x"><b>']);
  });
});
