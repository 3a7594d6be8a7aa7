// The clinic's side (issue 13), end to end on the real server: the admin adds a specialist and her
// weekly hours in the desk and invites her; a visitor picks her on the demo page's booking button
// without `specialist` and books by keyboard; she accepts the invitation and finds the booking in
// her desk; the visitor reschedules from the manage link; the old time is free again, and the
// outbox wrote the mails (as .eml files in the demo) without the visitor's note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDemo, closeDemo, signInWithCookie, deepActive } from './helpers.mjs';

let demo, browser, db;
before(async () => ({ demo, browser, db } = await openDemo({ HEARTH_RATE_LIMIT_BOOKINGS_PER_HOUR: '1000' })));
after(() => closeDemo({ demo, browser, db }));

const NAME = 'Dr. Mira Hartmann';
const NOTE = 'I have not slept properly since March';

/** Presses Tab until `predicate(deepActive)` holds. */
async function tabTo(page, predicate, max = 120) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const active = await deepActive(page);
    if (predicate(active)) return;
    if (seen.length < 12) seen.push(active);
  }
  throw new Error(`not reached with Tab; focus went to ${JSON.stringify(seen)}`);
}

/** The free start times of a specialist for the next three weeks, from the public API. */
async function freeStarts(specialist) {
  const from = new Date(Date.now() - 864e5).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 21 * 864e5).toISOString().slice(0, 10);
  const res = await fetch(`${demo.url}api/consultations/availability?specialist=${specialist}&from=${from}&to=${to}`);
  assert.equal(res.status, 200);
  return (await res.json()).slots.map((s) => s.start);
}

/** The mails the demo wrote as .eml files beside its database (`mail/`), as text. */
const mails = () => {
  const dir = join(dirname(db.path), 'mail');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  } catch {
    return [];
  }
};

/** Waits until the demo has printed or written an invitation link; resolves to it. */
async function inviteLink(page) {
  for (let i = 0; i < 100; i++) {
    const text = demo.output() + mails().join('\n').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const found = /http:\/\/localhost:\d+\/invite\?token=[\w-]+/.exec(text);
    if (found) return found[0];
    await page.waitForTimeout(100);
  }
  throw new Error('no invitation link was printed or written');
}

const waitForStep = (page, sel, text) =>
  page.waitForFunction(([sel, text]) => document.querySelector(sel).shadowRoot.querySelector('#step')?.textContent == text, [sel, text]);

test('admin adds a specialist with hours; a visitor picks her and books; she sees it in her desk; the visitor reschedules and the old time is free', async () => {
  // The admin adds Dr. Mira Hartmann in the desk's Specialists section.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const violations = [];
  admin.on('console', (m) => /Content Security Policy|Trusted Type|TrustedHTML/i.test(m.text()) && violations.push(m.text()));
  admin.on('pageerror', (e) => violations.push(String(e)));
  await signInWithCookie(admin, demo.url, { email: 'admin@example.com' });
  await admin.goto(`${demo.url}desk`);
  const desk = admin.locator('hearth-desk');
  await desk.locator('nav').getByRole('button', { name: 'Specialists' }).press('Enter');
  await desk.getByRole('button', { name: 'Add a specialist' }).press('Enter');
  const dialog = desk.locator('#specialist-dialog');
  await dialog.waitFor();
  assert.equal((await deepActive(admin)).id, 'sp-name', 'the dialog opens on its first field');
  await admin.keyboard.type(NAME);
  await desk.locator('#sp-title').fill('Psychotherapist');
  await desk.locator('#sp-languages').fill('de, en');
  await desk.locator('#sp-timeZone').selectOption('Europe/Berlin');
  await desk.locator('#sp-email').fill('mira@example.org');
  await desk.locator('#sp-email').press('Enter');
  const card = desk.locator('[part~=specialist]', { hasText: NAME });
  await card.waitFor();
  const specialists = await (await admin.request.get(`${demo.url}api/clinic/specialists`)).json();
  const mira = specialists.find((s) => s.name == NAME);
  assert.ok(mira, 'the specialist is stored');
  assert.deepEqual([mira.timeZone, mira.languages, mira.active], ['Europe/Berlin', ['de', 'en'], true]);
  // A new specialist offers the default free consultation, and no time until she has hours.
  assert.deepEqual(await freeStarts(mira.id), []);

  // Her weekly hours: every day 08:00–20:00 (Berlin), no minimum notice.
  await desk.locator('nav').getByRole('button', { name: 'Hours' }).press('Enter');
  const hours = desk.locator('[part~=section]');
  await hours.getByLabel('Specialist').selectOption({ label: NAME });
  for (let day = 1; day <= 7; day++) {
    await desk.locator(`[data-add=weekly-${day}]`).press('Enter');
    const row = hours.locator(`#weekday-${day} ~ .row`).first();
    await row.locator('input[type=time]').nth(0).fill('08:00');
    await row.locator('input[type=time]').nth(1).fill('20:00');
  }
  await hours.getByLabel('Minimum notice (minutes)').fill('0');
  await desk.getByRole('button', { name: 'Save hours' }).press('Enter');
  await desk.getByText('Saved', { exact: true }).waitFor();
  const free = await freeStarts(mira.id);
  assert.ok(free.length > 20, `availability reflects her new hours at once (${free.length} times)`);

  // The admin invites her to the care team as that specialist.
  await desk.locator('nav').getByRole('button', { name: 'Inbox' }).press('Enter');
  await desk.getByRole('button', { name: 'Invite staff' }).press('Enter');
  await desk.locator('#invite-email').fill('mira@example.org');
  await desk.locator('#invite-name').fill(NAME);
  await desk.locator('#invite-specialist').selectOption({ label: NAME });
  await desk.getByRole('button', { name: 'Send invitation' }).press('Enter');
  const link = await inviteLink(admin);

  // A visitor books her on the demo page's button without `specialist`, by keyboard.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.addInitScript(() => {
    window.__events = [];
    for (const type of ['hearth-booking-confirmed', 'hearth-booking-rescheduled', 'hearth-slot-selected'])
      document.addEventListener(type, (e) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(e.detail)) }));
  });
  const events = (type) => visitor.evaluate((type) => window.__events.filter((e) => e.type == type).map((e) => e.detail), type);
  await visitor.goto(demo.url);
  await visitor.waitForSelector('hearth-references li');
  await tabTo(visitor, (a) => a.part == 'button' && a.host == 'book-any');
  await visitor.keyboard.press('Enter');
  await visitor.waitForSelector('#book-any dialog[open]');
  await waitForStep(visitor, '#book-any', "Choose who you'd like to talk to");
  await visitor.locator('#book-any [part~=choice]', { hasText: NAME }).waitFor();
  const choice = await visitor.locator('#book-any [part~=choice]', { hasText: NAME }).textContent();
  assert.match(choice, /Psychotherapist/);
  assert.match(choice, /Speaks German, English/);
  assert.match(choice, /Next free time/);
  await tabTo(visitor, (a) => a.part == 'choice' && a.text.includes(NAME));
  await visitor.keyboard.press('Enter');
  // She offers one service, so the flow goes straight to her times.
  await waitForStep(visitor, '#book-any', 'Pick a time');
  await tabTo(visitor, (a) => a.part?.split(' ').includes('slot'));
  await visitor.keyboard.press('Enter');
  await waitForStep(visitor, '#book-any', 'Your details');
  const [slot] = await events('hearth-slot-selected');
  await tabTo(visitor, (a) => a.id == 'name');
  await visitor.keyboard.type('Sam Visitor');
  await visitor.keyboard.press('Tab');
  await visitor.keyboard.type('sam@example.org');
  await tabTo(visitor, (a) => a.id == 'note');
  await visitor.keyboard.type(NOTE);
  await tabTo(visitor, (a) => a.id == 'consent');
  await visitor.keyboard.press('Space');
  await tabTo(visitor, (a) => a.text == 'Continue');
  await visitor.keyboard.press('Enter');
  await waitForStep(visitor, '#book-any', 'Confirm');
  await tabTo(visitor, (a) => a.text == 'Confirm booking');
  await visitor.keyboard.press('Enter');
  await waitForStep(visitor, '#book-any', 'Booked');
  const [confirmed] = await events('hearth-booking-confirmed');
  assert.ok(!(await freeStarts(mira.id)).includes(slot.start), 'her booked time is no longer offered');

  // Mira accepts the invitation, chooses a password and lands in her desk, where the booking is.
  const miraContext = await browser.newContext();
  const miraPage = await miraContext.newPage();
  await miraPage.goto(link);
  await miraPage.fill('input[type=password]', 'a long enough passphrase');
  await Promise.all([miraPage.waitForURL(`${demo.url}desk`), miraPage.keyboard.press('Enter')]);
  const miraDesk = miraPage.locator('hearth-desk');
  await miraDesk.locator('nav').getByRole('button', { name: 'Bookings' }).press('Enter');
  const booking = miraDesk.locator('[part~=booking]', { hasText: 'Sam Visitor' });
  await booking.waitFor();
  const shown = await booking.textContent();
  assert.match(shown, /sam@example\.org/);
  assert.ok(shown.includes(NOTE), 'the note is decrypted for her');

  // The visitor reschedules from the manage link to another time.
  await visitor.goto(confirmed.manageUrl);
  const again = visitor.locator('hearth-consultation-button[reschedule]');
  await again.locator('[part=button]').press('Enter');
  await again.locator('[part~=slot]').first().waitFor();
  const other = again.locator('[part~=slot]:not([aria-selected=true])').nth(3);
  await other.press('Enter');
  await again.getByRole('button', { name: /^Move to / }).press('Enter');
  await visitor.waitForFunction(() => window.__events.some((e) => e.type == 'hearth-booking-rescheduled'));
  const [moved] = await events('hearth-booking-rescheduled');
  assert.notEqual(moved.start, slot.start);
  const nowFree = await freeStarts(mira.id);
  assert.ok(nowFree.includes(slot.start), 'the old time is free again');
  assert.ok(!nowFree.includes(moved.start), 'the new time is taken');

  // Mail: the visitor and Mira were told of the booking and the move; no mail holds the note.
  await admin.waitForTimeout(2500); // the outbox worker polls every second
  const written = mails();
  assert.ok(written.some((m) => /To: sam@example\.org/i.test(m) && /text\/calendar/.test(m)), 'the visitor got a mail with the .ics');
  assert.ok(written.some((m) => /To: mira@example\.org/i.test(m)), 'Mira got a mail');
  assert.ok(!written.some((m) => m.includes('slept properly')), 'no mail holds the note');
  assert.deepEqual(violations, []);
});
