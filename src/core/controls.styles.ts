import { css } from './css.js';

/**
 * Buttons and focus rings of the elements that sit on the page's background (the message box and its
 * login gate: one constructable stylesheet, adopted by both shadow roots, its text shipped once).
 * Each host sets `--a`, the accent; buttons set their text and background together, focus is the
 * text colour. Buttons are controls: `--hearth-control-radius` (a pill, 999px, leaves the boxes
 * around them as they are: they follow `--hearth-surface-radius`), both default to `--hearth-radius`.
 */
export const controlStyles = css`
  :host {
    display: block;
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, inherit);
    --a: var(--hearth-color-accent, #2f5d8a);
    --line: var(--hearth-color-border, color-mix(in srgb, currentColor 55%, #0000));
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    margin: 0;
    margin-inline-end: 0.5em;
    padding: 0.4em 1em;
    border: 1px solid var(--a);
    border-radius: var(--hearth-control-radius, var(--hearth-radius, 6px));
    background: var(--a);
    color: var(--hearth-color-on-accent, #fff);
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--hearth-color-focus, currentColor);
    outline-offset: 2px;
  }
`;
