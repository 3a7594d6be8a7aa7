// npm test: the checks (lint, typecheck, contract types, translations, build, size budgets, package),
// then every test suite: unit (node:test, scripts/), browser (web-test-runner on Chromium), server
// (node:test, SQLite, then PostgreSQL when it answers), end-to-end (node:test + playwright-core
// against the built files). Exits non-zero when anything failed. Its last line, `N passed, N failed,
// N skipped`, sums every test suite; the checks are counted apart, on the `checks:` line before it.
//
// One suite: `node scripts/test.mjs unit|browser|server|server:pg|e2e [files…]` (npm run test:unit,
// test:browser, test:server, test:server:pg, test:e2e); files after `--` pick what runs:
//   npm run test:server -- test/server/auth.test.ts
//   npm run test:browser -- test/references/apa.test.ts    (any web-test-runner option too: --files, --watch)
//   npm run test:e2e -- test/e2e/csp.test.mjs              (builds first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowser } from './ensure-browser.mjs';

const SUITES = ['all', 'unit', 'browser', 'server', 'server:pg', 'e2e'];
const [suite = 'all', ...files] = process.argv.slice(2);
if (!SUITES.includes(suite)) {
  console.error(`usage: node scripts/test.mjs [${SUITES.join('|')}] [files…]`);
  process.exit(2);
}
const all = suite === 'all';
// The browser and end-to-end tests need a Chromium: found (or installed) before anything runs.
if (all || suite === 'browser' || suite === 'e2e') process.env.CHROME_PATH = ensureBrowser();

const totals = { passed: 0, failed: 0, skipped: 0 };
const checks = { ok: 0, failed: 0 };
const failures = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failures.push(name);
  return ok;
}

/** A check (not a test suite): counted on the `checks:` line. */
function check(name, cmd, args) {
  const ok = step(name, cmd, args);
  checks[ok ? 'ok' : 'failed']++;
  return ok;
}

/** A suite that could not run counts as one failed test. */
function notRun(name, why) {
  console.log(`\n▶ ${name}: not run (${why})`);
  failures.push(name);
  totals.failed++;
}

const bin = (name) => `node_modules/.bin/${name}`;
/** The test files of a folder, or those named on the command line. Explicit files: Node 20's --test finds only .js files in a folder by itself. */
const testFiles = (dir, only = () => true) =>
  files.length ? files : (existsSync(dir) ? readdirSync(dir) : []).filter((f) => /\.test\.(m?js|ts)$/.test(f) && only(f)).map((f) => join(dir, f));

/** Runs a node:test suite, adding its TAP counts to the totals. */
function nodeSuite(name, args, suiteFiles, env = {}) {
  if (!suiteFiles.length) return;
  const tapFile = `.test-results/${name.split(' ')[0]}.tap`;
  mkdirSync('.test-results', { recursive: true });
  rmSync(tapFile, { force: true });
  const ok = step(name, 'node', [...args, '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...suiteFiles], env);
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const num = (label) => Number(new RegExp(`^# ${label} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
  totals.passed += num('pass');
  totals.failed += num('fail') + num('cancelled');
  totals.skipped += num('skipped') + num('todo');
  if (!ok && num('fail') + num('cancelled') === 0) totals.failed++;
}

let built = false;
if (all) {
  check('lint (eslint)', bin('eslint'), ['.']);
  check('typecheck (tsc --strict)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  check('typecheck server (tsc --strict)', bin('tsc'), ['-p', 'server/tsconfig.json']);
  check('contract types (src/core/contract.gen.ts matches server/openapi.yaml)', 'node', ['scripts/contract-types.mjs', '--check']);
  check('translations (every msg id has a string in every language)', 'node', ['scripts/check-translations.mjs']);
  built = check('build (vite + tsc + custom-elements manifest)', 'node', ['scripts/build.mjs']);
  check('size budgets (npm run size)', 'node', ['scripts/size.mjs']);
  // The package as npm publishes it, installed in a fresh project (npm run check:package).
  const packageCheck = 'package (npm pack → fresh project: exports, CDN files, React/Vue/Svelte/Angular types)';
  if (built) {
    check(packageCheck, 'node', ['scripts/check-package.mjs']);
  } else {
    checks.failed++;
    failures.push(`${packageCheck}: not run (the build failed)`);
  }
  rmSync('.test-results', { recursive: true, force: true });
}

// Unit tests: node:test, no browser (the build scripts).
if (all || suite === 'unit') nodeSuite('unit tests (node:test)', [], testFiles('test/scripts'));

// Browser tests: the count reporter writes .test-results/browser.json. npm test also checks coverage.
if (all || suite === 'browser') {
  rmSync('.test-results/browser.json', { force: true });
  const ok = step('browser tests (web-test-runner, Chromium)', bin('web-test-runner'), all ? ['--coverage'] : files);
  if (existsSync('.test-results/browser.json')) {
    const counts = JSON.parse(readFileSync('.test-results/browser.json', 'utf8'));
    for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
    if (!ok && counts.failed === 0) totals.failed++; // e.g. coverage below threshold
  } else {
    totals.failed++;
  }
}

// Server tests: the reference server in-process on an in-memory database. (The store contract,
// pub/sub and migration suites run on PostgreSQL too, inside this pass, when it answers.)
if (all || suite === 'server') nodeSuite('server tests (node:test, in-memory SQLite)', ['--import', 'tsx'], testFiles('test/server'), { HEARTH_LOG: '0' });

// The suites that go through the HTTP app, again on PostgreSQL (HEARTH_TEST_DATABASE_URL or the
// local server), when it answers: contract checks, concurrency, fuzz, and every route's tests.
const ON_POSTGRES = /^(admin|app|auth|auth-limits|bookings-staff|clinic|concurrency|consultations|deliveries|conversations|desk|encryption|events|fuzz|input-rules|manage-page|messages|multi-process|references|reschedule|security-headers|staff)\.test\.ts$/;
if (all || suite === 'server:pg') {
  const name = 'postgres server tests (node:test, PostgreSQL)';
  console.log('\n▶ PostgreSQL for the server tests');
  if (spawnSync('node', ['scripts/pg-test-db.mjs', 'probe'], { stdio: 'inherit' }).status === 0) {
    nodeSuite(name, ['--import', 'tsx'], testFiles('test/server', (f) => ON_POSTGRES.test(f)), { HEARTH_LOG: '0', HEARTH_TEST_DB: 'postgres' });
    spawnSync('node', ['scripts/pg-test-db.mjs', 'clean'], { stdio: 'inherit' });
  } else if (all) {
    console.log('server tests on PostgreSQL: skipped (no database answered; set HEARTH_TEST_DATABASE_URL)');
  } else {
    notRun(name, 'no database answered; set HEARTH_TEST_DATABASE_URL');
  }
}

// End-to-end tests need the build (npm run test:e2e builds first).
if (all || suite === 'e2e') {
  const name = 'end-to-end tests (playwright-core, Chromium)';
  if (!all) built = check('build (vite + tsc + custom-elements manifest)', 'node', ['scripts/build.mjs']);
  if (built) {
    nodeSuite(name, [], testFiles('test/e2e'));
  } else {
    notRun(name, 'the build failed');
  }
}

if (checks.ok + checks.failed) console.log(`\nchecks: ${checks.ok} ok, ${checks.failed} failed`);
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);
