// npm run size: min+gzip bytes per element (self-contained: the element, core and Lit, bundled and
// minified as a site would ship it) and of dist/hearth.js; fails when a budget is exceeded.
// Lazy chunks (translations, later the booking flow) are listed apart: a page pays for them only
// when it needs them.
import { build } from 'esbuild';
import { minifyTemplatesEsbuild } from './minify-templates.mjs';
import { finalMinify } from './minify.mjs';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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
  // After it: the button and the whole booking flow, bundled together (whole-flow.ts imports both statically).
  { name: '<hearth-consultation-button> (whole flow)', entry: 'src/consultation/whole-flow.ts', budget: 16_000 },
  // The care team's desk (dist/hearth-desk.js, its own file: no site's widgets pay for it).
  // Its sections beyond the inbox are lazy chunks, loaded when opened.
  { name: '<hearth-desk>', entry: 'src/define/hearth-desk.ts', budget: 20_000, lazyBudgets: { bookings: 6_000, hours: 6_000, specialists: 6_000 } },
];

const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;
const rows = [];
let over = 0;

for (const { name, entry, budget, lazyBudgets = {} } of elements) {
  const outdir = mkdtempSync(join(tmpdir(), 'hearth-size-'));
  const result = await build({
    entryPoints: { entry },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir,
    write: true,
    metafile: true,
    legalComments: 'none',
    conditions: ['production'],
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
    plugins: [minifyTemplatesEsbuild],
  });
  // What the page must load before the element works: the entry and every chunk it imports
  // statically (shared code), measured as one gzip stream. Dynamic imports are the lazy rest.
  const outputs = result.metafile.outputs;
  // The same last pass as dist/ (scripts/minify.mjs).
  for (const file of Object.keys(outputs)) if (file.endsWith('.js')) writeFileSync(file, await finalMinify(readFileSync(file, 'utf8')));
  const entryFile = Object.keys(outputs).find((f) => outputs[f].entryPoint === entry);
  // A file and every chunk it imports statically, beyond those in `loaded`.
  const closure = (file, loaded = new Set()) => {
    const found = new Set();
    const visit = (f) => {
      if (found.has(f) || loaded.has(f)) return;
      found.add(f);
      for (const imp of outputs[f].imports) if (imp.kind === 'import-statement') visit(imp.path);
    };
    visit(file);
    return found;
  };
  const eager = closure(entryFile);
  const bytes = gz(Buffer.concat([...eager].map((f) => readFileSync(f))));
  // Lazy chunks by the module they load (a style, a parser, the tools), else "shared".
  const lazy = Object.keys(outputs)
    .filter((f) => f.endsWith('.js') && !eager.has(f))
    .map((f) => {
      const from = outputs[f].entryPoint?.replace(/^.*\/|\.ts$/g, '');
      return from ? `${from} ${gz(readFileSync(f))}` : gz(readFileSync(f));
    });
  const ok = budget === undefined || bytes <= budget;
  if (!ok) over++;
  rows.push([name, bytes, budget ?? '–', lazy.length ? lazy.map((b) => `${b}`).join(' + ') : '–', ok ? 'ok' : 'OVER BUDGET']);
  for (const [module, lazyBudget] of Object.entries(lazyBudgets)) {
    const chunk = Object.keys(outputs).find((f) => outputs[f].entryPoint?.replace(/^.*\/|\.ts$/g, '') === module);
    if (!chunk) {
      over++;
      rows.push([`  lazy chunk ${module}`, 'not found', lazyBudget, '–', 'MISSING']);
      continue;
    }
    const lazyBytes = gz(Buffer.concat([...closure(chunk, eager)].map((f) => readFileSync(f))));
    const lazyOk = lazyBytes <= lazyBudget;
    if (!lazyOk) over++;
    rows.push([`  lazy chunk ${module} (with what it imports)`, lazyBytes, lazyBudget, '–', lazyOk ? 'ok' : 'OVER BUDGET']);
  }
  rmSync(outdir, { recursive: true, force: true });
}

if (existsSync('dist/hearth.js')) {
  // dist/hearth.js and the chunks it imports statically load at once; dynamic imports are lazy.
  const eager = new Set();
  const visit = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) visit(join(dirname(file), m[1]));
  };
  visit('dist/hearth.js');
  const chunks = existsSync('dist/chunks') ? readdirSync('dist/chunks').map((f) => join('dist/chunks', f)).filter((f) => f.endsWith('.js') && !eager.has(f)) : [];
  const bytes = gz(Buffer.concat([...eager].map((f) => readFileSync(f))));
  rows.push(['dist/hearth.js (every element)', bytes, '–', chunks.map((f) => gz(readFileSync(f))).join(' + ') || '–', 'ok']);
} else {
  rows.push(['dist/hearth.js', 'not built (npm run build)', '–', '–', '–']);
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
