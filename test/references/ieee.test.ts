import { expect } from '@open-wc/testing';
import { ieee } from '../../src/references/format/ieee.js';
import { citeText, type Cite } from '../../src/references/format/style.js';
import { entryText, oracleTests } from './oracle.js';

const shared = 'hearth behaviour shared by every style (see the comment at the top of apa.ts)';
const space = 'bug of the 2021 style file: no space after the first sentence ("*The Art of Loving*.New York"); hearth prints one';
const film = 'bug of the 2021 style file: a film as "*Title*, (date)."; hearth prints the IEEE guide\'s "Location. *Title*. (date)."';
const doi = `a DOI stored as a URL or with "doi:" prints once, the bare DOI linked to https://doi.org/… (${shared})`;
const hyphen = `citeproc with the 2023 en-US locale drops the lower-case "jun" of "Min-jun"; hearth initializes it (${shared})`;

oracleTests('ieee', ieee, {
  'book (demo: Fromm)': { bibliography: '[1] E. Fromm, *The Art of Loving*. New York: Harper & Brothers, 1956.', why: space },
  'book (demo: Kurzweil)': { bibliography: '[1] R. Kurzweil, *The Singularity Is Near: When Humans Transcend Biology*. Viking Penguin, 2005.', why: space },
  'book: two given names give two initials': { bibliography: '[1] E. S. Fromm, *The Art of Loving*. Harper & Brothers, 1956.', why: space },
  'book: translator, edition, original publication date, hyphenated given name': { bibliography: '[1] J.-P. Sartre, *Being and Nothingness*, 2nd ed. Washington Square Press, 1993.', why: space },
  'edited book: one editor, ordinal edition': { bibliography: '[1] J. Smith, Ed., *Edited Thing*, 3rd ed. Pub, 2000.', why: space },
  'edited book: two editors': { bibliography: '[1] J. Smith and K. Lee, Eds., *Edited Thing*. Pub, 2000.', why: space },
  'book: author, editor and translator; edition as words; numeric volume': { bibliography: '[1] J. Doe, *Thing*, Rev. ed., vol. 2. Pub, 2010.', why: space },
  'book: several editors and translators in the parenthesis': { bibliography: '[1] J. Doe, *Thing*. 2010.', why: space },
  'book: volume that is not a number joins the title': { bibliography: '[1] C. G. Jung, *Collected Works*, vol. IV. Princeton University Press, 1961.', why: space },
  'book: no author, the title moves first with its parenthesis': { bibliography: '[1] *The Book of Things*, 2nd ed. P, 2000.', why: space },
  'book: no date': { bibliography: '[1] J. Doe, *Undated*. P.', why: space },
  'book: a title ending in "?" takes no period': { bibliography: '[1] J. R. R. Doe, *What is it?* P, 2000.', why: space },
  'book: organization as author, no doubled periods': { bibliography: '[1] Org Inc., *Title.* P., 2000.', why: space },
  'book: particles and suffix': { bibliography: '[1] V. van Gogh, A. von Humboldt, and M. L. King Jr., *Letters*. P, 1900.', why: space },
  'book: all name parts, as author and as editor': { bibliography: '[1] K. de van der Lee III, *x*. 2000.', why: space },
  'book: name with only a family name or only a given name': { bibliography: '[1] Plato and Madonna, *x*. 2000.', why: space },
  'book: initials from dotted, hyphenated and non-ASCII given names': { bibliography: '[1] J.-P. A, M.-L. Du, Ö. Þ. X, and J. R. Doe, *x*. 2000.', why: space },
  'book: two authors': { bibliography: '[1] G. FA and G. FB, *T*. 2000.', why: space },
  'book: three authors': { bibliography: '[1] G. FA, G. FB, and G. FC, *T*. 2000.', why: space },
  'book: twenty authors are all listed': { bibliography: '[1] G. FA *et al.*, *T*. 2000.', why: space },
  'book: 21 or more authors: first 19, an ellipsis, the last': { bibliography: '[1] G. FA *et al.*, *T*. 2000.', why: space },
  'book: straight quotes become typographic': { bibliography: '[1] S. O’Brien, *Don’t say “hello” or ‘bye’ yet*. 2000.', why: space },
  'book: original date before the common era': { bibliography: '[1] Plato, *The Republic*. Dover, 2016.', why: space },
  'book: title given as a number': { bibliography: '[1] G. Orwell, *1984*. Secker & Warburg, 1949.', why: space },
  'book: numeric edition': { bibliography: '[1] A, *x*, 21st ed. 2000.', why: space },
  'book: unknown type formats like a book': { bibliography: '[1] Doe, “Unknown thing.” P, 2000.', why: space },
  'book: no type': { bibliography: '[1] J. Doe, “Typeless.” P, 2000.', why: space },
  'book: genre and medium in brackets': { bibliography: '[1] J. Doe, *x*. 2000.', why: space },
  'book: the same people as editors and translators': { bibliography: '[1] J. Doe, *B*. 2000.', why: space },
  'book: range of volumes': { bibliography: '[1] C. S. Peirce, *Collected Papers*, vol. 1–6. Harvard University Press, 1931.', why: space },
  'book: a capitalized particle, a title ending in "!"': { bibliography: '[1] L. Van Beethoven, *Wow!* P, 2000.', why: space },
  'book: pages of a book': { bibliography: '[1] J. Doe, *B*. P, 2000, p. 300.', why: space },
  'chapter: two editors, abbreviated page range expanded': { bibliography: '[1] J. Doe, “A chapter,” in *The Big Book*, J. Smith and K. Lee, Eds. Pub, 2010, pp. 321–28. doi: 10.1000/xyz.', why: doi },
  'encyclopedia entry': { bibliography: '[1] J. Doe, “Entry,” *Encyclopedia*. P, pp. 3–4, 2000.', why: space },
  'film: director, full date': { bibliography: '[1] *Inception*. (Jul. 16, 2010).', why: film },
  'film: two directors': { bibliography: '[1] *Inception*. (2010).', why: film },
  'film: no director': { bibliography: '[1] *Inception*. (2010).', why: film },
  'film: an author wins over the director': { bibliography: '[1] J. Doe, *F*. (2000).', why: film },
  'film: genre and medium': { bibliography: '[1] *F*. (2000).', why: film },
  'difference: a DOI stored as a URL prints once': { bibliography: '[1] A, “x,” 2000, doi: 10.1/x.', why: doi },
  'difference: a javascript: URL is dropped': { bibliography: '[1] A, “x,” 2000.', why: shared },
  'difference: issued as a bare string is read': { bibliography: '[1] A, *x*. 2001.', why: `${shared}; ${space}` },
  'difference: given names in lower case are initialized': { bibliography: '[1] J.-M. A. Smith, *x*. 2000.', why: `${shared}; ${space}` },
  'difference: a period after a closing quote stays outside': { bibliography: '[1] A, *On “care”*. P, 2000.', why: `${shared}; ${space}` },
  'difference: no "[Data set]" label': { bibliography: '[1] A, “Survey data.” Repo, 2000.', why: space },
  'book: place, edition, original date (Kuhn)': { bibliography: '[1] T. S. Kuhn, *The structure of scientific revolutions*, 4th ed. Chicago: University of Chicago Press, 2012.', why: space },
  'book: translator, original date, place (Foucault)': { bibliography: '[1] M. Foucault, *Discipline and punish: The birth of the prison*. New York: Pantheon Books, 1977.', why: space },
  'book: volume of a multi-volume work, number of volumes': { bibliography: '[1] P. Ariès and G. Duby, Eds., *A history of private life*, vol. 2, 5 vols. Cambridge, MA: Belknap Press, 1988.', why: space },
  'edited book: four editors, place': { bibliography: '[1] G. A. EditorA, G. B. EditorB, G. C. EditorC, and G. D. EditorD, Eds., *Handbook of care ethics*. Cheltenham: Edward Elgar, 2015.', why: space },
  'conference paper: in proceedings, event, place, pages, DOI': { bibliography: '[1] M.-J. Lee and C. Okafor, “Accessible booking interfaces for older adults,” in *Proceedings of the ACM Conference on Human Factors in Computing Systems*, New Orleans, LA, Apr. 2022, pp. 55–67. doi: 10.1145/0000000.0000055.', why: hyphen },
  'film: director, place, full date': { bibliography: '[1] Paris. *Amour*. (Oct. 24, 2012).', why: film },
  'names: particles (de la, van) sorted and displayed, suffix': { bibliography: '[1] J. de la Fontaine, L. van Beethoven, and S. Davis Jr., *Fables*. P, 1995.', why: space },
  'hostile: markup, ampersand and quotes in fields': { bibliography: '[1] I. A. I. O’Neil & Sons, *Tom & Jerry <b>bold</b> “quoted” <script>alert(1)</script>*. A & B <Press>, 2000.', why: `field text is plain: citeproc reads <b> and a <i>-wrapped given name as markup; ${space}` },
  'hostile: empty author list, empty strings, trailing period in title': { bibliography: '[1] *Ends with a period.* 2010.', why: space },
  'hostile: date range, circa, literal date': { bibliography: '[1] J. Doe, *Dated*. 1999.', why: `only the first date of a range is printed (${shared}); ${space}` },
});

const fromm = {
  id: 'f', type: 'book', title: 'The Art of Loving', author: [{ family: 'Fromm', given: 'Erich' }], issued: { 'date-parts': [[1956]] },
};
/** Items of the wrong shape: a field of the wrong type reads as absent. */
const wrongShapes = [
  null, 7, 'x', {}, [], { title: 5, author: 'x' },
  { title: ['a'], author: [null, 5, { family: {} }], issued: { 'date-parts': 'x' }, page: {}, URL: 5, DOI: [], type: 7 },
];
const cite = (cites: Partial<Cite>[]) => citeText(ieee.citation(cites.map((c) => ({ item: fromm, n: 1, ...c }))));

describe('ieee: numbers and in-text citations', () => {
  it('prints the number of the entry', () => {
    expect(ieee.label!(12)).to.equal('[12]');
    expect(entryText(ieee, fromm, 3)).to.equal('[3] E. Fromm, *The Art of Loving*. 1956.');
    expect(ieee.citation([{ item: fromm, n: 7 }])).to.deep.equal(['[', ['7', 0], ']']);
  });

  it('sorts the cites by number, one bracket each, and collapses three or more consecutive numbers', () => {
    expect(cite([{ n: 2 }, { n: 1 }])).to.equal('[1], [2]');
    expect(cite([{ n: 3 }, { n: 1 }, { n: 2 }, { n: 5 }])).to.equal('[1]–[3], [5]');
    // A range links its two ends.
    expect(ieee.citation([1, 2, 3].map((n) => ({ item: fromm, n })))).to.deep.equal(['[', ['1', 0], ']–[', ['3', 2], ']']);
    expect(cite([1, 3, 5, 6, 7, 8, 10].map((n) => ({ n })))).to.equal('[1], [3], [5]–[8], [10]');
  });

  it('prints page locators as p./pp., others as typed; a cite with a locator stands alone', () => {
    expect(cite([{ locator: '12' }])).to.equal('[1, p. 12]');
    expect(cite([{ locator: 'pp. 12-14' }])).to.equal('[1, pp. 12–14]');
    expect(cite([{ locator: 'chap. 2' }])).to.equal('[1, chap. 2]');
    expect(cite([{ n: 1 }, { n: 2, locator: '5' }, { n: 3 }, { n: 4 }])).to.equal('[1], [2, p. 5], [3], [4]');
    expect(cite([{ n: 1, locator: '5' }, { n: 2 }, { n: 3 }, { n: 4 }])).to.equal('[1, p. 5], [2]–[4]');
  });
});

describe('ieee: entries', () => {
  it('links a DOI from its bare text', () => {
    const runs = ieee.entry({ id: 'j', type: 'article-journal', title: 'T', DOI: 'https://doi.org/10.1/x' });
    expect(runs.at(-2)).to.deep.equal({ text: '10.1/x', href: 'https://doi.org/10.1/x' });
    expect(entryText(ieee, { id: 'j', type: 'article-journal', title: 'T', DOI: '10.1/x' })).to.equal('[1] “T,” doi: 10.1/x.');
  });

  it('quotes the title with quotes inside it turned single, punctuation inside the closing quote', () => {
    const item = { id: 'a', type: 'article-journal', title: '"Quoted" start', author: [{ family: "O'Brien", given: 'Seán' }] };
    expect(entryText(ieee, { ...item, 'container-title': 'J' })).to.equal('[1] S. O’Brien, “‘Quoted’ start,” *J*.');
  });

  it('formats a film as in the IEEE guide for videos', () => {
    const film = {
      id: 'v', type: 'motion_picture', title: 'F', 'publisher-place': 'paris', issued: { 'date-parts': [[2000, 2, 3]] },
      URL: 'https://v.example',
    };
    expect(entryText(ieee, film)).to.equal('[1] Paris. *F*. (Feb. 03, 2000). [Online Video]. Available: https://v.example');
  });

  it('survives items of the wrong shape', () => {
    for (const item of wrongShapes) {
      expect(() => ieee.entry(item as never)).to.not.throw();
      expect(citeText(ieee.citation([{ item: item as never, n: 1 }]))).to.equal('[1]');
    }
    expect(entryText(ieee, {})).to.equal('[1] ');
    expect(entryText(ieee, { title: 5, author: 'x' })).to.equal('[1] x, “5.”');
  });

  it('keeps hostile strings as plain text and links only http(s) URLs', () => {
    const runs = ieee.entry({
      id: 'h', type: 'webpage', title: '<img src=x onerror=alert(1)>', URL: 'javascript:alert(1)',
      author: [{ family: '<script>', given: 'x' }],
    });
    expect(runs).to.deep.equal([{ text: 'X. <script>, “<img src=x onerror=alert(1)>.”' }]);
  });
});
