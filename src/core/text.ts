/**
 * Strings are made well-formed before anything encodes them to send or export: a lone surrogate
 * (half of an emoji cut off by a backend, a paste, a truncation) makes encodeURIComponent throw
 * and is refused by the server, so it becomes U+FFFD, as TextEncoder would write it.
 */
export const wellFormed = (text: string): string =>
  (text as { toWellFormed?(): string }).toWellFormed?.() ?? text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** JSON.stringify with every string made well-formed (JSON would otherwise carry a lone `\ud800` escape along). */
export const wellFormedJson = (value: unknown, space?: number): string =>
  JSON.stringify(value, (_, member: unknown) => (typeof member === 'string' ? wellFormed(member) : member), space);
