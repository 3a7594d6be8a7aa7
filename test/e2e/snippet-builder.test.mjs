// The demo page's snippet builder ("Put it on your site", demo/snippet-builder.js), served by
// `npm start`'s server: options picked with the keyboard alone, the snippet's text (every typed value
// escaped), the preview element with the same attributes, Copy (clipboard and the "Copied"
// announcement), and the snippet pasted into a page of its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { closeDemo, openDemo } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// As a11y-conditions.test.mjs: WCAG 2.2 A/AA and axe's best practices.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const HOSTILE = '"><img src=x onerror=alert(1)>';

let demo, browser, db;
before(async () => ({ demo, browser, db } = await openDemo()));
after(() => closeDemo({ demo, browser, db }));

const snippet = (page) => page.locator('#builder-snippet').textContent();
const activeId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('name'));
/** Tab to the next control and check it is `id` (the keyboard path goes through the fields in order). */
async function tabTo(page, id) {
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), id);
}
/** The preview element's attributes once it has `name` = `value` (the preview follows typing after a pause). */
async function previewAttributes(page, tag, name, value) {
  const element = page.locator(`#builder-preview ${tag}`);
  await page.waitForFunction(([tag, name, value]) => document.querySelector('#builder-preview').shadowRoot.querySelector(tag)?.getAttribute(name) === value, [tag, name, value]);
  return element.evaluate((el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
}

test('the booking button by keyboard: one-line embed by default, options, hostile text escaped, Copy', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(demo.url).origin });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(demo.url);
  const base = demo.url; // ends with "/"

  // The default: the one-line embed, no specialist (the button lets the visitor choose).
  assert.equal(await snippet(page), `<script type="module" src="${base}dist/hearth.js"></script>\n<hearth-consultation-button api="${base}api"></hearth-consultation-button>`);
  await page.locator('#builder-preview hearth-consultation-button [part=button]').waitFor();

  await page.getByRole('radio', { name: 'Consultation button' }).focus();
  await tabTo(page, 'b-api');
  await tabTo(page, 'b-specialist');
  // Suggestions from the server (the field takes any id: another server has its own).
  await page.waitForFunction(() => document.querySelectorAll('#b-specialists option').length === 2);
  assert.deepEqual(await page.$$eval('#b-specialists option', (options) => options.map((o) => o.value)), ['olena-kovalenko', 'sam-rivera']);
  await page.keyboard.type('sam-rivera');
  await tabTo(page, 'b-service');
  await tabTo(page, 'b-mode');
  await page.keyboard.press('ArrowDown'); // "In the page"
  await tabTo(page, 'b-label');
  await page.keyboard.type('Book with Sam & co <now>');
  await tabTo(page, 'b-crisis-line');
  await page.keyboard.type(HOSTILE);
  await tabTo(page, 'b-privacy-url');

  const expected = [
    `<script type="module" src="${base}dist/hearth.js"></script>`,
    '<hearth-consultation-button',
    `  api="${base}api"`,
    '  specialist="sam-rivera"',
    '  mode="inline"',
    '  crisis-line="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"',
    '>Book with Sam &amp; co &lt;now&gt;</hearth-consultation-button>',
  ].join('\n');
  assert.equal(await snippet(page), expected);

  // The preview is the element with exactly these attributes (the value as typed) and text.
  const attributes = await previewAttributes(page, 'hearth-consultation-button', 'crisis-line', HOSTILE);
  assert.deepEqual(attributes, { api: `${base}api`, specialist: 'sam-rivera', mode: 'inline', 'crisis-line': HOSTILE });
  assert.equal(await page.locator('#builder-preview hearth-consultation-button').evaluate((el) => el.textContent), 'Book with Sam & co <now>');
  // Inline mode: the flow renders in place, for Sam.
  await page.locator('#builder-preview hearth-consultation-button [part~=slot], #builder-preview hearth-consultation-button button').first().waitFor();
  assert.equal(await page.locator('img[src=x]').count(), 0, 'no element was made from the typed text');

  // Copy, by keyboard: the snippet on the clipboard, "Copied" in the live region.
  await page.getByRole('button', { name: 'Copy HTML' }).focus();
  await page.keyboard.press('Enter');
  const status = page.locator('#builder-status');
  assert.equal(await status.getAttribute('role'), 'status');
  await page.waitForFunction(() => document.getElementById('builder-status').textContent === 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  // A change to the options takes "Copied" back (it would be about the old snippet).
  await page.getByLabel('Privacy notice URL').focus();
  await page.keyboard.type('https://clinic.example/privacy');
  assert.equal(await status.textContent(), '');
  assert.match(await snippet(page), /\n {2}privacy-url="https:\/\/clinic\.example\/privacy"\n/);
  assert.deepEqual(errors, []);

  // Pasted into a page of its own (about:blank, another origin): the same element and attributes, no
  // <img>, and the script from this server defines the element.
  const other = await context.newPage();
  await other.setContent(await snippet(page));
  await other.waitForFunction(() => customElements.get('hearth-consultation-button'));
  const pasted = other.locator('hearth-consultation-button');
  assert.equal(await pasted.getAttribute('crisis-line'), HOSTILE);
  assert.equal(await pasted.getAttribute('privacy-url'), 'https://clinic.example/privacy');
  assert.equal(await pasted.evaluate((el) => el.textContent), 'Book with Sam & co <now>');
  assert.equal(await other.locator('img').count(), 0);
  await context.close();
});

test('a references list by keyboard: element, style, controls, tools, language and theme; the preview keeps its ids apart', async () => {
  const page = await browser.newPage();
  await page.goto(demo.url);
  await page.waitForSelector('#references li');
  const base = demo.url;

  await page.getByRole('radio', { name: 'Consultation button' }).focus();
  await page.keyboard.press('ArrowDown'); // Message box
  await page.keyboard.press('ArrowDown'); // References list
  assert.equal(await page.getByRole('radio', { name: 'References list' }).isChecked(), true);
  // The booking fields left (and the tab order with them); the list's came.
  assert.equal(await page.getByLabel('Specialist id').isVisible(), false);
  await tabTo(page, 'source'); // "A list on the server", checked
  await tabTo(page, 'b-api');
  await tabTo(page, 'b-list');
  await tabTo(page, 'b-style');
  await page.keyboard.press('ArrowDown'); // MLA 9
  await tabTo(page, 'b-sort');
  await tabTo(page, 'controls');
  await page.keyboard.press('Space'); // Sort by
  await tabTo(page, 'controls');
  await tabTo(page, 'tools');
  await page.keyboard.press('Space'); // no tools
  await tabTo(page, 'b-lang');
  await page.keyboard.press('ArrowDown'); // English
  await page.keyboard.press('ArrowDown'); // Українська
  await tabTo(page, 'b-accent');
  await page.keyboard.press('ArrowDown'); // Blue
  await tabTo(page, 'b-radius');
  await page.keyboard.press('ArrowDown'); // Square

  assert.equal(
    await snippet(page),
    [
      `<script type="module" src="${base}dist/hearth.js"></script>`,
      '<style>',
      '  hearth-references {',
      '    --hearth-color-accent: light-dark(#1d5fbf, #8ab4f8);',
      '    --hearth-radius: 0;',
      '  }',
      '</style>',
      '<hearth-references',
      `  api="${base}api"`,
      '  list="essay"',
      '  citation-style="mla"',
      '  controls="sort"',
      '  tools="none"',
      '  lang="uk"',
      '></hearth-references>',
    ].join('\n'),
  );

  const { style, ...attributes } = await previewAttributes(page, 'hearth-references', 'lang', 'uk');
  // The theme, set through the CSSOM (the page's CSP allows no style attribute from markup).
  assert.equal(style, '--hearth-color-accent: light-dark(#1d5fbf, #8ab4f8); --hearth-radius: 0;');
  // The preview's own extra: no JSON-LD in the page's head from it.
  assert.deepEqual(attributes, { api: `${base}api`, list: 'essay', 'citation-style': 'mla', controls: 'sort', tools: 'none', lang: 'uk', 'json-ld': 'off' });
  const list = page.locator('#builder-preview hearth-references');
  await list.locator('li').nth(2).waitFor();
  assert.equal(await list.locator('li').count(), 3);
  assert.equal(await list.locator('.tools').count(), 0);
  // In its shadow root, the preview's entries do not duplicate the essay's ids.
  assert.equal(await page.evaluate(() => document.querySelectorAll('[id="ref-fromm1956"]').length), 1);

  // A file instead: `src` replaces `api` and `list`.
  await page.getByRole('radio', { name: /A file/ }).focus();
  await page.keyboard.press('Space');
  assert.match(await snippet(page), new RegExp(`<hearth-references\\n {2}src="${base}further\\.bib"\\n`));
  assert.doesNotMatch(await snippet(page), /api=|list=/);
  await page.close();
});

test('the message box; at 320 px in dark mode the builder fits and the preview follows', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 }, colorScheme: 'dark' });
  await page.goto(demo.url);
  const base = demo.url;
  await page.getByRole('radio', { name: 'Consultation button' }).focus();
  await page.keyboard.press('ArrowDown'); // Message box
  await tabTo(page, 'b-api');
  await tabTo(page, 'b-to');
  await page.keyboard.type('team');
  await tabTo(page, 'subject');
  await page.keyboard.press('Space');
  await tabTo(page, 'b-max-length');
  await page.keyboard.type('2000');
  assert.equal(
    await snippet(page),
    [`<script type="module" src="${base}dist/hearth.js"></script>`, '<hearth-message-box', `  api="${base}api"`, '  to="team"', '  subject', '  max-length="2000"', '></hearth-message-box>'].join('\n'),
  );
  const attributes = await previewAttributes(page, 'hearth-message-box', 'max-length', '2000');
  assert.deepEqual(attributes, { api: `${base}api`, to: 'team', subject: '', 'max-length': '2000', 'draft-key': 'snippet-builder-preview' });
  // Nothing wider than the screen; the dark scheme reaches the form (system colours).
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320);
  const [background, text] = await page.getByLabel('Recipient').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  assert.notEqual(background, 'rgb(255, 255, 255)');
  assert.notEqual(text, 'rgb(0, 0, 0)');
  await page.close();
});

test('axe finds no violation in the builder, for each element: light, dark, forced colours', async () => {
  // bypassCSP: only to inject axe-core; the page itself runs under its CSP in the tests above.
  for (const condition of [{}, { colorScheme: 'dark' }, { forcedColors: 'active' }]) {
    const context = await browser.newContext({ bypassCSP: true, ...condition });
    const page = await context.newPage();
    await page.goto(demo.url);
    await page.addScriptTag({ path: AXE });
    for (const [name, ready] of [
      ['Consultation button', 'hearth-consultation-button [part=button]'],
      ['Message box', 'hearth-message-box textarea'],
      ['References list', 'hearth-references li'],
    ]) {
      await page.getByRole('radio', { name }).check();
      await page.locator(`#builder-preview ${ready}`).first().waitFor();
      const violations = await page.evaluate(
        async (tags) =>
          (await globalThis.axe.run({ include: [['#install']] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations.map(
            (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`,
          ),
        AXE_TAGS,
      );
      assert.deepEqual(violations, [], `${JSON.stringify(condition)}, ${name}`);
    }
    await context.close();
  }
});
