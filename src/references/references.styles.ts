import { css } from 'lit';

/**
 * Styles of `<hearth-references>`, adopted into the document (or enclosing shadow root) because the
 * list renders into the light DOM. Every selector is wrapped in `:where()`, so it has zero
 * specificity: any rule of the host page wins without `!important`.
 */
export const referencesStyles = css`
  :where(hearth-references) {
    display: block;
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, inherit);
  }
  :where(hearth-references) :where(.hearth-references__list) {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  :where(hearth-references) :where(.hearth-references__entry) {
    margin: 0 0 var(--hearth-space, 0.75rem);
    padding-inline-start: 2em;
    text-indent: -2em;
    border-radius: var(--hearth-radius, 0.375rem);
    scroll-margin-top: var(--hearth-scroll-margin, 4rem);
  }
  :where(hearth-references) :where(.hearth-references__entry:target, .hearth-references__entry:focus) {
    outline: 2px solid var(--hearth-color-accent, #1d5fbf);
    outline-offset: 4px;
    background: var(--hearth-color-highlight, color-mix(in srgb, currentColor 6%, transparent));
  }
  :where(hearth-references) :where(.annotation) {
    display: block;
    margin: 0.25em 0 0;
    text-indent: 0;
    color: var(--hearth-color-muted, inherit);
    font-size: 0.95em;
  }
  :where(hearth-references) :where(.citation a, .annotation a) {
    color: var(--hearth-color-accent, inherit);
    overflow-wrap: anywhere;
  }
  :where(hearth-references) :where(.hearth-references__skeleton) {
    display: grid;
    gap: 0.6em;
  }
  :where(hearth-references) :where(.hearth-references__bar) {
    display: block;
    height: 0.9em;
    border-radius: var(--hearth-radius, 0.375rem);
    background: var(--hearth-color-skeleton, color-mix(in srgb, currentColor 12%, transparent));
    animation: hearth-pulse 1.4s ease-in-out infinite;
  }
  :where(hearth-references) :where(.hearth-references__bar:nth-child(3n + 2)) {
    width: 82%;
  }
  :where(hearth-references) :where(.hearth-references__bar:nth-child(3n)) {
    width: 64%;
  }
  @keyframes hearth-pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :where(hearth-references) :where(.hearth-references__bar) {
      animation: none;
    }
  }
  :where(hearth-references) :where(.hearth-references__message) {
    margin: 0;
    color: var(--hearth-color-muted, inherit);
  }
  :where(hearth-references) :where(.hearth-references__error) {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: var(--hearth-space, 0.75rem);
    border: 1px solid var(--hearth-color-danger, #b3261e);
    border-radius: var(--hearth-radius, 0.375rem);
  }
  :where(hearth-references) :where(.hearth-references__error p) {
    margin: 0;
  }
  :where(hearth-references) :where(.hearth-references__retry) {
    font: inherit;
    padding: 0.35em 0.9em;
    border-radius: var(--hearth-radius, 0.375rem);
    border: 1px solid currentColor;
    background: var(--hearth-color-surface, transparent);
    color: inherit;
    cursor: pointer;
  }
  :where(hearth-references) :where(.hearth-references__retry:focus-visible) {
    outline: 2px solid var(--hearth-color-accent, #1d5fbf);
    outline-offset: 2px;
  }
  :where(hearth-references) :where(.hearth-visually-hidden) {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media print {
    :where(hearth-references) :where(.hearth-references__retry, .hearth-references__skeleton) {
      display: none;
    }
    :where(hearth-references) :where(.hearth-references__entry) {
      break-inside: avoid;
      outline: none;
      background: none;
    }
  }
`;
