/**
 * The language tag dates and times are written in: the element's nearest `lang` (the full tag,
 * "en-GB" as well as "uk"), else undefined (the browser's). Not the translation locale
 * (localization.ts `localeOf`): a page in a language hearth has no words for still gets its dates.
 * Its own module so that only the code that formats dates (lazy chunks) carries it.
 */
export function dateLocale(element: Element): string | undefined {
  const tag = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  try {
    return tag ? Intl.DateTimeFormat.supportedLocalesOf(tag)[0] : undefined;
  } catch {
    return undefined; // not a language tag
  }
}
