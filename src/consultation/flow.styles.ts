import { css } from '../core/css.js';

/**
 * Styles of the booking flow, adopted into the element's shadow root when the flow loads. The
 * dialog and the inline flow are surfaces: they set their text and background together and follow
 * the visitor's light or dark preference (color-scheme), whatever the page around them; every
 * default colour is a `light-dark()` pair (the same pairs as consultation-button.styles.ts).
 * Forced colours: the chosen time and specialist in SelectedItem, and bold as well; the current
 * step keeps its bold text and its border (CanvasText there).
 * Radii: the dialog, the inline flow and the fields follow `--hearth-surface-radius`; buttons, times
 * and choices `--rc` (the control radius, set on the host by consultation-button.styles.ts), so pill
 * buttons leave the dialog a rounded rectangle. The chosen time and specialist, and the current step,
 * carry a state part (`selected`, `current`: set with their aria-selected / aria-current) that
 * these rules and a page's `::part(slot selected)` both use.
 */
export const flowStyles = css`
  dialog {
    border: 0;
    padding: 0;
    width: min(44rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
  }
  dialog,
  .flow {
    color-scheme: light dark;
    background: var(--hearth-color-surface, Canvas);
    color: var(--hearth-color-text, CanvasText);
    border-radius: var(--hearth-surface-radius, var(--hearth-radius, 0.5em));
  }
  dialog::backdrop {
    background: #0008;
  }
  .flow {
    --s: var(--hearth-space, 1rem);
    padding: var(--s);
  }
  :host([mode='inline']) .flow {
    border: 1px solid var(--hearth-color-border, light-dark(#767676, #8f8f8f));
  }
  .head {
    position: relative;
    padding-inline-end: 2.5em;
  }
  h2,
  h3,
  h4,
  p {
    margin: 0 0 calc(var(--s) / 2);
  }
  h2 {
    font-size: 1.3em;
  }
  h3 {
    font-size: 1.1em;
  }
  .close {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    font-size: 1.5em;
    line-height: 1;
  }
  .muted {
    color: var(--hearth-color-muted, light-dark(#595959, #b3b3b3));
    font-size: 0.9em;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    list-style-position: inside;
    padding: 0;
    margin: 0 0 var(--s);
    font-size: 0.85em;
    color: var(--hearth-color-muted, light-dark(#595959, #b3b3b3));
  }
  [part~='current'] {
    color: var(--hearth-color-text, CanvasText);
    font-weight: bold;
    border-block-end: 2px solid var(--hearth-color-accent, light-dark(#2f5d50, #8fd3bf));
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button:not([part]),
  [part~='slot'],
  [part~='choice'] {
    cursor: pointer;
    background: none;
    border: 1px solid var(--hearth-color-border, light-dark(#767676, #8f8f8f));
    border-radius: var(--rc);
    padding: 0.4em 0.9em;
  }
  button:disabled,
  [aria-disabled='true'] {
    opacity: 0.5;
    cursor: default;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin: var(--s) 0 0;
  }
  .actions [part~='primary-action'] {
    margin-inline-start: auto;
  }
  .crisis,
  .problem {
    padding: calc(var(--s) / 2);
    border-inline-start: 4px solid var(--hearth-color-danger, light-dark(#b3261e, #ffb4ab));
  }
  .zone input {
    max-width: 20em;
  }
  .week {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-bottom: calc(var(--s) / 2);
  }
  .week strong {
    flex: 1;
    text-align: center;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr));
    gap: calc(var(--s) / 2);
    max-height: 50vh;
    overflow: auto;
  }
  .day {
    display: flex;
    flex-direction: column;
    gap: 0.3em;
  }
  [role='rowheader'] {
    font-size: 0.9em;
  }
  .choices {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: calc(var(--s) / 2);
  }
  [part~='choice'] {
    display: grid;
    inline-size: 100%;
    text-align: start;
  }
  [part~='selected'] {
    background: var(--hearth-color-accent, light-dark(#2f5d50, #8fd3bf));
    color: var(--hearth-color-on-accent, light-dark(#fff, #0b1f1a));
    font-weight: bold;
  }
  .skeleton span {
    height: 2em;
    border-radius: var(--rc);
    background: var(--hearth-color-skeleton, #8883);
  }
  .field {
    display: grid;
    gap: 0.2em;
    margin-bottom: calc(var(--s) * 0.75);
  }
  input:not([type='checkbox']),
  textarea {
    padding: 0.4em;
    border: 1px solid var(--hearth-color-border, light-dark(#767676, #8f8f8f));
    border-radius: calc(var(--hearth-surface-radius, var(--hearth-radius, 0.5em)) / 2);
    background: none;
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
  }
  .check > :not(input, label) {
    grid-column: 2;
  }
  .field [aria-invalid='true'] {
    border: 2px solid var(--hearth-color-danger, light-dark(#b3261e, #ffb4ab));
  }
  .error {
    color: var(--hearth-color-danger, light-dark(#b3261e, #ffb4ab));
  }
  .summary {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.3em 1em;
    margin: 0 0 var(--s);
  }
  dd {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  a:not([part]) {
    color: var(--hearth-color-accent, light-dark(#2f5d50, #8fd3bf));
  }
  a[part] {
    display: inline-block;
  }
  .sr {
    position: absolute;
    clip-path: inset(50%);
    margin: 0;
  }
  @media (forced-colors: active) {
    [part~='selected'] {
      forced-color-adjust: none;
      background: SelectedItem;
      color: SelectedItemText;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: pulse 1.5s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.4;
      }
    }
  }
`;
