/**
 * Safe text from untrusted data: a URL allowlist and a tiny markup subset for annotations.
 *
 * Annotations may contain `<i> <em> <b> <strong> <a href>`. We never hand the string to an HTML
 * parser (that would be a Trusted Types sink and an XSS risk): a small tokenizer turns it into a
 * tree of allowed tags and text, which elements render through Lit text bindings. Any other tag is
 * dropped but its text kept (the content of `<script>` and `<style>` is dropped too); links keep
 * only http, https and mailto URLs.
 */

export type MarkupTag = 'i' | 'em' | 'b' | 'strong' | 'a';
export interface MarkupElement {
  tag: MarkupTag;
  href?: string;
  children: MarkupNode[];
}
export type MarkupNode = string | MarkupElement;

const DEFAULT_SCHEMES = ['http:', 'https:'];

/** The URL, absolute and normalized, when its scheme is allowed; otherwise undefined. */
export function safeUrl(value: unknown, schemes: readonly string[] = DEFAULT_SCHEMES): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), document.baseURI);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references people actually write in JSON annotations. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const ALLOWED = new Set<string>(['i', 'em', 'b', 'strong', 'a']);
const TAG = /<(\/?)([a-z][a-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->/gi;
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** Parses the annotation markup subset into a safe tree. Non-strings give an empty tree. */
export function parseSafeMarkup(input: unknown): MarkupNode[] {
  const root: MarkupElement = { tag: 'i', children: [] };
  if (typeof input !== 'string') return root.children;
  const stack: MarkupElement[] = [root];
  let skipUntil = '';
  let last = 0;
  const text = (s: string) => {
    if (!s || skipUntil) return;
    const children = stack[stack.length - 1].children;
    const value = decodeEntities(s);
    const prev = children[children.length - 1];
    if (typeof prev === 'string') children[children.length - 1] = prev + value;
    else children.push(value);
  };
  for (const match of input.matchAll(TAG)) {
    text(input.slice(last, match.index));
    last = match.index! + match[0].length;
    const [, closing, rawName, attributes = ''] = match;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = '';
      continue;
    }
    if (name === 'script' || name === 'style') {
      if (!closing) skipUntil = name;
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (closing) {
      const at = stack.findLastIndex((el, i) => i > 0 && el.tag === name);
      if (at > 0) stack.length = at;
      continue;
    }
    const element: MarkupElement = { tag: name as MarkupTag, children: [] };
    if (name === 'a') {
      const href = HREF.exec(attributes);
      const url = href && safeUrl(decodeEntities(href[1] ?? href[2] ?? href[3]), [...DEFAULT_SCHEMES, 'mailto:']);
      if (url) element.href = url;
    }
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  }
  text(input.slice(last));
  return root.children;
}
