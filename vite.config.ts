import { defineConfig, type Plugin } from 'vite';
import { transform } from 'esbuild';
// @ts-expect-error: a plain .mjs build script without type declarations
import { minifyTemplates } from './scripts/minify-templates.mjs';
// @ts-expect-error: a plain .mjs build script without type declarations
import { finalMinify } from './scripts/minify.mjs';

/**
 * Vite's library mode keeps whitespace in ES output (and its own transpile step re-prints whatever
 * renderChunk returns), so the finished chunks are minified once more, fully (esbuild, then terser:
 * scripts/minify.mjs), when the bundle is written. Source maps would no longer match, so dist/hearth.js ships without them; dist/lib has
 * maps for npm users.
 */
const minifyChunks: Plugin = {
  name: 'hearth-minify-chunks',
  enforce: 'post',
  async generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const result = await transform(chunk.code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
      chunk.code = await finalMinify(result.code);
    }
  },
};

/** Minifies the text of Lit's css`` and html`` templates in hearth's own sources. */
const minifyLitTemplates: Plugin = {
  name: 'hearth-minify-templates',
  transform(code, id) {
    return /[\\/]src[\\/].*\.ts$/.test(id) ? { code: minifyTemplates(code), map: null } : undefined;
  },
};

/**
 * Builds `dist/hearth.js`: the one file a site loads with `<script type="module">`. Lit is bundled;
 * lazy pieces (translations, later the booking flow) become chunks beside it in `dist/chunks/`,
 * imported by relative URL, so `dist/` can be copied to any static host or CDN as it is.
 * (The per-element ES modules for npm users are emitted by `tsc -p tsconfig.build.json`.)
 */
export default defineConfig({
  plugins: [minifyLitTemplates, minifyChunks],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false, // done by minifyChunks, fully
    sourcemap: false,
    lib: {
      entry: 'src/hearth.ts',
      formats: ['es'],
      fileName: () => 'hearth.js',
    },
    rollupOptions: {
      // Let the entry export internals to its lazy chunks, instead of Rollup moving everything
      // into a shared chunk behind a one-line hearth.js.
      preserveEntrySignatures: 'allow-extension',
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  esbuild: { legalComments: 'none' },
});
