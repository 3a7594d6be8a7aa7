/**
 * The whole APA style object: entries from `formatApaMore` (apa.ts with apa-more.ts) and in-text
 * citations. A module of its own so that the list, which needs only the common entries, does not ship
 * the citation code (esbuild splits shared code by module): it comes with the `<hearth-cite>` chunk,
 * or as `apaMore` when the list's data needs apa-more.ts (see style-loader.ts).
 */
import { around, cat, italic, join, sortItems, asText, term, titleCase } from './common.js';
import { apaCreators, apaDate, formatApaMore } from './apa-more.js';
import type { CitationStyle, CitePiece } from './style.js';
import { pagesOrAsTyped } from './citing.js';

/**
 * APA 7: entries as `formatApa`; in-text citations "(Fromm, 1956, p. 12; Jackson, 1982)", the items
 * in reference-list order, "&" between two authors and "et al." from three, the title for works
 * without author (in italics or quotes as in the entry; a report's as is), "n.d." without a date, the original date
 * first ("1975/1977"). A page locator prints "p. 12" / "pp. 12–14", any other as typed.
 * Deliberate differences: no year suffixes, no "(Fromm, 1956, 1962)" grouping of one author's works.
 */
export const apa: CitationStyle = {
  entry: formatApaMore,
  citation(cites) {
    const order = sortItems(cites.map((c, i) => ({ ...Object(c.item), i }))).map((x) => x.i as number);
    return [
      '(',
      ...order.flatMap((i, k): CitePiece[] => {
        const { item, locator = '' } = cites[i];
        const type = asText(item?.type);
        const [who] = apaCreators(Object(item));
        const title = /^(en|$)/i.test(asText(item?.language)) ? titleCase(asText(item?.title)) : asText(item?.title);
        const date = cat('/', apaDate(item?.['original-date']), apaDate(item?.issued)) || term('n.d.');
        const part = join(
          ', ',
          who[0]
            ? cat(', ', who[1] ? who[0][0] + (who[2] ? ' ' + term('et al.') : ' & ' + who[1][0]) : who[0][0], date)
            : /^(article|chapter|entry|paper|post-|speech)/.test(type)
              ? around('“', title, ',” ') + date
              : cat(', ', type == 'report' ? title : italic(title), date),
          pagesOrAsTyped(locator),
        );
        return k ? ['; ', [part, i]] : [[part, i]];
      }),
      ')',
    ];
  },
};

/** The name style-loader.ts loads this module by for APA with apa-more.ts. */
export { apa as apaMore };
