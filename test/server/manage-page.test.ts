// The manage link for a person: GET with Accept: text/html is the manage page, the page's form
// cancels (same-origin only) and frees the slot; JSON clients keep the JSON answers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { booking, call, checked, createTestApp, newKey, OLENA_SLOT, ORIGIN, PARTNER, signInCookie, type TestApp } from './helpers.js';
import { checkResponse } from './contract.js';
import { prefersHtml } from '../../server/src/http.js';
import { PAGE_CSP, API_CSP } from '../../server/src/security.js';

const M = '/api/consultations/manage/{token}';
const C = '/api/consultations/manage/{token}/cancel';
const A = '/api/consultations/availability';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const FORM = 'application/x-www-form-urlencoded';
const SAME_ORIGIN_FORM = { 'Content-Type': FORM, Origin: 'null', 'Sec-Fetch-Site': 'same-origin' };

async function bookOne(t: TestApp, over: Record<string, unknown> = {}): Promise<{ path: string; id: string }> {
  const r = await checked(t, 'POST', '/api/consultations', '/api/consultations', { json: booking(over), headers: { 'Idempotency-Key': newKey() } });
  assert.equal(r.status, 201);
  return { path: new URL(r.body.manageUrl).pathname, id: r.body.id };
}
const page = (t: TestApp, path: string, accept = BROWSER) => checked(t, 'GET', M, path, { headers: { Accept: accept } });
const cancelForm = (t: TestApp, path: string, headers: Record<string, string> = SAME_ORIGIN_FORM, body = '') =>
  checked(t, 'POST', C, `${path}/cancel`, { headers, body });
const olenaSlotFree = async (t: TestApp) => {
  const r = await checked(t, 'GET', A, `${A}?specialist=olena-kovalenko&from=2026-06-02&to=2026-06-03`);
  return r.body.slots.some((s: { start: string }) => s.start === OLENA_SLOT) as boolean;
};

describe('prefersHtml', () => {
  test('browser navigations prefer HTML; API clients and ambiguous Accept get JSON', () => {
    for (const a of [BROWSER, 'text/html', 'text/html, application/json', 'application/json;q=0.5, text/html', 'TEXT/HTML;q=0.9, application/json;q=0.8', 'text/html, application/json;q=0'])
      assert.equal(prefersHtml(a), true, a);
    for (const a of [undefined, '', '*/*', 'application/json', 'application/json, text/html', 'application/problem+json', 'text/*', 'text/html;q=0', 'application/json;q=0.9, text/html;q=0.8', 'text/htmlx', 'garbage;;;,'])
      assert.equal(prefersHtml(a), false, String(a));
  });
});

describe('manage page (GET with Accept: text/html)', () => {
  test('the booking in the specialist’s zone and in UTC, specialist, status, .ics link and the cancel form', async () => {
    const t = await createTestApp();
    const { path } = await bookOne(t);
    const r = await page(t, path);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /^text\/html/);
    const html = r.text;
    assert.match(html, /<link rel="stylesheet" href="\/auth\.css">/);
    assert.ok(!/<script(?![^>]*\bsrc=)/.test(html) && !/<style|\sstyle=/.test(html), 'no inline script or style');
    assert.match(html, /<h1>Your consultation<\/h1>/);
    assert.match(html, /<dl class="booking">/);
    // Tuesday 09:00–09:30 in Kyiv (UTC+3) = 06:00–06:30 UTC, both with zone names.
    assert.match(html, /Europe\/Kyiv/);
    assert.match(html, /09:00–09:30<\/time> \(<bdi>Europe\/Kyiv, GMT\+03:00<\/bdi>\)/);
    assert.match(html, /06:00–06:30<\/time> \(<bdi>UTC<\/bdi>\)/);
    assert.match(html, /2 June 2026/);
    assert.match(html, new RegExp(`<time datetime="${OLENA_SLOT}">`));
    assert.match(html, /<dt>Specialist<\/dt>\n<dd>Dr\. Olena Kovalenko<\/dd>/);
    assert.match(html, /<dt>Status<\/dt>\n<dd>Confirmed<\/dd>/);
    assert.ok(html.includes(`<a href="${path}/ics">Add to calendar (.ics)</a>`));
    assert.ok(html.includes(`<form method="post" action="${path}/cancel">`));
    assert.match(html, /<button type="submit">Cancel this booking<\/button>/);
    // Nothing personal.
    for (const personal of ['Ada', 'ada@example.org', '123-45-67', '+380', 'First time.']) assert.ok(!html.includes(personal), personal);
  });

  test('headers: Vary: Accept, no-store, no-referrer and the page CSP; JSON keeps the API CSP', async () => {
    const t = await createTestApp();
    const { path } = await bookOne(t);
    const html = await page(t, path);
    assert.match(html.headers.get('vary')!, /\bAccept\b/);
    assert.equal(html.headers.get('cache-control'), 'no-store');
    assert.equal(html.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(html.headers.get('content-security-policy'), PAGE_CSP);
    assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
    const json = await page(t, path, 'application/json');
    assert.match(json.headers.get('vary')!, /\bAccept\b/);
    assert.equal(json.headers.get('cache-control'), 'no-store');
    assert.equal(json.headers.get('content-security-policy'), API_CSP);
    const head = await checkResponse('HEAD', M, await call(t, 'HEAD', path, { headers: { Accept: BROWSER } }));
    assert.equal(head.status, 200);
    assert.match(head.headers.get('content-type')!, /^text\/html/);
  });

  test('JSON clients (Accept: application/json, */*, none, JSON first) get exactly the JSON booking', async () => {
    const t = await createTestApp();
    const { path, id } = await bookOne(t);
    const expected = { id, start: OLENA_SLOT, end: '2026-06-02T06:30:00Z', specialist: { id: 'olena-kovalenko', name: 'Dr. Olena Kovalenko' }, status: 'confirmed', service: { id: 'olena-kovalenko-initial', name: 'Free initial consultation', durationMinutes: 30 } };
    for (const accept of [undefined, 'application/json', '*/*', 'application/json, text/html', 'application/json, text/plain, */*']) {
      const r = await checked(t, 'GET', M, path, accept === undefined ? {} : { headers: { Accept: accept } });
      assert.equal(r.status, 200, String(accept));
      assert.match(r.headers.get('content-type')!, /^application\/json/, String(accept));
      assert.deepEqual(r.body, expected, String(accept));
    }
  });

  test('unknown secret: an HTML 404 page for browsers, problem+json for API clients', async () => {
    const t = await createTestApp();
    for (const token of ['A'.repeat(43), 'short', '%3Cscript%3E']) {
      const p = `/api/consultations/manage/${token}`;
      const html = await page(t, p);
      assert.equal(html.status, 404, token);
      assert.match(html.headers.get('content-type')!, /^text\/html/);
      assert.match(html.text, /<h1>Booking not found<\/h1>/);
      assert.ok(!html.text.includes('<script>'));
      assert.match(html.headers.get('vary')!, /\bAccept\b/);
      assert.equal(html.headers.get('content-security-policy'), PAGE_CSP);
      const json = await page(t, p, 'application/json');
      assert.equal(json.status, 404);
      assert.match(json.headers.get('content-type')!, /^application\/problem\+json/);
      assert.equal(json.body.type, '/problems/booking-not-found');
    }
  });
});

describe('cancel form (POST …/cancel)', () => {
  test('cancels, 303 back to the page, which shows the cancelled state without a form; the slot is free again', async () => {
    const t = await createTestApp();
    const { path } = await bookOne(t);
    assert.equal(await olenaSlotFree(t), false);
    const r = await cancelForm(t, path);
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), path);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(await olenaSlotFree(t), true, 'availability offers the slot again');

    const after = await page(t, path);
    assert.equal(after.status, 200);
    assert.ok(after.text.includes('This booking is cancelled. The time is free again.'));
    assert.match(after.text, /<dt>Status<\/dt>\n<dd>Cancelled<\/dd>/);
    assert.ok(!after.text.includes('<form'), 'no cancel form');
    assert.ok(!after.text.includes('/ics"'), 'no calendar link for a cancelled booking');
    assert.equal((await page(t, path, 'application/json')).body.status, 'cancelled');

    // Again: still 303 (like a repeated DELETE); the slot can be booked by someone else.
    assert.equal((await cancelForm(t, path)).status, 303);
    await bookOne(t, { email: 'next@example.org' });
  });

  test('Origin: null with Sec-Fetch-Site: same-origin is accepted (no-referrer form posts); own Origin without Sec-Fetch-Site too', async () => {
    const t = await createTestApp();
    const a = await bookOne(t);
    assert.equal((await cancelForm(t, a.path, SAME_ORIGIN_FORM, 'x=1')).status, 303);
    const b = await bookOne(t, { start: '2026-06-02T06:30:00Z' });
    assert.equal((await cancelForm(t, b.path, { 'Content-Type': FORM, Origin: ORIGIN })).status, 303);
    // A signed-in visitor (session cookie) posting from the page passes the API's CSRF check too.
    const cookie = await signInCookie(t);
    const c = await bookOne(t, { start: '2026-06-02T07:00:00Z' });
    assert.equal((await cancelForm(t, c.path, { ...SAME_ORIGIN_FORM, Cookie: cookie })).status, 303);
  });

  test('cross-site posts are refused (403) and cancel nothing', async () => {
    const t = await createTestApp();
    const { path } = await bookOne(t);
    const refused: Array<Record<string, string>> = [
      { 'Content-Type': FORM, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      { 'Content-Type': FORM, Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
      { 'Content-Type': FORM, Origin: 'null', 'Sec-Fetch-Site': 'same-site' },
      { 'Content-Type': FORM, Origin: 'https://evil.example' },
      { 'Content-Type': FORM, Origin: 'null' },
      { 'Content-Type': FORM, Origin: PARTNER }, // allowlisted for the API, but the form is this server's own
    ];
    for (const headers of refused) {
      const r = await cancelForm(t, path, headers);
      assert.equal(r.status, 403, JSON.stringify(headers));
      assert.match(r.headers.get('content-type')!, /^text\/html/);
      assert.match(r.text, /Request refused/);
      assert.ok(r.text.includes(`href="${path}"`), 'links back to the booking');
    }
    // With the session cookie the API's CSRF rule answers first (problem+json).
    const cookie = await signInCookie(t);
    const csrf = await cancelForm(t, path, { 'Content-Type': FORM, Origin: 'https://evil.example', Cookie: cookie });
    assert.equal(csrf.status, 403);
    assert.equal(csrf.body.type, '/problems/csrf');
    assert.equal((await page(t, path, 'application/json')).body.status, 'confirmed');
    assert.equal(await olenaSlotFree(t), false);
  });

  test('415 for a non-form body, 413 for a huge one, HTML 404 for an unknown secret, 405 for GET', async () => {
    const t = await createTestApp();
    const { path } = await bookOne(t);
    const json = await cancelForm(t, path, { ...SAME_ORIGIN_FORM, 'Content-Type': 'application/json' }, '{}');
    assert.equal(json.status, 415);
    assert.match(json.headers.get('content-type')!, /^text\/html/);
    assert.equal((await cancelForm(t, path, SAME_ORIGIN_FORM, 'x='.padEnd(17_000, 'x'))).status, 413);
    assert.equal((await page(t, path, 'application/json')).body.status, 'confirmed');
    const missing = await cancelForm(t, `/api/consultations/manage/${'B'.repeat(43)}`);
    assert.equal(missing.status, 404);
    assert.match(missing.text, /Booking not found/);
    const res = await call(t, 'GET', `${path}/cancel`);
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST, OPTIONS');
  });
});
