/**
 * Side-effect entry: defines `<hearth-desk>`, the care team's inbox. Built on its own into
 * `dist/hearth-desk.js` (the server's /desk page loads it), so `dist/hearth.js` stays as small as
 * the visitors' elements need.
 */
import { define } from '../core/define.js';
import { HearthDesk } from '../desk/desk.js';

define('hearth-desk', HearthDesk);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-desk': HearthDesk;
  }
}
