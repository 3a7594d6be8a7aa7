import { css } from '../core/css.js';

/**
 * Styles of `<hearth-references>`, adopted into the document (or enclosing shadow root) because the
 * list renders into the light DOM. Every selector is inside `:where()`, so it has zero specificity:
 * any rule of the host page wins without `!important`. The skeleton does not animate, so there is
 * no motion to reduce. The list is part of the page, on the page's background: the error's border is
 * mixed from the text colour (readable on light and dark pages), and properties are logical (right
 * to left). Back-links are 24 px targets at least (WCAG 2.5.8).
 */
export const referencesStyles = css`
  :where(hearth-references) {
    display: block;
    font: var(--hearth-font);
    color: var(--hearth-color-text);
  }
  :where(hearth-references ul) {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  :where(hearth-references li) {
    margin: 0 0 var(--hearth-space, 0.75em);
    padding-inline-start: 2em;
    text-indent: -2em;
    scroll-margin-top: 4rem;
    /* Long lists: entries off screen are not laid out or painted until they come near. */
    content-visibility: auto;
    contain-intrinsic-size: auto 3em;
  }
  :where(hearth-references li:is(:target, :focus)) {
    outline: 2px solid var(--hearth-color-accent, currentColor);
    outline-offset: 4px;
    background: var(--hearth-color-highlight);
  }
  :where(hearth-references .annotation) {
    display: block;
    text-indent: 0;
    color: var(--hearth-color-muted);
  }
  :where(hearth-references a) {
    color: var(--hearth-color-accent);
    overflow-wrap: anywhere;
  }
  :where(hearth-references .skeleton) {
    display: block;
    height: 5em;
    background: repeating-linear-gradient(var(--hearth-color-skeleton, #8883) 0 1em, #0000 0 1.6em);
  }
  :where(hearth-references [role='alert']) {
    padding: var(--hearth-space, 0.75em);
    border: 1px solid var(--hearth-color-danger, color-mix(in srgb, currentColor 40%, #d00));
  }
  :where(hearth-references button) {
    font: inherit;
    margin-inline-start: 0.5em;
  }
  :where(hearth-references, .hearth-dialog) :where(.hearth-sr) {
    position: absolute;
    clip-path: inset(50%);
  }
  :where(hearth-references :is(.back, .notice)) {
    color: var(--hearth-color-muted);
    font-size: 0.9em;
  }
  :where(hearth-references .back a) {
    display: inline-block;
    min-inline-size: 24px;
    min-block-size: 24px;
    text-align: center;
    text-decoration: none;
  }
`;
