/** Side-effect entry: defines `<hearth-consultation-button>` (the booking flow loads lazily on first interaction). */
import { define } from '../core/define.js';
import { HearthConsultationButton } from '../consultation/consultation-button.js';

define('hearth-consultation-button', HearthConsultationButton);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-consultation-button': HearthConsultationButton;
  }
}
