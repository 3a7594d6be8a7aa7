import { controlStyles } from '../core/controls.styles.js';
import { css } from '../core/css.js';

/**
 * Styles of `<hearth-login-gate>` (shadow DOM). Like the message box, it sits on the page's
 * background: borders and secondary buttons take the inherited text colour, Log in sets its text
 * and background together. The skeleton does not animate: no motion to reduce. The host rules,
 * buttons and focus ring are the message box's (core/controls.styles.ts); the prompt is a surface
 * (`--hearth-surface-radius`), the skeleton stands in for Log in (a control).
 */
export const gateStyles = [
  controlStyles,
  css`
    [part~='prompt'] {
      padding: var(--hearth-space, 0.75em);
      border: 1px solid var(--line);
      border-radius: var(--hearth-surface-radius, var(--hearth-radius, 6px));
    }
    p {
      margin: 0 0 0.5em;
    }
    [part~='signup'],
    [part~='signout'] {
      background: transparent;
      color: inherit;
      border-color: currentColor;
    }
    [role='status']:not(:empty) {
      margin-top: 0.5em;
    }
    [part~='skeleton'] {
      display: block;
      height: 2.4em;
      max-width: 16em;
      border-radius: var(--hearth-control-radius, var(--hearth-radius, 6px));
      background: var(--hearth-color-skeleton, #8883);
    }
    .vh {
      position: absolute;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
