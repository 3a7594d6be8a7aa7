// Takes the README's screenshots of the widgets on a page with no CSS of its own: the booking flow
// with the visitor's dark preference (docs/booking-dark.png) and in Arabic, right to left, at 320 px
// (docs/booking-ar.png). Run after `npm run build`.
import { launch, startDemo } from '../test/e2e/helpers.mjs';

const page = (html) => `<!doctype html><html ${html}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>A clinic</title><script type="module" src="/dist/hearth.js"></script></head>
<body><main><hearth-consultation-button mode="inline" api="/api" specialist="olena-kovalenko" crisis-line="112"></hearth-consultation-button>
<hearth-message-box api="/api" to="team"></hearth-message-box></main></body></html>`;

const shots = [
  { out: 'docs/booking-dark.png', html: 'lang="en"', context: { colorScheme: 'dark', viewport: { width: 760, height: 900 } } },
  { out: 'docs/booking-ar.png', html: 'lang="ar" dir="rtl"', context: { viewport: { width: 320, height: 900 } } },
];

const demo = await startDemo();
const browser = await launch();
try {
  for (const { out, html, context } of shots) {
    const ctx = await browser.newContext(context);
    const tab = await ctx.newPage();
    await tab.route(`${demo.url}clinic.html`, (route) => route.fulfill({ contentType: 'text/html', body: page(html) }));
    await tab.goto(`${demo.url}clinic.html`);
    const flow = tab.locator('hearth-consultation-button');
    await flow.locator('[part~=primary-action]').click();
    await flow.locator('[part~=slot]').nth(2).click();
    await flow.locator('#name').waitFor();
    await flow.locator('[part~=primary-action]').click(); // Continue with nothing filled in: the errors
    await flow.locator('[aria-invalid=true]').first().waitFor();
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: out, fullPage: true });
    console.log(`wrote ${out}`);
    await ctx.close();
  }
} finally {
  await browser.close();
  demo.stop();
}
