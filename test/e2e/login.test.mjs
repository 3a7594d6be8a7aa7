// The reference server's sign-in page in a real browser, keyboard only: a same-origin form post
// under Referrer-Policy: no-referrer (Origin: null) must work, and the session must follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeDemo, openDemo } from './helpers.mjs';

let demo, browser, db;
before(async () => ({ demo, browser, db } = await openDemo()));
after(() => closeDemo({ demo, browser, db }));

const session = (page) => page.evaluate(() => fetch('/api/session').then((r) => r.json()));

test('a visitor signs in on /login with the keyboard alone and is signed in', async () => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}login?return=/`);
  assert.equal((await session(page)).user, null);
  await page.keyboard.press('Tab');
  // Tab until the email field has focus (skip links or headings may come first).
  for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement?.getAttribute('type') === 'email')); i++) await page.keyboard.press('Tab');
  await page.keyboard.type('demo@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo1234');
  await Promise.all([page.waitForURL(`${demo.url}`), page.keyboard.press('Enter')]);
  const { user } = await session(page);
  assert.equal(user?.name, 'Demo Visitor');
  await page.close();
});

test('a wrong password shows an error summary that names the problem, and keeps the email', async () => {
  const page = await browser.newPage();
  await page.goto(`${demo.url}login`);
  await page.fill('input[type=email]', 'demo@example.com');
  await page.fill('input[type=password]', 'not the password');
  await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  await page.waitForSelector('[role=alert]');
  assert.equal(await page.inputValue('input[type=email]'), 'demo@example.com');
  assert.equal((await session(page)).user, null);
  await page.close();
});
