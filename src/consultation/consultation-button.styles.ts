import { css } from '../core/css.js';

/**
 * The button's own styles: all a page pays for before the visitor shows interest (the flow's styles
 * load with it). Each default colour is a pair of light and dark values (`light-dark()`, resolved by
 * the `color-scheme` where it is used) behind its public `--hearth-*` property, and a colour is only
 * ever set together with the colour it sits on. The transparent border becomes visible in forced
 * colours, where backgrounds are dropped. `--rc`, the control radius, is set here for the flow's
 * buttons too (`--hearth-control-radius`, else `--hearth-radius`).
 */
export const buttonStyles = css`
  :host {
    display: inline-block;
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, inherit);
    --rc: var(--hearth-control-radius, var(--hearth-radius, 0.5em));
  }
  :host([mode='inline']) {
    display: block;
  }
  [part~='button'],
  [part~='primary-action'] {
    font: inherit;
    cursor: pointer;
    padding: 0.6em 1.2em;
    border: 1px solid transparent;
    border-radius: var(--rc);
    background: var(--hearth-color-accent, light-dark(#2f5d50, #8fd3bf));
    color: var(--hearth-color-on-accent, light-dark(#fff, #0b1f1a));
    text-decoration: none;
  }
  :focus-visible {
    outline: 2px solid var(--hearth-color-focus, var(--hearth-color-accent, light-dark(#2f5d50, #8fd3bf)));
    outline-offset: 2px;
  }
`;
