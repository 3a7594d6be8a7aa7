/** Side-effect entry: defines `<hearth-message-box>` and the `<hearth-login-gate>` it uses. */
import './hearth-login-gate.js';
import { define } from '../core/define.js';
import { HearthMessageBox } from '../message-box/message-box.js';

define('hearth-message-box', HearthMessageBox);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-message-box': HearthMessageBox;
  }
}
