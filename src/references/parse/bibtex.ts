/**
 * BibTeX and BibLaTeX (.bib) to CSL-JSON items, for `<hearth-references>` lists kept as .bib files.
 *
 * Reads `@type{key, field = {…} | "…" | 123 | macro # "concat", …}` (or `@type(…)`), `@string` macros
 * and the month macros; skips `@comment` and `@preamble` and any text outside entries (and `%` comments
 * between fields, as biber does). Field text goes from LaTeX to plain Unicode text (see `tex`), never
 * HTML: accents and the usual symbol commands become characters, `--`/`---` dashes, `~` a no-break
 * space, TeX math as far as Unicode has it (`H$_2$O` -> "H₂O", see `math`); other commands are dropped
 * and the text of their braces kept (`\emph{x}` -> "x"); braces that protect case are removed. A journal
 * that is an AASTeX macro (`\apj`, as ADS exports write it) is the journal's name (see `JOURNALS`).
 * `url` and `doi` are read verbatim. Names: see `parseNames`. Types and fields of BibTeX and BibLaTeX
 * map to CSL as in `TYPES`, `TEXT` and `toCsl`. `crossref` works both ways round and through up to 8
 * levels, BibLaTeX-style: the parent's title becomes the child's `booktitle`, other missing fields are
 * inherited (never title, subtitle, shorttitle, ids, key).
 *
 * Robustness: never throws and runs in linear time. Matching braces are found in one pass before
 * parsing (an `@word{` at the start of a line closes everything still open, so one unbalanced
 * entry cannot swallow the rest of the file); an entry that cannot be read is skipped and reported with
 * the line of its `@`, and parsing resumes at the next `@`. The key becomes the item's `id`; of
 * duplicate keys the first entry is kept and the others are reported. Macros may expand to at most four
 * times the text's length in all (against `@string{b = a # a}` bombs). Deliberate leniencies: an
 * undefined macro reads as its name (BibTeX: empty), `\{` and `\}` are escaped braces (BibTeX counts them).
 */
import type { CslDate, CslItem, CslName } from '../../core/backend.js';

/** An entry that could not be read, or a duplicate key: `line` is the 1-based line of its `@`. */
export interface ParseIssue {
  line: number;
  message: string;
  key?: string;
}

export interface ParseResult {
  items: CslItem[];
  errors: ParseIssue[];
}

/** Field name (lower case) -> raw value, LaTeX and braces as written (outer delimiters removed). */
type Fields = Record<string, string>;

interface Entry {
  type: string;
  key: string;
  fields: Fields;
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

/** Text fields read as they are: CSL field, then the fields it is read from (the first given wins). */
const TEXT = `title-short shorttitle|container-title-short shortjournal|collection-title series|volume volume|number-of-volumes volumes|
number eid|number-of-pages pagetotal|chapter-number chapter|edition edition|publisher publisher school institution organization|
publisher-place location address|event-title eventtitle|event-place venue|ISBN isbn|ISSN issn|abstract abstract|note note|
annotation annotation annote`
  .split('|')
  .map((l): [string, string[]] => {
    const [csl, ...bib] = l.trim().split(' ');
    return [csl, bib];
  });

/** Entry type -> CSL type; anything else is a `document`. */
const TYPES: Record<string, string> = {};
`article-journal article|book book proceedings collection mvbook mvcollection reference mvreference manual|
chapter inbook incollection bookinbook|paper-conference inproceedings conference|thesis phdthesis mastersthesis thesis|
report techreport report|webpage online www electronic|manuscript unpublished|pamphlet booklet|dataset dataset|
software software|patent patent|entry-encyclopedia inreference|motion_picture movie video|periodical periodical`
  .split('|')
  .map((l) => l.trim().split(' '))
  .forEach(([csl, ...bib]) => bib.forEach((b) => (TYPES[b] = csl)));

/** Thesis and report types (entry types and BibLaTeX `type` keys) -> genre. */
const GENRES: Record<string, string> = { phdthesis: 'PhD thesis', mastersthesis: "Master's thesis", mathesis: "Master's thesis", techreport: 'Technical report' };

/** babel/polyglossia language names (`langid`) -> BCP 47. */
const LANGS: Record<string, string> = {
  english: 'en', american: 'en-US', british: 'en-GB', german: 'de', ngerman: 'de', french: 'fr', spanish: 'es',
  italian: 'it', dutch: 'nl', portuguese: 'pt', russian: 'ru', polish: 'pl', swedish: 'sv', danish: 'da', finnish: 'fi',
};

/**
 * The journal macros of AASTeX (aas_macros.sty), which ADS exports write as `journal = {\apj}`: macro
 * names, then the journal's name. They are defined in the paper's preamble, not in the .bib file.
 */
const JOURNALS: Record<string, string> = {};
`aj The Astronomical Journal|actaa Acta Astronomica|araa Annual Review of Astronomy and Astrophysics|apj The Astrophysical Journal|
apjl apjlett The Astrophysical Journal Letters|apjs apjsupp The Astrophysical Journal Supplement Series|ao applopt Applied Optics|
apss Astrophysics and Space Science|aap astap Astronomy and Astrophysics|aapr The Astronomy and Astrophysics Review|
aaps Astronomy and Astrophysics Supplement Series|azh Astronomicheskii Zhurnal|baas Bulletin of the American Astronomical Society|
bac Bulletin of the Astronomical Institutes of Czechoslovakia|caa Chinese Astronomy and Astrophysics|
cjaa Chinese Journal of Astronomy and Astrophysics|icarus Icarus|jcap Journal of Cosmology and Astroparticle Physics|
jrasc Journal of the Royal Astronomical Society of Canada|memras Memoirs of the Royal Astronomical Society|
mnras Monthly Notices of the Royal Astronomical Society|na New Astronomy|nar New Astronomy Reviews|pra Physical Review A|
prb Physical Review B|prc Physical Review C|prd Physical Review D|pre Physical Review E|prl Physical Review Letters|
pasa Publications of the Astronomical Society of Australia|pasp Publications of the Astronomical Society of the Pacific|
pasj Publications of the Astronomical Society of Japan|rmxaa Revista Mexicana de Astronomía y Astrofísica|
qjras Quarterly Journal of the Royal Astronomical Society|skytel Sky and Telescope|solphys Solar Physics|sovast Soviet Astronomy|
ssr Space Science Reviews|zap Zeitschrift für Astrophysik|nat Nature|iaucirc IAU Circulars|aplett Astrophysical Letters|
apspr Astrophysics and Space Physics Research|bain Bulletin of the Astronomical Institutes of the Netherlands|
fcp Fundamentals of Cosmic Physics|gca Geochimica et Cosmochimica Acta|grl Geophysical Research Letters|
jcp The Journal of Chemical Physics|jgr Journal of Geophysical Research|jqsrt Journal of Quantitative Spectroscopy and Radiative Transfer|
memsai Memorie della Società Astronomica Italiana|nphysa Nuclear Physics A|physrep Physics Reports|physscr Physica Scripta|
planss Planetary and Space Science|procspie Proceedings of the SPIE|psj The Planetary Science Journal|rnaas Research Notes of the AAS`
  .split('|')
  .forEach((l) => {
    const [, keys, name] = /^\s*([a-z ]+) (.*)/.exec(l)!;
    keys.split(' ').forEach((k) => (JOURNALS[k] = name));
  });

/** `o[k]` if it is `o`'s own (so "constructor" or "__proto__" in the input read nothing). */
const own = <T>(o: Record<string, T>, k: string): T | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

// ---------------------------------------------------------------------------------------------
// LaTeX to text

/** Accent commands and the combining characters they stand for. */
const ACCENTS = '`\'^~=u."rHvdckb';
const COMBINING = '\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u030b\u030c\u0323\u0327\u0328\u0331';

/** Commands that stand for a character (in text and in math). */
const SYMBOLS: Record<string, string> = {};
const sym = `ss ß ae æ AE Æ oe œ OE Œ aa å AA Å o ø O Ø l ł L Ł i ı j ȷ dots … ldots … textendash – textemdash — textquoteleft ‘
textquoteright ’ textquotedblleft “ textquotedblright ” textbackslash \\ textasciitilde ~ textasciicircum ^ textunderscore _
textless < textgreater > textbar | S § P ¶ copyright © textregistered ® texttrademark ™ pounds £ euro € textdegree ° deg °
mdash — ndash – textmu μ pm ± mp ∓ times × cdot · leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ approx ≈ sim ∼ simeq ≃ lesssim ≲ gtrsim ≳ propto ∝ infty ∞
rightarrow → to → leftarrow ← circ ∘ prime ′ sqrt √ odot ⊙ sun ☉ oplus ⊕ ast * dagger † ell ℓ varepsilon ε varphi φ`.split(/\s+/);
for (let i = 0; i < sym.length; i += 2) SYMBOLS[sym[i]] = sym[i + 1];
// Greek letters, in the order of their code points (ς between ρ and σ); the capitals 32 below.
'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho varsigma sigma tau upsilon phi chi psi omega'
  .split(' ')
  .forEach((g, i) => {
    SYMBOLS[g] = String.fromCharCode(945 + i);
    SYMBOLS[g[0].toUpperCase() + g.slice(1)] = String.fromCharCode(913 + i);
  });

/** `c` as a super- or subscript character, '' if Unicode has none: `^2` -> "²", `_2` -> "₂", `^\circ` -> "°". */
function script(c: string, sup: boolean): string {
  const i = '0123456789+-=()'.indexOf(c);
  if (i >= 0) return String.fromCharCode(sup ? ([, 185, 178, 179][i] ?? 8304 + i) : 8320 + i);
  const [from, to] = sup ? ['abcdefghijklmnoprstuvwxyz∘', 'ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ°'] : ['aehijklmnoprstuvx', 'ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'];
  return to[from.indexOf(c)] ?? '';
}

const TEX =
  /\\([`'^~=."]|[uHvdckbr](?![a-zA-Z]))\s*(\{\s*(?:\\[ij](?![a-zA-Z])|[a-zA-Z]?|\\(?:[`'^~=."]|[uHvdckbr](?![a-zA-Z]))\s*(?:\{\s*[a-zA-Z]\s*\}|[a-zA-Z]))\s*\}|\\[ij](?![a-zA-Z])(?:\s+(?=[a-zA-Z]))?|[a-zA-Z])|\\([a-zA-Z]+)\s*|\\([^]?)|---?|``|''|[~{}$]/g;

/**
 * LaTeX field text as plain Unicode text, whitespace collapsed: `{\"u}`, `\"{u}`, `\c{c}`, `\ss` ->
 * "ü", "ü", "ç", "ß" (`\~{\^e}` -> "ễ"); `\&` -> "&"; `--` -> "–", `---` -> "—", `~` -> no-break space, ``` `` ''``` -> “ ”;
 * `\,` -> narrow no-break space; math as far as Unicode has it (see `math`); of `\ifmmode…\else…\fi` the
 * text branch; `\noopsort{…}` (a sort key) dropped; unknown commands (`\emph`, `\textsc`, `\url`)
 * dropped, their braces' text kept; braces removed. A quote before a year ("'98", "‘98") is an apostrophe.
 */
export function tex(s: string): string {
  // Most field text has no LaTeX, no quote and no run of whitespace: one look for all, then each step
  // looks for its own (this runs on every field of every entry).
  if (!/[\\{}$~\t\r\n'‘`]|--| {2}/.test(s)) return s.trim();
  if (/[\\{}$~]|--|``|''/.test(s)) s = texMarkup(s);
  if (/[\t\r\n]| {2}/.test(s)) s = s.replace(/[ \t\r\n]+/g, ' ');
  if (/['‘`]/.test(s)) s = s.replace(/(^|[\s([])['‘`](?=\d\d(?!\d))/g, '$1’');
  return s.trim();
}

/** `\ifmmode math\else text\fi` (the text), and an `\ifmmode` without `\else` (nothing). Linear: no branch spans an `\ifmmode`. */
const IFMMODE = /\\ifmmode(?:[^\\]|\\(?!else|fi|ifm)[^])*(?:\\else\s*((?:[^\\]|\\(?!fi|ifm)[^])*))?\\fi\s*/g;

/** Markup to text; each step only where the text has what it reads. */
function texMarkup(s: string): string {
  if (s.includes('\\ifmmode')) s = s.replace(IFMMODE, '$1');
  if (s.includes('oop')) s = s.replace(/\\(?:noopsort|sortnoop|SortNoop|noop)\s*\{[^{}]*\}/g, '');
  s = s.includes('$')
    ? s
        // Odd pieces are math (`$…$`, `$$…$$`), unless the last `$` is unpaired.
        .split(/(?<!\\)\$\$?/)
        .map((x, i, a) => (i % 2 && i < a.length - 1 ? math(x) : text(x)))
        .join('')
    : text(s);
  // Accents add combining marks: NFC composes them. Nothing below U+0300 composes.
  return /[^\0-\u02ff]/.test(s) ? s.normalize('NFC') : s;
}

/** What the last alternatives of `TEX` stand for (braces: nothing). */
const PUNCTUATION: Record<string, string> = { '---': '—', '--': '–', '``': '“', "''": '”', '~': '\u00a0' };

const text = (s: string): string =>
  s.replace(TEX, (m, acc?: string, arg?: string, cmd?: string, ch?: string) => {
    if (acc) {
      // An accent on an accented letter (`\~{\^e}` -> "ễ", as Vietnamese names are written): the inner one first.
      const letter = /\\[^ij]/.test(arg!) ? text(arg!.slice(1, -1)) : arg!.replace(/[{}\s\\]/g, '');
      return letter ? letter + COMBINING[ACCENTS.indexOf(acc)] : /\w/.test(acc) ? '' : acc;
    }
    if (cmd) return own(SYMBOLS, cmd) ?? '';
    if (ch != null) return ch == ',' ? '\u202f' : /[\\;:> ]/.test(ch) ? ' ' : /[-/!@]/.test(ch) ? '' : ch;
    return PUNCTUATION[m] ?? '';
  });

/** Commands that only set the font (or size) in math: dropped, their text kept. */
const FONT = /^(rm|bf|it|sf|tt|cal|math\w*|text\w*|mbox|bm|boldsymbol|operatorname|left|right|ensuremath)$/;

/**
 * TeX math as Unicode text: `\pm`, `\alpha`, `\times` -> "±", "α", "×"; `H_2O`, `10^{-3}`, `^\circ` ->
 * "H₂O", "10⁻³", "°"; a script Unicode has no characters for keeps its text ("T_eff"; "A*" and "M⊙" for
 * a symbol); `\sqrt{x+1}` -> "√(x+1)"; `\mathrm{..}`, `\text{..}` keep their text. Math with any other
 * command (`\frac`) stays as it was written, without the dollar signs, rather than lose that command.
 */
function math(m: string): string {
  let ok = true;
  const r = m
    // A symbol is spaced as written on its left: `2 \times 2`, `z\sim 6` -> "2 × 2", "z∼6".
    .replace(/(\s?)\\([a-zA-Z]+)(\s*)|\\([^]?)/g, (_, pre?: string, cmd?: string, sp?: string, ch = '') => {
      if (!cmd) return ch == ',' ? '\u202f' : /[;: ]/.test(ch) ? ' ' : ch == '!' ? '' : ch;
      const c = own(SYMBOLS, cmd);
      if (c != null) return pre + c + (pre && sp);
      if (FONT.test(cmd)) return pre!;
      ok = false; // a command this cannot write as text: the math stays as written
      return '';
    })
    .replace(/([\^_])\s*(?:\{([^{}]*)\}|([^\s{}]))/g, (_, op: string, group?: string, one?: string) => {
      const c = (group ?? one!).trim();
      const out = [...c].map((ch) => script(ch, op == '^'));
      return out.every(Boolean) ? out.join('') : /[\p{L}\p{N}]/u.test(c) ? op + c : c;
    })
    .replace(/√\s*(?:\{([^{}]*)\})?/g, (_, c = '') => '√' + (c.length > 1 ? `(${c})` : c))
    .replace(/[{}]/g, '');
  return ok ? r : m;
}

/** A verbatim field (url, doi): `\url{}` unwrapped, backslashes before specials and whitespace removed. */
const verbatim = (s: string): string =>
  !/[\\\s]/.test(s) ? s : s.replace(/^\s*\\url\{([^]*)\}\s*$/, '$1').replace(/\\([_%&#$~])/g, '$1').replace(/\s+/g, '');

/**
 * The text with everything inside braces (and the braces) replaced by "_", and a character after a
 * backslash that is not a letter too: separators at depth 0 show (`Pi\~{n}a` has no "~" to split at).
 */
function mask(s: string): string {
  if (!/[{\\]/.test(s)) return s;
  let out = '';
  let from = 0; // the text from here to `i` shows as it is
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c == '\\') {
      if (++i < s.length && !/[a-zA-Z]/.test(s[i])) {
        out += s.slice(from, i) + '_';
        from = i + 1;
      }
    } else if (c == '{') {
      // To the matching brace, or to the end.
      let j = i;
      for (let d = 0; j < s.length; j++) {
        if (s[j] == '\\') j++;
        else if (s[j] == '{') d++;
        else if (s[j] == '}' && !--d) break;
      }
      j = Math.min(j, s.length - 1);
      out += s.slice(from, i) + '_'.repeat(j - i + 1);
      from = (i = j) + 1;
    }
  }
  return out + s.slice(from);
}

/**
 * `s` split where `re` (global) matches its mask `m` (see `mask`), at brace depth 0: the pieces trimmed,
 * each with its own mask (the mask of a piece is that piece of the mask: pieces start at depth 0).
 */
function splitTop(s: string, re: RegExp, m = mask(s)): [string, string][] {
  const out: [string, string][] = [];
  let last = 0;
  const piece = (end: number) => {
    const p = s.slice(last, end);
    const t = p.trim();
    const from = last + p.length - p.trimStart().length;
    out.push([t, m.slice(from, from + t.length)]);
  };
  for (const x of m.matchAll(re)) {
    piece(x.index);
    last = x.index + x[0].length;
  }
  piece(s.length);
  return out;
}

/** A von-part word: its first letter is lower case (a word in braces counts as capitalized). */
const isVon = (w: string) => !/^\{[^\\]/.test(w) && /^[^\p{L}]*\p{Ll}/u.test(tex(w));

/**
 * A BibTeX name list: "Last, First", "First Last", "von Last, Jr, First"; a name all in braces
 * ("{World Health Organization}") is a literal name. "and others" is dropped: it only says the list
 * was cut, and the styles apply their own et-al rules to the names given.
 */
export function parseNames(raw: string): CslName[] {
  return splitTop(raw, /\s+and\s+/gi).flatMap(([name, masked]): CslName[] => {
    if (!name || /^others$/i.test(name)) return [];
    if (name[0] == '{' && !/[^_]/.test(masked)) return [{ literal: tex(name) }];
    const parts = splitTop(name, /,/g, masked).map((p) => p[0]);
    // The words before the first comma. TeX eats the spaces after a command's name: `Mart\'\i nez` is one word.
    const words = splitTop(parts[0], /(?<![\s~]|\\[a-zA-Z]+)[\s~]+/g, masked.slice(0, parts[0].length))
      .map((w) => w[0])
      .filter(Boolean);
    const first = parts.length == 1; // "First von Last"
    let i = 0; // first word of the von part
    if (first) while (i < words.length - 1 && !isVon(words[i])) i++;
    let j = words.length - 1; // one after the last von word (the last word is always the family name)
    while (j > i && !isVon(words[j - 1])) j--;
    const given = first ? words.slice(0, i) : [parts[parts.length - 1]];
    const von = words.slice(i, j);
    const o: CslName = {};
    const set = (k: keyof CslName, ws: string[]) => {
      const v = ws.length && tex(ws.join(' '));
      if (v) o[k] = v;
    };
    set('family', words.slice(j));
    set('given', given);
    set('non-dropping-particle', von);
    if (parts[2]) set('suffix', [parts[1]]);
    return [o];
  });
}

// ---------------------------------------------------------------------------------------------
// Dates

/** An EDTF-like date ("2020", "2020-03-01", ranges "2020-03-01/2020-03-05", "1999/2001") as a CSL date. */
export function parseDate(s: string): CslDate | undefined {
  if (!s) return;
  const parts = s.split('/').map((p) => /^(-?\d{1,4})(?:-(\d\d?))?(?:-(\d\d?))?(?:T|$)/.exec(p.trim()));
  return parts[0] ? { 'date-parts': parts.flatMap((m) => (m ? [m.slice(1).filter(Boolean).map(Number)] : [])) } : { literal: s };
}

/** `year`, `month` (name, abbreviation, macro or number) and `day` as a CSL date. */
function yearMonth(year: string, month: string, day: string): CslDate | undefined {
  if (!/^-?\d+$/.test(year)) return year ? { literal: year } : undefined;
  const m = +month || MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  return { 'date-parts': [[+year, ...(m > 0 && m < 13 ? (+day ? [m, +day] : [m]) : [])]] };
}

// ---------------------------------------------------------------------------------------------
// Reading entries

/**
 * For every `{` (not `\{`), the index of its `}`, or 0 when it has none. An `@word{` or `@word(` at
 * the start of a line closes all open braces.
 */
function matchBraces(s: string): Int32Array {
  const match = new Int32Array(s.length);
  const open: number[] = [];
  const entry = /@\s*\w+\s*[{(]/y;
  const startsEntry = (at: number) => {
    entry.lastIndex = at;
    return entry.test(s);
  };
  let lineStart = true;
  // Character codes, not one-character strings: this looks at every character of the text.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 92) i++; // \
    else if (c == 123) open.push(i); // {
    else if (c == 125 && open.length) match[open.pop()!] = i; // }
    else if (c == 64 && lineStart && startsEntry(i)) open.length = 0; // @
    lineStart = c == 10 || (lineStart && (c == 32 || c == 9 || c == 13)); // \n; space, \t, \r
  }
  return match;
}

const WS = /(?:\s+|%.*)*/y;
/** What ends or nests in a quoted value: an escaped character, a brace, the closing quote. */
const QUOTED = /\\[^]|[{}"]/g;
/** A macro, field or `@string` name; a word in a value. */
const NAME = /[^\s"#%'(),={}@]+/y;

/** Parses BibTeX/BibLaTeX text into CSL items; never throws (see the module comment). */
export function parseBibtex(text: string): ParseResult {
  const s = typeof text == 'string' ? text : '';
  const match = matchBraces(s);
  const macros: Record<string, string> = Object.create(null);
  MONTHS.forEach((m) => (macros[m] = m));
  const entries: Entry[] = [];
  const byKey = new Map<string, Entry>();
  const errors: ParseIssue[] = [];
  let i = 0;
  let budget = 4 * s.length;

  const fail = (message: string): never => {
    throw message;
  };
  /** Skips whitespace and `%` comments. */
  const ws = () => {
    WS.lastIndex = i;
    WS.test(s);
    i = WS.lastIndex;
  };
  const read = (re: RegExp): string => {
    re.lastIndex = i;
    const m = re.exec(s)?.[0] ?? '';
    i += m.length;
    return m;
  };
  let close = '';
  /** Fails: the entry's end is missing when the next entry or the end of the text comes first. */
  const bad = (what: string): never => fail(s[i] == '@' || !s[i] ? `missing "${close}"` : 'expected ' + what);
  const expect = (c: string, what: string) => (s[i] == c ? i++ : bad(`"${c}" ${what}`));
  /** One value: parts joined with `#`. */
  const value = (): string => {
    let v = '';
    for (;;) {
      const c = s[i];
      if (c == '{') {
        const end = match[i] || fail('unbalanced braces');
        v += s.slice(i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        const re = QUOTED;
        re.lastIndex = i + 1;
        let m;
        while ((m = re.exec(s)) && m[0] != '"') {
          if (m[0] == '}') fail('unbalanced braces');
          if (m[0] == '{') re.lastIndex = (match[m.index] || fail('unbalanced braces')) + 1;
        }
        if (!m) fail('unterminated quoted value');
        v += s.slice(i + 1, m!.index);
        i = m!.index + 1;
      } else {
        const word = read(NAME) || fail('expected a value');
        const m = macros[word.toLowerCase()] ?? word;
        // Macros may nest (b = a # a): text they expand to is limited to a few times the input's size.
        if ((budget -= m.length) < 0) fail('macros expand too much');
        v += m;
      }
      ws();
      if (s[i] != '#') return v;
      i++;
      ws();
    }
  };

  // The line of an entry's `@`, counted only for entries that are reported (at ascends).
  let line = 1;
  let lineAt = 0;
  const lineOf = (at: number) => {
    for (; lineAt < at; lineAt++) if (s.charCodeAt(lineAt) == 10) line++;
    return line;
  };

  while ((i = s.indexOf('@', i)) >= 0) {
    const at = i++;
    let k = at;
    while (k && /[ \t]/.test(s[k - 1])) k--;
    const atLineStart = !k || /[\n\r]/.test(s[k - 1]);
    let key: string | undefined;
    try {
      ws();
      const type = read(/[a-z]\w*/iy).toLowerCase();
      ws();
      close = s[i] == '{' ? '}' : s[i] == '(' ? ')' : '';
      if (type == 'comment') {
        if (close == '}') i = (match[i] || i) + 1;
        continue;
      }
      if (!type || !close) {
        if (atLineStart) fail('expected "@type{"');
        continue; // an @ in text outside entries
      }
      i++;
      ws();
      if (type == 'string' || type == 'preamble') {
        const name = type == 'string' ? read(NAME).toLowerCase() || fail('expected a macro name') : '';
        ws();
        if (name) {
          expect('=', 'after the macro name');
          ws();
        }
        const v = value();
        if (name) macros[name] = v;
        if (s[i] == ',') {
          i++;
          ws();
        }
        expect(close, 'at the end');
        continue;
      }
      const name = read(/[^\s,{}()"#%'=\\]+/y);
      ws();
      if (!name || (s[i] != ',' && s[i] != close)) fail('missing key');
      key = name;
      const fields: Fields = Object.create(null);
      while (s[i] != close) {
        expect(',', 'between fields');
        ws();
        if (s[i] == close) break;
        const name = read(NAME).toLowerCase() || bad('a field name');
        ws();
        if (s[i] == '=') i++;
        else bad(`"=" after "${name}"`);
        ws();
        const v = value();
        fields[name] ??= v;
      }
      i++;
      if (byKey.has(key!)) fail('duplicate key, entry skipped');
      const e = { type, key: key!, fields };
      byKey.set(key!, e);
      entries.push(e);
    } catch (message) {
      errors.push({ line: lineOf(at), message: String(message), ...(key && { key }) });
      if (s[i] != '@') i = at + 1;
    }
  }

  return {
    items: entries.map((e) => {
      // Fields missing from an entry are inherited from its `crossref` parent (and its parent…),
      // BibLaTeX-style: the parent's title and subtitle become the child's booktitle and booksubtitle.
      let p = byKey.get(e.fields.crossref!);
      if (!p) return toCsl(e.type, e.key, e.fields);
      const fields: Fields = Object.assign(Object.create(null), e.fields);
      // Up to 8 levels; back at the entry itself, a cycle has nothing more to give.
      for (let n = 0; p && p != e && n < 8; n++, p = byKey.get(p.fields.crossref!)) {
        for (const k of ['title', 'subtitle']) {
          const v = p.fields[k] || p.fields['book' + k];
          if (v != null) fields['book' + k] ??= v;
        }
        for (const k in p.fields) if (!NOT_INHERITED.test(k)) fields[k] ??= p.fields[k];
      }
      return toCsl(e.type, e.key, fields);
    }),
    errors,
  };
}

/** Fields a crossref child never inherits (a parent's title becomes its booktitle). */
const NOT_INHERITED = /^(title|subtitle|shorttitle|crossref|ids|key)$/;

/** A journal field: a lone macro (`\apj`, `{\mnras}`) is an AASTeX journal, else its name (never nothing). */
function journalName(v = ''): string {
  const m = /^\s*\{?\s*\\([a-zA-Z]+)\s*\}?\s*$/.exec(v);
  return m ? (own(JOURNALS, m[1]) ?? m[1]) : tex(v);
}

/** The CSL item of an entry (`f`: its raw fields, inherited ones included). */
function toCsl(entryType: string, key: string, f: Fields): CslItem {
  const t = (k: string) => (f[k] ? tex(f[k]) : '');
  const names = (k: string) => (f[k] ? parseNames(f[k]) : []);
  const sub = t('entrysubtype');
  let type = own(TYPES, entryType) ?? 'document';
  if (type == 'article-journal' && /^(magazine|newspaper)$/.test(sub)) type = 'article-' + sub;
  const o: CslItem = { id: key, type };
  const set = (k: string, v: unknown) => {
    if (v && Object(v).length !== 0) o[k] ??= v;
  };
  const article = type.startsWith('article');
  const how = f.howpublished ?? '';
  const howUrl = /^\s*(\\url\{)?\s*https?:/.test(how);
  const url = verbatim(f.url ?? (howUrl ? how : ''));

  set('title', [t('title'), t('subtitle')].filter(Boolean).join(': '));
  const book = type != 'book' && [t('booktitle'), t('booksubtitle')].filter(Boolean).join(': ');
  const journal = journalName(f.journaltitle) || journalName(f.journal);
  // A paper in proceedings that also names a journal is in the proceedings; the journal is their series.
  const inBook = /^(paper-conference|chapter)$/.test(type) && book;
  set('container-title', inBook || journal || book);
  set('author', names('author'));
  set('container-author', names('bookauthor'));
  set('translator', names('translator'));
  set(/^director$/i.test(t('editortype')) ? 'director' : 'editor', names('editor'));
  set('issued', parseDate(t('date')) ?? yearMonth(t('year'), t('month'), t('day')));
  set('original-date', parseDate(t('origdate')));
  set('accessed', parseDate(t('urldate')));
  for (const [csl, ks] of TEXT) for (const k of ks) if (!o[csl]) set(csl, t(k));
  set('collection-title', inBook && journal);
  set('issue', t('issue') || (article && t('number')));
  set(f.series && !article && type != 'report' ? 'collection-number' : 'number', !article && t('number'));
  set('page', t('pages').replace(/\s*[-–—‐]+\s*/g, '–'));
  set('publisher', !howUrl && t('howpublished'));
  set('genre', own(GENRES, t('type').toLowerCase()) ?? (t('type') || (type == 'thesis' && own(GENRES, entryType))));
  set('DOI', verbatim(f.doi ?? ''));
  set('URL', url);
  set('language', own(LANGS, t('langid').toLowerCase()) ?? (t('langid') || t('language')));
  // A misc entry whose only locator is a URL is a web page.
  if (entryType == 'misc' && url && !(o.publisher || o['container-title'] || o.DOI)) o.type = 'webpage';
  return o;
}
