import { html, render } from 'lit-html';
import type { MarkupNode } from '../core/safe-markup.js';
import type { Run } from './format/common.js';
import type { Entry } from './entries.js';

/**
 * Entries are built as DOM nodes, not lit-html templates: an entry is rendered once per data and
 * style, and a thousand entries with a few runs each would otherwise be thousands of template
 * instances and parts (a list of 1,000 painted in about half the time; see docs/architecture.md).
 * Text only ever goes in as text nodes; links only with hrefs the formatters and the markup reader
 * have checked.
 */
const el = (tag: string, ...children: (Node | string)[]): HTMLElement => {
  const e = document.createElement(tag);
  e.append(...children);
  return e;
};

/** The runs of an entry (text, italic, link) into `into`. */
export function runsInto(into: HTMLElement, runs: Run[]): HTMLElement {
  for (const r of runs) {
    const text = r.italic ? el('i', r.text) : r.text;
    into.append(r.href ? Object.assign(el('a', text), { href: r.href }) : text);
  }
  return into;
}

/** An annotation's safe markup (see safe-markup.ts) into `into`. */
export function markupInto(into: HTMLElement, nodes: MarkupNode[]): HTMLElement {
  for (const node of nodes) {
    if (typeof node == 'string') into.append(node);
    else {
      const e = markupInto(el(node.tag), node.children);
      if (node.href) Object.assign(e, { href: node.href, rel: 'noopener' });
      if (node.tag == 'a' && !node.href) into.append(...e.childNodes); // a link without a usable href: its text
      else into.append(e);
    }
  }
  return into;
}

/**
 * An entry's `<li>`: its label ("[1] "), text and annotation. Focusable (`tabindex="-1"`): a link to
 * the entry, or a citation's preview, moves focus there.
 */
export function listItem(id: string, label: string, text: HTMLElement, note?: HTMLElement): HTMLLIElement {
  const li = el('li', ...(label ? [Object.assign(el('span', label), { className: 'label' }), ' '] : []), text, ...(note ? [note] : [])) as HTMLLIElement;
  li.id = id;
  li.tabIndex = -1;
  return li;
}

/**
 * What may change in a shown entry, rendered with lit-html after its text: its back-links (`back`)
 * and the reader tools (`tools`), the annotation between them. An entry that has had neither stays
 * plain DOM, as `listItem` built it.
 */
export function renderTail(entry: Entry, back: unknown, tools: unknown): void {
  const { li } = entry;
  if (back || tools || rendered.has(li)) {
    render(html` ${back}${entry.note}${tools}`, li);
    rendered.add(li);
  }
}
const rendered = new WeakSet<Element>();
