import { html, type TemplateResult } from 'lit-html';
import type { MarkupNode } from '../core/safe-markup.js';
import type { Run } from './format/common.js';

/** A run of an entry or citation as text, `<i>` and/or `<a>` (never HTML from the data). */
export function renderRun(run: Run): TemplateResult | string {
  const text = run.italic ? html`<i>${run.text}</i>` : run.text;
  return run.href ? html`<a href=${run.href}>${text}</a>` : (text as TemplateResult | string);
}

/** An annotation's safe markup (see safe-markup.ts) as lit-html values. */
export function renderMarkup(nodes: MarkupNode[]): unknown[] {
  return nodes.map((node) => {
    if (typeof node === 'string') return node;
    const children = renderMarkup(node.children);
    switch (node.tag) {
      case 'i':
        return html`<i>${children}</i>`;
      case 'em':
        return html`<em>${children}</em>`;
      case 'b':
        return html`<b>${children}</b>`;
      case 'strong':
        return html`<strong>${children}</strong>`;
      default:
        return node.href ? html`<a href=${node.href} rel="noopener">${children}</a>` : children;
    }
  });
}
