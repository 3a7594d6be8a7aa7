// A message box embedded on ANOTHER site than its API (127.0.0.1:<port> vs localhost:<port>), with
// popups blocked: Log in goes to the reference server's sign-in page, which sends the visitor back
// to the page with a one-time code and this tab's state in the fragment; the widget exchanges the
// code with its verifier for a token, removes the fragment, and the draft written before is sent
// exactly once. A crafted link carrying a code the tab never asked for is ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createStaticServer } from '../../scripts/static-server.mjs';
import { closeDemo, listen, messagesIn, openDemo, waitForStatus as waitFor } from './helpers.mjs';

let demo, browser, db, server, site;
/** Every request the embedding site received (a fragment must never reach it). */
const seen = [];

before(async () => {
  server = createStaticServer([['/dist/', 'dist']], {
    handle(req, res) {
      seen.push(req.url);
      if (!req.url?.startsWith('/essay')) return false;
      const api = new URL('/api', demo.url).href;
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${new URL(demo.url).origin}; require-trusted-types-for 'script'`,
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
      res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner essay</title>
<script type="module" src="/dist/hearth.js"></script></head>
<body><h1>An essay on another site</h1>
<hearth-message-box id="contact" api="${api}" to="team" subject></hearth-message-box>
</body></html>`);
      return true;
    },
  });
  site = await listen(server); // http://127.0.0.1:<port>
  ({ demo, browser, db } = await openDemo({ HEARTH_ALLOWED_ORIGINS: site })); // http://localhost:<port>/
});
after(async () => {
  await closeDemo({ demo, browser, db });
  server?.close();
});

const BOX = '#contact';
const apiOrigin = () => new URL(demo.url).origin;
const waitForStatus = (page, text, timeout) => waitFor(page, BOX, text, timeout);

test('popup blocked on another site: sign in by redirect, back on the page signed in, draft intact, sent once', async () => {
  assert.notEqual(new URL(site).origin, apiOrigin());
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.open = () => null;
  });
  const page = await context.newPage();
  const pageUrl = `${site}/essay?id=7`;
  await page.goto(`${pageUrl}#contact`);
  await page.locator(`${BOX} [part~=login]`).waitFor();
  const body = 'Written on another site, kept across the redirect.';
  await page.fill(`${BOX} input[name=subject]`, 'Across sites');
  await page.fill(`${BOX} textarea`, body);

  await Promise.all([page.waitForURL((u) => u.origin === apiOrigin() && u.pathname === '/login'), page.click(`${BOX} [part~=login]`)]);
  const asked = new URL(page.url()).searchParams;
  assert.equal(asked.get('return'), `${pageUrl}#contact`);
  assert.match(asked.get('challenge'), /^[\w-]{43}$/);
  assert.match(asked.get('state'), /^[\w-]{43}$/);
  await page.fill('input[type=email]', 'demo@example.com');
  await page.fill('input[type=password]', 'demo1234');
  await Promise.all([page.waitForURL((u) => u.href.startsWith(pageUrl)), page.click('button[type=submit]')]);

  const send = page.locator(`${BOX} button[type=submit]`);
  await send.waitFor();
  assert.equal(await send.innerText(), 'Send now');
  // The code left the address (the page's own fragment came back); the token it was worth is kept for the API's origin, this tab only.
  assert.equal(page.url(), `${pageUrl}#contact`);
  assert.match(await page.evaluate((o) => sessionStorage.getItem(`hearth.token:${o}`), apiOrigin()), /^[A-Za-z0-9_-]{43}$/);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('hearth.login')), null);
  assert.equal(await page.inputValue(`${BOX} textarea`), body);
  assert.equal(await page.inputValue(`${BOX} input[name=subject]`), 'Across sites');

  await send.click();
  await waitForStatus(page, 'Your message has been sent');
  const rows = (await messagesIn(db.path)).filter((m) => m.body === body);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].subject, 'Across sites');
  assert.ok(!rows[0].page_url.includes('hearth-code'), rows[0].page_url);
  assert.ok(!seen.some((u) => u.includes('hearth-code')), 'the code never reached the site’s server');
  await context.close();
});

/** A real code for the attacker's own account, handed out for this allowlisted site (the attacker's own challenge and state). */
async function plantedLink() {
  const { createHash, randomBytes } = await import('node:crypto');
  const verifier = randomBytes(32).toString('base64url');
  const form = new URLSearchParams({
    email: 'demo@example.com',
    password: 'demo1234',
    return: `${site}/essay`,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
    state: randomBytes(32).toString('base64url'),
  });
  const res = await fetch(`${demo.url}login`, { method: 'POST', body: form, redirect: 'manual' });
  assert.equal(res.status, 303);
  const planted = res.headers.get('location');
  assert.match(planted, /#hearth-code=[A-Za-z0-9_-]{43}&state=[A-Za-z0-9_-]{43}$/);
  return planted;
}

test('a crafted link with someone else’s code (no sign-in started in this tab) is ignored, and the fragment removed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(await plantedLink());
  await page.locator(`${BOX} [part~=login]`).waitFor();
  assert.equal(page.url(), `${site}/essay`);
  assert.equal(await page.evaluate((o) => sessionStorage.getItem(`hearth.token:${o}`), apiOrigin()), null);
  assert.equal(await page.locator(`${BOX} button[type=submit]`).isVisible(), false);
  await context.close();
});

test('a crafted link arriving while this tab’s own sign-in is pending is ignored too (another state, another verifier)', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.open = () => null;
  });
  const page = await context.newPage();
  await page.goto(`${site}/essay`);
  await page.locator(`${BOX} [part~=login]`).waitFor();
  await Promise.all([page.waitForURL((u) => u.origin === apiOrigin()), page.click(`${BOX} [part~=login]`)]);
  // Instead of signing in, the visitor follows the attacker's link in the same tab.
  await page.goto(await plantedLink());
  await page.locator(`${BOX} [part~=login]`).waitFor();
  await page.getByText('Signing in did not finish').first().waitFor();
  assert.equal(await page.evaluate((o) => sessionStorage.getItem(`hearth.token:${o}`), apiOrigin()), null);
  assert.equal(await page.locator(`${BOX} button[type=submit]`).isVisible(), false);
  await context.close();
});
