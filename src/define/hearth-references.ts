/**
 * Side-effect entry: defines `<hearth-references>`, and `<hearth-cite>` as soon as the page has a
 * citation: the citation element (with its previews and APA's in-text form) is a lazy chunk, so a
 * list without citations never loads it. (Import `define/hearth-cite.js` to define it at once.)
 */
import { define } from '../core/define.js';
import { HearthReferences } from '../references/references.js';

define('hearth-references', HearthReferences);

const CITE = 'hearth-cite';
const load = () => import('./hearth-cite.js');
if (document.querySelector(CITE)) load();
else {
  // Citations added later (a page that renders its essay with script): load at the first one.
  const observer = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName == 'HEARTH-CITE' || (n as Element).querySelector?.(CITE)))) {
      observer.disconnect();
      load();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

declare global {
  interface HTMLElementTagNameMap {
    'hearth-references': HearthReferences;
  }
}
