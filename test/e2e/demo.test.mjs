// The demo page as a reader meets it, served by `npm start`'s server: the references render,
// and a reader follows an in-text citation to its entry with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeDemo, openDemo } from './helpers.mjs';

let demo, browser, db;
before(async () => ({ demo, browser, db } = await openDemo()));
after(() => closeDemo({ demo, browser, db }));

test('the demo essay shows its three annotated references in APA, and the further reading from BibTeX', async () => {
  const page = await browser.newPage();
  await page.goto(demo.url);
  await page.waitForSelector('#references li');
  const entries = await page.$$eval('#references li', (lis) => lis.map((li) => [li.id, li.querySelector('.citation').textContent, !!li.querySelector('.annotation')]));
  assert.deepEqual(entries, [
    ['ref-fromm1956', 'Fromm, E. (1956). The Art of Loving. Harper & Brothers.', true],
    ['ref-jackson1982', 'Jackson, F. (1982). Epiphenomenal Qualia. The Philosophical Quarterly, 32(127), 127–136. https://doi.org/10.2307/2960077', true],
    ['ref-kurzweil2005', 'Kurzweil, R. (2005). The Singularity Is Near: When Humans Transcend Biology. Viking Penguin.', true],
  ]);
  // In-text citations in the essay's style, and back-links from the entries (Fromm is cited twice).
  await page.waitForFunction(() => document.querySelector('hearth-cite button'));
  const cites = await page.$$eval('hearth-cite', (els) => els.map((e) => [...e.querySelectorAll('button')].map((b) => b.textContent.trim()).join('|')));
  assert.deepEqual(cites, ['Fromm, 1956, p. 9', 'Kurzweil, 2005', 'Jackson, 1982', 'Fromm, 1956']);
  assert.equal(await page.$eval('#ref-fromm1956 .back', (e) => e.textContent.replace(/\s+/g, ' ').trim()), '↩ a b');
  await page.waitForSelector('#further li');
  const further = await page.$$eval('#further li .citation', (els) => els.map((e) => e.textContent));
  assert.equal(further.length, 5);
  assert.ok(further.includes('Nagel, T. (1974). What Is It Like to Be a Bat? The Philosophical Review, 83(4), 435–450. https://doi.org/10.2307/2183914'), further.join('\n'));
  assert.ok(further.some((t) => t.startsWith('World Health Organization. (2022).')), further.join('\n'));
  // Machine-readable: a COinS span per entry and JSON-LD.
  await page.waitForSelector('#references li span.Z3988', { state: 'attached' });
  const ld = await page.$$eval('script[type="application/ld+json"]', (s) => s.map((e) => JSON.parse(e.textContent)));
  assert.ok(ld.some((d) => d.citation?.length === 3));
  await page.close();
});

test('a reader follows a citation to its entry and back with the keyboard alone', async () => {
  const page = await browser.newPage();
  await page.goto(demo.url);
  await page.waitForSelector('hearth-cite button');
  let focused = '';
  for (let i = 0; i < 15 && focused !== 'Jackson, 1982'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }
  assert.equal(focused, 'Jackson, 1982');
  // Keyboard focus shows the preview of the entry.
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-expanded') === 'true');
  const preview = await page.evaluate(() => document.activeElement.nextElementSibling.textContent);
  assert.match(preview, /Jackson, F\. \(1982\)\. Epiphenomenal Qualia/);
  // Tab into the preview (its DOI link, then "Go to the reference"), Enter.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), 'https://doi.org/10.2307/2960077');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#ref-jackson1982');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'ref-jackson1982');
  assert.ok(page.url().endsWith('#ref-jackson1982'));
  const inView = await page.$eval('#ref-jackson1982', (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.bottom <= innerHeight + 1; // fragment scrolling rounds to whole pixels
  });
  assert.ok(inView);
  // The preview closed when focus left it.
  assert.equal(await page.$eval('hearth-cite[key="jackson1982"] button', (b) => b.getAttribute('aria-expanded')), 'false');
  // Tab goes on from the entry to its DOI link, then to the back-link; Enter returns to the citation.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), 'https://doi.org/10.2307/2960077');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#cite-jackson1982-1');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'cite-jackson1982-1');
  const back = await page.$eval('#cite-jackson1982-1', (el) => {
    const r = el.getBoundingClientRect();
    return [el.textContent.trim(), r.top >= -1 && r.bottom <= innerHeight + 1]; // a sub-pixel top rounds either way
  });
  assert.deepEqual(back, ['Jackson, 1982', true]);
  // Escape closes a preview that focus opened; focus stays on the citation.
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'cite-jackson1982-1');
  await page.close();
});

test('the list’s own "Citation style" control (controls="sort style") changes the list and the in-text citations (keyboard)', async () => {
  const page = await browser.newPage();
  await page.goto(demo.url);
  await page.waitForSelector('hearth-cite button');
  const style = page.locator('#references').getByLabel('Citation style');
  await style.focus();
  await style.selectOption('ieee');
  await page.waitForFunction(() => document.querySelector('hearth-cite[key="jackson1982"] button')?.textContent.trim() === '3');
  // The citation as shown (without its preview).
  const shown = (els) =>
    els.map((e) => {
      const copy = e.cloneNode(true);
      copy.querySelectorAll('[popover]').forEach((p) => p.remove());
      return copy.textContent.replace(/\s+/g, ' ').trim();
    });
  const cites = await page.$$eval('hearth-cite', shown);
  assert.deepEqual(cites, ['[1, p. 9]', '[2]', '[3]', '[1]']);
  const labels = await page.$$eval('#references li', (lis) => lis.map((li) => [li.id, li.querySelector('.label')?.textContent]));
  assert.deepEqual(labels, [['ref-fromm1956', '[1]'], ['ref-kurzweil2005', '[2]'], ['ref-jackson1982', '[3]']]);
  await style.selectOption('mla');
  await page.waitForFunction(() => document.querySelector('hearth-cite[key="fromm1956"] button')?.textContent.trim() === 'Fromm 9');
  assert.match(await page.$eval('#ref-fromm1956 .citation', (e) => e.textContent), /^Fromm, Erich\. The Art of Loving\./);
  await page.close();
});

test('a link to #ref-… in the page URL scrolls to and focuses the entry once it has loaded', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 500 } });
  await page.goto(`${demo.url}#ref-kurzweil2005`);
  await page.waitForFunction(() => document.activeElement?.id === 'ref-kurzweil2005');
  const top = await page.$eval('#ref-kurzweil2005', (el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 500, `entry top at ${top}`);
  await page.close();
});
