// Shared by the end-to-end tests: a browser (the system Chromium through playwright-core) and
// static servers on loopback ports chosen by the OS.
import { chromium } from 'playwright-core';
import { findChrome, CHROME_FLAGS } from '../../scripts/browser.mjs';

export async function launch() {
  const executablePath = process.env.CHROME_PATH || findChrome();
  if (!executablePath) throw new Error('No Chromium found: run node scripts/ensure-browser.mjs');
  return chromium.launch({ executablePath, headless: true, args: CHROME_FLAGS });
}

/** Starts a node:http server on a free loopback port; resolves to its base URL. */
export function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

/**
 * Runs `npm start`'s server (the reference server, after the build) on a free port with a fresh
 * in-memory database; resolves to {url, stop}.
 */
export async function startDemo(env = {}) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, PORT: '0', HEARTH_DB: ':memory:', HEARTH_LOG: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /(http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`start.mjs exited with ${code}`)));
  });
  // `output()`: everything the server printed so far (the demo prints its mail there).
  return { url, stop: () => child.kill(), output: () => out };
}

/** The focused element, looking into shadow roots: {tag, text, part, id, host (the id of its shadow host)}. */
export function deepActive(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      tag: active?.tagName,
      text: active?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      part: active?.getAttribute('part') ?? null,
      id: active?.id ?? '',
      host: active?.getRootNode()?.host?.id ?? null,
    };
  });
}

/** Opens a <hearth-consultation-button>'s dialog with the mouse and waits for its free times. */
export async function openBooking(page, selector) {
  await page.locator(`${selector} [part=button]`).click();
  await page.locator(`${selector} dialog[open]`).waitFor();
  await page.locator(`${selector} button`, { hasText: 'Choose a time' }).click();
  await page.locator(`${selector} [part~=slot]`).first().waitFor();
}

/** Fills a booking flow's details step and ticks the consent box. */
export async function fillDetails(page, selector, { name, email, phone, note }) {
  await page.locator(`${selector} #name`).fill(name);
  await page.locator(`${selector} #email`).fill(email);
  if (phone) await page.locator(`${selector} #phone`).fill(phone);
  if (note) await page.locator(`${selector} #note`).fill(note);
  await page.locator(`${selector} #consent`).check();
}

/** Rows of the `messages` table of a server database file, opened read-only (the server keeps writing). */
const dataBoxes = new Map();
/** The messages stored in the SQLite file at `dbPath`, bodies opened with the demo's key beside it (`hearth.key`). */
export async function messagesIn(dbPath) {
  const { default: Database } = await import('better-sqlite3');
  if (!dataBoxes.has(dbPath)) {
    if (!dataBoxes.size) (await import('tsx/esm/api')).register(); // the server's own TypeScript
    const { createBox, parseDataKey } = await import('../../server/src/crypto-box.ts');
    const { readFileSync } = await import('node:fs');
    const { dirname, join } = await import('node:path');
    const file = join(dirname(dbPath), 'hearth.key');
    dataBoxes.set(dbPath, createBox(parseDataKey(readFileSync(file, 'utf8'), file)));
  }
  const dataBox = dataBoxes.get(dbPath);
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, recipient, subject, body, page_url FROM messages ORDER BY created_at').all();
    return rows.map((row) => ({ ...row, body: dataBox.open(row.body, 'message') }));
  } finally {
    db.close();
  }
}

/** A fresh temporary file path for `HEARTH_DB`, and a function that removes its folder. */
export async function tempDb() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  return { path: join(dir, 'hearth.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The usual setup of a file: the demo server on a temporary SQLite file, and a browser.
 * `before(async () => ({ demo, browser, db } = await openDemo()))`, then `after(() => closeDemo({ demo, browser, db }))`.
 */
export async function openDemo(env = {}) {
  const db = await tempDb();
  const demo = await startDemo({ HEARTH_DB: db.path, ...env });
  return { db, demo, browser: await launch() };
}

export async function closeDemo({ demo, browser, db }) {
  await browser?.close();
  demo?.stop();
  db?.remove();
}

/** Signs in with the demo account on the server's /login page (sets the session cookie in the page's context). */
export async function signInWithCookie(page, base, { email = 'demo@example.com', password = 'demo1234' } = {}) {
  await page.goto(`${base}login?return=/`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', password);
  await Promise.all([page.waitForURL(base), page.click('button[type=submit]')]);
}

/** Presses the element at `selector` (a Log in button), signs in in the popup it opens, waits until the popup closes. */
export async function signInThroughPopup(page, selector, { email = 'demo@example.com', password = 'demo1234' } = {}) {
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click(selector)]);
  // The popup opens blank within the click, then goes to the sign-in page.
  await popup.waitForURL(/\/login\?/);
  await popup.waitForLoadState();
  await popup.fill('input[type=email]', email);
  await popup.fill('input[type=password]', password);
  await Promise.all([popup.waitForEvent('close'), popup.click('button[type=submit]')]);
}

/** The policy the CSP tests serve: exactly the strict policy with Trusted Types. */
export const STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/**
 * A page world for the strict-CSP tests: dist/, test/e2e/fixtures/ and demo/ (the demo's refs.json) served under STRICT_POLICY on
 * a loopback port (`handle(req, res, headers, json)` may answer first, as a fake API: `json(status, body,
 * type?)` writes a JSON answer with the fixture's headers and returns true) and a browser.
 * Resolves to { base, browser, close }.
 */
export async function startCspFixture(handle) {
  const { createStaticServer } = await import('../../scripts/static-server.mjs');
  const server = createStaticServer(
    [
      ['/dist/', 'dist'],
      ['/fixtures/', 'test/e2e/fixtures'],
      ['/demo/', 'demo'],
    ],
    {
      csp: STRICT_POLICY,
      handle: (req, res, headers) =>
        handle?.(req, res, headers, (status, body, type = 'application/json') => {
          res.writeHead(status, { ...headers, 'Content-Type': type });
          res.end(JSON.stringify(body));
          return true;
        }),
    },
  );
  const base = await listen(server);
  const browser = await launch();
  return {
    base,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Waits until the status line of the message box at `selector` says `text`. */
export const waitForStatus = (page, selector, text, timeout = 15_000) =>
  page.waitForFunction(
    ([sel, text]) => document.querySelector(sel)?.shadowRoot?.querySelector('[part=status]')?.textContent.includes(text),
    [selector, text],
    { timeout },
  );
