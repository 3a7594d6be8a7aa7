import { HearthError } from '../core/errors.js';

/** The data formats `<hearth-references>` reads. */
export type Format = 'csl-json' | 'bibtex' | 'ris';

/** An entry that could not be read (BibTeX/RIS: its 1-based line; CSL-JSON: its 1-based position). */
export interface InputIssue {
  line: number;
  message: string;
  key?: string;
}

/** What the data held: the items (CSL-JSON, or not yet checked) and the entries that could not be read, or why it could not be read at all. */
export interface Parsed {
  data?: unknown;
  error?: unknown;
  issues?: InputIssue[];
}

/** The inline data types: `<script type="…">` → format. */
export const SCRIPT_TYPES: Record<string, Format> = {
  'application/json': 'csl-json',
  'application/x-bibtex': 'bibtex',
  'application/x-research-info-systems': 'ris',
};

/** The format of the data: the `format` attribute, else the script's type, else `src`'s extension (`.bib`, `.ris`). */
export function formatOf(attribute = '', type = '', src = ''): Format {
  const f = attribute.toLowerCase() || SCRIPT_TYPES[type] || /\.(bib|ris)([?#]|$)/i.exec(src)?.[1].toLowerCase();
  return f == 'ris' ? f : /^bib/.test(f!) ? 'bibtex' : 'csl-json';
}

/**
 * Reads the text of the data. CSL-JSON synchronously (a syntax error is a `malformed` HearthError in
 * `error`); BibTeX and RIS through their parser, a lazy chunk loaded the first time it is needed
 * (rejects when nothing could be read, or the chunk did not load).
 */
export function parseText(text: string, format: Format): Parsed | Promise<Parsed> {
  if (format == 'csl-json') {
    try {
      return { data: JSON.parse(text) };
    } catch (cause) {
      return { error: new HearthError('malformed', `JSON: ${cause}`, { cause }) };
    }
  }
  return (format == 'ris' ? import('./parse/ris.js').then((m) => m.parseRis) : import('./parse/bibtex.js').then((m) => m.parseBibtex)).then(
    (parse) => {
      const { items, errors } = parse(text);
      if (!items.length && errors.length) throw new HearthError('malformed', errors[0].message);
      return { data: items, issues: errors };
    },
  );
}

