import { css, type CSSResult } from 'lit';

/**
 * Design tokens. Every `--hearth-*` property falls back to what the host page already has
 * (inherited font and colour, `currentColor`), so an element looks native before anyone themes it.
 */
export const tokens = css`
  :host {
    --_font: var(--hearth-font, inherit);
    --_text: var(--hearth-color-text, inherit);
    --_muted: var(--hearth-color-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_accent: var(--hearth-color-accent, #1d5fbf);
    --_danger: var(--hearth-color-danger, #b3261e);
    --_surface: var(--hearth-color-surface, transparent);
    --_skeleton: var(--hearth-color-skeleton, color-mix(in srgb, currentColor 12%, transparent));
    --_radius: var(--hearth-radius, 0.375rem);
    --_space: var(--hearth-space, 0.75rem);
  }
`;

/**
 * Adopts an element's `static styles` into the document or shadow root that holds it. Elements
 * that render into the light DOM (so that their content is part of the page: fragment links,
 * reader modes, reference managers) use this instead of a shadow root. Constructable stylesheets
 * are allowed under a strict Content Security Policy, unlike `<style>` elements or `style=""`.
 */
export function adoptStyles(node: Node, styles: CSSResult): void {
  const root = node.getRootNode() as Document | ShadowRoot;
  const sheet = styles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root) || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
