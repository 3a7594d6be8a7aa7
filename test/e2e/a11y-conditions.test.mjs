// Issue 14: axe over the states of the booking flow, the message box and the references list in
// five conditions — a light page, the visitor's
// dark preference, a dark host page that declares no color-scheme, Windows high contrast (forced
// colours) and Arabic right to left — on a bare page with no CSS of its own (the demo page themes
// the widgets), served from the real server's origin. Every state must have no violation of WCAG
// 2.2 A/AA or axe's best practices.
//
// The contexts bypass the page CSP only so that axe can be injected; CSP is tested in csp*.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openDemo, closeDemo, signInWithCookie } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let demo, browser, db;
before(async () => ({ demo, browser, db } = await openDemo({ HEARTH_RATE_LIMIT_BOOKINGS_PER_HOUR: '1000' })));
after(() => closeDemo({ demo, browser, db }));

/** A page as a site without any hearth CSS would write it. */
const bare = (html = 'lang="en"') => `<!doctype html><html ${html}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>A clinic</title><script type="module" src="/dist/hearth.js"></script></head>
<body><main><h1>A clinic</h1>
<hearth-consultation-button id="book" api="/api" specialist="olena-kovalenko" crisis-line="112"></hearth-consultation-button>
<hearth-consultation-button id="inline" mode="inline" api="/api" specialist="sam-rivera" crisis-line="988"></hearth-consultation-button>
<h2>Write to us</h2>
<hearth-message-box id="box" api="/api" to="olena-kovalenko" subject crisis-line="Samaritans 116 123"></hearth-message-box>
<p>Love is an art we practise <hearth-cite key="fromm1956" locator="p. 9">(Fromm, 1956, p. 9)</hearth-cite>.</p>
<hearth-consultation-button id="any" api="/api" crisis-line="112"></hearth-consultation-button>
<h2>References</h2>
<hearth-references id="refs" api="/api" list="essay" controls></hearth-references>
<hearth-references id="missing" api="/api" list="no-such-list"></hearth-references>
</main></body></html>`;

const CONDITIONS = {
  light: {},
  'dark preference': { colorScheme: 'dark' },
  // A dark site that sets its colours but not color-scheme: text inherited from it is light.
  'dark host page': { html: 'lang="en" style="background:#111;color:#eee"' },
  'forced colours': { forcedColors: 'active' },
  // At 320 px: no state may scroll sideways (checked in every condition, at its width).
  'Arabic, right to left': { html: 'lang="ar" dir="rtl"', width: 320 },
};

/** axe's violations inside `selector` (its shadow tree included), as readable lines. */
async function violations(page, selector) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) return [`the page scrolls sideways by ${overflow} px`];
  const found = await page.evaluate(
    async ([selector, tags]) => {
      const result = await window.axe.run({ include: [[selector]] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ') + ' ' + (n.failureSummary ?? '').split('\n')[1]).join('; ')}`);
    },
    [selector, TAGS],
  );
  return found;
}

/** Walks one booking button through its states, checking each; returns the violations found. */
async function walk(page, id) {
  const book = page.locator(`#${id}`);
  const found = [];
  const check = async (state) => found.push(...(await violations(page, `#${id}`)).map((v) => `${id}, ${state}: ${v}`));
  if (id == 'book') {
    await book.locator('[part=button]').waitFor();
    await check('the button');
    await book.locator('[part=button]').click();
    await book.locator('dialog[open]').waitFor();
  }
  await book.locator('[part~=primary-action]').waitFor();
  await check('what to expect');
  await book.locator('[part~=primary-action]').click();
  await book.locator('[part~=slot]').first().waitFor();
  await check('pick a time');
  await book.locator('[part~=slot]').first().click();
  await book.locator('#name').waitFor();
  // By part, not by text: under lang="ar" the flow speaks Arabic.
  await book.locator('[part~=primary-action]').click(); // Continue
  await book.locator('[aria-invalid=true]').first().waitFor();
  await check('details with errors');
  await book.locator('#name').fill('Sam Visitor');
  await book.locator('#email').fill('sam@example.org');
  await book.locator('#consent').check();
  await book.locator('[part~=primary-action]').click(); // Continue
  await book.locator('.summary').waitFor();
  await check('confirm');
  await book.locator('[part~=primary-action]').click(); // Confirm booking
  await book.locator('a[part~=primary-action]').waitFor(); // Add to calendar
  await check('booked');
  const manage = await book.locator('a[target=_blank]').getAttribute('href');
  if (id == 'book') await book.locator('.close').click();
  return { found, manage };
}

/** The manage page's "Choose another time": its times, then the confirm step. */
async function rescheduleStates(page, manage) {
  await page.goto(manage);
  await page.addScriptTag({ path: AXE });
  const again = page.locator('hearth-consultation-button[reschedule]');
  const found = [];
  const check = async (state) => found.push(...(await violations(page, 'hearth-consultation-button[reschedule]')).map((v) => `reschedule, ${state}: ${v}`));
  await again.locator('[part=button]').click();
  await again.locator('[part~=slot]').first().waitFor();
  await check('times');
  await again.locator('[part~=slot]:not([aria-selected=true])').nth(2).click();
  await again.locator('[part~=primary-action]').waitFor();
  await check('confirm the move');
  return found;
}

/** The message box signed out (typing, Ctrl+Enter), then signed in (an empty send, a sent message). */
async function writeMessage(page, signIn) {
  const box = page.locator('#box');
  const found = [];
  const check = async (state) => found.push(...(await violations(page, '#box')).map((v) => `box, ${state}: ${v}`));
  await box.locator('[part~=login]').waitFor();
  await check('signed out');
  await box.locator('textarea').fill('I would like to talk about sleep.');
  await box.locator('textarea').press('Control+Enter');
  await box.locator('[part=status]:not(:empty)').waitFor(); // "Log in to send your message
  await check('asked to log in');
  await signIn();
  await box.locator('[part=button][type=submit]').waitFor();
  await box.locator('textarea').fill('');
  await box.locator('[part=button][type=submit]').click();
  await box.locator('[aria-invalid=true]').first().waitFor();
  await check('an empty message');
  await box.locator('textarea').fill('I would like to talk about sleep.');
  await box.locator('[part=button][type=submit]').click();
  await box.locator('.another').waitFor(); // "Your message has been sent", Write another
  await check('sent');
  return found;
}

/** The references list loaded, a citation's preview, the Cite dialog, and a list that does not exist (its error and Retry). */
async function readReferences(page) {
  await page.locator('#refs li').first().waitFor();
  await page.locator('#missing [role=alert]').waitFor();
  const found = [...(await violations(page, '#refs')).map((v) => `references: ${v}`), ...(await violations(page, '#missing')).map((v) => `references, missing list: ${v}`)];
  await page.locator('hearth-cite button').first().click();
  await page.locator('hearth-cite [popover]:popover-open').waitFor();
  found.push(...(await violations(page, 'hearth-cite')).map((v) => `a citation's preview: ${v}`));
  await page.keyboard.press('Escape');
  await page.locator('#refs .tools button').nth(1).waitFor(); // the reader tools load when the page is idle
  await page.locator('#refs .tools button').nth(1).click(); // Cite
  await page.locator('.hearth-dialog[open]').waitFor();
  found.push(...(await violations(page, '.hearth-dialog')).map((v) => `the Cite dialog: ${v}`));
  await page.keyboard.press('Escape');
  return found;
}

/** A button without a specialist: "Choose who you'd like to talk to". */
async function chooseWho(page) {
  const any = page.locator('#any');
  await any.locator('[part=button]').click();
  await any.locator('[part~=choice]').first().waitFor();
  const found = (await violations(page, '#any')).map((v) => `choose whom: ${v}`);
  await any.locator('.close').click();
  return found;
}

/** The care team's desk on the same kind of page, as an admin: the inbox, a thread, and each section. */
async function deskStates(page, context, html) {
  await context.clearCookies(); // the visitor's session: the admin signs in afresh
  const other = await context.newPage();
  await signInWithCookie(other, demo.url, { email: 'admin@example.com' });
  await other.close();
  const body = `<!doctype html><html ${html ?? 'lang="en"'}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Desk</title><script type="module" src="/dist/hearth-desk.js"></script></head><body><main><hearth-desk api="/api"></hearth-desk></main></body></html>`;
  await page.route(`${demo.url}desk.html`, (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto(`${demo.url}desk.html`);
  await page.addScriptTag({ path: AXE });
  const desk = page.locator('hearth-desk');
  const found = [];
  const check = async (state) => found.push(...(await violations(page, 'hearth-desk')).map((v) => `desk, ${state}: ${v}`));
  await desk.locator('[role=option]').first().waitFor();
  await check('inbox');
  await desk.locator('[role=option]').first().click();
  await desk.locator('textarea').waitFor();
  await check('a thread');
  const nav = desk.locator('nav button');
  for (const [i, state] of ['bookings', 'hours', 'specialists'].entries()) {
    await nav.nth(i + 1).click();
    await desk.locator(`.${state}, [part~=section]`).first().waitFor();
    await page.waitForTimeout(300); // the section's data
    await check(state);
  }
  await desk.locator('[part~=specialist]').first().waitFor();
  await desk.locator('#specialist-dialog').evaluate((d) => d.showModal());
  await check('the specialist dialog');
  await desk.locator('#specialist-dialog').evaluate((d) => d.close());
  await nav.nth(0).click();
  // Narrow (320 px), the inbox shows one pane at a time: back from the thread to the list first.
  if (await desk.locator('.back').isVisible()) await desk.locator('.back').click();
  await desk.locator('button.invite').click();
  await desk.locator('#invite-email').waitFor();
  await check('the invitation dialog');
  return found;
}

for (const [name, condition] of Object.entries(CONDITIONS)) {
  test(`${name}: no axe violation in any state of the booking flow (dialog, inline, rescheduling), the references, the message box and the desk`, async () => {
    const context = await browser.newContext({
      bypassCSP: true,
      colorScheme: condition.colorScheme ?? 'light',
      forcedColors: condition.forcedColors ?? 'none',
      viewport: { width: condition.width ?? 900, height: 800 },
    });
    try {
      const page = await context.newPage();
      await page.route(`${demo.url}bare.html`, (route) => route.fulfill({ contentType: 'text/html', body: bare(condition.html) }));
      await page.goto(`${demo.url}bare.html`);
      await page.addScriptTag({ path: AXE });
      const signIn = async () => {
        const other = await context.newPage();
        await signInWithCookie(other, demo.url);
        await other.close();
        await page.reload();
        await page.addScriptTag({ path: AXE });
      };
      const booked = await walk(page, 'book');
      assert.deepEqual(
        [
          ...booked.found,
          ...(await walk(page, 'inline')).found,
          ...(await chooseWho(page)),
          ...(await readReferences(page)),
          ...(await writeMessage(page, signIn)),
          ...(await deskStates(page, context, condition.html)),
          ...(await rescheduleStates(page, booked.manage)),
        ],
        [],
      );
    } finally {
      await context.close();
    }
  });
}
