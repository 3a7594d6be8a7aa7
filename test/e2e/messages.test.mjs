// <hearth-message-box> and <hearth-login-gate> on the demo page, against the real reference server
// on a temporary SQLite file: sign-in through the popup, offline sending, a closed tab, a failing
// server, a forged session message, and the whole flow with the keyboard alone. Each test checks
// the database: every message is stored exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo, closeDemo, messagesIn, signInWithCookie, signInThroughPopup, waitForStatus as waitFor } from './helpers.mjs';

let demo, browser, db;
before(async () => ({ demo, browser, db } = await openDemo()));
after(() => closeDemo({ demo, browser, db }));

const BOX = '#contact';
const stored = async (body) => (await messagesIn(db.path)).filter((m) => m.body === body);
const statusOf = (page) => page.locator(`${BOX} [role=status][part=status]`);
const waitForStatus = (page, text, timeout) => waitFor(page, BOX, text, timeout);

/** A new browser context signed in by cookie, on the demo page with the message box ready to send. */
async function signedInPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithCookie(page, demo.url);
  await page.locator(`${BOX} button[type=submit]`).waitFor();
  return { context, page };
}

test('(1) signed out: type, log in through the popup, the draft is intact, send, the confirmation is announced, stored once', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.url);
  await page.locator(`${BOX} [part~=login]`).waitFor();
  const prompt = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('hearth-login-gate').shadowRoot.textContent, BOX);
  assert.match(prompt, /You need to be logged in to send messages/);
  // The gated "Ask a question" form is hidden behind its own gate.
  await page.waitForFunction(() => document.querySelector('#ask-gate').shadowRoot.querySelector('[part~=login]'));
  assert.equal(await page.locator('#ask textarea').isVisible(), false);

  const body = 'Hello — written before logging in. (1)';
  await page.fill(`${BOX} input[name=subject]`, 'A first message');
  await page.fill(`${BOX} textarea`, body);
  await signInThroughPopup(page, `${BOX} [part~=login]`);

  const send = page.locator(`${BOX} button[type=submit]`);
  await send.waitFor();
  assert.equal(await send.innerText(), 'Send now');
  assert.equal(await page.inputValue(`${BOX} textarea`), body);
  assert.equal(await page.inputValue(`${BOX} input[name=subject]`), 'A first message');
  // Every gate learned of the sign-in at once.
  await page.locator('#ask textarea').waitFor();
  // The token came through postMessage and is kept for this tab only.
  const origin = new URL(demo.url).origin;
  assert.ok(await page.evaluate((o) => sessionStorage.getItem(`hearth.token:${o}`), origin));

  await send.click();
  await waitForStatus(page, 'Your message has been sent');
  assert.equal(await statusOf(page).getAttribute('role'), 'status');
  const rows = await stored(body);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].recipient, 'olena-kovalenko');
  assert.equal(rows[0].subject, 'A first message');
  assert.equal(rows[0].page_url, demo.url);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hearth.draft:')).length), 0);
  await context.close();
});

test('(2) offline: send, see the queued state, back online: delivered by itself, stored once', async () => {
  const { context, page } = await signedInPage();
  const body = 'Sent from a tunnel. (2)';
  await page.fill(`${BOX} textarea`, body);
  await context.setOffline(true);
  await page.locator(`${BOX} [part=offline]`).waitFor();
  await page.click(`${BOX} button[type=submit]`);
  await waitForStatus(page, 'No internet connection — your message is saved and will be sent when you are back online');
  assert.equal((await stored(body)).length, 0);
  await context.setOffline(false);
  await waitForStatus(page, 'Your message has been sent');
  await page.locator(`${BOX} [part=offline]`).waitFor({ state: 'detached' });
  assert.equal((await stored(body)).length, 1);
  await context.close();
});

test('(2b) offline: send, queued, close the tab; open the page again online: delivered by itself, exactly once', async () => {
  const { context, page } = await signedInPage();
  const body = 'Written before the tab closed. (2b)';
  await page.fill(`${BOX} textarea`, body);
  await context.setOffline(true);
  await page.click(`${BOX} button[type=submit]`);
  await waitForStatus(page, 'No internet connection');
  await page.close();
  await context.setOffline(false);
  assert.equal((await stored(body)).length, 0);

  const again = await context.newPage();
  await again.goto(demo.url);
  await waitForStatus(again, 'Your message has been sent');
  await again.waitForTimeout(1500); // nothing else is sent later
  assert.equal((await stored(body)).length, 1);
  assert.equal(await again.evaluate(() => indexedDB.databases().then((dbs) => dbs.map((d) => d.name))).then((names) => names.includes('hearth-outbox')), true);
  const left = await again.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('hearth-outbox');
        open.onsuccess = () => {
          const request = open.result.transaction('messages').objectStore('messages').count();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );
  assert.equal(left, 0);
  await context.close();
});

test('(3) the server fails twice with 503, then accepts: stored once, every attempt with the same Idempotency-Key', async () => {
  const { context, page } = await signedInPage();
  const keys = [];
  await page.route('**/api/messages', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (keys.length <= 2) {
      await route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Service Unavailable', status: 503 }) });
    } else await route.continue();
  });
  const body = 'Third time lucky. (3)';
  await page.fill(`${BOX} textarea`, body);
  await page.click(`${BOX} button[type=submit]`);
  await waitForStatus(page, 'The server could not be reached — your message is saved and will be sent automatically');
  await waitForStatus(page, 'Your message has been sent');
  assert.equal(keys.length, 3);
  assert.equal(new Set(keys).size, 1);
  assert.ok(keys[0]);
  assert.equal((await stored(body)).length, 1);
  await context.close();
});

test('(4) a session message from another origin (or not from the popup) is ignored', async () => {
  // A real, valid code, as an attacker with an account could get one for this origin (with the attacker's own challenge).
  const origin = new URL(demo.url).origin;
  const challenge = (await import('node:crypto')).createHash('sha256').update('the attacker’s verifier').digest('base64url');
  const form = new URLSearchParams({ email: 'demo@example.com', password: 'demo1234', origin, challenge });
  const page0 = await (await fetch(`${demo.url}login`, { method: 'POST', body: form })).text();
  const code = /data-code="([^"]+)"/.exec(page0)?.[1];
  assert.ok(code);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.url);
  await page.locator(`${BOX} [part~=login]`).waitFor();
  // The login popup, navigated to another origin (127.0.0.1 is not localhost), posts a session.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click(`${BOX} [part~=login]`)]);
  await popup.waitForURL(/\/login\?/);
  await popup.waitForLoadState();
  const other = demo.url.replace('localhost', '127.0.0.1');
  // (A navigation by the page itself: one typed into the address bar would cut the opener link.)
  await Promise.all([popup.waitForURL(`${other}login`), popup.evaluate((url) => void (location.href = url), `${other}login`)]);
  assert.equal(await popup.evaluate(() => !!window.opener), true);
  await popup.evaluate((code) => window.opener.postMessage({ type: 'hearth:session', code }, '*'), code);
  // The page itself (right origin, but not the popup) posts one too.
  await page.evaluate((code) => window.postMessage({ type: 'hearth:session', code }, '*'), code);
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate((o) => sessionStorage.getItem(`hearth.token:${o}`), origin), null);
  assert.equal(await page.locator(`${BOX} [part~=login]`).isVisible(), true);
  assert.equal(await page.locator(`${BOX} button[type=submit]`).isVisible(), false);
  const session = await page.evaluate(() => fetch('/api/session').then((r) => r.json()));
  assert.equal(session.user, null);
  await context.close();
});

test('(5) the whole flow with the keyboard alone: write, log in in the popup, Send now, Write another', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.url);
  await page.locator(`${BOX} [part~=login]`).waitFor();
  const focused = () =>
    page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? `${el.localName}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}|${el.textContent.trim()}` : '';
    });
  const tabTo = async (want, limit = 60) => {
    for (let i = 0; i < limit; i++) {
      if ((await focused()).startsWith(want)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`never reached ${want}; at ${await focused()}`);
  };
  await tabTo('input[name=subject]');
  await page.keyboard.type('By keyboard');
  await page.keyboard.press('Tab');
  const body = 'Every step by keyboard. (5)';
  await page.keyboard.type(body);
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'button|Log in');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  await popup.waitForURL(/\/login\?/); // opened blank within the key press, then sent to the sign-in page
  await popup.waitForLoadState();
  for (let i = 0; i < 6 && !(await popup.evaluate(() => document.activeElement?.getAttribute('type') === 'email')); i++) await popup.keyboard.press('Tab');
  await popup.keyboard.type('demo@example.com');
  await popup.keyboard.press('Tab');
  await popup.keyboard.type('demo1234');
  await Promise.all([popup.waitForEvent('close'), popup.keyboard.press('Enter')]);

  // Focus waits on "Send now".
  await page.waitForFunction(() => document.querySelector('#contact').shadowRoot.activeElement?.textContent === 'Send now');
  await page.keyboard.press('Enter');
  await waitForStatus(page, 'Your message has been sent');
  await page.waitForFunction(() => document.querySelector('#contact').shadowRoot.activeElement?.textContent === 'Write another');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), 'textarea[name=body]|');
  // Ctrl+Enter sends from the message field.
  await page.keyboard.type('And a second one, sent with Ctrl+Enter. (5)');
  await page.keyboard.press('Control+Enter');
  await waitForStatus(page, 'Your message has been sent');
  assert.equal((await stored(body)).length, 1);
  assert.equal((await stored('And a second one, sent with Ctrl+Enter. (5)')).length, 1);
  await context.close();
});

test('popup blocked: the page goes to the sign-in page and comes back to the same place, draft intact', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.open = () => null;
  });
  const page = await context.newPage();
  await page.goto(`${demo.url}#contact-heading`);
  await page.locator(`${BOX} [part~=login]`).waitFor();
  const body = 'Kept across the redirect.';
  await page.fill(`${BOX} textarea`, body);
  await Promise.all([page.waitForURL(/\/login\?return=/), page.click(`${BOX} [part~=login]`)]);
  await page.fill('input[type=email]', 'demo@example.com');
  await page.fill('input[type=password]', 'demo1234');
  await Promise.all([page.waitForURL(`${demo.url}#contact-heading`), page.click('button[type=submit]')]);
  const send = page.locator(`${BOX} button[type=submit]`);
  await send.waitFor();
  assert.equal(await send.innerText(), 'Send now');
  assert.equal(await page.inputValue(`${BOX} textarea`), body);
  await send.click();
  await waitForStatus(page, 'Your message has been sent');
  assert.equal((await stored(body)).length, 1);
  await context.close();
});
