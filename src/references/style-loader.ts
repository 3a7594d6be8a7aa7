import { formatApa, needsMore } from './format/apa.js';
import { kit } from './links.js';
import type { CitationStyle } from './format/style.js';

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
/** The `citation-style` values (`<hearth-references>` checks the attribute against them). */
export const STYLES = ['apa', 'mla', 'chicago', 'ieee', 'vancouver', 'harvard'] as const;

/**
 * The style of that name (one of STYLES) for `data` (the list's items), or a promise that settles
 * when it has loaded (then ask again). Whether APA's data needs apa-more.ts is read at each ask (a
 * list of 1,000 items in well under a millisecond).
 */
export function styleNamed(name: (typeof STYLES)[number] | 'apaMore', data?: unknown): CitationStyle | Promise<unknown> {
  if (name == 'apa' && Array.isArray(data) && data.some(needsMore)) name = 'apaMore';
  return (styles[name] ??= importers[name]().then(
    (m) => (styles[name] = m[name] as CitationStyle),
    (error) => {
      delete styles[name]; // a failed chunk load (offline) is tried again next time
      throw error;
    },
  ));
}
