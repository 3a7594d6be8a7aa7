// node scripts/apa-oracle.mjs [--all]: checks the APA test corpus (test/references/apa-corpus.ts)
// against citeproc-js with the official apa.csl, as bundled in citation-js (@citation-js/core +
// @citation-js/plugin-csl, template `apa`), and against hearth's formatApa.
//
// For each case it prints what differs:
//   citeproc  the corpus' expected string (or its `citeproc` string, for deliberate differences)
//             vs citation-js' HTML output, with <i>…</i> written *…*
//   hearth    the expected string vs formatApa's runs, italic runs written *…*
// --all also prints the cases that agree. Exits with 1 when anything differs.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const all = process.argv.includes('--all');

// Load the TypeScript corpus and formatter through esbuild, as the benchmark does.
const dir = mkdtempSync(join(tmpdir(), 'hearth-apa-oracle-'));
let corpus, formatApa;
try {
  await build({
    stdin: {
      contents:
        "export { corpus } from './test/references/apa-corpus.ts'; export { formatApa } from './src/references/format/apa.ts';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile: join(dir, 'oracle.mjs'),
    logLevel: 'error',
  });
  ({ corpus, formatApa } = await import(pathToFileURL(join(dir, 'oracle.mjs')).href));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const { Cite } = await import('@citation-js/core');
await import('@citation-js/plugin-csl');

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1)) : (entities[e] ?? m),
  );

function citeproc(item) {
  const html = new Cite([item]).format('bibliography', { format: 'html', template: 'apa', lang: 'en-US' });
  const entry = /class="csl-entry">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? html;
  return unescape(entry.replace(/<\/?i>/g, '*').replace(/<[^>]+>/g, '')).trim();
}

const hearth = (item) => formatApa(item).map((r) => (r.italic ? `*${r.text}*` : r.text)).join('');

let differences = 0;
for (const { name, item, expected, citeproc: theirs = expected } of corpus) {
  let cp;
  try {
    cp = citeproc(item);
  } catch (error) {
    cp = `(citation-js threw: ${error.message})`;
  }
  const ours = hearth(item);
  const lines = [];
  if (cp !== theirs) lines.push(`  citeproc expected ${theirs}`, `           actual   ${cp}`);
  if (ours !== expected) lines.push(`  hearth   expected ${expected}`, `           actual   ${ours}`);
  if (lines.length) {
    differences++;
    console.log(`DIFF ${name}\n${lines.join('\n')}`);
  } else if (all) {
    console.log(`ok   ${name}${theirs !== expected ? '  (deliberate difference)' : ''}`);
  }
}
console.log(`\n${corpus.length} cases, ${differences} with differences.`);
process.exitCode = differences ? 1 : 0;
