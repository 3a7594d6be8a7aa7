import { css } from '@lit/reactive-element/css-tag.js';

/** The button's own styles: all a page pays for before the visitor shows interest (the flow's styles load with it). */
export const buttonStyles = css`
  :host {
    display: inline-block;
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, inherit);
  }
  :host([mode='inline']) {
    display: block;
  }
  [part~='button'],
  [part~='primary-action'] {
    font: inherit;
    cursor: pointer;
    padding: 0.6em 1.2em;
    border: 0;
    border-radius: var(--hearth-radius, 0.5em);
    background: var(--hearth-color-accent, #2f5d50);
    color: var(--hearth-color-on-accent, #fff);
    text-decoration: none;
  }
  :focus-visible {
    outline: 2px solid var(--hearth-color-focus, var(--hearth-color-accent, #2f5d50));
    outline-offset: 2px;
  }
`;
