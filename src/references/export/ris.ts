/**
 * CSL-JSON items to RIS: one `TY  - ` … `ER  - ` record per item (CRLF line ends), tags as `parseRis`
 * reads them, and as Zotero, EndNote and citation-js write them: ID (the `id`), AU authors (a film's:
 * directors), A2 editors (a book's: A3), A4 translators, TI, T2 container (a book's: its series; a
 * conference paper's: the conference, the proceedings in C3), J2 its abbreviation, T3 series, PY year
 * and DA full date ("2020/03/01/"), Y2 accessed, VL, IS, SP/EP, PB, CY, ET, C7 article number, M1 other
 * numbers (a report's: SN), M3 genre, NV, SN (ISBN or ISSN), DO, UR, LA, AB, and N1 for `annotation`
 * (hearth's note; one N1 line per line of the note).
 * Names are "Family, Given, Suffix", particles before the family name; a name with only a family
 * name keeps its comma ("Plato,") so that it is not read back as an organization, which is written
 * as it is. Values are on one line, whitespace collapsed.
 */
import type { CslItem } from '../../core/backend.js';
import { dateParts, asText } from '../format/common.js';
import { pageEnds, typeOf, ymd } from './bibtex.js';

/** The tags in the order they are written: computed in `toRis`, or copied from the CSL field after ":". */
const TAGS = `TY ID AU A2 A3 A4 TI:title T2 C3 J2:container-title-short T3 PY DA Y2 VL:volume IS:issue SP EP PB:publisher
CY:publisher-place ET:edition C7 M1 M3:genre NV:number-of-volumes SN DO:DOI UR:URL LA:language AB:abstract N1`.split(/\s+/);

/** Names as "Family, Given, Suffix". */
const names = (v: unknown) =>
  [v].flat().map((n) => {
    const o = Object(n);
    const parts = [[o['dropping-particle'], o['non-dropping-particle'], o.family].map(asText).filter(Boolean).join(' '), asText(o.given), asText(o.suffix)];
    while (parts.length && !parts[parts.length - 1]) parts.pop();
    return typeof n == 'string' ? n : asText(o.literal) || (parts[1] != null ? parts.join(', ') : parts[0] && parts[0] + ',');
  });

/** The items as RIS records. */
export function toRis(items: CslItem[]): string {
  return (Array.isArray(items) ? items : [])
    .map((item) => {
      const o: CslItem = Object(item);
      const d = dateParts(o.issued);
      const [sp, ep] = pageEnds(o.page);
      const type = asText(o.type);
      const article = type.startsWith('article');
      // Per-type tags as Zotero, EndNote and citation-js read them (see parseRis).
      const [book, conf, report] = ['book', 'paper-conference', 'report'].map((t) => t == type);
      const whole = /^(book|thesis|report|manuscript)$/.test(type);
      const computed: Record<string, unknown> = {
        TY: typeOf(o, 2),
        ID: o.id,
        AU: names(o.type == 'motion_picture' && o.director ? o.director : o.author),
        A2: !book && names(o.editor),
        A3: book && names(o.editor),
        T2: book ? o['collection-title'] : conf ? o['container-title'] && (o['event-title'] || o.event) : o['container-title'],
        C3: conf && o['container-title'],
        T3: !book && o['collection-title'],
        A4: names(o.translator),
        PY: typeof d == 'string' ? d : d[0],
        DA: typeof d != 'string' && d[1] > 0 && ymd(o.issued, '/'),
        Y2: ymd(o.accessed, '/'),
        SP: sp ?? (whole && o['number-of-pages']),
        EP: ep ?? (whole && sp), // a whole work's SP alone is its number of pages (see parseRis)
        C7: article && o.number,
        M1: !article && !report && o.number,
        SN: report ? o.number : o.ISBN || o.ISSN,
        N1: typeof o.annotation == 'string' ? o.annotation.split('\n') : '',
      };
      const lines = TAGS.flatMap((t) => {
        const [tag, csl] = t.split(':');
        return [csl ? o[csl] : computed[tag]].flat().map(asText).filter(Boolean).map((v) => `${tag}  - ${v}\r\n`);
      });
      return lines.join('') + 'ER  - \r\n';
    })
    .join('\r\n');
}
