// npm run bench: a benchmark, not a test.
// 1. Formats 1,000 generated references in APA with hearth's formatter and, in the same run, with
//    citation-js (@citation-js/core + @citation-js/plugin-csl, the `apa` template); prints medians
//    and the ratio.
// 2. Renders 1,000 entries with <hearth-references> (the built dist/hearth.js) in Chromium and
//    prints the time from setting `.items` to the list being rendered and painted.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateItems } from './bench-items.mjs';
import { createStaticServer } from './static-server.mjs';

const N = 1000;
const items = generateItems(N);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

// hearth's formatter, bundled from the TypeScript source as the browser would get it.
const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
await build({
  stdin: { contents: "export { formatApa } from './src/references/format/apa.ts'; export { sortItems, toPlainText } from './src/references/format/common.ts';", resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile: join(dir, 'format.mjs'),
  logLevel: 'error',
});
const { formatApa, sortItems, toPlainText } = await import(pathToFileURL(join(dir, 'format.mjs')).href);
rmSync(dir, { recursive: true, force: true });

const { Cite, plugins } = await import('@citation-js/core');
await import('@citation-js/plugin-csl');
void plugins;

const ours = () => sortItems(items).map((item) => toPlainText(formatApa(item)));
const theirs = () => new Cite(items).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });

// Warm up both, then alternate runs so machine noise hits both alike.
ours();
theirs();
const oursTimes = [];
const theirTimes = [];
for (let i = 0; i < 7; i++) {
  oursTimes.push(time(ours));
  theirTimes.push(time(theirs));
}
const a = median(oursTimes);
const b = median(theirTimes);
console.log(`Format ${N} references, APA (median of ${oursTimes.length} runs, same process):`);
console.log(`  hearth formatApa          ${a.toFixed(2)} ms`);
console.log(`  citation-js (citeproc)    ${b.toFixed(2)} ms`);
console.log(`  ratio                     hearth is ${(b / a).toFixed(1)}x faster`);

// Rendering in Chromium.
if (!existsSync('dist/hearth.js')) {
  console.log('\nRender: dist/hearth.js missing, run `npm run build` first.');
  process.exit(0);
}
const { launch, listen } = await import('../test/e2e/helpers.mjs');
const server = createStaticServer([['/dist/', 'dist']], {
  handle(req, res, headers) {
    if (req.url !== '/bench.html') return false;
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html' });
    res.end('<!doctype html><html lang="en"><script type="module" src="/dist/hearth.js"></script><body></body></html>');
    return true;
  },
});
const base = await listen(server);
const browser = await launch();
const page = await browser.newPage();
await page.goto(`${base}/bench.html`);
await page.waitForFunction(() => customElements.get('hearth-references'));
const renders = [];
for (let i = 0; i < 7; i++) {
  renders.push(
    await page.evaluate(async (data) => {
      document.body.replaceChildren();
      await new Promise(requestAnimationFrame);
      const el = document.createElement('hearth-references');
      const start = performance.now();
      const loaded = new Promise((resolve) => el.addEventListener('hearth-references-loaded', resolve, { once: true }));
      el.items = data;
      document.body.append(el);
      await loaded;
      await new Promise(requestAnimationFrame); // until the next frame is painted
      if (el.querySelectorAll('li').length !== data.length) throw new Error('not all entries rendered');
      return performance.now() - start;
    }, items),
  );
}
await browser.close();
server.close();
console.log(`\nRender ${N} entries with <hearth-references> in Chromium (median of ${renders.length}): ${median(renders).toFixed(1)} ms to the rendered list`);
