import type { CSSResult } from '@lit/reactive-element/css-tag.js';

/**
 * Adopts styles (one constructable stylesheet per CSSResult, shared) into the document or
 * shadow root that holds `node`. Elements that render into the light DOM (so that their content is
 * part of the page: fragment links, reader modes, reference managers) use this instead of a shadow
 * root. Constructable stylesheets are allowed under a strict Content Security Policy, unlike
 * `<style>` elements or `style=""`.
 */
export function adoptStyles(node: Node, styles: CSSResult): void {
  const root = node.getRootNode() as Document | ShadowRoot;
  const sheet = styles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root) || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
