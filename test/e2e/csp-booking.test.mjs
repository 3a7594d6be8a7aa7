// <hearth-consultation-button> from the built dist/hearth.js in a page served with a strict CSP and
// Trusted Types: every step of the flow (a taken slot, field errors and a failing backend included)
// renders, and not one securitypolicyviolation fires.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fillDetails, startCspFixture } from './helpers.mjs';

let fixture, base, browser;
let posts = 0;

/** Free slots at 09:00, 09:30 and 10:00 UTC on the next five days. */
function slots() {
  const day = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  return [1, 2, 3, 4, 5].flatMap((d) =>
    [9, 9.5, 10].map((h) => {
      const start = day + d * 864e5 + h * 36e5;
      return { start: new Date(start).toISOString().replace('.000', ''), end: new Date(start + 18e5).toISOString().replace('.000', '') };
    }),
  );
}

before(async () => {
  fixture = await startCspFixture(
    (req, res, headers, json) => {
      const path = req.url.split('?')[0];
      if (path.startsWith('/broken/')) return json(503, { title: 'Unavailable', status: 503 }, 'application/problem+json');
      if (path == '/api/session') return json(200, { user: null, loginUrl: `${base}/login`, signupUrl: `${base}/signup` });
      if (path == '/api/specialists') return json(200, [{ id: 'olena', name: 'Dr. Olena Kovalenko', title: 'Clinical psychologist', timeZone: 'Europe/Kyiv' }]);
      if (path == '/api/specialists/olena/services')
        return json(200, [{ id: 'olena-initial', specialist: 'olena', name: 'Free initial consultation', durationMinutes: 30, price: 'free', active: true }]);
      if (path == '/api/consultations/availability') return json(200, { durationMinutes: 30, slots: slots() });
      if (path == '/api/consultations' && req.method == 'POST') {
        posts++;
        if (posts == 1) return json(409, { type: '/problems/slot-taken', title: 'Slot taken', status: 409, detail: 'Someone has just booked this time.' }, 'application/problem+json');
        if (posts == 2)
          return json(422, { type: '/problems/validation', title: 'Invalid', status: 422, errors: { email: ['Enter an email address like name@example.com'] } }, 'application/problem+json');
        const [slot] = slots();
        return json(201, { id: 'b1', ...slot, manageUrl: `${base}/api/consultations/manage/secret`, icsUrl: `${base}/api/consultations/manage/secret/ics` });
      }
      return false;
    },
  );
  ({ base, browser } = fixture);
});

after(() => fixture?.close());

const step = (page, id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('#step')?.textContent, id);
const waitStep = (page, id, text) => page.waitForFunction(([id, text]) => document.getElementById(id).shadowRoot.querySelector('#step')?.textContent == text, [id, text]);

test('every step of the booking flow renders under a strict CSP with Trusted Types, without a violation', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${base}/fixtures/csp-booking.html`);
  assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);

  // Dialog: every step, a 409, a 422, then booked.
  await page.locator('#dialog [part=button]').click();
  await page.locator('#dialog dialog[open]').waitFor();
  assert.equal(await step(page, 'dialog'), 'What to expect');
  await page.locator('#dialog button', { hasText: 'Choose a time' }).click();
  await page.locator('#dialog [part~=slot]').first().click();
  await waitStep(page, 'dialog', 'Your details');
  await page.locator('#dialog button', { hasText: 'Continue' }).click(); // empty: field errors
  await page.locator('#dialog #name-err').waitFor();
  await fillDetails(page, '#dialog', { name: 'Iryna', email: 'iryna@example.org', note: 'Evenings are best.' });
  await page.locator('#dialog button', { hasText: 'Continue' }).click();
  await waitStep(page, 'dialog', 'Confirm');
  await page.locator('#dialog button', { hasText: 'Confirm booking' }).click(); // 409
  await waitStep(page, 'dialog', 'Pick a time');
  await page.locator('#dialog p.problem[role=alert]').waitFor();
  await page.locator('#dialog [part~=slot]').nth(1).click();
  await page.locator('#dialog button', { hasText: 'Continue' }).click();
  await page.locator('#dialog button', { hasText: 'Confirm booking' }).click(); // 422
  await page.locator('#dialog #email-err').waitFor();
  await page.locator('#dialog button', { hasText: 'Continue' }).click();
  await page.locator('#dialog button', { hasText: 'Confirm booking' }).click(); // 201
  await waitStep(page, 'dialog', 'Booked');
  await page.locator('#dialog a', { hasText: 'Add to calendar' }).waitFor();

  // Styles arrived through adopted stylesheets (no <style> element, no style attribute).
  const radius = await page.locator('#dialog [part~=primary-action]').evaluate((a) => getComputedStyle(a).borderTopLeftRadius);
  assert.notEqual(radius, '0px');
  assert.equal(await page.evaluate(() => document.getElementById('dialog').shadowRoot.querySelectorAll('style, [style]').length), 0);

  await page.locator('#dialog button', { hasText: 'Close' }).click();
  await page.locator('#dialog dialog:not([open])').waitFor({ state: 'attached' });

  // Inline, in Ukrainian, and a failing backend with its Retry.
  await page.locator('#inline button', { hasText: 'Обрати час' }).click();
  await page.locator('#inline [part~=slot]').first().waitFor();
  // The failing backend: its services cannot be read, so the first step goes on to the service step,
  // which says so with Retry.
  await page.locator('#failing [part=primary-action]').click();
  await page.locator('#failing .problem[role=alert] button', { hasText: 'Retry' }).waitFor();

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});
