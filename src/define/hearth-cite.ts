/** Side-effect entry: defines `<hearth-cite>` (in-text citations of a `<hearth-references>` list). */
import { define } from '../core/define.js';
import { HearthCite } from '../references/cite.js';

define('hearth-cite', HearthCite);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-cite': HearthCite;
  }
}
