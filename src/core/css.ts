import { unsafeCSS, type CSSResult } from '@lit/reactive-element/css-tag.js';

/**
 * CSS as a tagged template (the build minifies its text): a CSSResult, for an element's
 * `static styles` or for adoptStyles. Unlike Lit's own css tag it does not check that each
 * interpolated value is a CSSResult: hearth's styles interpolate only their own constants, and the
 * check's cost is measured in docs/architecture.md (Kept tricks).
 */
export const css = (strings: TemplateStringsArray, ...values: unknown[]): CSSResult => unsafeCSS(String.raw(strings, ...values));
