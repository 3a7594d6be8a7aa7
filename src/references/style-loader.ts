import { formatApa, needsMore } from './format/apa.js';
import { kit } from './links.js';
import type { CitationStyle } from './format/style.js';
import type { CslItem } from '../core/backend.js';

/**
 * The citation styles by `citation-style` value, each a lazy chunk that exports its style under that
 * name, so a page downloads only the styles it uses. APA's entries ship with the element, but for
 * its rare types, date ranges and the like (`needsMore`) it is the chunk `apaMore` (camel case: as
 * `citation-style` values are lower-cased, none names it).
 */
// Exported for tests (a failing chunk load); nothing else imports it.
export const importers: Record<string, () => Promise<Record<string, unknown>>> = {
  mla: () => import('./format/mla.js'),
  chicago: () => import('./format/chicago.js'),
  ieee: () => import('./format/ieee.js'),
  vancouver: () => import('./format/vancouver.js'),
  harvard: () => import('./format/harvard.js'),
  apaMore: () => import('./format/apa-style.js'),
};
/**
 * APA's entries ship with the list; its in-text citations come with the `<hearth-cite>` chunk (they are
 * only asked for by citations, so the chunk has loaded by then).
 */
const styles: Record<string, CitationStyle | Promise<unknown>> = { apa: { entry: formatApa, citation: (cites) => kit.apaCitation!(cites) } };
const warned = new Set<string>();

/**
 * The style of that name for `data` (the list's items), or a promise that settles when it has loaded
 * (then ask again). An unknown name is APA, with one console warning.
 */
export function styleNamed(name: string, data?: unknown): CitationStyle | Promise<unknown> {
  name = name.toLowerCase();
  if (!importers[name] && name != 'apa') {
    if (!warned.has(name)) console.warn(`hearth: citation-style ${name}? Using apa`);
    warned.add(name);
    name = 'apa';
  }
  if (name == 'apa' && (data as CslItem[] | undefined)?.some?.(needsMore)) name = 'apaMore';
  return (styles[name] ??= importers[name]().then(
    (m) => (styles[name] = m[name] as CitationStyle),
    (error) => {
      delete styles[name]; // a failed chunk load (offline) is tried again next time
      throw error;
    },
  ));
}
