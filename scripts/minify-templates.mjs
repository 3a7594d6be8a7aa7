// Minifies the text inside Lit's tagged templates at build time (esbuild and terser leave template
// literals as they are): css`…` through esbuild's CSS minifier, html`…` and svg`…` by collapsing
// each run of whitespace that contains a line break into one space (what the HTML parser renders
// anyway where white-space is normal). Templates nested in `${…}` are minified too.
//
// The templates are found with TypeScript's parser, so a "css`" or "html`" in a comment or a string
// is not one, and nesting is exact. What is left alone:
// - the text inside <pre> and <textarea> (whitespace is content there), and any template nested in
//   a `${…}` written inside one;
// - css`` with a `${…}` or a backslash in it (rare; left as written);
// - an element styled `white-space: pre…` in CSS cannot be seen from its template: its static text
//   must not hold a line break (write `<p class="body">${text}</p>`, not the binding on lines of its
//   own). test/scripts/minify-templates.test.mjs checks that rule in src/, and that no quoted
//   attribute value spans lines (its line break would become a space).
import ts from 'typescript';
import { transformSync } from 'esbuild';

const collapse = (text) => text.replace(/\s*\n\s*/g, ' ');

/**
 * esbuild's CSS minifier keeps the space after each comma inside var(), light-dark() and custom
 * property values (`var(--a, Canvas)`), after a custom property's colon, and around a `/` (calc(), grid lines); the
 * browser reads them the same without it. Quoted strings are left as they are.
 */
const minifyCss = (text) =>
  transformSync(text, { loader: 'css', minify: true })
    .code.trim()
    .replace(/("[^"]*"|'[^']*')|(,|--[\w-]+:|\s\/) /g, (_, string, before) => string ?? before.trim());

// The start of an opening or closing <pre> or <textarea>, and the end of a tag: from the end of an
// opening one to its closing one, the text is kept (the attributes of the opening tag are not).
const KEEP = /<(\/?)(pre|textarea)\b|>/gi;

/**
 * Minifies a run of html`` text. `state` carries, to the next run of the same template, the
 * whitespace-keeping element whose opening tag is being read (`opening`) or whose content is (`keep`).
 */
function html(text, state) {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(KEEP)) {
    const run = text.slice(last, m.index);
    out += state.keep ? run : collapse(run);
    last = m.index;
    const name = m[2]?.toLowerCase();
    if (!name && state.opening) [state.keep, state.opening] = [state.opening, ''];
    else if (name && m[1] && state.keep === name) state.keep = '';
    else if (name && !m[1] && !state.keep) state.opening = name;
  }
  const rest = text.slice(last);
  return out + (state.keep ? rest : collapse(rest));
}

export function minifyTemplates(code, fileName = 'module.ts') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** [start, end, replacement] of each literal text run, in source order. */
  const edits = [];
  // A template literal's text runs: `…${ … }…${ … }…`; the positions exclude the delimiters.
  const edit = (part, replace) => {
    const start = part.getStart(source) + 1;
    const end = part.end - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
    const text = code.slice(start, end);
    const replaced = replace(text);
    if (replaced !== text) edits.push([start, end, replaced]);
  };
  const visit = (node, keep) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const template = node.template;
      if (tag === 'css' && ts.isNoSubstitutionTemplateLiteral(template)) {
        edit(template, (text) => (text.includes('\\') ? text : minifyCss(text)));
        return;
      }
      if ((tag === 'html' || tag === 'svg') && !keep) {
        const state = { opening: '', keep: '' };
        if (ts.isNoSubstitutionTemplateLiteral(template)) return edit(template, (text) => html(text, state));
        edit(template.head, (text) => html(text, state));
        for (const span of template.templateSpans) {
          visit(span.expression, state.keep !== '');
          edit(span.literal, (text) => html(text, state));
        }
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, keep));
  };
  visit(source, false);
  let out = code;
  for (const [start, end, text] of edits.reverse()) out = out.slice(0, start) + text + out.slice(end);
  return out;
}
