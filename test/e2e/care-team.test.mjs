// The care team's side (issue 12), end to end on the real server: a visitor writes from the demo
// page; Dr. Olena Kovalenko signs in at /desk, finds it in her inbox and answers — by keyboard
// alone, while her connection fails once during the send; the visitor's open page shows the reply
// live and announces it; the reply is stored once; a second visitor sees none of it (page and API).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo, closeDemo, messagesIn, signInWithCookie, deepActive, waitForStatus } from './helpers.mjs';

let demo, browser, db;
before(async () => ({ demo, browser, db } = await openDemo()));
after(() => closeDemo({ demo, browser, db }));

const BOX = '#contact';
const QUESTION = 'I would like to talk about sleep';
const ANSWER = 'Of course — shall we book a time?';
const stored = async (body) => (await messagesIn(db.path)).filter((m) => m.body === body);

/** Text of the live regions (role=status / role=log / aria-live) inside an element's shadow roots. */
const announced = (page, selector) =>
  page.evaluate((sel) => {
    const texts = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('[role=status],[role=alert],[aria-live]')) texts.push(el.textContent.replace(/\s+/g, ' ').trim());
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document.querySelector(sel).shadowRoot);
    return texts.join(' | ');
  }, selector);

/** The sign-up links the demo has printed so far (it prints mail instead of sending it). */
const signupLinks = () => [...demo.output().matchAll(/http:\/\/localhost:\d+\/signup\/confirm\?token=[\w-]{43}/g)].map((m) => m[0]);

/** Signs a new visitor up through /signup and the link the demo prints; leaves them signed in in `context`. */
async function signUpVisitor(context, name, email) {
  const page = await context.newPage();
  const printed = signupLinks().length;
  await page.goto(`${demo.url}signup`);
  await page.fill('#name', name);
  await page.fill('#email', email);
  await page.fill('#password', 'a long enough passphrase');
  await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
  for (let i = 0; i < 50 && signupLinks().length === printed; i++) await page.waitForTimeout(100);
  await page.goto(signupLinks().at(-1));
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Create my account' }).click()]);
  await page.getByRole('heading', { name: 'Your account is ready' }).waitFor();
  return page;
}

test('a visitor writes, Olena answers at /desk by keyboard through a failing connection, the visitor sees it live; a second visitor sees nothing', async () => {
  // The visitor writes to Dr. Olena Kovalenko from the demo page.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await signInWithCookie(visitor, demo.url);
  await visitor.locator(`${BOX} button[type=submit]`).waitFor();
  await visitor.fill(`${BOX} textarea`, QUESTION);
  await visitor.click(`${BOX} button[type=submit]`);
  await waitForStatus(visitor, BOX, 'Your message has been sent');
  // Their thread shows it, not seen yet.
  await visitor.locator(`${BOX} [part~=thread]`).getByText(QUESTION).waitFor();

  // Olena opens /desk: signed out, it sends her to sign in and back.
  const staffContext = await browser.newContext();
  const desk = await staffContext.newPage();
  // The desk page is served under a strict CSP with Trusted Types: nothing may be blocked.
  const violations = [];
  desk.on('console', (m) => /Content Security Policy|Trusted Type|TrustedHTML/i.test(m.text()) && violations.push(m.text()));
  desk.on('pageerror', (e) => violations.push(String(e)));
  await desk.goto(`${demo.url}desk`);
  await desk.waitForURL(/\/login\?return=%2Fdesk|\/login\?return=\/desk/);
  await desk.fill('input[type=email]', 'olena@example.com');
  await desk.fill('input[type=password]', 'demo1234');
  await Promise.all([desk.waitForURL(`${demo.url}desk`), desk.keyboard.press('Enter')]);

  // Her inbox opens on the open conversations; the visitor's is there, unread. Keyboard only from here.
  const row = desk.locator('hearth-desk [role=option]', { hasText: QUESTION });
  await row.waitFor();
  for (let i = 0; i < 15 && (await deepActive(desk)).text.indexOf(QUESTION) < 0; i++) await desk.keyboard.press('Tab');
  assert.ok((await deepActive(desk)).text.includes(QUESTION), 'Tab reaches the conversation in the list');
  await desk.keyboard.press('Enter');
  const thread = desk.locator('hearth-desk [part~=thread]');
  await thread.getByText(QUESTION).waitFor();

  // The visitor's message is seen now: their page shows it live.
  await visitor.locator(`${BOX} [part~=thread]`).getByText('Seen').waitFor({ timeout: 15_000 });

  // Her connection fails during the send: the server stores the reply, the answer is lost.
  let failed = 0;
  await desk.route('**/api/conversations/*/messages', async (route) => {
    if (failed++ === 0) {
      await route.fetch();
      await route.abort('connectionreset');
    } else await route.continue();
  });
  const composer = desk.locator('hearth-desk textarea');
  await composer.focus();
  await desk.keyboard.type(ANSWER);
  await desk.keyboard.press('Control+Enter');
  // The reply waits in the outbox and goes again by itself, under the same key (the live event may
  // show the stored reply first).
  await thread.getByText(ANSWER).waitFor({ timeout: 20_000 });
  for (let i = 0; i < 200 && failed < 2; i++) await desk.waitForTimeout(100);
  assert.ok(failed >= 2, 'the first attempt failed and a second one went');
  await desk.waitForFunction(() => !document.querySelector('hearth-desk').shadowRoot.querySelector('textarea').readOnly);
  assert.equal((await deepActive(desk)).tag, 'TEXTAREA', 'focus stays in the composer');
  assert.equal((await stored(ANSWER)).length, 1, 'the reply is stored once');
  const policy = (await desk.request.get(`${demo.url}desk`)).headers()['content-security-policy'];
  assert.match(policy, /require-trusted-types-for 'script'/);
  assert.deepEqual(violations, []);

  // The visitor's open page shows the reply without a reload, and announces it.
  const visitorThread = visitor.locator(`${BOX} [part~=thread]`);
  await visitorThread.getByText(ANSWER).waitFor({ timeout: 15_000 });
  await visitorThread.getByText('Dr. Olena Kovalenko').first().waitFor();
  assert.match(await announced(visitor, BOX), /New reply from Dr\. Olena Kovalenko/);

  // A second visitor sees none of it: not on the page, not through the API.
  const otherContext = await browser.newContext();
  const other = await signUpVisitor(otherContext, 'Second Visitor', 'second@example.org');
  await other.goto(demo.url);
  await other.locator(`${BOX} button[type=submit]`).waitFor();
  await other.locator(`${BOX} [part~=thread]`).waitFor({ state: 'attached', timeout: 5000 }).catch(() => {});
  const otherText = await other.evaluate((sel) => document.querySelector(sel).shadowRoot.textContent, BOX);
  assert.ok(!otherText.includes(QUESTION) && !otherText.includes(ANSWER), 'the second visitor sees none of it');
  const api = await other.evaluate(async () => {
    const list = await (await fetch('/api/conversations')).json();
    return list;
  });
  assert.deepEqual(api.items, []);
  const [conversation] = (await visitor.evaluate(async () => (await (await fetch('/api/conversations')).json()).items));
  const status = await other.evaluate(async (id) => (await fetch(`/api/conversations/${id}`)).status, conversation.id);
  assert.equal(status, 404, "another visitor's conversation does not exist for them");
  const replyStatus = await other.evaluate(
    async (id) => (await fetch(`/api/conversations/${id}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'x1' }, body: '{"body":"hi"}' })).status,
    conversation.id,
  );
  assert.equal(replyStatus, 404);

  await Promise.all([visitorContext.close(), staffContext.close(), otherContext.close()]);
});
