// npm test: lint, typecheck, translations check, build, browser tests (web-test-runner on Chromium),
// end-to-end tests (node:test + playwright-core against the built files). Ends with one line
// `N passed, N failed` summing every suite; exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';
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
check('translations (every msg id has a Ukrainian string)', 'node', ['scripts/check-translations.mjs']);
const built = check('build (vite + tsc + custom-elements manifest)', 'node', ['scripts/build.mjs']);
check('size budgets (npm run size)', 'node', ['scripts/size.mjs']);

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

// End-to-end tests (node:test) need the build.
if (built) {
  const e2e = step('end-to-end tests (playwright-core, Chromium)', 'node', ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', '--test-reporter-destination=.test-results/e2e.tap', 'test/e2e/'], {});
  const tap = existsSync('.test-results/e2e.tap') ? readFileSync('.test-results/e2e.tap', 'utf8') : '';
  const num = (label) => Number(new RegExp(`^# ${label} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
  totals.passed += num('pass');
  totals.failed += num('fail') + num('cancelled');
  totals.skipped += num('skipped') + num('todo');
  if (!e2e.ok && num('fail') === 0) totals.failed++;
} else {
  totals.failed++;
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failures.length || totals.failed ? 1 : 0);
