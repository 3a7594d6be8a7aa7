// Issue 10, item 7: exactly once, even across a 401. The real reference server on a temporary
// SQLite file and the demo page's message box: the server stores the message, but the browser sees
// a 502 (its answer is lost); meanwhile the session ends (its rows are deleted, as when a 2-hour
// token expires while the visitor is offline); the retry gets 401. The box must keep the message and
// its Idempotency-Key, ask the visitor to log in again, and after sign-in send it again with that key:
// one row in the messages table, never two.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo, closeDemo, messagesIn, signInWithCookie, waitForStatus as waitFor } from './helpers.mjs';

let demo, browser, db;
before(async () => ({ demo, browser, db } = await openDemo()));
after(() => closeDemo({ demo, browser, db }));

const BOX = '#contact';
const statusText = (page) =>
  page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[part=status]')?.textContent.trim() ?? '', BOX);
const waitForStatus = (page, text, timeout) => waitFor(page, BOX, text, timeout);

/** Ends every session on the server, as an expiry would: the next request with the old cookie or token gets 401. */
async function endAllSessions() {
  const { default: Database } = await import('better-sqlite3');
  const file = new Database(db.path, { timeout: 5000 });
  try {
    file.prepare('DELETE FROM sessions').run();
  } finally {
    file.close();
  }
}

test('stored, answer lost (502), session ended, retry 401, signed in again: sent again with the same key, one row', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithCookie(page, demo.url);
  await page.locator(`${BOX} button[type=submit]:not([aria-disabled])`).waitFor();
  const rowsBefore = (await messagesIn(db.path)).length;

  const keys = [];
  const statuses = [];
  await context.route('**/api/messages', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (keys.length === 1) {
      const response = await route.fetch(); // reaches the server, which stores the message
      statuses.push(response.status());
      await endAllSessions(); // the session ends while the answer is lost
      await route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' });
    } else {
      const response = await route.fetch();
      statuses.push(response.status());
      await route.fulfill({ response });
    }
  });

  const body = 'Stored once, even across a 401. (item 7)';
  await page.fill(`${BOX} textarea`, body);
  await page.click(`${BOX} button[type=submit]`);
  await waitForStatus(page, 'Your sign-in has ended');
  assert.deepEqual(statuses, [201, 401]);
  assert.equal((await messagesIn(db.path)).length, rowsBefore + 1, 'the first attempt was stored');
  // The gate asks to log in; no Send button could send it under a new key; the text is there.
  await page.locator(`${BOX} [part~=login]`).waitFor();
  assert.equal(await page.locator(`${BOX} button[type=submit]`).isVisible(), false);
  assert.equal(await page.inputValue(`${BOX} textarea`), body);

  // The visitor signs in again (the /login form, then back to the page).
  await signInWithCookie(page, demo.url);
  // Sent by itself; a "Send now" shown instead is what a visitor would press (before the fix: a second row).
  const sendNow = page.locator(`${BOX} button[type=submit]:not([aria-disabled])`);
  const outcome = await Promise.race([
    waitForStatus(page, 'Your message has been sent').then(() => 'sent'),
    sendNow.waitFor({ timeout: 15_000 }).then(() => 'send now'),
  ]);
  if (outcome === 'send now' && !(await statusText(page)).includes('has been sent')) {
    await sendNow.click();
    await waitForStatus(page, 'Your message has been sent');
  }
  await page.waitForTimeout(1000); // nothing else is sent later
  assert.equal(new Set(keys).size, 1, `one Idempotency-Key for every attempt: ${keys.join(', ')}`);
  assert.equal(statuses.at(-1), 201); // the server replays its first answer for that key
  assert.equal((await messagesIn(db.path)).length, rowsBefore + 1, 'exactly one row');
  await context.close();
});
