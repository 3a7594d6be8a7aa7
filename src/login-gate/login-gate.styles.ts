import { css } from '../core/css.js';

/**
 * Styles of `<hearth-login-gate>` (shadow DOM). Like the message box, it sits on the page's
 * background: borders and secondary buttons take the inherited text colour, Log in sets its text
 * and background together. The skeleton does not animate: no motion to reduce.
 */
export const gateStyles = css`
  :host {
    display: block;
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='prompt'] {
    padding: var(--hearth-space, 0.75em);
    border: 1px solid var(--hearth-color-border, color-mix(in srgb, currentColor 55%, #0000));
    border-radius: var(--hearth-radius, 6px);
  }
  p {
    margin: 0 0 0.5em;
  }
  button {
    font: inherit;
    margin: 0;
    margin-inline-end: 0.5em;
    padding: 0.4em 1em;
    border: 1px solid var(--hearth-color-accent, #2f5d8a);
    border-radius: var(--hearth-radius, 6px);
    background: var(--hearth-color-accent, #2f5d8a);
    color: var(--hearth-color-on-accent, #fff);
    cursor: pointer;
  }
  [part~='signup'],
  [part~='signout'] {
    background: transparent;
    color: inherit;
    border-color: currentColor;
  }
  button:focus-visible {
    outline: 2px solid var(--hearth-color-focus, currentColor);
    outline-offset: 2px;
  }
  [role='status']:not(:empty) {
    margin-top: 0.5em;
  }
  [part~='skeleton'] {
    display: block;
    height: 2.4em;
    max-width: 16em;
    border-radius: var(--hearth-radius, 6px);
    background: var(--hearth-color-skeleton, #8883);
  }
  .vh {
    position: absolute;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
