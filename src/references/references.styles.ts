import { css } from 'lit';

/**
 * Styles of `<hearth-references>`, adopted into the document (or enclosing shadow root) because the
 * list renders into the light DOM. Every selector is inside `:where()`, so it has zero specificity:
 * any rule of the host page wins without `!important`.
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
    margin: 0 0 var(--hearth-space, 0.75rem);
    padding-inline-start: 2em;
    text-indent: -2em;
    border-radius: var(--hearth-radius, 0.375rem);
    scroll-margin-top: var(--hearth-scroll-margin, 4rem);
  }
  :where(hearth-references li:target, hearth-references li:focus) {
    outline: 2px solid var(--hearth-color-accent, currentColor);
    outline-offset: 4px;
    background: var(--hearth-color-highlight, color-mix(in srgb, currentColor 6%, transparent));
  }
  :where(hearth-references .annotation) {
    display: block;
    margin-top: 0.25em;
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
    border-radius: var(--hearth-radius, 0.375rem);
    background: repeating-linear-gradient(
      var(--hearth-color-skeleton, color-mix(in srgb, currentColor 12%, transparent)) 0 1em,
      transparent 1em 1.6em
    );
    animation: hearth-pulse 1.4s ease-in-out infinite;
  }
  @keyframes hearth-pulse {
    50% {
      opacity: 0.45;
    }
  }
  :where(hearth-references [role='alert']) {
    padding: var(--hearth-space, 0.75rem);
    border: 1px solid var(--hearth-color-danger, #b3261e);
    border-radius: var(--hearth-radius, 0.375rem);
  }
  :where(hearth-references button) {
    font: inherit;
    padding: 0.3em 0.9em;
    border: 1px solid;
    border-radius: var(--hearth-radius, 0.375rem);
    background: var(--hearth-color-surface, transparent);
    color: inherit;
    cursor: pointer;
  }
  :where(hearth-references .hearth-visually-hidden) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    :where(hearth-references .skeleton) {
      animation: none;
    }
  }
  @media print {
    :where(hearth-references button, hearth-references .skeleton) {
      display: none;
    }
  }
`;
