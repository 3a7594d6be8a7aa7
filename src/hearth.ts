/**
 * The entry of `dist/hearth.js`, the one file a site loads with a script tag: defines every element
 * and exports nothing, so the bundle holds only what the elements use (the HTTP client, the
 * translations and later the booking flow stay lazy chunks). npm users import `src/index.ts`
 * (classes, types, the formatter) or the `define/*` entries instead.
 */
import './define/hearth-provider.js';
import './define/hearth-references.js';
import './define/hearth-login-gate.js';
import './define/hearth-message-box.js';
import './define/hearth-consultation-button.js';
