// npm run size: min+gzip bytes per element and of dist/hearth.js, measured on what `npm run build`
// ships: each element's entry is built with vite.config.ts's own `bundle()` (the same Rollup
// chunking and the same minification, scripts/minify.mjs) into a temporary folder, and the files it
// writes are measured. Fails when a budget is exceeded. Lazy chunks (translations, styles, parsers,
// the booking flow) are listed apart by name: a page pays for them only when it needs them.
import { build, mergeConfig } from 'vite';
import { tsImport } from 'tsx/esm/api';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const { bundle } = await tsImport('../vite.config.ts', import.meta.url);

const elements = [
  // The blogger's use case: the list, <hearth-cite>, APA and CSL-JSON input (other styles, the BibTeX
  // and RIS parsers and the reader tools are lazy chunks, listed by name).
  { name: '<hearth-references> + <hearth-cite>', entry: 'src/define/hearth-references.ts', budget: 14_000 },
  { name: '<hearth-provider>', entry: 'src/define/hearth-provider.ts' },
  // Before sign-in. The conversation thread is a lazy chunk loaded once the visitor is signed in,
  // measured on its own line (with any shared chunk it pulls in that the box had not loaded).
  { name: '<hearth-message-box> (with gate)', entry: 'src/define/hearth-message-box.ts', budget: 14_000, lazyBudgets: { thread: 6_000 } },
  // Before the first hover, focus or click: the button alone (the flow is a dynamic import).
  // Rescheduling (a manage page's button with reschedule=TOKEN) loads the booking flow and its own chunk.
  { name: '<hearth-consultation-button> (button)', entry: 'src/define/hearth-consultation-button.ts', budget: 8_000, lazyBudgets: { reschedule: 10_000 } },
  // After it: the button and the whole booking flow, bundled together (whole-flow.ts imports both
  // statically, so Rollup's warning that the button's dynamic import of the flow splits nothing is the point).
  { name: '<hearth-consultation-button> (whole flow)', entry: 'src/consultation/whole-flow.ts', budget: 16_000, expectedWarning: /flow\.ts is dynamically imported by .* but also statically imported by/ },
  // The care team's desk: exactly dist/hearth-desk.js, a build of its own (no site's widgets pay for it).
  // Its sections beyond the inbox are lazy chunks, loaded when opened.
  { name: '<hearth-desk>', entry: 'src/define/hearth-desk.ts', budget: 20_000, lazyBudgets: { bookings: 6_000, hours: 6_000, specialists: 6_000 } },
  // Exactly dist/hearth.js: every visitor-facing element, as a site loads it with one script tag.
  { name: 'dist/hearth.js (every element)', entry: 'src/hearth.ts' },
];

const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
const rows = [];
let over = 0;

for (const { name, entry, budget, lazyBudgets = {}, expectedWarning } of elements) {
  const outDir = mkdtempSync(join(tmpdir(), 'hearth-size-'));
  // Named as dist/ names it (src/hearth.ts → hearth.js): lazy chunks import the entry by name, and their hashes follow.
  const fileName = basename(entry).replace(/\.ts$/, '.js');
  const onwarn = (warning, warn) => expectedWarning?.test(warning.message) || warn(warning);
  const overrides = { configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, rollupOptions: { onwarn } } };
  const result = await build(mergeConfig(bundle(entry, fileName), overrides));
  // Rollup's view of what it wrote: each chunk's file name, its static imports and, for a dynamic
  // import's target, the module it was split at.
  const chunks = new Map([result].flat()[0].output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const file = (f) => readFileSync(join(outDir, f));
  // What the page must load before the element works: the entry and every chunk it imports
  // statically (shared code), measured as one gzip stream, beyond those in `loaded`.
  const closure = (start, loaded = new Set()) => {
    const found = new Set();
    const visit = (f) => {
      if (found.has(f) || loaded.has(f)) return;
      found.add(f);
      chunks.get(f).imports.forEach(visit);
    };
    visit(start);
    return found;
  };
  const gzOf = (files) => gz(Buffer.concat([...files].map(file)));
  const eager = closure(fileName);
  const bytes = gzOf(eager);
  // A lazy chunk by the module it was split at (a style, a parser, the tools), a shared one by its name.
  const moduleOf = (c) => (c.isDynamicEntry && c.facadeModuleId ? basename(c.facadeModuleId).replace(/\.ts$/, '') : undefined);
  const lazy = [...chunks.values()].filter((c) => !eager.has(c.fileName)).map((c) => `${moduleOf(c) ?? c.name} ${gz(file(c.fileName))}`);
  const ok = budget === undefined || bytes <= budget;
  if (!ok) over++;
  rows.push([name, bytes, budget ?? '–', lazy.join(' + ') || '–', ok ? 'ok' : 'OVER BUDGET']);
  for (const [module, lazyBudget] of Object.entries(lazyBudgets)) {
    const chunk = [...chunks.values()].find((c) => moduleOf(c) === module);
    if (!chunk) {
      over++;
      rows.push([`  lazy chunk ${module}`, 'not found', lazyBudget, '–', 'MISSING']);
      continue;
    }
    const lazyBytes = gzOf(closure(chunk.fileName, eager));
    const lazyOk = lazyBytes <= lazyBudget;
    if (!lazyOk) over++;
    rows.push([`  lazy chunk ${module} (with what it imports)`, lazyBytes, lazyBudget, '–', lazyOk ? 'ok' : 'OVER BUDGET']);
  }
  rmSync(outDir, { recursive: true, force: true });
}

const header = ['bundle', 'min+gz bytes', 'budget', 'lazy chunks (min+gz)', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
rows.forEach((r) => console.log(line(r)));
if (over) {
  console.error(`\n${over} bundle(s) over budget`);
  process.exit(1);
}
