// <hearth-consultation-button> on the demo page against the reference server (real HTTP, real
// SQLite file): keyboard-only booking, a race for one slot, a double-clicked confirm, the .ics file,
// and time zones. Run `node scripts/build.mjs` first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { launch, startDemo, deepActive, openBooking, fillDetails } from './helpers.mjs';

let demo, browser, dir, db;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-booking-'));
  demo = await startDemo({ HEARTH_DB: join(dir, 'hearth.db'), HEARTH_MIN_NOTICE_HOURS: '0', HEARTH_RATE_LIMIT_BOOKINGS_PER_HOUR: '1000' });
  browser = await launch();
  db = new Database(join(dir, 'hearth.db'), { readonly: true, fileMustExist: true });
});
after(async () => {
  db?.close();
  await browser?.close();
  demo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const bookingsOf = (email) => db.prepare('SELECT id, specialist_id, start, end, name, email, time_zone, consent_version FROM bookings WHERE email = ?').all(email);
const freeStarts = async (specialist) => {
  const from = new Date(Date.now() - 864e5).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 9 * 864e5).toISOString().slice(0, 10);
  const res = await fetch(`${demo.url}api/consultations/availability?specialist=${specialist}&from=${from}&to=${to}`);
  return (await res.json()).slots.map((s) => s.start);
};
/** Records the flow's events on the page. */
const recordEvents = (page) =>
  page.addInitScript(() => {
    window.__events = [];
    for (const type of ['hearth-booking-open', 'hearth-slot-selected', 'hearth-booking-confirmed', 'hearth-booking-failed', 'hearth-booking-close'])
      document.addEventListener(type, (e) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(e.detail)) }));
  });
const events = (page, type) => page.evaluate((type) => window.__events.filter((e) => e.type == type).map((e) => e.detail), type);

async function tabTo(page, predicate, max = 90) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (predicate(await deepActive(page))) return;
  }
  throw new Error(`not reached with Tab; focus is on ${JSON.stringify(await deepActive(page))}`);
}

test('a visitor books with the keyboard alone; the booking is in the database and gone from availability', async () => {
  const page = await browser.newPage();
  await recordEvents(page);
  await page.goto(demo.url);
  await page.waitForSelector('hearth-references li');
  await tabTo(page, (a) => a.part == 'button' && a.host == 'book-olena');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#book-olena dialog[open]');
  assert.equal((await deepActive(page)).text, 'What to expect');
  await tabTo(page, (a) => a.text == 'Choose a time');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#book-olena [part~=slot]');
  await tabTo(page, (a) => a.part == 'slot');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#book-olena').shadowRoot.querySelector('#step')?.textContent == 'Your details');
  const [slot] = await events(page, 'hearth-slot-selected');
  await tabTo(page, (a) => a.id == 'name');
  await page.keyboard.type('Keyboard Visitor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('keys@example.org');
  await tabTo(page, (a) => a.id == 'consent');
  await page.keyboard.press('Space');
  await tabTo(page, (a) => a.text == 'Continue');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#book-olena').shadowRoot.querySelector('#step')?.textContent == 'Confirm');
  await tabTo(page, (a) => a.text == 'Confirm booking');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#book-olena').shadowRoot.querySelector('#step')?.textContent == 'Booked');

  const [confirmed] = await events(page, 'hearth-booking-confirmed');
  const rows = bookingsOf('keys@example.org');
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0], {
    id: confirmed.id,
    specialist_id: 'olena-kovalenko',
    start: slot.start,
    end: slot.end,
    name: 'Keyboard Visitor',
    email: 'keys@example.org',
    time_zone: slot.timeZone,
    consent_version: 'consent-v1',
  });
  assert.ok(!(await freeStarts('olena-kovalenko')).includes(slot.start), 'the slot is no longer offered');
  // No personal data went into a URL.
  assert.ok(!confirmed.manageUrl.includes('keys'));

  // Escape closes the dialog and focus returns to the button.
  await page.keyboard.press('Escape');
  await page.waitForSelector('#book-olena dialog:not([open])', { state: 'attached' });
  assert.deepEqual(await events(page, 'hearth-booking-close'), [{ booked: true }]);
  const active = await deepActive(page);
  assert.equal(active.part, 'button');
  await page.close();
});

test('two visitors race for one slot: exactly one booking; the other sees "taken" and fresh times', async () => {
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  const starts = [];
  for (const [i, page] of pages.entries()) {
    await recordEvents(page);
    await page.goto(demo.url);
    await openBooking(page, '#book-olena');
    await page.locator('#book-olena [part~=slot]').first().click();
    starts.push((await events(page, 'hearth-slot-selected'))[0].start);
    await fillDetails(page, '#book-olena', { name: `Racer ${i}`, email: `racer${i}@example.org` });
    await page.locator('#book-olena button', { hasText: 'Continue' }).click();
    await page.locator('#book-olena button', { hasText: 'Confirm booking' }).waitFor();
  }
  assert.equal(starts[0], starts[1]);
  await Promise.all(pages.map((page) => page.locator('#book-olena button', { hasText: 'Confirm booking' }).click()));
  const outcome = (page) =>
    page.waitForFunction(() => {
      const text = document.querySelector('#book-olena').shadowRoot.querySelector('#step')?.textContent;
      return text == 'Booked' || text == 'Pick a time' ? text : false;
    });
  const results = await Promise.all(pages.map(async (page) => (await outcome(page)).jsonValue()));
  assert.deepEqual([...results].sort(), ['Booked', 'Pick a time']);
  const booked = db.prepare("SELECT email FROM bookings WHERE start = ? AND specialist_id = 'olena-kovalenko' AND cancelled_at IS NULL").all(starts[0]);
  assert.equal(booked.length, 1);

  const loser = pages[results.indexOf('Pick a time')];
  const alert = loser.locator('#book-olena p.problem[role=alert]');
  assert.equal(await alert.textContent(), 'Someone has just booked this time. Your details are kept: pick another time.');
  await loser.locator('#book-olena [part~=slot]').first().waitFor();
  await loser.locator('#book-olena [part~=slot]').first().click();
  assert.equal(await loser.locator('#book-olena #name').inputValue(), booked[0].email == 'racer0@example.org' ? 'Racer 1' : 'Racer 0');
  const fresh = (await events(loser, 'hearth-slot-selected')).at(-1).start;
  assert.notEqual(fresh, starts[0], 'the taken time is not offered again');
  const failed = await events(loser, 'hearth-booking-failed');
  assert.equal(failed.length, 1);
  assert.equal(failed[0].during, 'booking');
  await Promise.all(contexts.map((c) => c.close()));
});

test('a double-clicked confirm makes one booking, with one request', async () => {
  const page = await browser.newPage();
  await recordEvents(page);
  await page.goto(demo.url);
  await openBooking(page, '#book-olena');
  await page.locator('#book-olena [part~=slot]').nth(2).click();
  await fillDetails(page, '#book-olena', { name: 'Double', email: 'double@example.org' });
  await page.locator('#book-olena button', { hasText: 'Continue' }).click();
  const posts = [];
  page.on('request', (r) => r.method() == 'POST' && r.url().endsWith('/api/consultations') && posts.push(r.headers()['idempotency-key']));
  await page.locator('#book-olena button', { hasText: 'Confirm booking' }).dblclick();
  await page.waitForFunction(() => document.querySelector('#book-olena').shadowRoot.querySelector('#step')?.textContent == 'Booked');
  assert.equal(bookingsOf('double@example.org').length, 1);
  assert.equal(posts.length, 1);
  assert.match(posts[0], /^[0-9a-f]{32}$/);
  assert.equal((await events(page, 'hearth-booking-confirmed')).length, 1);
  await page.close();
});

/** The properties of the first VEVENT, lines unfolded. */
function parseIcs(text) {
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /END:VCALENDAR\r\n?$/);
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const event = lines.slice(lines.indexOf('BEGIN:VEVENT') + 1, lines.indexOf('END:VEVENT'));
  return Object.fromEntries(event.map((l) => [l.slice(0, l.search(/[:;]/)), l.slice(l.indexOf(':') + 1)]));
}
const icsTime = (iso) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

test('"Add to calendar" downloads an .ics file that parses and matches the booking', async () => {
  const page = await browser.newPage();
  await recordEvents(page);
  await page.goto(demo.url);
  // The inline flow (Sam Rivera) this time.
  await page.locator('#book-sam button', { hasText: 'Choose a time' }).click();
  await page.locator('#book-sam [part~=slot]').first().click();
  await fillDetails(page, '#book-sam', { name: 'Calendar Visitor', email: 'ics@example.org' });
  await page.locator('#book-sam button', { hasText: 'Continue' }).click();
  await page.locator('#book-sam button', { hasText: 'Confirm booking' }).click();
  const link = page.locator('#book-sam a', { hasText: 'Add to calendar' });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'consultation.ics');
  const ics = parseIcs(readFileSync(await download.path(), 'utf8'));
  const [booking] = await events(page, 'hearth-booking-confirmed');
  const [row] = bookingsOf('ics@example.org');
  assert.equal(row.id, booking.id);
  assert.equal(ics.DTSTART, icsTime(row.start));
  assert.equal(ics.DTEND, icsTime(row.end));
  assert.ok(ics.UID.includes(booking.id), `UID ${ics.UID}`);
  assert.match(ics.SUMMARY, /Sam Rivera/);
  assert.equal(ics.URL, booking.manageUrl);
  assert.ok(!JSON.stringify(ics).includes('ics@example.org'), 'no visitor data in the file');
  assert.equal(await page.locator('#book-sam a', { hasText: 'Manage or cancel this booking' }).getAttribute('href'), booking.manageUrl);
  await page.close();
});

test('with two time zones, the same slot is shown at the right local times', async () => {
  const zones = ['America/Los_Angeles', 'Asia/Tokyo'];
  const seen = [];
  for (const timezoneId of zones) {
    const context = await browser.newContext({ timezoneId, locale: 'en-US' });
    const page = await context.newPage();
    await recordEvents(page);
    await page.goto(demo.url);
    await openBooking(page, '#book-olena');
    assert.equal(await page.locator('#book-olena #tz').inputValue(), timezoneId);
    const first = page.locator('#book-olena [part~=slot]').first();
    const shown = await first.textContent();
    const day = await page.locator('#book-olena .day [role=rowheader]').first().textContent();
    await first.click();
    const [selected] = await events(page, 'hearth-slot-selected');
    seen.push({ timezoneId, start: selected.start, shown: shown.trim(), day, zone: selected.timeZone });
    await context.close();
  }
  assert.equal(seen[0].start, seen[1].start, 'both see the same first slot');
  for (const { timezoneId, start, shown, day, zone } of seen) {
    assert.equal(zone, timezoneId);
    assert.equal(shown, new Intl.DateTimeFormat('en-US', { timeZone: timezoneId, hour: 'numeric', minute: '2-digit' }).format(new Date(start)));
    assert.equal(day, new Intl.DateTimeFormat('en-US', { timeZone: timezoneId, weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(start)));
  }
  assert.notEqual(seen[0].shown, seen[1].shown);
});

test('an answer lost on the way (the connection drops) and a retry book once: the same Idempotency-Key is replayed', async () => {
  const page = await browser.newPage();
  await recordEvents(page);
  await page.goto(demo.url);
  await openBooking(page, '#book-olena');
  await page.locator('#book-olena [part~=slot]').nth(3).click();
  await fillDetails(page, '#book-olena', { name: 'Lost Answer', email: 'lost@example.org' });
  await page.locator('#book-olena button', { hasText: 'Continue' }).click();
  const keys = [];
  let first = true;
  await page.route('**/api/consultations', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    const response = await route.fetch(); // the server books…
    if (first) {
      first = false;
      await route.abort('connectionreset'); // …but the answer never arrives
    } else await route.fulfill({ response });
  });
  await page.locator('#book-olena button', { hasText: 'Confirm booking' }).click();
  await page.locator('#book-olena .problem[role=alert]').waitFor();
  assert.match(await page.locator('#book-olena .problem').textContent(), /Could not reach the service|went wrong/);
  assert.equal(bookingsOf('lost@example.org').length, 1, 'booked on the server already');
  await page.locator('#book-olena button', { hasText: 'Try again' }).click();
  await page.waitForFunction(() => document.querySelector('#book-olena').shadowRoot.querySelector('#step')?.textContent == 'Booked');
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1]);
  const rows = bookingsOf('lost@example.org');
  assert.equal(rows.length, 1);
  assert.equal((await events(page, 'hearth-booking-confirmed'))[0].id, rows[0].id);
  await page.close();
});
