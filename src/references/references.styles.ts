import { css } from '@lit/reactive-element/css-tag.js';

/**
 * Styles of `<hearth-references>`, adopted into the document (or enclosing shadow root) because the
 * list renders into the light DOM. Every selector is inside `:where()`, so it has zero specificity:
 * any rule of the host page wins without `!important`. The skeleton does not animate, so there is
 * no motion to reduce.
 */
export const referencesStyles = css`
  :where(hearth-references) {
    display: block;
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, inherit);
  }
  :where(hearth-references ul) {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  :where(hearth-references li) {
    margin: 0 0 var(--hearth-space, 0.75em);
    padding-left: 2em;
    text-indent: -2em;
    scroll-margin-top: 4rem;
  }
  :where(hearth-references li:target, hearth-references li:focus) {
    outline: 2px solid var(--hearth-color-accent, currentColor);
    outline-offset: 4px;
    background: var(--hearth-color-highlight, transparent);
  }
  :where(hearth-references .annotation) {
    display: block;
    text-indent: 0;
    color: var(--hearth-color-muted, inherit);
  }
  :where(hearth-references a) {
    color: var(--hearth-color-accent, inherit);
    overflow-wrap: anywhere;
  }
  :where(hearth-references .skeleton) {
    display: block;
    height: 5em;
    background: repeating-linear-gradient(var(--hearth-color-skeleton, #8883) 0 1em, #0000 0 1.6em);
  }
  :where(hearth-references [role='alert']) {
    padding: var(--hearth-space, 0.75em);
    border: 1px solid var(--hearth-color-danger, #b3261e);
  }
  :where(hearth-references button) {
    font: inherit;
    margin-left: 0.5em;
  }
  :where(hearth-references, .hearth-dialog) :where(.hearth-sr) {
    position: absolute;
    clip-path: inset(50%);
  }
  :where(hearth-references .tools, hearth-references .back, hearth-references .notice, hearth-references .controls) {
    color: var(--hearth-color-muted, inherit);
    font-size: 0.9em;
  }
  :where(hearth-references li .tools) {
    display: block;
    text-indent: 0;
  }
  :where(hearth-references li .tools button) {
    margin: 0.25em 0.5em 0 0;
  }
  :where(hearth-references .group) {
    font-weight: bold;
    margin: 1em 0 0.5em;
  }
  :where(hearth-references .back a) {
    text-decoration: none;
    padding: 0 0.15em;
  }
  :where(hearth-cite .hearth-cite) {
    font: inherit;
    color: var(--hearth-color-accent, LinkText);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline dotted;
    cursor: pointer;
  }
  :where(hearth-cite .hearth-unknown) {
    color: var(--hearth-color-danger, #b3261e);
  }
  :where(hearth-cite .hearth-preview, .hearth-dialog) {
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, CanvasText);
    background: var(--hearth-color-surface, Canvas);
    border: 1px solid var(--hearth-color-muted, GrayText);
    border-radius: var(--hearth-radius, 4px);
    box-shadow: 0 4px 16px #0003;
    padding: 0.75em 1em;
  }
  :where(hearth-cite .hearth-preview) {
    inset: auto;
    margin: 0;
    position: fixed;
    width: min(24em, calc(100vw - 16px));
    box-sizing: border-box;
  }
  :where(hearth-cite .hearth-preview > *) {
    display: block;
    margin-top: 0.5em;
  }
  :where(hearth-cite .hearth-preview > :first-child) {
    margin: 0;
  }
  :where(.hearth-dialog) {
    max-width: min(40em, calc(100vw - 32px));
  }
  :where(.hearth-dialog pre) {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: 0.85em;
  }
  :where(.hearth-dialog h2) {
    font-size: 1.25em;
    margin-top: 0;
  }
  :where(.hearth-dialog button) {
    font: inherit;
    margin-right: 0.5em;
  }
`;
