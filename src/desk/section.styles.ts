import { css } from '../core/css.js';

/**
 * Styles of the desk's lazy sections (bookings, hours, specialists), adopted into the desk's shadow
 * root with the first of them; they build on desk.styles.ts (colours, buttons, fields, dialogs).
 * Logical properties only; one column under 40em.
 */
export const sectionStyles = css`
  .desk > .pane {
    grid-column: 1 / -1;
  }
  .pane {
    padding: var(--s);
    display: grid;
    gap: var(--s);
    min-width: 0;
  }
  .stack {
    display: grid;
    gap: var(--s);
  }
  .pane .bar,
  .pane .filters {
    padding: 0;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6em;
  }
  .card {
    border: 1px solid var(--line);
    border-radius: var(--r);
    padding: var(--s);
    display: grid;
    gap: 0.4em;
    min-width: 0;
  }
  .card.off {
    border-style: dashed;
  }
  h3 {
    font-size: 1em;
    margin: 0;
  }
  .card dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2em 0.75em;
    margin: 0;
  }
  .card dd,
  .card a {
    overflow-wrap: anywhere;
  }
  a {
    color: var(--a);
  }
  .tag {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid var(--line);
    border-radius: 1em;
    font-size: 0.875em;
  }
  fieldset {
    border: 1px solid var(--line);
    border-radius: var(--r);
    margin: 0;
    padding: var(--s);
    display: grid;
    gap: 0.6em;
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 0.25em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em;
  }
  .row label,
  .pane .field label {
    display: grid;
    gap: 0.2em;
    font-weight: 600;
  }
  .day {
    display: grid;
    gap: 0.4em;
    padding-block-end: 0.5em;
    border-block-end: 1px solid var(--line);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
    gap: 0.6em;
  }
  .pane [part~='error'] {
    margin: 0;
  }
  dialog textarea {
    min-height: 4em;
  }
  dialog {
    max-block-size: calc(100% - 2em);
  }
  @container (max-width: 30em) {
    .card dl {
      grid-template-columns: 1fr;
    }
    .card dd {
      margin-block-end: 0.3em;
    }
  }
`;
