import { css } from '../core/css.js';

/**
 * Styles of `<hearth-desk>` (shadow DOM). Colours come from system colours under `color-scheme`,
 * so light and dark follow the system (or `--hearth-color-scheme`) and forced colours keep working;
 * every `--hearth-*` property overrides them. Logical properties only: right-to-left pages mirror it.
 * `--r` is the surface radius (panes, cards, dialogs, messages, fields); buttons take the control
 * radius, so pill buttons leave the panes as they are. The open row carries the `selected` part and
 * the care team's messages `staff` (set with aria-selected and the author's role): the rules here
 * and a page's `::part(row selected)` use them alike.
 */
export const deskStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    color-scheme: var(--hearth-color-scheme, light dark);
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, CanvasText);
    background: var(--hearth-color-surface, Canvas);
    --a: var(--hearth-color-accent, light-dark(#2f5d8a, #9cc3ea));
    --on-a: var(--hearth-color-on-accent, light-dark(#fff, #0d1b29));
    --muted: var(--hearth-color-muted, light-dark(#555, #b8b8b8));
    --line: var(--hearth-color-border, light-dark(#8889, #fff5));
    --field: var(--hearth-color-field, light-dark(#f4f5f7, #ffffff12));
    --hi: var(--hearth-color-highlight, light-dark(#e3edf7, #9cc3ea26));
    --danger: var(--hearth-color-danger, light-dark(#b3261e, #ffb4ab));
    --r: var(--hearth-surface-radius, var(--hearth-radius, 6px));
    --s: var(--hearth-space, 0.75em);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.15em;
    margin: 0;
  }
  p {
    margin: 0 0 0.5em;
  }
  .vh {
    position: absolute;
    clip-path: inset(50%);
    white-space: nowrap;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .notice,
  .state {
    padding: var(--s);
  }
  .notice {
    border: 1px solid var(--line);
    border-radius: var(--r);
  }
  button,
  .button,
  select,
  textarea,
  input {
    font: inherit;
    color: inherit;
  }
  button,
  .button {
    display: inline-block;
    padding: 0.4em 1em;
    border: 1px solid var(--a);
    border-radius: var(--hearth-control-radius, var(--hearth-radius, 6px));
    background: var(--a);
    color: var(--on-a);
    cursor: pointer;
    text-decoration: none;
  }
  .secondary,
  .filters button {
    background: transparent;
    color: var(--a);
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid var(--a);
    outline-offset: 2px;
  }
  select,
  textarea,
  input {
    background: var(--field);
    border: 1px solid var(--line);
    border-radius: var(--r);
    padding: 0.45em;
    max-width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--danger);
  }
  [part~='error'] {
    color: var(--danger);
  }
  [part~='error']:empty,
  [role='status']:empty {
    margin: 0;
  }
  [part~='skeleton'] {
    display: block;
    height: 3.5em;
    margin: 0 0 0.5em;
    border-radius: var(--r);
    background: var(--hearth-color-skeleton, light-dark(#8883, #fff2));
  }
  .tall {
    height: 10em;
  }
  .desk {
    display: grid;
    grid-template-columns: minmax(16em, 1fr) 2fr;
    min-height: 24em;
    border: 1px solid var(--line);
    border-radius: var(--r);
  }
  .inbox {
    border-inline-end: 1px solid var(--line);
    min-width: 0;
  }
  .thread {
    min-width: 0;
    padding: var(--s);
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    padding: var(--s);
  }
  .note {
    color: var(--muted);
    font-size: 0.875em;
    margin-inline-end: auto;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    padding: 0 var(--s) var(--s);
  }
  .filters button {
    padding: 0.3em 0.75em;
  }
  .filters [aria-current],
  .filters [aria-pressed='true'] {
    background: var(--a);
    color: var(--on-a);
  }
  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0;
    border-block-start: 1px solid var(--line);
  }
  [role='option'] {
    display: grid;
    gap: 0.15em;
    padding: 0.6em var(--s);
    border-block-end: 1px solid var(--line);
    border-inline-start: 4px solid transparent;
    cursor: pointer;
  }
  [role='option']:focus-visible {
    outline-offset: -2px;
  }
  [part~='selected'] {
    background: var(--hi);
    border-inline-start-color: var(--a);
  }
  .line {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5em;
  }
  .who,
  .subject,
  .preview {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .unread .who,
  .unread .subject {
    font-weight: 700;
  }
  .preview,
  time,
  .status,
  .team,
  dt {
    color: var(--muted);
    font-size: 0.875em;
  }
  .badge {
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 1em;
    text-align: center;
    background: var(--a);
    color: var(--on-a);
    font-size: 0.8em;
    font-weight: 700;
  }
  .more {
    margin: var(--s);
  }
  .back {
    display: none;
    align-self: flex-start;
  }
  .head dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    margin: 0 0 0.5em;
  }
  dd {
    margin: 0;
  }
  .subject {
    white-space: normal;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .assign {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  .messages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.6em;
  }
  [part~='message'] {
    max-width: min(36em, 90%);
    padding: 0.5em 0.75em;
    border-radius: var(--r);
    border: 1px solid var(--line);
    background: var(--field);
  }
  [part~='staff'] {
    align-self: flex-end;
    background: var(--hi);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    margin: 0 0 0.25em;
  }
  .author {
    font-weight: 600;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0;
  }
  .composer {
    display: grid;
    gap: 0.35em;
    margin-block-start: auto;
  }
  .composer label,
  dialog label {
    font-weight: 600;
  }
  textarea {
    width: 100%;
    min-height: 6em;
    resize: vertical;
  }
  [readonly] {
    opacity: 0.75;
  }
  dialog {
    color: inherit;
    background: var(--hearth-color-surface, Canvas);
    border: 1px solid var(--line);
    border-radius: var(--r);
    width: min(28em, 100% - 2em);
  }
  dialog::backdrop {
    background: #0006;
  }
  dialog form,
  .field {
    display: grid;
    gap: 0.35em;
  }
  dialog form {
    gap: 0.6em;
  }
  .field p {
    margin: 0;
  }
  @container (max-width: 699.98px) {
    .desk {
      grid-template-columns: 1fr;
    }
    .inbox {
      border-inline-end: 0;
    }
    .open .inbox,
    .desk:not(.open) .thread {
      display: none;
    }
    .back {
      display: inline-block;
    }
  }
  @media (forced-colors: active) {
    [part~='selected'] {
      border-inline-start-color: Highlight;
    }
    .badge,
    .filters [aria-current],
    .filters [aria-pressed='true'] {
      border: 1px solid;
    }
  }
`;
