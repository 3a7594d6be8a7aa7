/** Side-effect entry: defines `<hearth-provider>`. */
import { ContextRoot } from '@lit/context';
import { define } from '../core/define.js';
import { HearthProvider } from '../provider/provider.js';

// Elements that ask for a backend before their provider is upgraded get it when it arrives.
const w = window as { __hearthContextRoot?: boolean };
if (!w.__hearthContextRoot) {
  w.__hearthContextRoot = true;
  new ContextRoot().attach(document.documentElement);
}
define('hearth-provider', HearthProvider);

declare global {
  interface HTMLElementTagNameMap {
    'hearth-provider': HearthProvider;
  }
}
