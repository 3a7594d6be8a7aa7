/**
 * The translations hearth ships, each its own lazy chunk. This index is itself a lazy chunk: the
 * bundles import it with one dynamic import (src/core/localization.ts), so a new language adds no
 * import to them, only its code to the short list there (`locales`, for `localeOf`'s synchronous
 * check). A language is enabled in both places.
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';

export const locales: Record<string, () => Promise<{ templates: TemplateMap }>> = {
  uk: () => import('./uk.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
};
