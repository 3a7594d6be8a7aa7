/**
 * Localization: every visible string goes through @lit/localize's `msg()`, with explicit ids
 * (`msg('No references', { id: 'references.empty' })`) so translations survive wording changes.
 *
 * @lit/localize's own runtime has one locale per page. hearth follows the nearest `lang` attribute
 * of each element (element, then document), so a Ukrainian widget can sit in an English page. We
 * install our own `msg()` implementation that reads the templates of the element that is
 * rendering right now: `HearthElement.update()` calls `withLocale(locale, render)`, and rendering is
 * synchronous. Translations load lazily, one chunk per locale, the first time a locale is needed,
 * through one more small chunk, ../locales/index.ts, that knows where each locale's chunk is.
 *
 * If the host page configured @lit/localize itself first, its `msg()` stays installed and hearth's
 * strings follow the page's locale instead (documented in the README).
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { joinStringsAndValues, type StrResult } from '@lit/localize/internal/str-tag.js';
import type { MsgFn, TemplateMap } from '@lit/localize/internal/types.js';

export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';

/**
 * The translations hearth ships (English is the source): their codes, which `localeOf` checks
 * synchronously. Their loaders are in ../locales/index.ts, itself a lazy chunk, so each language
 * costs the bundles its code here and no import of its own.
 */
const locales = ['uk', 'de', 'fr', 'es', 'ar'];
const templates: Record<string, TemplateMap> = {};
const loading: Record<string, Promise<void>> = {};
let active: TemplateMap | undefined;

/**
 * hearth's msg(): looks a message up by its explicit id in the rendering element's locale, else
 * renders the English source. (@lit/localize's runtime also hashes templates that have no id; all
 * of hearth's messages have ids, so that code is left out of the bundle.)
 */
function localizedMsg(template: string | StrResult, options?: { id?: string }): string {
  const localized = active?.[options?.id ?? ''] as string | StrResult | undefined;
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

/** The locale an element speaks: its nearest `lang` attribute, then the document's ("uk-UA" -> "uk"); "en" when unsupported. */
export function localeOf(element: Element): string {
  const lang = (element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang).split('-')[0].toLowerCase();
  return locales.includes(lang) ? lang : 'en';
}

/** Loads a locale's translations once; resolves when they are ready (or failed: English is used). */
export const loadLocale = (locale: string): Promise<void> =>
  (loading[locale] ??= locales.includes(locale)
    ? import('../locales/index.js')
        .then((index) => index.locales[locale]())
        .then(
          (module) => void (templates[locale] = module.templates),
          () => void delete loading[locale],
        )
    : Promise.resolve());

/**
 * Runs `render` with `msg()` answering in `locale`, and leaves it so: a message made later in an
 * event handler (a form's error at submit) answers in the language of the element rendered last.
 * On a page in one language that is that language; before, such messages were always English. An
 * element whose page mixes languages makes its handlers' messages in `withLocale` itself.
 */
export function withLocale<T>(locale: string, render: () => T): T {
  active = templates[locale];
  return render();
}

// Elements that follow `lang`: one observer for the whole document tells them when it changes. Made
// with the first listener, so that importing this module touches no DOM (the citation styles, which
// use msg(), also run in Node: benchmarks, the oracle script).
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Calls `listener` whenever a `lang` attribute changes anywhere in the document; returns the unsubscribe. */
export function onLangChange(listener: () => void): () => void {
  // Observing again with the same options changes nothing.
  (observer ??= new MutationObserver(() => listeners.forEach((each) => each()))).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
  listeners.add(listener);
  return () => listeners.delete(listener);
}
