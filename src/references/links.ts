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
