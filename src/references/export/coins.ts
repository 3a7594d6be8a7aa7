/**
 * COinS: the `title` of an empty `<span class="Z3988">`, an OpenURL 1.0 ContextObject in KEV form
 * (`key=value` pairs joined with "&", values encoded with encodeURIComponent), as Zotero's COinS
 * translator (`parseContextObject`) and link resolvers read it.
 *
 * Formats: articles -> `journal` (genre article, atitle, jtitle, volume, issue); books, chapters,
 * encyclopedia entries, conference papers and reports -> `book` (genre book / bookitem / proceeding /
 * report, btitle for the book and atitle for a part of it, place, pub, edition, series); theses ->
 * `dissertation` (title, inst, degree); anything else -> `dc` (title, source, publisher, and the CSL
 * type as `type`: Zotero takes "webpage", "dataset", "document"… as its item type).
 * All: rft_id for the DOI (`info:doi/…`) and an http(s) URL, the first author as aulast/aufirst, every
 * author as au ("Family, Given"), organizations as aucorp, date (ISO), pages/spage/epage, isbn, issn, language.
 */
import type { CslItem } from '../../core/backend.js';
import { httpUrl, asText } from '../format/common.js';
import { pageEnds, ymd } from './bibtex.js';
import { wellFormed } from '../../core/text.js';

/** Book-format genres of CSL types; other types starting with "entry" are a `bookitem` too. */
const GENRES: Record<string, string> = { book: 'book', chapter: 'bookitem', 'paper-conference': 'proceeding', report: 'report' };

/** The COinS title of an item. */
export function coins(item: CslItem): string {
  const o: CslItem = Object(item);
  const type = asText(o.type);
  const kev = ['ctx_ver=Z39.88-2004'];
  const add = (key: string, v: unknown) => {
    const s = asText(v);
    // Well-formed first: one lone surrogate would make encodeURIComponent throw, and the whole list with it.
    if (s && key) kev.push(key + '=' + encodeURIComponent(wellFormed(s)));
  };
  const genre = type.startsWith('article') ? 'article' : Object.hasOwn(GENRES, type) ? GENRES[type] : type.startsWith('entry') ? 'bookitem' : '';
  const fmt = genre == 'article' ? 'journal' : genre ? 'book' : type == 'thesis' ? 'dissertation' : 'dc';
  const part = /^(article|bookitem|proceeding)$/.test(genre);
  const doi = asText(o.DOI).replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
  const [sp, ep] = pageEnds(o.page);

  add('rft_val_fmt', 'info:ofi/fmt:kev:mtx:' + fmt);
  add('rft_id', doi && 'info:doi/' + doi);
  add('rft_id', httpUrl(asText(o.URL)));
  add('rft.genre', genre);
  add(part ? 'rft.atitle' : fmt == 'book' ? 'rft.btitle' : 'rft.title', o.title);
  add(fmt == 'journal' ? 'rft.jtitle' : part ? 'rft.btitle' : fmt == 'dc' ? 'rft.source' : '', o['container-title']);
  add('rft.type', fmt == 'dc' && type);
  [o.author].flat().forEach((n, i) => {
    const p = Object(n);
    const [family, given, literal] = [p.family, p.given, p.literal].map(asText);
    const full = [asText(p['non-dropping-particle']), family].filter(Boolean).join(' ');
    if (literal || typeof n == 'string') return add('rft.aucorp', literal || n);
    if (!i && family && given) {
      add('rft.aulast', full);
      add('rft.aufirst', given);
    }
    add('rft.au', [full, [given, asText(p['dropping-particle'])].join(' ').trim()].filter(Boolean).join(', '));
  });
  add('rft.date', ymd(o.issued));
  add('rft.volume', fmt == 'journal' && o.volume);
  add('rft.issue', fmt == 'journal' && o.issue);
  add('rft.pages', o.page);
  add('rft.spage', ep && sp);
  add('rft.epage', ep);
  const book = fmt == 'book';
  add('rft.place', book && o['publisher-place']);
  add(book ? 'rft.pub' : fmt == 'dissertation' ? 'rft.inst' : fmt == 'dc' ? 'rft.publisher' : '', o.publisher);
  add('rft.edition', book && o.edition);
  add('rft.series', book && o['collection-title']);
  add('rft.degree', fmt == 'dissertation' && o.genre);
  add('rft.isbn', o.ISBN);
  add('rft.issn', o.ISSN);
  add('rft.language', o.language);
  return kev.join('&');
}
