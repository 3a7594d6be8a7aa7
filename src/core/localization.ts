/**
 * Localization: every visible string goes through @lit/localize's `msg()`, with explicit ids
 * (`msg('No references', { id: 'references.empty' })`) so translations survive wording changes.
 *
 * @lit/localize's own runtime has one locale per page. hearth follows the nearest `lang` attribute
 * of each element (element, then document), so a Ukrainian widget can sit in an English page. We
 * install our own `msg()` implementation that reads the templates of the element that is
 * rendering right now: `HearthElement.update()` calls `withLocale(locale, render)`, and rendering is
 * synchronous. Translations load lazily, one chunk per locale, the first time a locale is needed.
 *
 * If the host page configured @lit/localize itself first, its `msg()` stays installed and hearth's
 * strings follow the page's locale instead (documented in the README).
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { joinStringsAndValues } from '@lit/localize/internal/str-tag.js';
import type { StrResult } from '@lit/localize/internal/str-tag.js';
import type { MsgFn, TemplateMap } from '@lit/localize/internal/types.js';

export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';

export const sourceLocale = 'en';

const loaders: Record<string, () => Promise<{ templates: TemplateMap }>> = {
  uk: () => import('../locales/uk.js'),
};

/** The locales hearth ships: the source locale plus every translation. */
export const supportedLocales = [sourceLocale, ...Object.keys(loaders)];

const loaded = new Map<string, TemplateMap>();
const pending = new Map<string, Promise<void>>();
let active: TemplateMap | undefined;

/**
 * hearth's msg(): looks a message up by its explicit id in the rendering element's locale, else
 * renders the English source. (@lit/localize's runtime also hashes templates that have no id; all
 * of hearth's messages have ids, so that code is left out of the bundle.)
 */
function localizedMsg(template: string | StrResult, options?: { id?: string }): string {
  const localized = options?.id ? (active?.[options.id] as string | StrResult | undefined) : undefined;
  const source = typeof template === 'string' ? undefined : template;
  if (typeof localized === 'string') return localized;
  if (localized) return joinStringsAndValues(localized.strings, source?.values ?? [], localized.values as number[]);
  return source ? joinStringsAndValues(source.strings, source.values) : (template as string);
}

try {
  _installMsgImplementation(localizedMsg as MsgFn);
} catch {
  // Another copy of hearth or the host page configured @lit/localize first; its msg() stays.
}

/** The supported locale for a BCP 47 tag: "uk-UA" -> "uk"; unknown or empty -> "en". */
export function matchLocale(tag: string | null | undefined): string {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return supportedLocales.includes(base) ? base : sourceLocale;
}

/** The locale an element speaks: its nearest `lang` attribute, then the document's. */
export function localeOf(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || element.ownerDocument.documentElement.lang;
  return matchLocale(lang);
}

/** True when the locale's strings are ready (the source locale always is). */
export function isLocaleReady(locale: string): boolean {
  return locale === sourceLocale || loaded.has(locale);
}

/** Loads a locale's translations once; resolves when they are ready (or failed: English is used). */
export function loadLocale(locale: string): Promise<void> {
  if (isLocaleReady(locale) || !loaders[locale]) return Promise.resolve();
  let promise = pending.get(locale);
  if (!promise) {
    promise = loaders[locale]().then(
      (module) => void loaded.set(locale, module.templates),
      () => void pending.delete(locale),
    );
    pending.set(locale, promise);
  }
  return promise;
}

/** Runs `render` with `msg()` answering in `locale`. */
export function withLocale<T>(locale: string, render: () => T): T {
  const previous = active;
  active = loaded.get(locale);
  try {
    return render();
  } finally {
    active = previous;
  }
}

// Elements that follow `lang`: one observer for the whole document tells them when it changes.
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Calls `listener` whenever a `lang` attribute changes anywhere in the document; returns the unsubscribe. */
export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
