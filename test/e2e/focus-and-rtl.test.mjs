// Issue 14, against the real server: right to left, ArrowRight moves to the day shown on the right
// (the earlier one) and ArrowLeft to the one on the left; and after each action that removes the
// focused control — Retry on a failed list or on failed times, Send while offline, slow, refused
// (403) or signed out (401) — focus lands on something meaningful, never on <body>.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo, closeDemo, deepActive, signInWithCookie } from './helpers.mjs';

let demo, browser, db;
before(async () => ({ demo, browser, db } = await openDemo()));
after(() => closeDemo({ demo, browser, db }));

/** A bare page on the server's origin with one element. */
const page = (attrs, body) => `<!doctype html><html ${attrs}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Test</title><script type="module" src="/dist/hearth.js"></script></head><body><main>${body}</main></body></html>`;

async function open(html, options = {}) {
  const context = await browser.newContext(options);
  const tab = await context.newPage();
  await tab.route(`${demo.url}test.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  return { context, tab };
}

/** Never <body>: the deep focus is an element inside the widget (its host id). */
async function focusInside(tab, host) {
  const active = await deepActive(tab);
  assert.notEqual(active.tag, 'BODY', 'focus fell to <body>');
  assert.ok(active.host === host || active.id === host || (await tab.evaluate((id) => document.getElementById(id).contains(document.activeElement), host)), JSON.stringify(active));
  return active;
}

test('right to left (Arabic): ArrowLeft moves to the next day, shown on the left; ArrowRight back to the right', async () => {
  const { context, tab } = await open(page('lang="ar" dir="rtl"', '<hearth-consultation-button id="b" mode="inline" api="/api" specialist="olena-kovalenko"></hearth-consultation-button>'), {
    viewport: { width: 900, height: 900 },
  });
  await tab.goto(`${demo.url}test.html`);
  await tab.locator('#b [part~=primary-action]').click();
  const slots = tab.locator('#b [part~=slot]');
  await slots.first().waitFor();
  await slots.first().focus();
  const x = async () => (await deepActive(tab)) && tab.evaluate(() => document.querySelector('#b').shadowRoot.activeElement.getBoundingClientRect().x);
  const start = await x();
  await tab.keyboard.press('ArrowLeft');
  const left = await x();
  assert.ok(left < start, `ArrowLeft went to x=${left} from ${start}`);
  await tab.keyboard.press('ArrowRight');
  assert.equal(await x(), start, 'ArrowRight went back to the right');
  await context.close();
});

test('references: Retry by keyboard after a failed load keeps focus in the list, then on it once loaded', async () => {
  const { context, tab } = await open(page('lang="en"', '<hearth-references id="refs" api="/api" list="essay"></hearth-references>'));
  let fail = true;
  await tab.route('**/api/references/essay', (route) => (fail ? route.abort('connectionrefused') : route.continue()));
  await tab.goto(`${demo.url}test.html`);
  const retry = tab.locator('#refs [role=alert] button');
  await retry.waitFor();
  fail = false;
  await retry.focus();
  await tab.keyboard.press('Enter');
  await focusInside(tab, 'refs');
  await tab.locator('#refs li').first().waitFor();
  await focusInside(tab, 'refs');
  await context.close();
});

test('booking: Retry by keyboard after the times failed to load keeps focus in the flow', async () => {
  const { context, tab } = await open(page('lang="en"', '<hearth-consultation-button id="b" mode="inline" api="/api" specialist="olena-kovalenko"></hearth-consultation-button>'));
  let fail = true;
  await tab.route('**/api/consultations/availability**', (route) => (fail ? route.abort('connectionrefused') : route.continue()));
  await tab.goto(`${demo.url}test.html`);
  await tab.locator('#b [part~=primary-action]').click();
  const retry = tab.locator('#b .problem button');
  await retry.waitFor();
  fail = false;
  await retry.focus();
  await tab.keyboard.press('Enter');
  await focusInside(tab, 'b');
  await tab.locator('#b [part~=slot]').first().waitFor();
  await focusInside(tab, 'b');
  await context.close();
});

const BOX = '<hearth-message-box id="box" api="/api" to="olena-kovalenko"></hearth-message-box>';

/** Signed in, a message typed, Send pressed by keyboard under `arrange`; focus is checked once the box has answered. */
async function sendAndCheck(arrange, waitText) {
  const { context, tab } = await open(page('lang="en"', BOX));
  await signInWithCookie(tab, demo.url);
  await tab.goto(`${demo.url}test.html`);
  const send = tab.locator('#box button[type=submit]');
  await send.waitFor();
  await tab.fill('#box textarea', `Focus check ${waitText}`);
  await arrange(context, tab);
  await send.focus();
  await tab.keyboard.press('Enter');
  await tab.waitForFunction((text) => document.querySelector('#box').shadowRoot.textContent.includes(text), waitText, { timeout: 15_000 });
  const active = await focusInside(tab, 'box');
  await context.close();
  return active;
}

test('message box: Send while offline (queued), slow, refused (403) or signed out (401): focus never falls to <body>', async () => {
  await sendAndCheck((context) => context.setOffline(true), 'No internet connection');
  await sendAndCheck(
    (_, tab) => tab.route('**/api/messages', async (route) => setTimeout(() => route.continue(), 1500)),
    'Your message has been sent',
  );
  await sendAndCheck(
    (_, tab) =>
      tab.route('**/api/messages', (route) =>
        route.fulfill({ status: 403, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Forbidden', status: 403 }) }),
      ),
    'could not be sent',
  );
  // The session ended meanwhile (as when it expires): 401.
  const signedOut = await sendAndCheck(
    (_, tab) =>
      tab.route('**/api/messages', (route) =>
        route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ title: 'Unauthorized', status: 401 }) }),
      ),
    'Log in again',
  );
  assert.match(signedOut.text + signedOut.part, /Log in|login/i);
});
