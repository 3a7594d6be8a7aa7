// npm run check:package: packs hearth-widgets as npm would publish it, installs the tarball into a fresh
// project outside the repo, and checks what a user gets: the files, the runtime dependencies, every
// `exports` entry, the CDN files (dist/hearth.js + dist/chunks/), and the framework types with the
// fixtures of test/package/ (React 19 + tsc, Vue + vue-tsc, Svelte 5 + svelte-check, Angular + tsc),
// including fixtures that must fail to type-check. Needs a build (npm run build).
//
// The framework packages are the repo's devDependencies: the temp project links to them (symlinks in
// its node_modules, made after installing the tarball) instead of downloading them again.
//
// Prints one line per check and `package checks: N passed, N failed`; writes the counts to
// .test-results/package.json for scripts/test.mjs. `--keep` keeps the temp project.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const modules = realpathSync(join(root, 'node_modules'));
const fixtures = join(root, 'test/package');
const keep = process.argv.includes('--keep');
const started = Date.now();
const counts = { passed: 0, failed: 0 };

/** Runs one check: `fn` returns nothing (pass) or throws (fail, with its message). */
function check(name, fn) {
  const t = Date.now();
  try {
    fn();
    counts.passed++;
    console.log(`  ✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return true;
  } catch (error) {
    counts.failed++;
    console.log(`  ✘ ${name}\n    ${String(error?.message ?? error).replace(/\n/g, '\n    ')}`);
    return false;
  }
}

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}
function ok(cmd, args, cwd) {
  const { status, output } = run(cmd, args, cwd);
  if (status !== 0) throw new Error(`${[cmd, ...args].join(' ')} exited with ${status}\n${output}`);
  return output;
}
/** `check` for an async `fn`. */
async function checkAsync(name, fn) {
  const t = Date.now();
  try {
    await fn();
    counts.passed++;
    console.log(`  ✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (error) {
    counts.failed++;
    console.log(`  ✘ ${name}\n    ${String(error?.message ?? error).replace(/\n/g, '\n    ')}`);
  }
}
const bin = (name) => join(modules, '.bin', name);
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));

/**
 * A fixture that must not type-check: the errors must be exactly on the lines that follow a comment
 * saying "expected error" (so that it fails for the reason it is there for, and only that).
 */
function expectErrors(output, fixtureNames) {
  // tsc and vue-tsc print `file(line,col): error`; svelte-check --output machine `ERROR "file" line:col`.
  const errors = [...output.matchAll(/([\w.-]+)\((\d+),\d+\): error/g), ...output.matchAll(/ ERROR "(?:[^"]*\/)?([\w.-]+)" (\d+):\d+/g)];
  const want = new Set();
  for (const name of fixtureNames) {
    const lines = readFileSync(join(fixtures, name), 'utf8').split('\n');
    lines.forEach((line, i) => /expected error/.test(line) && want.add(`${name}:${i + 2}`));
  }
  const got = new Set(errors.map((m) => `${m[1]}:${m[2]}`));
  const missing = [...want].filter((w) => !got.has(w));
  const extra = [...got].filter((g) => !want.has(g));
  if (!want.size) throw new Error('no "expected error" marker in the fixtures');
  if (missing.length || extra.length) throw new Error(`expected errors at ${[...want].join(', ')}; missing: ${missing.join(', ') || 'none'}; unexpected: ${extra.join(', ') || 'none'}\n${output}`);
}

console.log('▶ package check (npm pack → fresh project → exports, CDN files, React/Vue/Svelte/Angular types)');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!existsSync(join(root, 'dist/custom-elements.json')) || !existsSync(join(root, 'dist/types/react.d.ts'))) {
  console.log('  ✘ no build: run npm run build first');
  counts.failed++;
} else {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-package-'));
  try {
    await checkPackage(dir);
  } finally {
    if (keep) console.log(`  (kept ${dir})`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function checkPackage(dir) {
  const app = join(dir, 'app');
  const installed = join(app, 'node_modules', pkg.name);
  let packed;

  const pack = check('npm pack: the package holds dist/ (hearth.js, chunks, lib, types, manifest), no sources or server', () => {
    const [info] = JSON.parse(ok('npm', ['pack', '--json', '--silent', '--pack-destination', dir], root));
    packed = info;
    const names = new Set(info.files.map((f) => f.path));
    const defines = readdirSync(join(root, 'src/define')).map((f) => `dist/lib/define/${f.replace(/\.ts$/, '.js')}`);
    const needed = ['package.json', 'README.md', 'dist/hearth.js', 'dist/custom-elements.json', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/types/react.d.ts', 'dist/types/vue.d.ts', 'dist/types/svelte.d.ts', ...defines];
    const missing = needed.filter((f) => !names.has(f));
    if (![...names].some((f) => f.startsWith('dist/chunks/'))) missing.push('dist/chunks/*');
    if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
    const stray = [...names].filter((f) => /^(src|server|test|scripts|demo|docs)\//.test(f));
    if (stray.length) throw new Error(`should not be published: ${stray.slice(0, 5).join(', ')}`);
    console.log(`    ${info.filename}: ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} kB packed, ${(info.unpackedSize / 1024).toFixed(0)} kB unpacked`);
  });
  if (!pack) return;

  check('dependencies: exactly the packages dist/lib imports at run time (none of the server’s)', () => {
    const deps = new Set(Object.keys(pkg.dependencies ?? {}));
    const used = new Set();
    for (const file of files(join(root, 'dist/lib')).filter((f) => f.endsWith('.js'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?['"]([^'"./][^'"]*)['"]|import\(\s*['"]([^'"./][^'"]*)['"]\s*\)/gm)) {
        const spec = m[1] ?? m[2];
        used.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
    const undeclared = [...used].filter((d) => !deps.has(d));
    const unused = [...deps].filter((d) => !used.has(d));
    if (undeclared.length || unused.length) throw new Error(`imported but not in dependencies: ${undeclared.join(', ') || 'none'}; in dependencies but not imported: ${unused.join(', ') || 'none'}`);
  });

  const install = check('npm install <tarball> in a fresh project outside the repo', () => {
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'hearth-package-check', private: true, type: 'module' }, null, 2));
    ok('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error', join(dir, packed.filename)], app);
    // The framework packages: links to the repo's (after the install, which would prune them).
    for (const name of ['@types/react', 'vue', 'svelte', '@angular/core', 'rxjs']) {
      const target = join(modules, name);
      if (!existsSync(target)) throw new Error(`${name} is not installed in the repo (npm install)`);
      mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
      if (!existsSync(join(app, 'node_modules', name))) symlinkSync(target, join(app, 'node_modules', name), 'dir');
    }
    cpSync(fixtures, app, { recursive: true });
  });
  if (!install) return;

  check('every `exports` entry resolves to a file (types too); Node imports the manifest, the formatter, /react, /vue and /svelte', () => {
    const specs = [];
    for (const [key, value] of Object.entries(pkg.exports)) {
      const targets = typeof value === 'string' ? { default: value } : value;
      const expand = (pattern) => {
        if (!pattern.includes('*')) return [[key, pattern]];
        // A wildcard entry: every file it matches in the installed package.
        const [before, after] = pattern.split('*');
        const base = join(installed, before);
        return files(base)
          .map((f) => relative(base, f))
          .filter((rest) => rest.endsWith(after.replace(/^\//, '')) && !rest.endsWith('.map'))
          .map((rest) => [key.replace('*', rest.slice(0, rest.length - after.length)), `${before}${rest}`]);
      };
      for (const [condition, target] of Object.entries(targets)) {
        for (const [spec, file] of expand(target)) {
          if (!existsSync(join(installed, file))) throw new Error(`${pkg.name}${spec.slice(1)} (${condition}): ${file} is not in the package`);
          if (condition === 'default') specs.push(`${pkg.name}${spec.slice(1)}`);
        }
      }
    }
    const script = `
      import { existsSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      const specs = ${JSON.stringify(specs)};
      for (const spec of specs) {
        const file = fileURLToPath(import.meta.resolve(spec));
        if (!existsSync(file)) throw new Error(spec + ' resolves to a missing ' + file);
      }
      const manifest = (await import('${pkg.name}/custom-elements.json', { with: { type: 'json' } })).default;
      const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName);
      if (tags.length < 7) throw new Error('custom-elements.json: ' + tags.join(', '));
      await import('${pkg.name}/react');
      await import('${pkg.name}/vue');
      await import('${pkg.name}/svelte');
      const { formatApa } = await import('${pkg.name}/lib/references/format/apa.js');
      if (typeof formatApa !== 'function') throw new Error('formatApa is not a function');
      console.log(specs.length + ' entries resolve; elements: ' + tags.join(', '));`;
    console.log(`    ${ok('node', ['--input-type=module', '--no-warnings', '-e', script], app)}`);
  });

  await checkAsync('CDN: dist/hearth.js and dist/hearth-desk.js import only dist/chunks/ (no bare imports), so the folder can be copied', async () => {
    // esbuild reads the imports (static and dynamic); with every package external, any bare import shows.
    const { build } = await import('esbuild');
    const dist = join(installed, 'dist');
    const entryPoints = ['hearth.js', 'hearth-desk.js'].map((f) => join(dist, f)).filter((f) => existsSync(f));
    const { metafile } = await build({ entryPoints, bundle: true, write: false, outdir: join(dir, 'cdn'), format: 'esm', splitting: true, packages: 'external', metafile: true, logLevel: 'silent' });
    const bare = Object.entries(metafile.inputs).flatMap(([file, input]) => input.imports.filter((i) => i.external).map((i) => `${file} imports "${i.path}"`));
    if (bare.length) throw new Error(bare.join('\n'));
    const outside = Object.keys(metafile.inputs).filter((f) => !/(^|\/)dist\/(hearth(-desk)?\.js|chunks\/)/.test(f));
    if (outside.length) throw new Error(`loads files outside dist/hearth.js + dist/chunks/: ${outside.join(', ')}`);
    console.log(`    ${Object.keys(metafile.inputs).length} files: dist/hearth.js, dist/hearth-desk.js and their chunks`);
  });

  check('React 19 + TypeScript: tsc on test/package/react-app.tsx (every element, attributes, typed event props)', () => {
    ok(bin('tsc'), ['-p', 'tsconfig.react.json'], app);
  });

  check('React types bite: react-wrong-*.tsx fail to type-check exactly on their marked lines', () => {
    const result = run(bin('tsc'), ['-p', 'tsconfig.react-wrong.json'], app);
    if (result.status === 0) throw new Error('tsc passed');
    expectErrors(result.output, ['react-wrong-attribute.tsx', 'react-wrong-event.tsx']);
  });

  check('Vue: vue-tsc on test/package/vue-app.vue (GlobalComponents from hearth-widgets/vue)', () => {
    ok(bin('vue-tsc'), ['-p', 'tsconfig.vue.json'], app);
  });

  check('Vue types bite: vue-wrong-attribute.vue fails to type-check exactly on its marked lines', () => {
    const result = run(bin('vue-tsc'), ['-p', 'tsconfig.vue-wrong.json'], app);
    if (result.status === 0) throw new Error('vue-tsc passed');
    expectErrors(result.output, ['vue-wrong-attribute.vue']);
  });

  check('Svelte 5: svelte-check on test/package/svelte-app.svelte (SvelteHTMLElements from hearth-widgets/svelte)', () => {
    const output = ok(bin('svelte-check'), ['--workspace', '.', '--tsconfig', './tsconfig.svelte.json', '--output', 'machine', '--fail-on-warnings'], app);
    if (!/COMPLETED \d+ FILES 0 ERRORS 0 WARNINGS/.test(output)) throw new Error(output);
  });

  check('Svelte types bite: svelte-wrong-attribute.svelte fails to type-check exactly on its marked lines', () => {
    const result = run(bin('svelte-check'), ['--workspace', '.', '--tsconfig', './tsconfig.svelte-wrong.json', '--output', 'machine'], app);
    if (result.status === 0) throw new Error('svelte-check passed');
    expectErrors(result.output, ['svelte-wrong-attribute.svelte']);
  });

  check('Angular: tsc on test/package/angular-app.component.ts (standalone, CUSTOM_ELEMENTS_SCHEMA)', () => {
    ok(bin('tsc'), ['-p', 'tsconfig.angular.json'], app);
  });
}

console.log(`package checks: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
mkdirSync(join(root, '.test-results'), { recursive: true });
writeFileSync(join(root, '.test-results/package.json'), JSON.stringify(counts));
process.exit(counts.failed ? 1 : 0);
