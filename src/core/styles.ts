const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adopts a stylesheet (CSS text, made into one shared constructable stylesheet) into the document
 * or shadow root that holds `node`. Elements that render into the light DOM (so that their content
 * is part of the page: fragment links, reader modes, reference managers) use this instead of a
 * shadow root. Constructable stylesheets are allowed under a strict Content Security Policy, unlike
 * `<style>` elements or `style=""`.
 */
export function adoptStyles(node: Node, css: string): void {
  const root = node.getRootNode() as Document | ShadowRoot;
  let sheet = sheets.get(css);
  if (!sheet) {
    sheets.set(css, (sheet = new CSSStyleSheet()));
    sheet.replaceSync(css);
  }
  if (!('adoptedStyleSheets' in root) || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** CSS text as written (a tag so that the build minifies it like Lit's `css`). */
export const css = String.raw;
