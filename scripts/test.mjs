// npm test: lint, typecheck, translations check, build, package check, browser tests (web-test-runner on Chromium),
// end-to-end tests (node:test + playwright-core against the built files). Ends with one line
// `N passed, N failed` summing every suite; exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowser } from './ensure-browser.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, cmd, args, options = {}) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (options.capture) process.stdout.write(result.stdout ?? '');
  const ok = result.status === 0;
  if (!ok) failures.push(name);
  return { ok, stdout: result.stdout ?? '' };
}

/** A check that is not a test runner counts as one test. */
function check(name, cmd, args) {
  const { ok } = step(name, cmd, args);
  totals[ok ? 'passed' : 'failed']++;
  return ok;
}

const bin = (name) => `node_modules/.bin/${name}`;
process.env.CHROME_PATH = ensureBrowser();

check('lint (eslint)', bin('eslint'), ['.']);
check('typecheck (tsc --strict)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('typecheck server (tsc --strict)', bin('tsc'), ['-p', 'server/tsconfig.json']);
check('contract types (src/core/contract.gen.ts matches server/openapi.yaml)', 'node', ['scripts/contract-types.mjs', '--check']);
check('translations (every msg id has a Ukrainian string)', 'node', ['scripts/check-translations.mjs']);
const built = check('build (vite + tsc + custom-elements manifest)', 'node', ['scripts/build.mjs']);
check('size budgets (npm run size)', 'node', ['scripts/size.mjs']);

// The package as npm publishes it, installed in a fresh project (npm run check:package): it counts its
// own checks in .test-results/package.json.
if (built) {
  rmSync('.test-results/package.json', { force: true });
  const packageCheck = step('package (npm pack → fresh project: exports, CDN files, React/Vue/Svelte/Angular types)', 'node', ['scripts/check-package.mjs']);
  const counts = existsSync('.test-results/package.json') ? JSON.parse(readFileSync('.test-results/package.json', 'utf8')) : { passed: 0, failed: 0 };
  totals.passed += counts.passed ?? 0;
  totals.failed += counts.failed ?? 0;
  if (!packageCheck.ok && !counts.failed) totals.failed++;
} else {
  totals.failed++;
}

// Browser tests: the count reporter writes .test-results/browser.json.
rmSync('.test-results', { recursive: true, force: true });
const browser = step('browser tests (web-test-runner, Chromium)', bin('web-test-runner'), ['--coverage']);
if (existsSync('.test-results/browser.json')) {
  const counts = JSON.parse(readFileSync('.test-results/browser.json', 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  if (!browser.ok && counts.failed === 0) totals.failed++; // e.g. coverage below threshold
} else {
  totals.failed++;
}

/** Runs a node:test suite, adding its TAP counts to the totals. `only` picks files by name. */
function nodeSuite(name, args, dir, env = {}, only = () => true) {
  const tapFile = `.test-results/${name.split(' ')[0]}.tap`;
  // Explicit files: Node 20's --test finds only .js files in a folder by itself.
  const files = (existsSync(dir) ? readdirSync(dir) : []).filter((f) => /\.test\.(m?js|ts)$/.test(f) && only(f)).map((f) => join(dir, f));
  if (!files.length) return;
  const run = step(name, 'node', [...args, '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files], { env });
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const num = (label) => Number(new RegExp(`^# ${label} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
  totals.passed += num('pass');
  totals.failed += num('fail') + num('cancelled');
  totals.skipped += num('skipped') + num('todo');
  if (!run.ok && num('fail') + num('cancelled') === 0) totals.failed++;
}

// Server tests: the reference server in-process on an in-memory database. (The store contract,
// pub/sub and migration suites run on PostgreSQL too, inside this pass, when it answers.)
nodeSuite('server tests (node:test, in-memory SQLite)', ['--import', 'tsx'], 'test/server', { HEARTH_LOG: '0' });

// The suites that go through the HTTP app, again on PostgreSQL (HEARTH_TEST_DATABASE_URL or the
// local server), when it answers: contract checks, concurrency, fuzz, and every route's tests.
const ON_POSTGRES = /^(admin|app|auth|auth-limits|bookings-staff|clinic|concurrency|consultations|deliveries|conversations|desk|encryption|events|fuzz|input-rules|manage-page|messages|multi-process|references|reschedule|security-headers|staff)\.test\.ts$/;
console.log('\n▶ PostgreSQL for the server tests');
if (spawnSync('node', ['scripts/pg-test-db.mjs', 'probe'], { stdio: 'inherit' }).status === 0) {
  nodeSuite('postgres server tests (node:test, PostgreSQL)', ['--import', 'tsx'], 'test/server', { HEARTH_LOG: '0', HEARTH_TEST_DB: 'postgres' }, (f) => ON_POSTGRES.test(f));
  spawnSync('node', ['scripts/pg-test-db.mjs', 'clean'], { stdio: 'inherit' });
} else {
  console.log('server tests on PostgreSQL: skipped (no database answered; set HEARTH_TEST_DATABASE_URL)');
}

// End-to-end tests need the build.
if (built) nodeSuite('end-to-end tests (playwright-core, Chromium)', [], 'test/e2e');
else totals.failed++;

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failures.length || totals.failed ? 1 : 0);
