// npm run bench: a benchmark, not a test.
// 1. Formats 1,000 generated references in APA with hearth's formatter and, in the same run, with
//    citation-js (@citation-js/core + @citation-js/plugin-csl, the `apa` template); prints medians
//    and the ratio.
// 2. Parses the same 1,000 references from BibTeX and formats them in APA: hearth (parseBibtex +
//    formatApa) vs citation-js (@citation-js/plugin-bibtex + plugin-csl), same process, ratio.
// 3. A large BibTeX file shaped after real exports (5,000 entries: @string macros, crossref, TeX math,
//    accents, AASTeX journal macros; see generateBibtex), parsed, and parsed and formatted in APA:
//    hearth vs citation-js, same process, with the entry counts of both (the ratio is only honest
//    when both read every entry).
// 4. Renders 1,000 entries with <hearth-references> (the built dist/hearth.js) in Chromium and
//    prints the time from setting `.items` to the list being rendered and painted.
// 5. In Chromium, 1,000 references from BibTeX text to a painted APA list: <hearth-references> with
//    an inline BibTeX script vs citation-js bundled for the browser (parse, format as HTML,
//    innerHTML), alternating in one page.
// Where the browser timings stop (`painted` in the page): a requestAnimationFrame callback runs
// before that frame's style, layout and paint, so both sides stop at the first task after it (a
// MessageChannel message, queued from the rAF callback): the frame that shows the list has been
// styled, laid out and painted, for both alike, whether or not a side forced layout earlier.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateBibtex, generateItems } from './bench-items.mjs';
import { createStaticServer } from './static-server.mjs';

const N = 1000;
const items = generateItems(N);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Garbage is collected before each timed run: neither side pays for the other's garbage (citation-js
// leaves far more garbage per run, whose collection would otherwise land in hearth's next run).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const time = (fn) => {
  gc();
  const t = performance.now();
  fn();
  return performance.now() - t;
};

// hearth's formatter, bundled from the TypeScript source as the browser would get it.
const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
await build({
  stdin: {
    contents:
      "export { formatApa, needsMore } from './src/references/format/apa.ts'; export { apaMore } from './src/references/format/apa-style.ts'; export { sortItems } from './src/references/format/common.ts'; export { toPlainText } from './src/references/format/plain.ts'; export { parseBibtex } from './src/references/parse/bibtex.ts';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile: join(dir, 'format.mjs'),
  logLevel: 'error',
});
const { formatApa: apaEntry, needsMore, apaMore, sortItems, toPlainText, parseBibtex } = await import(pathToFileURL(join(dir, 'format.mjs')).href);
// As the list formats: APA's first-load formatter, or (when the data holds a rare type, a date range…)
// the full one from the apa-more chunk.
const apaList = (list) => {
  const entry = list.some(needsMore) ? apaMore.entry : apaEntry;
  return list.map((item) => toPlainText(entry(item)));
};
rmSync(dir, { recursive: true, force: true });

const { Cite, plugins } = await import('@citation-js/core');
await import('@citation-js/plugin-csl');
await import('@citation-js/plugin-bibtex');
void plugins;

const ours = () => apaList(sortItems(items));
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

// From BibTeX: the same items written as BibTeX once by citation-js (neutral), then parsed and formatted.
// Unique keys (citation-js would derive author-year-word keys, some of them duplicates).
const bibtex = new Cite(items.map((item) => ({ ...item, annotation: undefined, 'citation-key': item.id }))).format('bibtex');
const oursBib = () => apaList(sortItems(parseBibtex(bibtex).items));
const theirsBib = () => new Cite(bibtex).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
if (oursBib().length !== N) throw new Error(`hearth parsed ${oursBib().length} of ${N} BibTeX entries`);
theirsBib();
const oursBibTimes = [];
const theirBibTimes = [];
for (let i = 0; i < 5; i++) {
  oursBibTimes.push(time(oursBib));
  theirBibTimes.push(time(theirsBib));
}
const c = median(oursBibTimes);
const d = median(theirBibTimes);
console.log(`\nParse ${N} references from BibTeX (${(bibtex.length / 1024).toFixed(0)} KiB) and format them in APA (median of ${oursBibTimes.length}, same process):`);
console.log(`  hearth parseBibtex + formatApa   ${c.toFixed(2)} ms`);
console.log(`  citation-js (bibtex + citeproc)  ${d.toFixed(2)} ms`);
console.log(`  ratio                            hearth is ${(d / c).toFixed(1)}x faster`);

// A large, real-shaped .bib file. citation-js takes seconds per run here: fewer runs, no warm-up
// of its own (the rows above warmed it up).
const BIG = 5000;
const bigBib = generateBibtex(BIG);
const ourCount = parseBibtex(bigBib).items.length;
const theirCount = new Cite(bigBib).data.length;
const ourLines = oursBig().length;
function oursBig() {
  return apaList(sortItems(parseBibtex(bigBib).items));
}
let theirLines = 0;
const theirsBig = () => (theirLines = new Cite(bigBib).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).split('\n').filter(Boolean).length);
const bigParse = [[], []];
const bigAll = [[], []];
for (let i = 0; i < 3; i++) {
  bigParse[0].push(time(() => parseBibtex(bigBib)));
  bigParse[1].push(time(() => new Cite(bigBib)));
  bigAll[0].push(time(oursBig));
  bigAll[1].push(time(theirsBig));
}
const [g, h, k, l] = [...bigParse, ...bigAll].map(median);
console.log(`\nA real-shaped .bib file: ${BIG} entries (${(bigBib.length / 1024).toFixed(0)} KiB; @string macros, crossref, TeX math, accents, \\apj; median of 3, same process):`);
console.log(`  entries read              hearth ${ourCount}, citation-js ${theirCount}; APA entries formatted: hearth ${ourLines}, citation-js ${theirLines}`);
if (ourCount != BIG || theirCount != BIG || ourLines != BIG || theirLines != BIG) console.log('  WARNING: the counts differ, the ratios below compare unequal work');
console.log(`  parse      hearth ${g.toFixed(1)} ms, citation-js ${h.toFixed(1)} ms: hearth is ${(h / g).toFixed(1)}x faster`);
console.log(`  parse+APA  hearth ${k.toFixed(1)} ms, citation-js ${l.toFixed(1)} ms: hearth is ${(l / k).toFixed(1)}x faster`);

// Rendering in Chromium.
if (!existsSync('dist/hearth.js')) {
  console.log('\nRender: dist/hearth.js missing, run `npm run build` first.');
  process.exit(0);
}
const { launch, listen } = await import('../test/e2e/helpers.mjs');
// citation-js for the browser (core + bibtex + csl), bundled as a site would ship it.
const cjsDir = mkdtempSync(join(tmpdir(), 'hearth-bench-cjs-'));
await build({
  stdin: {
    contents:
      "import { Cite } from '@citation-js/core'; import '@citation-js/plugin-bibtex'; import '@citation-js/plugin-csl';" +
      "window.citeJs = (text) => new Cite(text).format('bibliography', { format: 'html', template: 'apa', lang: 'en-US' });",
    resolveDir: process.cwd(),
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  outfile: join(cjsDir, 'citation-js.js'),
  logLevel: 'error',
});
// A relaxed CSP for this page only: citation-js writes HTML with innerHTML (no Trusted Types).
const server = createStaticServer([['/dist/', 'dist'], ['/cjs/', cjsDir]], {
  csp: "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'",
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
// After the next frame's style, layout and paint (see the note at the top).
await page.addInitScript(() => {
  window.painted = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(0);
      }),
    );
});
await page.reload();
await page.waitForFunction(() => customElements.get('hearth-references') && window.painted);
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
      await window.painted();
      if (el.querySelectorAll('li').length !== data.length) throw new Error('not all entries rendered');
      return performance.now() - start;
    }, items),
  );
}
console.log(`\nRender ${N} entries with <hearth-references> in Chromium (median of ${renders.length}): ${median(renders).toFixed(1)} ms to the painted list`);

// BibTeX text to a painted list, hearth vs citation-js, alternating in one page.
await page.addScriptTag({ url: '/cjs/citation-js.js', type: 'module' });
await page.waitForFunction(() => window.citeJs);
const hearthBib = [];
const citeJsBib = [];
for (let i = 0; i < 5; i++) {
  hearthBib.push(
    await page.evaluate(async ([text, n]) => {
      document.body.replaceChildren();
      await new Promise(requestAnimationFrame);
      const el = document.createElement('hearth-references');
      const script = document.createElement('script');
      script.type = 'application/x-bibtex';
      script.textContent = text;
      el.append(script);
      const start = performance.now();
      const loaded = new Promise((resolve) => el.addEventListener('hearth-references-loaded', resolve, { once: true }));
      document.body.append(el);
      await loaded;
      await window.painted();
      if (el.querySelectorAll('li').length !== n) throw new Error(`hearth rendered ${el.querySelectorAll('li').length} of ${n}`);
      return performance.now() - start;
    }, [bibtex, N]),
  );
  citeJsBib.push(
    await page.evaluate(async ([text, n]) => {
      document.body.replaceChildren();
      await new Promise(requestAnimationFrame);
      const start = performance.now();
      const div = document.createElement('div');
      div.innerHTML = window.citeJs(text);
      document.body.append(div);
      await window.painted();
      if (div.querySelectorAll('.csl-entry').length !== n) throw new Error('citation-js rendered ' + div.querySelectorAll('.csl-entry').length);
      return performance.now() - start;
    }, [bibtex, N]),
  );
}
await browser.close();
server.close();
rmSync(cjsDir, { recursive: true, force: true });
const e = median(hearthBib);
const f = median(citeJsBib);
console.log(`\nBibTeX to a painted APA list of ${N} in Chromium (median of ${hearthBib.length}, alternating in one page):`);
console.log(`  <hearth-references> (inline BibTeX)           ${e.toFixed(1)} ms`);
console.log(`  citation-js (parse, format HTML, innerHTML)   ${f.toFixed(1)} ms`);
console.log(`  ratio                                         hearth is ${(f / e).toFixed(1)}x faster`);
