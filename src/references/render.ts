import type { MarkupNode } from '../core/safe-markup.js';
import type { Run } from './format/common.js';
import type { Entry } from './entries.js';

/**
 * An entry's text is built as DOM nodes, not lit-html templates: it is built once per data and
 * style, and a thousand entries with a few runs each would otherwise be thousands of template
 * parts. Text only ever goes in as text nodes; links only with hrefs the formatters and the markup
 * reader have checked.
 */
const el = (tag: string, props: object, ...children: (Node | string)[]): HTMLElement => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

/** The runs of an entry (text, italic, link) into `into`. */
export function runsInto(into: HTMLElement, runs: Run[]): HTMLElement {
  for (const r of runs) {
    const text = r.italic ? el('i', {}, r.text) : r.text;
    into.append(r.href ? el('a', { href: r.href }, text) : text);
  }
  return into;
}

/** An annotation's safe markup (see safe-markup.ts) into `into`. */
export function markupInto(into: HTMLElement, nodes: MarkupNode[]): HTMLElement {
  for (const node of nodes) {
    if (typeof node == 'string') into.append(node);
    else {
      const e = markupInto(el(node.tag, node.href ? { href: node.href, rel: 'noopener' } : {}), node.children);
      if (node.tag == 'a' && !node.href) into.append(...e.childNodes); // a link without a usable href: its text
      else into.append(e);
    }
  }
  return into;
}

/** An entry's text (`span.citation`) and annotation (`span.annotation`) as DOM. */
export function entryDom(id: string, citation: Run[], annotation: MarkupNode[]): Pick<Entry, 'text' | 'note'> {
  return {
    text: runsInto(el('span', { className: 'citation', id: id + '-text' }), citation),
    note: annotation[0] ? markupInto(el('span', { className: 'annotation' }), annotation) : undefined,
  };
}
