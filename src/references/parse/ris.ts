/**
 * RIS (.ris) to CSL-JSON items: `TY  - ` … `ER  - ` records of `XX  - value` lines.
 *
 * Tolerant: CRLF or CR line ends, a byte-order mark, one or two spaces before the dash, lines without
 * a tag (continued values, joined with a space), unknown tags (ignored) and text outside records.
 * A record without its `ER` line (before the next `TY` or the end) is kept and reported. Never throws.
 *
 * Tags read: TY (type), ID (-> id, else `ris-1`, `ris-2`… by position), AU/A1 authors (a film's:
 * directors), A2/ED editors, A3 series editors, A4 translators, TI/T1 (title), T2/JF/JO/BT/JA
 * (container, the first given), J2 (its abbreviation), T3 (series), PY/Y1/DA (date, the most precise:
 * "2020/03/01/"), Y2 (accessed), VL, IS, SP/EP (page; of a book, thesis, report or manuscript SP alone
 * is its number of pages), PB, CY, ET (edition), C7/M1 (number), M3 (genre), NV, SN (ISBN for books and
 * chapters, else ISSN), DO, UR (the first), LA, AB/N2 (abstract), N1 (-> annotation, several joined by
 * a line break). A quote before a year ("‘98") is an apostrophe ("’98"). Some tags mean other things by type, as Zotero,
 * EndNote and citation-js write them: a book's editors are A3 (A2 its series editors) and its series T2;
 * a conference paper's proceedings C3 (T2 then names the conference); a report's number SN.
 * Names: "Family, Given[, Suffix]"; a name without a comma is a literal name (an organization).
 * Of duplicate IDs the first record is kept and the others are reported.
 */
import type { CslDate, CslItem, CslName } from '../../core/backend.js';
import type { ParseIssue, ParseResult } from './bibtex.js';

export type { ParseIssue, ParseResult };

/** RIS type -> CSL type; anything else is a `document`. */
const TYPES: Record<string, string> = Object.create(null);
const table = (s: string) => s.split('|').map((l) => l.trim().split(' '));

/** Text fields: CSL field, then the tags it is read from (the first given wins). */
const FIELDS = table(`title TI T1|container-title T2 JF JO BT JA|container-title-short J2|collection-title T3|volume VL|issue IS|number C7 M1|
number-of-volumes NV|publisher PB|publisher-place CY|edition ET|genre M3|DOI DO|URL UR|language LA|abstract AB N2|event-title EV`);

/** Name fields: CSL field, then the tags (all of them are read). A film's AU are its directors. */
const NAMES = table('author AU A1|editor A2 ED|collection-editor A3|translator A4');
table(
  `article-journal JOUR|book BOOK EBOOK|chapter CHAP ECHAP|paper-conference CONF CPAPER|thesis THES|report RPRT|webpage ELEC WEB|
article-magazine MGZN|article-newspaper NEWS|motion_picture MPCT|dataset DATA|software COMP|entry-encyclopedia ENCYC|entry-dictionary DICT|
post-weblog BLOG|manuscript UNPB|patent PAT|speech SLIDE`,
).forEach(([csl, ...ris]) => ris.forEach((r) => (TYPES[r] = csl)));

/** The parts of a RIS date ("2020", "2020/03/01/", "2020/03//Spring", "2020-03-01"); [] if it has no year. */
function dateParts(v: string): number[] {
  const parts: number[] = [];
  for (const x of /^\d{4}/.test(v) ? v.split(/[/-]/, 3) : []) {
    if (!(+x > 0)) break;
    parts.push(+x);
  }
  return parts;
}

/** "Family, Given, Suffix" (or a literal name, without a comma). */
function name(v: string): CslName {
  const o: Record<string, string> = {};
  v.split(/\s*,\s*/, 3).forEach((x, i) => {
    if (x) o[['family', 'given', 'suffix'][i]] = x;
  });
  return v.includes(',') ? o : { literal: v };
}

/** Parses RIS text into CSL items; never throws (see the module comment). */
export function parseRis(text: string): ParseResult {
  const lines = (typeof text == 'string' ? text : '').replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const items: CslItem[] = [];
  const errors: ParseIssue[] = [];
  const ids = new Set<string>();
  let tags: Record<string, string[] | undefined> | undefined;
  let last: string[] = [];
  let start = 0;
  let count = 0;

  const end = (closed: boolean) => {
    if (!tags) return;
    const get = (...ks: string[]) => ks.map((k) => tags![k]?.[0]).find(Boolean) ?? '';
    const all = (...ks: string[]) => ks.flatMap((k) => tags![k] ?? []);
    const ty = get('TY');
    const type = TYPES[ty] ?? 'document';
    let id = get('ID');
    for (let n = ++count; !id; n++) if (!ids.has('ris-' + n)) id = 'ris-' + n;
    const issue = (message: string) => errors.push({ line: start, message, key: id });
    if (!closed) issue('missing "ER  -" line');
    if (ids.has(id)) {
      issue('duplicate ID');
    } else {
      ids.add(id);
      const o: CslItem = { id, type };
      const set = (k: string, v: unknown) => {
        if (v && Object(v).length !== 0) o[k] = v;
      };
      const [sp, ep] = [get('SP'), get('EP')];
      // Tags that mean other things by type (see the module comment).
      const t = tags;
      if (type == 'book') [t.A2, t.A3, t.T2, t.T3] = [t.A3, t.A2, undefined, t.T3 ?? t.T2];
      if (type == 'paper-conference' && t.C3) [t.EV, t.T2] = [t.T2, t.C3];
      if (type == 'report') [t.M1, t.SN] = [t.M1 ?? t.SN, undefined];
      const date = (...ks: string[]): CslDate | '' => {
        const d = ks.map((k) => dateParts(get(k))).reduce((a, b) => (b.length > a.length ? b : a));
        return d[0] ? { 'date-parts': [d] } : get(...ks) && { literal: get(...ks) };
      };
      FIELDS.forEach(([k, ...tags]) => set(k, get(...tags)));
      NAMES.forEach(([k, ...tags], i) => set(i || type != 'motion_picture' ? k : 'director', all(...tags).map(name)));
      set('issued', date('DA', 'Y1', 'PY'));
      set('accessed', date('Y2'));
      // A whole work's SP without EP ("xvi, 414") is its number of pages (Zotero's numPages), not a page.
      const whole = /^(book|thesis|report|manuscript)$/.test(type) && !ep && !/\d\s*[-–]/.test(sp);
      set(whole ? 'number-of-pages' : 'page', (sp && ep && sp != ep ? sp + '-' + ep : sp || ep).replace(/\s*[-–]+\s*/g, '–'));
      set(/^(book|chapter)$/.test(type) ? 'ISBN' : 'ISSN', get('SN'));
      set('annotation', all('N1').join('\n'));
      items.push(o);
    }
    tags = undefined;
  };

  lines.forEach((l, i) => {
    const m = /^([A-Z][A-Z0-9])  ?-(?: (.*)|$)/.exec(l);
    // A quote before a year ("‘98", "'98") is an apostrophe: a formatter would make it an opening quote.
    const v = (m ? (m[2] ?? '') : l).trim().replace(/(^|[\s([])['‘`](?=\d\d(?!\d))/g, '$1’');
    if (!m) {
      // a value continued on the next line
      if (tags && last.length && v) last.push(last.pop() + ' ' + v);
    } else if (m[1] == 'TY') {
      end(false);
      tags = { TY: [v] };
      start = i + 1;
      last = [];
    } else if (m[1] == 'ER') {
      end(true);
    } else if (tags && v) {
      (last = tags[m[1]] ??= []).push(v);
    }
  });
  end(false);
  return { items, errors };
}
