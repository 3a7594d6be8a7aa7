// The demo page as a reader meets it, served by `npm start`'s server: the references render,
// and a reader follows an in-text citation to its entry with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startDemo } from './helpers.mjs';

let demo, browser;
before(async () => {
  demo = await startDemo();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  demo?.stop();
});

test('the demo essay shows its three annotated references in APA', async () => {
  const page = await browser.newPage();
  await page.goto(demo.url);
  await page.waitForSelector('hearth-references li');
  const entries = await page.$$eval('hearth-references li', (lis) => lis.map((li) => [li.id, li.querySelector('.citation').textContent, !!li.querySelector('.annotation')]));
  assert.deepEqual(entries, [
    ['ref-fromm1956', 'Fromm, E. (1956). The Art of Loving. Harper & Brothers.', true],
    ['ref-jackson1982', 'Jackson, F. (1982). Epiphenomenal Qualia. The Philosophical Quarterly, 32(127), 127–136. https://doi.org/10.2307/2960077', true],
    ['ref-kurzweil2005', 'Kurzweil, R. (2005). The Singularity Is Near: When Humans Transcend Biology. Viking Penguin.', true],
  ]);
  await page.close();
});

test('a reader follows a citation to its entry with the keyboard alone', async () => {
  const page = await browser.newPage();
  await page.goto(demo.url);
  await page.waitForSelector('hearth-references li');
  let focused = '';
  for (let i = 0; i < 10 && focused !== 'Jackson, 1982'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }
  assert.equal(focused, 'Jackson, 1982');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'ref-jackson1982');
  assert.ok(page.url().endsWith('#ref-jackson1982'));
  // The entry is on screen.
  const inView = await page.$eval('#ref-jackson1982', (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView);
  // Tab goes on from the entry to its DOI link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), 'https://doi.org/10.2307/2960077');
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
