import { apa } from './format/apa.js';
import type { CitationStyle } from './format/style.js';

/**
 * The citation styles by `citation-style` value. APA ships with the element; every other style is
 * a lazy chunk, so a page downloads only the styles it uses.
 */
const importers: Record<string, () => Promise<CitationStyle>> = {
  mla: () => import('./format/mla.js').then((m) => m.mla),
  chicago: () => import('./format/chicago.js').then((m) => m.chicago),
  ieee: () => import('./format/ieee.js').then((m) => m.ieee),
  vancouver: () => import('./format/vancouver.js').then((m) => m.vancouver),
  harvard: () => import('./format/harvard.js').then((m) => m.harvard),
};
const styles: Record<string, CitationStyle | Promise<unknown>> = { apa };
const warned = new Set<string>();

/**
 * The style of that name, or a promise that settles when it has loaded (then ask again). An unknown
 * name is APA, with one console warning.
 */
export function styleNamed(name: string): CitationStyle | Promise<unknown> {
  name = name.toLowerCase();
  if (!importers[name] && name != 'apa') {
    if (!warned.has(name)) console.warn(`hearth: unknown citation-style "${name}"; using apa`);
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
