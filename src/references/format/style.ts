/**
 * What a citation style gives `<hearth-references>` and `<hearth-cite>`. One module per style
 * (`apa.ts`, `mla.ts`, …) exports one `CitationStyle`; the element imports APA statically and the
 * others on demand, so a page downloads only the styles it uses.
 */
import type { CslItem } from '../../core/backend.js';
import type { Run } from './common.js';

/** One item cited in the text. */
export interface Cite {
  item: CslItem;
  /**
   * Where in the work, as the writer typed it: "p. 12", "pp. 3–5", "12", "chap. 2". A bare number or
   * range, or one after "p."/"pp.", is a page locator (see `pageLocator` in citing.ts); styles print
   * it their way ("p. 12", "12") or, as Vancouver does, not at all. Anything else prints as typed.
   */
  locator?: string;
  /** The entry's number in the list (numeric styles: order of first citation in the page). */
  n: number;
}

/**
 * An in-text citation as printed: plain text, and pieces linked to the entry of `cites[index]`.
 * Text may hold italic text between tabs, like entries (see `italic` in common.ts).
 */
export type CitePiece = string | [text: string, index: number];

export interface CitationStyle {
  /** The list entry, for a numeric style without its number (see `label`). */
  entry(item: CslItem): Run[];
  /**
   * The in-text citation of one or more items (`<hearth-cite key="a b">`), e.g.
   * `['(', ['Fromm, 1956, p. 12', 0], '; ', ['Jackson, 1982', 1], ')']` or `['[', ['1', 0], ']']`.
   * A style may reorder the items (APA sorts them by author) or collapse numbers ("(1–3)").
   */
  citation(cites: Cite[]): CitePiece[];
  /** Numeric styles: the label before entry `n` ("[1]", "1."); the list is then in citation order. */
  label?(n: number): string;
}

/** The text of a citation, with italic text as `*…*` (tests, previews' accessible names). */
export const citeText = (pieces: CitePiece[], star = ''): string =>
  pieces
    .map((p) => (typeof p == 'string' ? p : p[0]))
    .join('')
    .replace(/\t/g, star);
