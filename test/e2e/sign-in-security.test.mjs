// Sign-in and sign-out as an attacker and a shared computer would try them, in a real browser: a
// login gate embedded on ANOTHER site than its API (127.0.0.1:<port> vs localhost:<port>).
//  - Sign out (keyboard) ends the whole sign-in: the next Log in asks for the password.
//  - Signed in on the server already: the popup asks "Continue to <site> as …" before handing
//    anything over; "Not you? Sign out" asks for the password.
//  - Dotted return paths (`/.//host`) never leave the server's origin.
//  - A hostile backend's `javascript:` loginUrl never runs.
//  - Sign-up says "Check your email" for a new and a taken address alike; the demo's printed link
//    creates the account.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createStaticServer } from '../../scripts/static-server.mjs';
import { closeDemo, deepActive, listen, openDemo } from './helpers.mjs';

let demo, browser, db, server, site;

before(async () => {
  server = createStaticServer([['/dist/', 'dist']], {
    handle(req, res) {
      // A hostile backend on the site's own origin: its sign-in URL is script.
      if (req.url === '/hostile/session') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ user: null, loginUrl: 'javascript:window.__pwned=1', signupUrl: 'javascript:window.__pwned=2' }));
        return true;
      }
      if (!req.url?.startsWith('/essay') && !req.url?.startsWith('/hostile-page')) return false;
      const api = req.url.startsWith('/hostile-page') ? '/hostile' : new URL('/api', demo.url).href;
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        // No CSP on purpose: a page without one is what a javascript: URL would exploit.
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
      res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner page</title>
<script type="module" src="/dist/hearth.js"></script></head>
<body><h1>A page on another site</h1>
<hearth-login-gate id="gate" api="${api}" action="see your messages"><p id="secret">Your messages</p></hearth-login-gate>
</body></html>`);
      return true;
    },
  });
  site = await listen(server);
  ({ demo, browser, db } = await openDemo({ HEARTH_ALLOWED_ORIGINS: site }));
});
after(async () => {
  await closeDemo({ demo, browser, db });
  server?.close();
});

const GATE = '#gate';
const apiOrigin = () => new URL(demo.url).origin;
const serverSession = (context) => context.request.get(`${demo.url}api/session`).then((r) => r.json());

/** Tabs until `predicate(deepActive)` holds (at most 20 presses). */
async function tabTo(page, predicate) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (predicate(await deepActive(page))) return;
  }
  throw new Error('focus never reached the control');
}

/** Log in on the gate by keyboard; resolves to the popup, pointed at the sign-in page. */
async function openPopupByKeyboard(page) {
  await page.locator(`${GATE} [part~=login]`).waitFor();
  await tabTo(page, (a) => a.part === 'login');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  await popup.waitForURL(/\/login\?/);
  await popup.waitForLoadState();
  return popup;
}

/** Signs in as the demo visitor on the server's own sign-in page (in this browser, outside any site). */
async function signInOnServer(page) {
  await page.goto(`${demo.url}login`);
  await page.fill('input[type=email]', 'demo@example.com');
  await page.fill('input[type=password]', 'demo1234');
  await Promise.all([page.waitForURL(demo.url), page.keyboard.press('Enter')]);
}

async function typePassword(popup) {
  await popup.fill('input[type=email]', 'demo@example.com');
  await popup.fill('input[type=password]', 'demo1234');
  await Promise.all([popup.waitForEvent('close'), popup.keyboard.press('Enter')]);
}

test('(1) Sign out, by keyboard, ends the whole sign-in: the server forgets it and the next Log in asks for the password', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site}/essay`);
  await typePassword(await openPopupByKeyboard(page));
  await page.locator('#secret').waitFor();
  assert.match(await page.locator(`${GATE} [part~=account]`).innerText(), /Signed in as Demo Visitor/);
  // Focus did not fall to <body> when Log in went away.
  assert.equal((await deepActive(page)).part, 'account');
  assert.equal((await serverSession(context)).user?.name, 'Demo Visitor', 'the popup left a cookie session on the server');

  await tabTo(page, (a) => a.part === 'signout');
  await page.keyboard.press('Enter');
  await page.locator(`${GATE} [part~=login]`).waitFor();
  assert.equal((await deepActive(page)).part, 'login', 'focus moves to Log in');
  assert.match(await page.locator(`${GATE} [role=status]`).innerText(), /You are signed out\./);
  assert.equal((await serverSession(context)).user, null, 'the cookie session ended with the token');
  assert.equal(await page.evaluate((o) => sessionStorage.getItem(`hearth.token:${o}`), apiOrigin()), null);

  // The next person at this computer presses Log in: the password is asked, nobody is signed back in.
  const popup = await openPopupByKeyboard(page);
  assert.equal(await popup.locator('input[type=password]').count(), 1);
  assert.equal(await popup.getByText('Continue to').count(), 0);
  await popup.close();
  await context.close();
});

test('(3) signed in on the server already: "Continue to <site> as …" by keyboard; "Not you? Sign out" asks for the password', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Signed in on the server's own page earlier (same browser).
  await signInOnServer(page);

  await page.goto(`${site}/essay`);
  let popup = await openPopupByKeyboard(page);
  const host = new URL(site).host;
  const go = popup.getByRole('button', { name: `Continue to ${host} as Demo Visitor` });
  await go.waitFor();
  assert.equal(await page.locator('#secret').isVisible(), false, 'nothing handed over before the click');
  await go.focus();
  await Promise.all([popup.waitForEvent('close'), popup.keyboard.press('Enter')]);
  await page.locator('#secret').waitFor();

  // Sign out on the site, then someone else at the computer: "Not you?" in the popup.
  await page.locator(`${GATE} [part~=signout]`).click();
  await page.locator(`${GATE} [part~=login]`).waitFor(); // the sign-out has been answered
  await page.goto(`${demo.url}login`); // signed out everywhere: the form
  assert.equal(await page.locator('input[type=password]').count(), 1);
  await signInOnServer(page);
  await page.goto(`${site}/essay`);
  popup = await openPopupByKeyboard(page);
  const notYou = popup.getByRole('button', { name: 'Not you? Sign out' });
  await notYou.focus();
  await Promise.all([popup.waitForURL(/\/login\?/), popup.keyboard.press('Enter')]);
  await popup.locator('input[type=password]').waitFor();
  assert.equal((await serverSession(context)).user, null);
  await popup.close();
  await context.close();
});

test('(2) return paths that URL parsing turns into //host never leave the server', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInOnServer(page);
  for (const ret of ['/.//example.org/x', '/x/..//example.org/x', '/%2e//example.org/x', '/%2E%2E//example.org/']) {
    await page.goto(`${demo.url}login?return=${encodeURIComponent(ret)}`);
    assert.equal(new URL(page.url()).origin, apiOrigin(), ret);
  }
  await context.close();
});

test('(4) a hostile backend’s javascript: sign-in URL never runs: the gate says it cannot check and offers Retry', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${site}/hostile-page`);
  await page.getByText('We could not check whether you are signed in.').waitFor();
  assert.equal(await page.locator(`${GATE} [part~=login]`).count(), 0);
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.getByText('We could not check whether you are signed in.').waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(errors.some((e) => /sign-in URLs .* must be http\(s\) URLs/.test(e)), errors.join('\n'));
  await context.close();
});

test('(5) sign-up by keyboard: the same answer for a taken address; the link the demo prints creates the account', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signUp = async (email) => {
    await page.goto(`${demo.url}signup`);
    await page.keyboard.press('Tab');
    for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement?.id === 'name')); i++) await page.keyboard.press('Tab');
    await page.keyboard.type('Nadia Reader');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // past the hint to the password field
    if (!(await page.evaluate(() => document.activeElement?.id === 'password'))) await page.focus('#password');
    await page.keyboard.type('a long enough passphrase');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Check your email to finish' }).waitFor();
    return page.content();
  };
  const taken = await signUp('demo@example.com');
  const fresh = await signUp('nadia@example.org');
  assert.equal(taken.replace(/\s+/g, ' '), fresh.replace(/\s+/g, ' '), 'nothing tells the two apart');
  let link;
  for (let i = 0; i < 50 && !link; i++) {
    link = /http:\/\/localhost:\d+\/signup\/confirm\?token=[\w-]{43}/.exec(demo.output())?.[0];
    if (!link) await page.waitForTimeout(100);
  }
  assert.ok(link, 'the demo printed the link');
  assert.match(demo.output(), /Someone, perhaps you, tried to create a hearth account/);
  await page.goto(link);
  const create = page.getByRole('button', { name: 'Create my account' });
  await create.focus();
  await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  await page.getByRole('heading', { name: 'Your account is ready' }).waitFor();
  assert.equal((await serverSession(context)).user?.name, 'Nadia Reader');
  await context.close();
});
