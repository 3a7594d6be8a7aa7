// Issue 16, "setup mistakes look like the visitor's fault": in a real browser, a site's setup
// mistakes are told to the visitor calmly and explained to the developer in the console, once each.
// - a wrong `api` URL (nothing listens there) while the browser is online: "Could not reach the
//   service", never "offline", and a console.error naming the URL tried and HEARTH_ALLOWED_ORIGINS;
// - a booking button naming a specialist who does not exist: "not set up correctly", and a
//   console.error naming the element, the attribute and its value.
// Both by keyboard: Retry is reachable with Tab and keeps focus in the widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { createStaticServer } from '../../scripts/static-server.mjs';
import { closeDemo, deepActive, listen, openDemo } from './helpers.mjs';

let demo, browser, db, server, site, deadApi, dead;

before(async () => {
  // A port that refuses connections: bound, then closed (nothing listens there afterwards).
  dead = createServer();
  await new Promise((resolve) => dead.listen(0, '127.0.0.1', resolve));
  deadApi = `http://127.0.0.1:${dead.address().port}/api`;
  await new Promise((resolve) => dead.close(resolve));
  ({ demo, browser, db } = await openDemo());
  server = createStaticServer([['/dist/', 'dist']], {
    handle(req, res) {
      if (!req.url?.startsWith('/page')) return false;
      const api = new URL('/api', demo.url).href;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Setup mistakes</title>
<script type="module" src="/dist/hearth.js"></script></head>
<body><h1>A page set up wrongly</h1>
<hearth-references id="refs" api="${deadApi}" list="essay"></hearth-references>
<hearth-consultation-button id="book" mode="inline" api="${api}" specialist="nobody"></hearth-consultation-button>
</body></html>`);
      return true;
    },
  });
  site = await listen(server);
});
after(async () => {
  await closeDemo({ demo, browser, db });
  server?.close();
});

/** The page's console errors written by hearth (not the browser's own network lines). */
const hearthErrors = (page) => {
  const seen = [];
  page.on('console', (m) => m.type() == 'error' && /hearth/.test(m.text()) && seen.push(m.text()));
  return seen;
};

test('a wrong api URL: the visitor reads "Could not reach the service", the developer the URL and the allowlist', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = hearthErrors(page);
  await page.goto(`${site}/page`);
  const alert = page.locator('#refs [role=alert]');
  await alert.waitFor({ timeout: 20_000 }); // the HTTP client retries a read twice first
  const said = await alert.innerText();
  assert.match(said, /Could not reach the service\. Try again later\./);
  assert.doesNotMatch(said, /offline/i);
  const mine = errors.filter((e) => e.includes(deadApi));
  assert.equal(mine.length, 1, errors.join('\n'));
  assert.match(mine[0], /HEARTH_ALLOWED_ORIGINS/);
  assert.match(mine[0], /api attribute/);

  // By keyboard: Tab reaches Retry, Enter tries again; focus stays on Retry (never <body>), the same calm words.
  await page.keyboard.press('Tab');
  let active = await deepActive(page);
  for (let i = 0; i < 5 && active.text != 'Retry'; i++) {
    await page.keyboard.press('Tab');
    active = await deepActive(page);
  }
  assert.equal(active.text, 'Retry');
  await page.keyboard.press('Enter');
  await page.locator('#refs [role=alert]').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('#refs [aria-busy]'), null, { timeout: 20_000 });
  assert.notEqual((await deepActive(page)).tag, 'BODY');
  assert.match(await page.locator('#refs [role=alert]').innerText(), /Could not reach the service/);
  assert.equal(errors.filter((e) => e.includes(deadApi)).length, 1, 'told once per URL');
  await context.close();
});

test('a booking button naming no such specialist: a calm "not set up correctly" and one console.error naming the attribute', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = hearthErrors(page);
  await page.goto(`${site}/page`);
  const problem = page.locator('#book .problem');
  await problem.waitFor();
  assert.match(await problem.innerText(), /This booking button is not set up correctly\. Please contact the clinic directly\./);
  assert.doesNotMatch(await page.locator('#book').innerText(), /went wrong on our side|offline/i);
  const mine = errors.filter((e) => e.includes('hearth-consultation-button'));
  assert.equal(mine.length, 1, errors.join('\n'));
  assert.match(mine[0], /specialist="nobody"/);
  await context.close();
});
