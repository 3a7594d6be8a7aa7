import type { CslItem } from '../core/backend.js';
import { parseSafeMarkup, type MarkupNode } from '../core/safe-markup.js';
import { normalizeItems, sortItems, type Run } from './format/common.js';
import type { CitationStyle } from './format/style.js';
import { entryDom } from './render.js';

/** One entry of the list. */
export interface Entry {
  /** The element id, `ref-<key>`. */
  id: string;
  key: string;
  item: CslItem;
  /** Its number: order of first citation in the page, then the uncited ones in the order given. */
  n: number;
  citation: Run[];
  /** A numeric style's label ("[1]"), else ''. */
  label: string;
  annotation: MarkupNode[];
  /** The ids of the citations of this entry, in page order (its back-links). */
  cited: string[];
  /** The entry's text (`span.citation`) and annotation (`span.annotation`) as DOM, built once. */
  text: HTMLElement;
  note?: HTMLElement;
}

/** List orders (see `sort`); readers choose among the first four with `controls`. */
export type Sort = 'author' | 'year' | 'cited' | 'type' | 'none';

/**
 * What each entry of `data` (CSL-JSON items) shows in `style`: its citation, label, annotation and
 * back-links (`citedIds`: the ids of each cited key's citations, keys in order of first citation).
 * Items without an id are skipped and counted; of items with the same key the first wins. Changes
 * nothing outside (call it in the list's language: the styles' terms). Throws when `data` is not a
 * list.
 */
export function buildEntries(
  data: unknown,
  style: CitationStyle,
  citedIds: Map<string, string[]>,
): { entries: Entry[]; skipped: number } {
  const { items, skipped } = normalizeItems(data);
  const byKey = new Map<string, CslItem>();
  for (const item of items) {
    const key = String(item.id).replace(/\s/g, '-'); // normalizeItems trimmed it
    if (!byKey.has(key)) byKey.set(key, item);
  }
  // Numbers: cited entries by first citation, then the rest in the order given.
  const numbers = new Map([...citedIds.keys()].filter((key) => byKey.has(key)).map((key, i) => [key, i + 1]));
  let uncited = numbers.size;
  const entries = [...byKey].map(([key, item]): Entry => {
    const citation = style.entry(item);
    const id = `ref-${key}`;
    const n = numbers.get(key) ?? ++uncited;
    const label = style.label?.(n) ?? '';
    const annotation = parseSafeMarkup(item.annotation);
    return { id, key, item, n, citation, label, annotation, cited: citedIds.get(key) ?? [], ...entryDom(id, citation, annotation) };
  });
  return { entries, skipped };
}

/**
 * The entries in the order the list shows them: `cited` by number, `none` as given, the others
 * by author (`more` then orders by year or type: the tools chunk's `order`, once loaded).
 */
export function orderEntries(entries: Entry[], sort: Sort, onlyCited: boolean, locale: string, more?: (entries: Entry[], sort: Sort) => Entry[]): Entry[] {
  if (onlyCited) entries = entries.filter((e) => e.cited.length);
  if (sort == 'none') return entries;
  if (sort == 'cited') return [...entries].sort((a, b) => a.n - b.n);
  const order = new Map(sortItems(entries.map((e) => e.item), locale).map((item, i) => [item, i]));
  entries = [...entries].sort((a, b) => order.get(a.item)! - order.get(b.item)!);
  return more ? more(entries, sort) : entries;
}
