// The built dist/hearth.js in a page served with a strict CSP and Trusted Types: every state of
// every element renders, and not one securitypolicyviolation fires.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCspFixture } from './helpers.mjs';

let fixture, base, browser;

before(async () => {
  fixture = await startCspFixture(
    (req, res, headers, json) => {
      if (req.url === '/api/references/essay') {
        return json(200, [{ id: 'jackson1982', type: 'article-journal', title: 'Epiphenomenal Qualia', author: [{ family: 'Jackson', given: 'Frank' }], issued: { 'date-parts': [[1982]] }, 'container-title': 'The Philosophical Quarterly', volume: 32, issue: 127, page: '127-136', DOI: '10.2307/2960077' }]);
      }
      if (req.url === '/api/references/slow') return true; // never answers: the loading state
      if (req.url === '/api/references/missing') return json(404, { title: 'Not found', status: 404 }, 'application/problem+json');
      return false;
    },
  );
  ({ base, browser } = fixture);
});

after(() => fixture?.close());

test('every state renders under a strict CSP with Trusted Types, without a violation', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${base}/fixtures/csp.html`);
  assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);

  await page.waitForSelector('#loaded #ref-fromm1956 .citation');
  await page.waitForSelector('#remote #ref-jackson1982');
  await page.waitForFunction(() => document.querySelector('#src')?.textContent.includes('Fromm'));
  await page.waitForSelector('#empty [role="status"]');
  await page.waitForSelector('#loading [aria-busy="true"]');
  await page.waitForSelector('#error [role="alert"] button');
  await page.waitForSelector('#malformed [role="alert"]');
  await page.waitForFunction(() => document.querySelector('#src [aria-label]')?.getAttribute('aria-label') === 'Список джерел');

  // Styles arrived through adopted stylesheets (no <style> element, no style attribute).
  const listStyle = await page.$eval('#loaded ul', (ul) => getComputedStyle(ul).listStyleType);
  assert.equal(listStyle, 'none');
  assert.equal(await page.$$eval('[style]', (els) => els.length), 0);
  assert.equal(await page.$$eval('#loaded img', (els) => els.length), 0);

  // BibTeX input (a lazy parser chunk), a lazy style, the partial-failure notice.
  await page.waitForFunction(() => document.querySelector('#bibtex #ref-fromm1956 .citation')?.textContent.startsWith('Fromm, Erich. 1956.'));
  await page.waitForSelector('#bibtex .notice');
  // Citations, their preview (a popover placed through the CSSOM, which CSP allows) and the unknown key.
  await page.waitForSelector('hearth-cite button');
  assert.equal(await page.$eval('hearth-cite [popover]', (p) => p.querySelector('img')), null);
  assert.match(await page.$eval('hearth-cite[key="evil nokey"]', (c) => c.textContent), /\[\?nokey\]/);
  await page.click('hearth-cite[key="fromm1956"] button');
  await page.waitForSelector('hearth-cite [popover]:popover-open');
  // The reader tools and the machine-readable data (lazy chunk): COinS spans, JSON-LD under Trusted Types, the Cite dialog.
  await page.waitForSelector('#loaded li span.Z3988', { state: 'attached' });
  await page.waitForFunction(() => [...document.querySelectorAll('script[type="application/ld+json"]')].some((s) => s.textContent.includes('Art of Loving')));
  await page.click('#loaded #ref-fromm1956 .tools button:nth-of-type(2)');
  await page.waitForSelector('dialog.hearth-dialog[open] pre');
  assert.match(await page.$eval('dialog.hearth-dialog pre', (p) => p.textContent), /@book\{fromm1956/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog.hearth-dialog'));

  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await page.close();
});
