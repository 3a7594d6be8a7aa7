import { defineConfig, type Plugin } from 'vite';
import { transform } from 'esbuild';

/** Vite's library mode keeps whitespace in ES output; this plugin minifies every chunk fully. */
const minifyChunks: Plugin = {
  name: 'hearth-minify-chunks',
  async renderChunk(code) {
    const result = await transform(code, { minify: true, format: 'esm', target: 'es2022', sourcemap: true, legalComments: 'none' });
    return { code: result.code, map: result.map };
  },
};

/**
 * Builds `dist/hearth.js`: the one file a site loads with `<script type="module">`. Lit is bundled;
 * lazy pieces (translations, later the booking flow) become chunks beside it in `dist/chunks/`,
 * imported by relative URL, so `dist/` can be copied to any static host or CDN as it is.
 * (The per-element ES modules for npm users are emitted by `tsc -p tsconfig.build.json`.)
 */
export default defineConfig({
  plugins: [minifyChunks],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: 'esbuild',
    sourcemap: true,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'hearth.js',
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  esbuild: { legalComments: 'none' },
});
