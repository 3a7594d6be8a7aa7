import { controlStyles } from '../core/controls.styles.js';
import { css } from '../core/css.js';

/**
 * Styles of `<hearth-message-box>` (shadow DOM). The box has no background of its own: it sits on
 * the page's, light or dark, which hearth cannot see. So its default colours are made from the text
 * colour it inherits (which the page chose to read on that background): borders and errors mix it
 * (`--line`, `--danger`), buttons set their text and background together, focus is the text colour.
 * Logical properties only (right to left). The conversation's styles (thread.styles.ts) use these.
 * The host rules, `--a`, `--line`, buttons and focus rings are shared with the login gate
 * (core/controls.styles.ts). Fields are surfaces (`--hearth-surface-radius`), not controls: a pill
 * control radius would make the message field a capsule.
 */
export const boxStyles = [
  controlStyles,
  css`
    :host {
      --danger: var(--hearth-color-danger, color-mix(in srgb, currentColor 40%, #d00));
    }
    label {
      display: block;
      font-weight: 600;
      margin: 0 0 0.25em;
    }
    input,
    textarea {
      box-sizing: border-box;
      width: 100%;
      font: inherit;
      color: inherit;
      background: var(--hearth-color-field, transparent);
      padding: 0.5em;
      margin: 0 0 0.25em;
      border: 1px solid var(--line);
      border-radius: var(--hearth-surface-radius, var(--hearth-radius, 6px));
    }
    textarea {
      min-height: 8em;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border: 2px solid var(--danger);
    }
    [readonly] {
      opacity: 0.75;
    }
    p {
      margin: 0 0 0.75em;
    }
    [part~='count'] {
      display: block;
      text-align: end;
      font-size: 0.875em;
      color: var(--hearth-color-muted, inherit);
    }
    .over,
    [part~='error'] {
      color: var(--danger);
    }
    .crisis {
      padding-inline-start: 0.75em;
      border-inline-start: 4px solid var(--danger);
    }
    .crisis a {
      color: inherit;
    }
    [part~='offline'] {
      padding: 0.5em var(--hearth-space, 0.75em);
      border-inline-start: 4px solid var(--hearth-color-warning, #b26a00);
      background: var(--hearth-color-notice, #b26a0014);
    }
    [part~='status']:not(:empty) {
      margin: 0.5em 0 0.75em;
      font-weight: 600;
    }
    button.secondary {
      background: transparent;
      color: inherit;
      border-color: var(--line);
    }
    .hp {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
  `,
];
