import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
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
 * The build of one bundle: `entry` into `dist/<fileName>`, Lit bundled; lazy pieces (translations,
 * the HTTP client, the booking flow) become chunks beside it in `dist/chunks/`, imported by relative
 * URL, so `dist/` can be copied to any static host or CDN as it is. (The per-element ES modules for
 * npm users are emitted by `tsc -p tsconfig.build.json`.) `npm run size` (scripts/size.mjs) builds each
 * element with this same function, so the budgets are checked on what ships.
 */
export const bundle = (entry: string, fileName: string, plugins: Plugin[] = []): UserConfig => ({
  plugins: [minifyLitTemplates, minifyChunks, ...plugins],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false, // done by minifyChunks, fully
    sourcemap: false,
    lib: {
      entry,
      formats: ['es'],
      fileName: () => fileName,
    },
    rollupOptions: {
      // Let the entry export internals to its lazy chunks, instead of Rollup moving everything
      // into a shared chunk behind a one-line entry file.
      preserveEntrySignatures: 'allow-extension',
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  esbuild: { legalComments: 'none' },
});

/**
 * `dist/hearth-desk.js`, the care team's `<hearth-desk>` (the server's /desk page loads it), is a
 * build of its own, run once `dist/hearth.js` is written: one Rollup graph for both would move Lit
 * and the core into a chunk shared by the two, and every visitor-facing page would pay a request
 * (and a few bytes) for the desk's sake. Its lazy chunks go to `dist/chunks/` too.
 */
const deskBundle: Plugin = {
  name: 'hearth-desk-bundle',
  apply: 'build',
  async closeBundle() {
    await build({ ...bundle('src/define/hearth-desk.ts', 'hearth-desk.js'), configFile: false, logLevel: 'warn' });
  },
};

/** `dist/hearth.js`: the one file a site loads with `<script type="module">` (every visitor-facing element), then `dist/hearth-desk.js`. */
export default defineConfig(bundle('src/hearth.ts', 'hearth.js', [deskBundle]));
