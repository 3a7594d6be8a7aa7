import { css } from '@lit/reactive-element/css-tag.js';

/** Styles of the booking flow, adopted into the element's shadow root when the flow loads. */
export const flowStyles = css`
  [part~='dialog'] {
    border: 0;
    padding: 0;
    border-radius: var(--hearth-radius, 0.5em);
    width: min(44rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    background: var(--hearth-color-surface, Canvas);
    color: inherit;
  }
  [part~='dialog']::backdrop {
    background: #0008;
  }
  .flow {
    --s: var(--hearth-space, 1rem);
    padding: var(--s);
    background: var(--hearth-color-surface, Canvas);
    border-radius: var(--hearth-radius, 0.5em);
  }
  :host([mode='inline']) .flow {
    border: 1px solid var(--hearth-color-border, #8889);
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
  h4 {
    font-size: 1em;
  }
  h3:focus {
    outline: 0;
  }
  .close {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    font-size: 1.5em;
    line-height: 1;
    padding: 0 0.3em;
  }
  .muted {
    color: var(--hearth-color-muted, #595959);
    font-size: 0.9em;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    list-style: none;
    padding: 0;
    margin: 0 0 var(--s);
    font-size: 0.85em;
    counter-reset: step;
    color: var(--hearth-color-muted, #595959);
  }
  .steps li::before {
    counter-increment: step;
    content: counter(step) '. ';
  }
  [aria-current='step'] {
    color: var(--hearth-color-text, CanvasText);
    font-weight: bold;
    border-block-end: 2px solid var(--hearth-color-accent, #2f5d50);
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button:not([part]),
  .close,
  [part~='slot'],
  [part~='choice'] {
    cursor: pointer;
    background: none;
    border: 1px solid var(--hearth-color-border, #8889);
    border-radius: var(--hearth-radius, 0.5em);
    padding: 0.4em 0.9em;
  }
  .close {
    border: 0;
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
    border-inline-start: 4px solid var(--hearth-color-danger, #b3261e);
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
  .day h4 {
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
    display: flex;
    flex-direction: column;
    inline-size: 100%;
    text-align: start;
  }
  [part~='slot'][aria-current='true'],
  [part~='choice'][aria-current='true'] {
    background: var(--hearth-color-accent, #2f5d50);
    color: var(--hearth-color-on-accent, #fff);
  }
  .skeleton span {
    height: 2em;
    border-radius: var(--hearth-radius, 0.5em);
    background: var(--hearth-color-skeleton, #8883);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    margin-bottom: calc(var(--s) * 0.75);
  }
  .field input:not([type='checkbox']),
  textarea {
    padding: 0.4em;
    border: 1px solid var(--hearth-color-border, #888);
    border-radius: calc(var(--hearth-radius, 0.5em) / 2);
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
  [aria-invalid='true'] {
    border-color: var(--hearth-color-danger, #b3261e);
  }
  .error {
    color: var(--hearth-color-danger, #b3261e);
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
  a {
    color: var(--hearth-color-accent, LinkText);
  }
  a[part] {
    display: inline-block;
  }
  .sr {
    position: absolute;
    clip-path: inset(50%);
    margin: 0;
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
