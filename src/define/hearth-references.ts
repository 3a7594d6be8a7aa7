/**
 * Side-effect entry: defines `<hearth-references>` and `<hearth-cite>` (a references list and its
 * in-text citations are one use case, so one script tag brings both).
 */
import { define } from '../core/define.js';
import { HearthReferences } from '../references/references.js';
import './hearth-cite.js';

define('hearth-references', HearthReferences);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-references': HearthReferences;
  }
}
