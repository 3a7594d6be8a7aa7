// The last minification pass of everything hearth ships (dist/ and `npm run size`): terser over
// esbuild's minified output. terser's compressor finds what esbuild's single pass leaves (about
// 2–3% of the gzipped size of an element) with safe options only.
import { minify } from 'terser';

export async function finalMinify(code) {
  const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 3 }, mangle: true, format: { comments: false } });
  return result.code;
}
