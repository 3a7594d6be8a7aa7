// The built dist/hearth.js in a page served with a strict CSP and Trusted Types: every state of
// <hearth-login-gate> and <hearth-message-box> renders (reading the session, signed out, signed in,
// errors; composing, sending, sent, queued, rate-limited, field errors, failed, signed out by a
// 401, offline), and not one securitypolicyviolation fires.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCspFixture } from './helpers.mjs';

let fixture, base, browser;

before(async () => {
  fixture = await startCspFixture(
    (req, res, headers) => {
      const match = /^\/api-(\w+)\/(session|messages)$/.exec(req.url ?? '');
      if (!match) return false;
      const [, name, path] = match;
      const json = (status, body, extra = {}) => {
        res.writeHead(status, { ...headers, 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...extra });
        res.end(JSON.stringify(body));
        return true;
      };
      if (path === 'session') {
        if (name === 'slow') return true; // never answers: the skeleton
        if (name === 'error') return json(404, { title: 'Not Found', status: 404 });
        const user = name === 'out' ? null : { id: 'u1', name: 'Demo Visitor' };
        return json(200, { user, loginUrl: `${base}/login`, signupUrl: `${base}/signup` });
      }
      switch (name) {
        case 'hang':
          return true; // never answers: sending
        case 'sent':
          return json(201, { id: 'm1', createdAt: '2026-01-01T00:00:00Z' });
        case '503':
          return json(503, { title: 'Service Unavailable', status: 503 });
        case '429':
          return json(429, { title: 'Too many messages', status: 429 }, { 'Retry-After': '3600' });
        case '422':
          return json(422, { title: 'Invalid', status: 422, errors: { subject: ['Use a single line'], body: ['Remove the null characters'] } });
        case '401':
          return json(401, { title: 'Sign-in required', status: 401 });
        default:
          return json(403, { title: 'Forbidden', status: 403 });
      }
    },
  );
  ({ base, browser } = fixture);
});

after(() => fixture?.close());

/** The text of a shadow root (and of the gate inside a message box). */
const shadowText = (page, id) =>
  page.evaluate((id) => {
    const el = document.getElementById(id);
    const gate = el.shadowRoot.querySelector('hearth-login-gate');
    return (el.shadowRoot.textContent + ' ' + (gate?.shadowRoot?.textContent ?? '')).replace(/\s+/g, ' ');
  }, id);
const waitForText = (page, id, text) =>
  page.waitForFunction(
    ([id, text]) => {
      const el = document.getElementById(id);
      const gate = el?.shadowRoot?.querySelector('hearth-login-gate');
      return ((el?.shadowRoot?.textContent ?? '') + (gate?.shadowRoot?.textContent ?? '')).replace(/\s+/g, ' ').includes(text);
    },
    [id, text],
    { timeout: 15_000 },
  );

test('every state of the login gate and the message box renders under a strict CSP with Trusted Types, without a violation', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${base}/fixtures/csp-messages.html`);
  assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);

  // The gate.
  await page.waitForSelector('#gate-loading [aria-busy=true] [part=skeleton]');
  await waitForText(page, 'gate-out', 'You need to be logged in to ask a question');
  await waitForText(page, 'gate-uk', 'Щоб поставити запитання, потрібно увійти');
  await page.locator('#shown').waitFor();
  await waitForText(page, 'gate-error', 'We could not check whether you are signed in.');

  // The message box, signed out: the composer works, the gate asks to log in.
  await waitForText(page, 'box-out', 'You need to be logged in to send messages');
  await page.fill('#box-out textarea', 'Typed while signed out <img src=x onerror=alert(1)>');
  await page.fill('#box-out input[name=subject]', '<script>alert(1)</script>');

  // Every signed-in box sends (their states follow from the server's answers).
  for (const id of ['box-hang', 'box-sent', 'box-503', 'box-429', 'box-422', 'box-403', 'box-401']) {
    await page.locator(`#${id} button[type=submit]`).waitFor();
    await page.fill(`#${id} textarea`, `A message from ${id} <b>bold?</b>`);
    if (id === 'box-sent' || id === 'box-422') await page.fill(`#${id} input[name=subject]`, 'Subject');
    await page.click(`#${id} button[type=submit]`);
  }
  await waitForText(page, 'box-hang', 'Sending your message…');
  await waitForText(page, 'box-sent', 'Your message has been sent');
  await waitForText(page, 'box-503', 'The server could not be reached — your message is saved and will be sent automatically');
  await waitForText(page, 'box-429', 'will be sent in 3600 seconds');
  await waitForText(page, 'box-422', 'Use a single line');
  await waitForText(page, 'box-422', 'Remove the null characters');
  await waitForText(page, 'box-403', 'Your message could not be sent. It is kept here');
  await waitForText(page, 'box-401', 'Ваш сеанс завершився');
  assert.match(await shadowText(page, 'box-401'), /Увійти/);

  // Offline: the banner, and a queued message.
  await context.setOffline(true);
  await waitForText(page, 'box-out', 'You are offline. You can keep writing');

  // Styles arrived through adopted stylesheets (no <style> element, no style attribute), data stayed text.
  const border = await page.$eval('#box-out', (el) => getComputedStyle(el.shadowRoot.querySelector('textarea')).borderTopStyle);
  assert.equal(border, 'solid');
  assert.equal(await page.$$eval('[style]', (els) => els.length), 0);
  assert.equal(await page.$$eval('img, script:not([src])', (els) => els.length), 0);

  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});
