import type { CitationStyle } from './format/style.js';

/**
 * How `<hearth-cite>` elements and `<hearth-references>` lists find each other without importing
 * each other: the connected lists, and what the citation chunk lends the lists once it has loaded.
 * (The citations' own registry, and finding a citation's list, live in cite.ts: a page without
 * citations never loads them.)
 */

/** What a list needs of a citation. */
export interface CiteLink extends HTMLElement {
  /** The cited keys, in order. */
  readonly cited: string[];
  /** The id of this citation's button for each key (set by its list; back-links point there). */
  targets: string[];
  requestUpdate(): void;
}

/**
 * What the `<hearth-cite>` chunk brings when it loads (a page without citations never needs it):
 * APA's in-text citations, the linking of a list's citations and the back-links of an entry.
 */
export const kit: {
  apaCitation?: CitationStyle['citation'];
  /** A list's citations in page order, the ids of each cited key's citations (keys in order of first citation), and a key of both. */
  link?: (list: Element) => [CiteLink[], Map<string, string[]>, string];
  /** An entry's back-links (↩ a b c) to these citation ids. */
  backlinks?: (ids: string[]) => unknown;
} = {};

/** The connected lists (a citation that comes, goes or changes asks them to link again). */
export const lists = new Set<HTMLElement & { requestUpdate(): void }>();
