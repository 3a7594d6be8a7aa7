import { unsafeCSS, type CSSResult } from '@lit/reactive-element/css-tag.js';

/**
 * CSS as a tagged template (the build minifies its text): a CSSResult, for an element's
 * `static styles` or for adoptStyles. Lit's own css tag also checks that each interpolated
 * value is a CSSResult, and that check's message costs every bundle about 130 B gzipped (measured:
 * message box, booking flow, desk); hearth's styles interpolate only their own constants.
 */
export const css = (strings: TemplateStringsArray, ...values: unknown[]): CSSResult => unsafeCSS(String.raw(strings, ...values));
