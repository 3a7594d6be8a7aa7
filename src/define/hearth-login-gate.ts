/** Side-effect entry: defines `<hearth-login-gate>`. */
import { define } from '../core/define.js';
import { HearthLoginGate } from '../login-gate/login-gate.js';

define('hearth-login-gate', HearthLoginGate);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-login-gate': HearthLoginGate;
  }
}
