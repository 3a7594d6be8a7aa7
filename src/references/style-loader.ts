import { formatApa } from './format/apa.js';
import { kit } from './links.js';
import type { CitationStyle } from './format/style.js';

/**
 * The citation styles by `citation-style` value. APA's entries ship with the element; every other
 * style is a lazy chunk, so a page downloads only the styles it uses.
 */
const importers: Record<string, () => Promise<CitationStyle>> = {
  mla: () => import('./format/mla.js').then((m) => m.mla),
  chicago: () => import('./format/chicago.js').then((m) => m.chicago),
  ieee: () => import('./format/ieee.js').then((m) => m.ieee),
  vancouver: () => import('./format/vancouver.js').then((m) => m.vancouver),
  harvard: () => import('./format/harvard.js').then((m) => m.harvard),
};
/**
 * APA's entries ship with the list; its in-text citations come with the `<hearth-cite>` chunk (they are
 * only asked for by citations, so the chunk has loaded by then).
 */
const styles: Record<string, CitationStyle | Promise<unknown>> = { apa: { entry: formatApa, citation: (cites) => kit.apaCitation!(cites) } };
const warned = new Set<string>();

/**
 * The style of that name, or a promise that settles when it has loaded (then ask again). An unknown
 * name is APA, with one console warning.
 */
export function styleNamed(name: string): CitationStyle | Promise<unknown> {
  name = name.toLowerCase();
  if (!importers[name] && name != 'apa') {
    if (!warned.has(name)) console.warn(`hearth: citation-style ${name}? Using apa`);
    warned.add(name);
    name = 'apa';
  }
  return (styles[name] ??= importers[name]().then(
    (style) => (styles[name] = style),
    (error) => {
      delete styles[name]; // a failed chunk load (offline) is tried again next time
      throw error;
    },
  ));
}
