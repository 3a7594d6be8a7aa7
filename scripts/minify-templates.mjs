// Minifies the text inside Lit's tagged templates at build time (esbuild leaves template literals
// as they are): css`…` through esbuild's CSS minifier, html`…` by collapsing each run of
// whitespace that contains a line break into one space (what the HTML parser renders anyway;
// hearth's templates hold no <pre> or <textarea> and no attribute value spanning lines).
import { transformSync } from 'esbuild';

const CSS = /\bcss`([^`$\\]*)`/g;
const HTML = /\b(html|svg)`((?:[^`\\]|\\.)*)`/g;

export function minifyTemplates(code) {
  return code
    .replace(CSS, (_, text) => `css\`${transformSync(text, { loader: 'css', minify: true }).code.trim()}\``)
    .replace(HTML, (_, tag, text) => `${tag}\`${text.replace(/\s*\n\s*/g, ' ')}\``);
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
