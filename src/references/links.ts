import type { CitationStyle } from './format/style.js';

/**
 * How `<hearth-cite>` elements and `<hearth-references>` lists find each other without importing
 * each other: the connected citations and lists, and a batched "citations changed" signal.
 */

/** What a list needs of a citation. */
export interface CiteLink extends HTMLElement {
  /** The cited keys, in order. */
  readonly keys: string[];
  /** The id of this citation's button for each key (set by its list; back-links point there). */
  targets: string[];
  requestUpdate(): void;
}

export const cites = new Set<CiteLink>();

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
export const lists = new Set<{ requestUpdate(): void }>();
let queued = false;

/** A citation came, went or changed its keys: every list re-links its citations (once per task). */
export function citesChanged(): void {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    lists.forEach((list) => list.requestUpdate());
  });
}

/**
 * The list a citation belongs to: the one whose id is in `for`, else the nearest one (the first
 * `<hearth-references>` inside the citation's closest ancestor that has one).
 */
export function listOf(cite: Element): Element | null {
  const id = cite.getAttribute('for');
  if (id) return (cite.getRootNode() as Document).getElementById?.(id) ?? null;
  for (let e = cite.parentElement; e; e = e.parentElement) {
    const list = e.querySelector('hearth-references');
    if (list) return list;
  }
  return null;
}
