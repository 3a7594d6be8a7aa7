import type { MarkupNode } from '../core/safe-markup.js';
import type { Run } from './format/common.js';

/**
 * Entries are built as DOM nodes, not lit-html templates: an entry is rendered once per data and
 * style, and a thousand entries with a few runs each would otherwise be thousands of template
 * parts. Text only ever goes in as text nodes; links only with hrefs the formatters and the markup
 * reader have checked.
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
