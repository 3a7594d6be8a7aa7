// Minifies the text inside Lit's tagged templates at build time (esbuild leaves template literals
// as they are): css`…` through esbuild's CSS minifier, html`…` by collapsing each run of
// whitespace that contains a line break into one space (what the HTML parser renders anyway;
// hearth's templates hold no <pre> or <textarea> and no attribute value spanning lines). Templates
// nested in `${…}` of an html template are minified too: a small scanner follows the expressions,
// skipping strings, comments and other template literals.
import { transformSync } from 'esbuild';

const CSS = /\bcss`([^`$\\]*)`/g;
const TAG = /\b(?:html|svg)`/g;

/** Scans a template literal from just after its opening backtick; returns [text, index after the closing backtick]. */
function template(code, i, minify) {
  let out = '';
  let text = '';
  const flush = () => {
    out += minify ? text.replace(/\s*\n\s*/g, ' ') : text;
    text = '';
  };
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      flush();
      return [out, i + 1];
    } else if (c === '$' && code[i + 1] === '{') {
      flush();
      const [expr, end] = expression(code, i + 2);
      out += '${' + expr + '}';
      i = end;
    } else {
      text += c;
      i++;
    }
  }
  throw new Error('minify-templates: unterminated template literal');
}

/** Scans a `${…}` expression from just after `${`; returns [source, index after its closing brace]. */
function expression(code, i) {
  let out = '';
  let depth = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '}' && depth === 0) return [out, i + 1];
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (c === '`') {
      const tagged = /\b(?:html|svg)$/.test(out);
      const [text, end] = template(code, i + 1, tagged);
      out += '`' + text + '`';
      i = end;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(code, i);
      out += code.slice(i, end);
      i = end;
    } else if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      out += code.slice(i, end);
      i = end;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i) + 2;
      out += code.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  throw new Error('minify-templates: unterminated ${…}');
}

function stringEnd(code, i) {
  const quote = code[i];
  for (i++; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i + 1;
  }
  return i;
}

export function minifyTemplates(code) {
  code = code.replace(CSS, (_, text) => `css\`${transformSync(text, { loader: 'css', minify: true }).code.trim()}\``);
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let m; (m = TAG.exec(code)); ) {
    const [text, end] = template(code, m.index + m[0].length, true);
    out += code.slice(last, m.index + m[0].length) + text + '`';
    last = TAG.lastIndex = end;
  }
  return out + code.slice(last);
}

/** The same as an esbuild plugin (size checks, benchmarks). */
export const minifyTemplatesEsbuild = {
  name: 'hearth-minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: minifyTemplates(await readFile(path, 'utf8')), loader: 'ts' };
    });
  },
};
