import { css } from '../core/css.js';

/**
 * Styles of the conversation above the message box's form, adopted into the box's shadow root when
 * thread.ts loads (a signed-out page pays nothing for them). Logical properties only (RTL-safe);
 * colours from the box's (message-box.styles.ts), made from the page's text colour. The thread is a
 * surface, the "New" mark a control (radius).
 */
export const threadStyles = css`
  [part~='thread'] {
    list-style: none;
    margin: 0 0 1em;
    padding: 0.25em 0.5em;
    max-block-size: min(24em, 60vh);
    overflow-y: auto;
    border: 1px solid var(--line);
    border-radius: var(--hearth-surface-radius, var(--hearth-radius, 6px));
  }
  [part~='message'] {
    max-inline-size: 85%;
    margin-block: 0.5em;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--line);
  }
  [part~='own'] {
    margin-inline-start: auto;
    border-color: var(--a);
  }
  [part~='message'] p {
    margin: 0;
  }
  .meta,
  [part~='seen'] {
    font-size: 0.875em;
  }
  time,
  [part~='seen'] {
    color: var(--hearth-color-muted, inherit);
  }
  .meta b {
    margin-inline-end: 0.5em;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='new'] {
    margin-inline-start: 0.5em;
    padding: 0 0.4em;
    border-radius: var(--hearth-control-radius, var(--hearth-radius, 6px));
    background: var(--a);
    color: var(--hearth-color-on-accent, #fff);
    font-weight: 600;
  }
  [part~='thread-status'] {
    color: var(--hearth-color-muted, inherit);
  }
  [part~='thread-status'] button {
    margin-inline-start: 0.5em;
  }
  .vh {
    position: absolute;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
