/**
 * Safe text from untrusted data: a URL allowlist and a tiny markup subset for annotations.
 *
 * Annotations may contain `<i> <em> <b> <strong> <a href>`. We never hand the string to an HTML
 * parser (that would be a Trusted Types sink and an XSS risk): a small tokenizer turns it into a
 * tree of allowed tags and text, which elements render through Lit text bindings. Any other tag is
 * dropped and its content kept as plain text (so `<script>x</script>` shows "x", inert); links
 * keep only http, https and mailto URLs.
 */

export type MarkupTag = 'i' | 'em' | 'b' | 'strong' | 'a';
export interface MarkupElement {
  tag: MarkupTag;
  href?: string;
  children: MarkupNode[];
}
export type MarkupNode = string | MarkupElement;

/** The URL, absolute and normalized, when its scheme is allowed; otherwise undefined. */
export function safeUrl(value: unknown, schemes = 'http:https:'): string | undefined {
  try {
    const url = new URL(String(value).trim(), document.baseURI);
    if (typeof value === 'string' && value.trim() && schemes.includes(url.protocol)) return url.href;
  } catch {
    // not a URL
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' };

/** Decodes the character references people actually write in JSON annotations. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#x?)?(\w+);/gi, (whole, hash: string | undefined, name: string) => {
    const code = hash ? parseInt(name, hash.length > 1 ? 16 : 10) : 0;
    return hash ? (code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole) : (ENTITIES[name.toLowerCase()] ?? whole);
  });

/** Text, a comment, or a tag with its name and attributes (quoted values may hold `>`). */
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</gi;
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** Parses the annotation markup subset into a safe tree. Non-strings give an empty tree. */
export function parseSafeMarkup(input: unknown): MarkupNode[] {
  const stack: MarkupElement[] = [{ tag: 'i', children: [] }];
  for (const [token, closing, rawName, attributes = ''] of typeof input === 'string' ? input.matchAll(TOKEN) : []) {
    const name = rawName?.toLowerCase();
    const top = stack[stack.length - 1].children;
    if (!name) {
      if (token[1] !== '!') {
        const text = decodeEntities(token);
        if (typeof top[top.length - 1] === 'string') top[top.length - 1] += text;
        else top.push(text);
      }
    } else if (/^(i|em|b|strong|a)$/.test(name)) {
      if (closing) {
        const at = stack.findLastIndex((el, i) => i && el.tag === name);
        if (at > 0) stack.length = at;
      } else {
        const element: MarkupElement = { tag: name as MarkupTag, children: [] };
        const href = name === 'a' && HREF.exec(attributes);
        const url = href && safeUrl(decodeEntities(href[1] ?? href[2] ?? href[3]), 'http:https:mailto:');
        if (url) element.href = url;
        top.push(element);
        stack.push(element);
      }
    }
  }
  return stack[0].children;
}
