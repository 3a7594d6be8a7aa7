// scripts/minify-templates.mjs: what it minifies, what it must leave alone, and the rule src/ keeps
// for what it cannot see (elements styled `white-space: pre…`, attribute values over several lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { minifyTemplates } from '../../scripts/minify-templates.mjs';

test('css`` goes through the CSS minifier', () => {
  const out = minifyTemplates('const s = css`\n  :host {\n    display: block;\n    color: red;\n  }\n`;');
  assert.equal(out, 'const s = css`:host{display:block;color:red}`;');
});

test('css``: the spaces esbuild keeps after commas, custom property colons and around "/" go; strings keep theirs', () => {
  const out = minifyTemplates(
    "const s = css`\n  :host {\n    --r: var(--hearth-radius, 6px);\n    color: var(--c, light-dark(#fff, #000));\n    margin: calc(var(--s) / 2);\n  }\n  a::after {\n    content: ', / ';\n  }\n`;",
  );
  assert.equal(out, "const s = css`:host{--r:var(--hearth-radius,6px);color:var(--c,light-dark(#fff,#000));margin:calc(var(--s)/2)}a:after{content:\", / \"}`;");
});

test('css`` with a ${…} or a backslash is left as written', () => {
  for (const code of ['const s = css`\n  a { color: ${c}; }\n`;', 'const s = css`\n  a::before { content: "\\2014"; }\n`;']) {
    assert.equal(minifyTemplates(code), code);
  }
});

test('html`` and svg``: whitespace with a line break becomes one space, spaces on a line stay', () => {
  const code = 'const t = html`<p>\n    <b>a</b>  <i>b</i>\n  </p>`;\nconst i = svg`<g>\n  <path d="M0 0"></path>\n</g>`;';
  assert.equal(minifyTemplates(code), 'const t = html`<p> <b>a</b>  <i>b</i> </p>`;\nconst i = svg`<g> <path d="M0 0"></path> </g>`;');
});

test('"css`" and "html`" in comments and strings are not templates', () => {
  const code = [
    '// the styles are a css` template, see `x`',
    '/* an html`<p>\n  x</p>` in a comment */',
    "const s = 'css`a {  }`', d = \"html`\\n`\";",
    'const t = `plain\n  text`;',
    'const u = html`<p>\n  y</p>`;',
  ].join('\n');
  const expected = code.replace('html`<p>\n  y</p>`', 'html`<p> y</p>`');
  assert.equal(minifyTemplates(code), expected);
});

test('templates nested in ${…} are minified, inside html``, plain template literals and calls', () => {
  const code = 'html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`; `${html`<a>\n b</a>`}`; f(`x${css`\n a { color: red }`}`);';
  assert.equal(minifyTemplates(code), 'html`<ul> ${items.map((i) => html`<li> ${i} </li>`)} </ul>`; `${html`<a> b</a>`}`; f(`x${css`a{color:red}`}`);');
});

test('<pre> and <textarea> keep their content, across ${…}; their opening tags and what follows are minified', () => {
  const code = [
    'html`<div>\n  <pre\n    tabindex="0">line 1\n  line 2 ${x}\n    line 3</pre>\n  <p>\n  after</p>`;',
    'html`<textarea id="t"\n  rows="3">\n  indented\n</textarea>\n<p>\n x</p>`;',
    'html`<PRE>\n a\n</PRE>`;',
  ].join('\n');
  assert.equal(
    minifyTemplates(code),
    [
      'html`<div> <pre tabindex="0">line 1\n  line 2 ${x}\n    line 3</pre> <p> after</p>`;',
      'html`<textarea id="t" rows="3">\n  indented\n</textarea> <p> x</p>`;',
      'html`<PRE>\n a\n</PRE>`;',
    ].join('\n'),
  );
});

test('a template nested in ${…} inside <pre> is kept as written; one after </pre> is minified', () => {
  const code = 'html`<pre>${html`<b>\n  x</b>`}\n</pre>\n${html`<i>\n  y</i>`}`;';
  assert.equal(minifyTemplates(code), 'html`<pre>${html`<b>\n  x</b>`}\n</pre> ${html`<i> y</i>`}`;');
});

test('an opening tag with a binding in it: the kept content starts at its ">"', () => {
  const code = 'html`<pre id=${id}\n  class="c">\n  kept</pre>`;';
  assert.equal(minifyTemplates(code), 'html`<pre id=${id} class="c">\n  kept</pre>`;');
});

// What the minifier cannot see, checked in src/: the static text of html``/svg`` templates, each
// `${…}` standing as "${}".
const files = readdirSync('src', { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join('src', f));

const parsed = new Map();
function templateTexts(file) {
  if (parsed.has(file)) return parsed.get(file);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const texts = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && /^(html|svg)$/.test(node.tag.text)) {
      const t = node.template;
      texts.push(ts.isNoSubstitutionTemplateLiteral(t) ? t.rawText : [t.head, ...t.templateSpans.map((s) => s.literal)].map((p) => p.rawText).join('${}'));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(file, texts);
  return texts;
}

test('src/: no quoted attribute value in an html`` template spans lines', () => {
  const found = files.flatMap((file) => templateTexts(file).flatMap((text) => [...text.matchAll(/[\w-]+="[^"]*\n[^"]*"/g)].map((m) => `${file}: ${m[0]}`)));
  assert.deepEqual(found, []);
});

test('src/: an element styled white-space: pre… holds no static line break (the minifier would make it a space)', () => {
  // Each rule with white-space: pre, pre-wrap, pre-line or break-spaces, by the last part of its
  // selector (`.body`, `dd`), applied to the templates in its styles' folder. <pre> and <textarea>
  // are the minifier's own business.
  const checked = [];
  const problems = [];
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const [, selectors] of code.matchAll(/([^{}]+)\{[^{}]*white-space:\s*(?:pre|break-spaces)[^{}]*\}/g)) {
      for (const selector of selectors.split(',')) {
        const last = selector.trim().replace(/\)+$/, '').split(/[\s>+~(]+/).pop();
        const element = /^(?:[a-z][\w-]*)?\.([\w-]+)$/.exec(last)
          ? `<([a-z][\\w-]*)\\b[^>]*\\bclass="(?:[^"]*\\s)?${last.replace(/^.*\./, '')}(?:\\s[^"]*)?"[^>]*>`
          : /^[a-z][\w-]*$/.test(last) && !/^(pre|textarea)$/.test(last)
            ? `<(${last})\\b[^>]*>`
            : undefined;
        if (!element) continue;
        for (const template of files.filter((f) => dirname(f) === dirname(file)).flatMap(templateTexts)) {
          for (const m of template.matchAll(new RegExp(`${element}([^]*?)</\\1>`, 'g'))) {
            checked.push(m[0]);
            if (/\n/.test(m[2])) problems.push(`${file} ${last}: ${m[0]}`);
          }
        }
      }
    }
  }
  assert.ok(checked.length > 0, 'found no element styled white-space: pre… (has the check gone stale?)');
  assert.deepEqual(problems, []);
});

test('src/: every file still parses once minified, and minifying again changes nothing', () => {
  for (const file of files) {
    const once = minifyTemplates(readFileSync(file, 'utf8'), file);
    const diagnostics = ts.transpileModule(once, { reportDiagnostics: true, fileName: file }).diagnostics ?? [];
    assert.deepEqual(
      diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
      [],
      file,
    );
    assert.equal(minifyTemplates(once, file), once, file);
  }
});
