/** Side-effect entry: defines `<hearth-references>`. */
import { define } from '../core/define.js';
import { HearthReferences } from '../references/references.js';

define('hearth-references', HearthReferences);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-references': HearthReferences;
  }
}
