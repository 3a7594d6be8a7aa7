/**
 * Side-effect entry: defines `<hearth-references>`, and `<hearth-cite>` once a list finds a citation
 * in the page: the citation element (with its previews and APA's in-text form) is a lazy chunk, so a
 * list without citations never loads it. A page that adds its first citation after the lists have
 * rendered imports `define/hearth-cite.js` itself.
 */
import { define } from '../core/define.js';
import { HearthReferences } from '../references/references.js';

define('hearth-references', HearthReferences);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-references': HearthReferences;
  }
}
