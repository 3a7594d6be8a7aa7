import { css } from '../core/css.js';

/**
 * Styles of `<hearth-message-box>` (shadow DOM). The box has no background of its own: it sits on
 * the page's, light or dark, which hearth cannot see. So its default colours are made from the text
 * colour it inherits (which the page chose to read on that background): borders and errors mix it
 * (`--line`, `--danger`), buttons set their text and background together, focus is the text colour.
 * Logical properties only (right to left). The conversation's styles (thread.styles.ts) use these.
 */
export const boxStyles = css`
  :host {
    display: block;
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, inherit);
    --a: var(--hearth-color-accent, #2f5d8a);
    --line: var(--hearth-color-border, color-mix(in srgb, currentColor 55%, #0000));
    --danger: var(--hearth-color-danger, color-mix(in srgb, currentColor 40%, #d00));
  }
  :host([hidden]) {
    display: none;
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
    border-radius: var(--hearth-radius, 6px);
  }
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  /* Everything focusable in the box (fields, buttons, the status, the crisis line's link, the conversation): one outline. */
  :focus-visible {
    outline: 2px solid var(--hearth-color-focus, currentColor);
    outline-offset: 2px;
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
  button {
    font: inherit;
    margin: 0;
    margin-inline-end: 0.5em;
    padding: 0.4em 1em;
    border: 1px solid var(--a);
    border-radius: var(--hearth-radius, 6px);
    background: var(--a);
    color: var(--hearth-color-on-accent, #fff);
    cursor: pointer;
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
`;
