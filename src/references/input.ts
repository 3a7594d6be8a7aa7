import { HearthError } from '../core/errors.js';

/** The data formats `<hearth-references>` reads. */
export type Format = 'csl-json' | 'bibtex' | 'ris';

/** An entry that could not be read (BibTeX/RIS: its 1-based line; CSL-JSON: its 1-based position). */
export interface InputIssue {
  line: number;
  message: string;
  key?: string;
}

/** What the data held: the items (CSL-JSON, or not yet checked), and the entries that could not be read. */
export interface Parsed {
  data: unknown;
  issues: InputIssue[];
}

/** The inline data types: `<script type="…">` → format. */
export const SCRIPT_TYPES: Record<string, Format> = {
  'application/json': 'csl-json',
  'application/vnd.citationstyles.csl+json': 'csl-json',
  'application/x-bibtex': 'bibtex',
  'text/x-bibtex': 'bibtex',
  'application/x-research-info-systems': 'ris',
};

/** The format of the data: the `format` attribute, else the script's type, else `src`'s extension. */
export function formatOf(attribute: string | undefined, type: string | undefined, src = ''): Format {
  const f = (attribute || SCRIPT_TYPES[type ?? ''] || '').toLowerCase();
  if (f == 'bibtex' || f == 'biblatex' || f == 'ris') return f == 'ris' ? 'ris' : 'bibtex';
  if (f) return 'csl-json';
  return /\.(bib|bibtex)([?#]|$)/i.test(src) ? 'bibtex' : /\.ris([?#]|$)/i.test(src) ? 'ris' : 'csl-json';
}

/**
 * Reads the text of the data. CSL-JSON synchronously (a syntax error is a `malformed` HearthError);
 * BibTeX and RIS through their parser, a lazy chunk loaded the first time it is needed.
 */
export function parseText(text: string, format: Format): Parsed | Promise<Parsed> {
  if (format == 'csl-json') {
    try {
      return { data: JSON.parse(text), issues: [] };
    } catch (cause) {
      throw new HearthError('malformed', `JSON: ${cause}`, { cause });
    }
  }
  return (format == 'ris' ? import('./parse/ris.js').then((m) => m.parseRis(text)) : import('./parse/bibtex.js').then((m) => m.parseBibtex(text))).then(
    ({ items, errors }) => {
      if (!items.length && errors.length) throw new HearthError('malformed', `${format}: ${errors[0].message} (line ${errors[0].line})`);
      return { data: items, issues: errors };
    },
  );
}
