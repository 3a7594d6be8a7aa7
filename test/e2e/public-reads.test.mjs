// Issue 16, "install it anywhere": a page on a second origin that is NOT in HEARTH_ALLOWED_ORIGINS
// (127.0.0.1:<port> vs the server's localhost:<port>) loads a public references list and the
// specialists of the booking picker (then a specialist's free times), in a real browser. The
// allowlist still guards everything else: from that page the session cannot be read, and a
// credentialed read of a public list is refused by the browser (the answer is `*`, never credentialed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createStaticServer } from '../../scripts/static-server.mjs';
import { closeDemo, listen, openDemo } from './helpers.mjs';

let demo, browser, db, server, site;
const REFS = JSON.parse(readFileSync('demo/refs.json', 'utf8'));

before(async () => {
  server = createStaticServer([['/dist/', 'dist']], {
    handle(req, res) {
      if (!req.url?.startsWith('/blog')) return false;
      const api = new URL('/api', demo.url).href;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog elsewhere</title>
<script type="module" src="/dist/hearth.js"></script></head>
<body><h1>A blog on a site the clinic never heard of</h1>
<hearth-references id="refs" api="${api}" list="essay"></hearth-references>
<hearth-consultation-button id="book" mode="inline" api="${api}" crisis-line="112"></hearth-consultation-button>
</body></html>`);
      return true;
    },
  });
  site = await listen(server);
  // An allowlist that does not name the blog.
  ({ demo, browser, db } = await openDemo({ HEARTH_ALLOWED_ORIGINS: 'https://partner.example' }));
});
after(async () => {
  await closeDemo({ demo, browser, db });
  server?.close();
});

test('a page on an origin outside the allowlist loads a public references list and the specialists', async () => {
  assert.notEqual(new URL(site).origin, new URL(demo.url).origin);
  const context = await browser.newContext();
  const page = await context.newPage();
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.goto(`${site}/blog`);

  // The references list: every entry of the demo essay, no "You seem to be offline".
  await page.locator('#refs li').first().waitFor();
  assert.equal(await page.locator('#refs li').count(), REFS.length);
  assert.doesNotMatch(await page.locator('#refs').innerText(), /offline/i);

  // The picker: the specialists (GET /api/specialists), then one's free times (services, availability).
  const choices = page.locator('#book [part~=choice]');
  await choices.first().waitFor();
  const names = await choices.allInnerTexts();
  assert.ok(names.some((n) => /Olena Kovalenko/.test(n)), names.join(' | '));
  assert.ok(names.some((n) => /Sam Rivera/.test(n)), names.join(' | '));
  await choices.filter({ hasText: 'Olena Kovalenko' }).click();
  await page.locator('#book [part~=slot]').first().waitFor();
  assert.doesNotMatch(await page.locator('#book').innerText(), /offline/i);
  // Only the flow's "nice to have" session read (to prefill the name) fails: it keeps the allowlist.
  assert.deepEqual(
    failed.filter((url) => new URL(url).pathname != '/api/session'),
    [],
  );
  await context.close();
});

test('from that page the allowlist still holds: no session read, no credentialed read, not even of a public list', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site}/blog`);
  const api = new URL('/api', demo.url).href;
  const outcome = (path, init) =>
    page.evaluate(
      ([url, i]) =>
        fetch(url, i).then(
          (r) => `status ${r.status}`,
          (e) => e.name,
        ),
      [`${api}${path}`, init],
    );
  assert.equal(await outcome('/references/essay', {}), 'status 200');
  assert.equal(await outcome('/specialists', {}), 'status 200');
  // `*` is never credentialed: the browser refuses a credentialed read of it.
  assert.equal(await outcome('/references/essay', { credentials: 'include' }), 'TypeError');
  // Session reads and writes keep the allowlist: the browser gets no CORS answer.
  assert.equal(await outcome('/session', {}), 'TypeError');
  assert.equal(await outcome('/consultations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }), 'TypeError');
  await context.close();
});
