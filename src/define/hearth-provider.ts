/** Side-effect entry: defines `<hearth-provider>`. */
import { ContextRoot } from '@lit/context';
import { define } from '../core/define.js';
import { HearthProvider } from '../provider/provider.js';

// Elements that ask for a backend before their provider is upgraded get it when it arrives. One
// context root per page, even when two copies of hearth are loaded (Symbol.for is shared by both).
const ROOT = Symbol.for('hearth.contextRoot');
const page = window as { [ROOT]?: ContextRoot };
if (!page[ROOT]) {
  page[ROOT] = new ContextRoot();
  page[ROOT].attach(document.documentElement);
}
define('hearth-provider', HearthProvider);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-provider': HearthProvider;
  }
}
