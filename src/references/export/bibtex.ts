/**
 * CSL-JSON items to BibTeX, BibLaTeX-flavoured: BibTeX field names where biber reads them too
 * (`journal`, `address`, `school`, `institution`, `year` + `month` macro), BibLaTeX where BibTeX has
 * nothing (`date` for a day, a season or a range, `urldate`, `origdate`, `eid`, `@online`). Read back
 * by `parseBibtex`, citation-js and biber.
 *
 * - One `@type{key, …}` per item; the key is the `id` with characters BibTeX keys cannot hold replaced
 *   by "_", made unique with "-2", "-3"….
 * - Text is UTF-8 with BibTeX's specials escaped (`\{ \} \& \% \$ \# \_`, `\textbackslash{}`…); `url` and
 *   `doi` are written verbatim (braces percent-encoded).
 * - Capitals in titles are protected: every word of the title with a capital letter is wrapped in
 *   braces ("Epiphenomenal {Qualia}", "{iPhone}"), except a first word capitalized only at its start.
 *   CSL titles are stored as they should print, but BibTeX styles and biblatex's sentence case lower-case
 *   titles; protection keeps "NASA", "Freud" and "iPhone" as typed while lower-case words stay free.
 * - Names "von Last, Jr, First" (a family name with a space in braces), organizations in braces; a
 *   film's directors are its `editor` with `editortype = {director}` (BibLaTeX).
 * - `annotation` (hearth's note) goes to the BibLaTeX `annotation` field; `language` as it is.
 */
import type { CslItem } from '../../core/backend.js';
import { dateParts, asText } from '../format/common.js';

/** CSL type, BibTeX entry type, RIS type (export/ris.ts); other types are `misc` and `GEN`. */
export const TYPES = `article-journal article JOUR|article-magazine article MGZN|article-newspaper article NEWS|book book BOOK|
chapter incollection CHAP|paper-conference inproceedings CPAPER|report techreport RPRT|thesis phdthesis THES|webpage online ELEC|
post online ELEC|post-weblog online BLOG|manuscript unpublished UNPB|dataset dataset DATA|software software COMP|patent patent PAT|
entry-encyclopedia inreference ENCYC|entry-dictionary inreference DICT|motion_picture movie MPCT|speech misc SLIDE`
  .split('|')
  .map((l) => l.trim().split(' '));

/** The entry type (`i` 1) or RIS type (`i` 2) of an item. */
export const typeOf = (o: CslItem, i: number): string => (TYPES.find((t) => t[0] == o.type) ?? ['', 'misc', 'GEN'])[i];

/**
 * The fields in the order they are written: those computed in `toBibtex`, the others copied (escaped)
 * from the CSL field of the same name or the one after ":".
 */
const FIELDS = `author editor editortype translator bookauthor title shorttitle:title-short journal booktitle
shortjournal:container-title-short series:collection-title volume volumes:number-of-volumes number eid issue pages
pagetotal:number-of-pages chapter:chapter-number edition publisher school institution address:publisher-place eventtitle
venue:event-place date year month origdate urldate doi url isbn:ISBN issn:ISSN language entrysubtype type:genre abstract note
annotation`.split(/\s+/);

const MONTHS = ' jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

/** Text with BibTeX's special characters escaped (`\~{}`, `\^{}` and `\textbackslash{}` for those three). */
export const escapeBibtex = (s: string): string =>
  s.replace(/[\\{}&%$#_~^]/g, (c) => (c == '\\' ? '\\textbackslash{}' : '\\' + c + (/[~^]/.test(c) ? '{}' : '')));

const esc = (v: unknown) => escapeBibtex(asText(v));

/**
 * A date as "2020-03-01" (`sep` "-"), or "2020/03/01/" and "2020/03//" (`sep` "/", RIS); its text if it is
 * a literal date, '' without a date. (Exports and coins.ts share it.)
 */
export function ymd(v: unknown, sep = '-'): string {
  const d = dateParts(v);
  if (typeof d == 'string' || !d[0]) return d + '';
  const parts = [d[0], d[1], d[2]].map((n, i) => (!i ? n : n > 0 ? ('0' + n).slice(-2) : ''));
  return sep == '/' ? parts.join('/') + '/' : parts.filter(Boolean).join('-');
}

/** The first and last page of a simple range ("12-19" -> ["12", "19"]), else `[page]` as it is. */
export const pageEnds = (page: unknown): unknown[] => /^\s*(\w+)\s*[-–—]+\s*(\w+)\s*$/.exec(asText(page))?.slice(1) ?? [page];

/** A date as EDTF ("2020-03-01", "2000-21", a range "1999/2001"), or its text. */
const edtf = (v: unknown): string => {
  const ds = Object(v)['date-parts'];
  return Array.isArray(ds?.[1]) ? ds.map((d: unknown) => ymd({ 'date-parts': [d] })).join('/') : esc(ymd(v));
};

/** A name list as BibTeX names joined with " and ". */
function names(v: unknown): string {
  return [v]
    .flat()
    .map((n) => {
      const o = Object(n);
      const [family, given, suffix, literal] = [o.family, o.given, o.suffix, typeof n == 'string' ? n : o.literal].map(esc);
      // Braces keep a name part whole: a family name with a space ("{García Márquez}"), a part with a comma or "and".
      const brace = (s: string, re = /,|\band\b/) => (re.test(s) ? `{${s}}` : s);
      const last = [o['dropping-particle'], o['non-dropping-particle']].map(esc).concat(brace(family, /[\s,]/)).filter(Boolean).join(' ');
      return literal ? `{${literal}}` : last || given ? [last, ...(suffix ? [suffix] : []), given && brace(given)].join(', ').replace(/, $/, '') : '';
    })
    .filter(Boolean)
    .join(' and ');
}

/** The items as BibTeX entries. */
export function toBibtex(items: CslItem[]): string {
  const keys = new Set<string>();
  return (Array.isArray(items) ? items : [])
    .map((item) => {
      const o: CslItem = Object(item);
      const type = asText(o.type);
      const article = type.startsWith('article');
      const d = dateParts(o.issued);
      const range = Array.isArray(Object(o.issued)['date-parts']?.[1]);
      const container = esc(o['container-title']);
      const director = !o.editor && o.director;
      const publisher = esc(o.publisher);
      const base = asText(o.id).replace(/[^\p{L}\p{N}_:.+/-]/gu, '_') || 'item';
      let key = base;
      for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
      keys.add(key);
      const computed: Record<string, unknown> = {
        author: names(o.author),
        editor: names(o.editor || director),
        editortype: director && 'director',
        translator: names(o.translator),
        bookauthor: names(o['container-author']),
        title: esc(o.title).replace(/[\p{L}\p{N}'’-]*\p{Lu}[\p{L}\p{N}'’-]*/gu, (w, i) => (i == 0 && w.slice(1) == w.slice(1).toLowerCase() ? w : `{${w}}`)),
        journal: article && container,
        booktitle: !article && container,
        number: esc(article ? o.issue : o.number || o['collection-number']),
        eid: article && esc(o.number),
        issue: !article && esc(o.issue),
        pages: esc(o.page).replace(/\s*[-–—]+\s*/g, '--'),
        publisher: !/^(thesis|report)$/.test(type) && publisher,
        school: type == 'thesis' && publisher,
        institution: type == 'report' && publisher,
        eventtitle: esc(o['event-title'] || o.event),
        // year + month where BibTeX can say it, else a BibLaTeX date
        date: '',
        ...(typeof d == 'string' ? { year: esc(d), month: '' } : d[2] || d[1] > 12 || range ? { date: edtf(o.issued), year: '', month: '' } : { year: d[0], month: MONTHS[d[1]] }),
        origdate: edtf(o['original-date']),
        urldate: edtf(o.accessed),
        doi: asText(o.DOI).replace(/[{}]/g, encodeURIComponent),
        url: asText(o.URL).replace(/[{}]/g, encodeURIComponent),
        entrysubtype: /^article-(magazine|newspaper)$/.test(type) && type.slice(8),
      };
      const fields = FIELDS.map((f) => {
        const [name, csl = name] = f.split(':');
        const v = name in computed ? asText(computed[name]) : esc(o[csl]);
        return v && `  ${name} = ${name == 'month' ? v : `{${v}}`},\n`;
      });
      const entry = type == 'thesis' && /master/i.test(asText(o.genre)) ? 'mastersthesis' : typeOf(o, 1);
      return `@${entry}{${key},\n${fields.join('')}}\n`;
    })
    .join('\n');
}
