// Takes the README's screenshots of the widgets: on a page with no CSS of its own, the booking flow
// with the visitor's dark preference (docs/booking-dark.png) and in Arabic, right to left, at 320 px
// (docs/booking-ar.png); and on a branded page (docs/theming.png): the booking dialog and the
// message box themed only through --hearth-* properties and ::part() rules, pill buttons on
// rounded-rectangle surfaces. Run after `npm run build`; name files to take only those
// (`node scripts/screenshot-themes.mjs docs/theming.png`).
import { launch, startDemo } from '../test/e2e/helpers.mjs';

const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>A clinic</title><script type="module" src="/dist/hearth.js"></script>`;

const bare = (html) => `<!doctype html><html ${html}><head>${head}</head>
<body><main><hearth-consultation-button mode="inline" api="/api" specialist="olena-kovalenko" crisis-line="112"></hearth-consultation-button>
<hearth-message-box api="/api" to="team"></hearth-message-box></main></body></html>`;

// The README's Theming example, as a clinic's stylesheet would write it.
const BRAND = `
  body { margin: 0; padding: 24px; background: #f6f1ea; color: #2b2233; font: 16px/1.5 Georgia, 'DejaVu Serif', serif; }
  h1 { margin: 0 0 4px; font-size: 1.6em; color: #6b2d5c; }
  main { max-width: 380px; }
  hearth-consultation-button, hearth-message-box {
    --hearth-font: 15px/1.45 Georgia, 'DejaVu Serif', serif;
    --hearth-color-text: #2b2233;
    --hearth-color-muted: #6e5f69;
    --hearth-color-accent: #6b2d5c;
    --hearth-color-on-accent: #fff;
    --hearth-color-surface: #fffdf9;
    --hearth-color-field: #fffdf9;
    --hearth-color-border: #a8949f;
    --hearth-control-radius: 999px;
    --hearth-surface-radius: 14px;
  }
  hearth-consultation-button::part(dialog) { margin-inline-end: 24px; box-shadow: 0 12px 40px #2b223340; }
  hearth-consultation-button::part(dialog)::backdrop { background: #2b223333; }
  hearth-consultation-button::part(steps) { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.72em; }
  hearth-consultation-button::part(step current) { color: #6b2d5c; border-color: #d9962b; }
  hearth-consultation-button::part(day) { color: #6b2d5c; }
  hearth-consultation-button::part(slot selected) { background: #d9962b; color: #2b2233; }
  hearth-message-box::part(prompt) { background: #fffdf9; }
`;

const branded = `<!doctype html><html lang="en"><head>${head}<style>${BRAND}</style></head>
<body><h1>Juniper Clinic</h1><p>Talk to us, or book a first conversation.</p>
<main><hearth-message-box api="/api" to="team" crisis-line="116 123"></hearth-message-box>
<hearth-consultation-button api="/api" specialist="olena-kovalenko" crisis-line="116 123"></hearth-consultation-button></main></body></html>`;

/** The details step with two errors (Continue with nothing filled in). */
async function detailsWithErrors(tab) {
  const flow = tab.locator('hearth-consultation-button');
  await flow.locator('[part~=primary-action]').click();
  await flow.locator('[part~=slot]').nth(2).click();
  await flow.locator('#name').waitFor();
  await flow.locator('[part~=primary-action]').click();
  await flow.locator('[aria-invalid=true]').first().waitFor();
}

/** The dialog at the time step with a time chosen (picked, then Back from the details). */
async function dialogWithTime(tab) {
  const flow = tab.locator('hearth-consultation-button');
  await tab.locator('hearth-message-box [part=login]').waitFor();
  await flow.locator('[part=button]').click();
  await flow.locator('[part~=primary-action]').click();
  await flow.locator('[part~=slot]').nth(3).click();
  await flow.locator('#name').waitFor();
  await flow.locator('button', { hasText: 'Back' }).click();
  await flow.locator('[part~=selected]').waitFor();
}

const shots = [
  { out: 'docs/booking-dark.png', page: bare('lang="en"'), steps: detailsWithErrors, context: { colorScheme: 'dark', viewport: { width: 760, height: 900 } }, fullPage: true },
  { out: 'docs/booking-ar.png', page: bare('lang="ar" dir="rtl"'), steps: detailsWithErrors, context: { viewport: { width: 320, height: 900 } }, fullPage: true },
  { out: 'docs/theming.png', page: branded, steps: dialogWithTime, context: { viewport: { width: 1160, height: 720 } }, fullPage: false },
];

const demo = await startDemo();
const browser = await launch();
try {
  const only = process.argv.slice(2);
  for (const { out, page, steps, context, fullPage } of shots.filter((shot) => !only.length || only.includes(shot.out))) {
    const ctx = await browser.newContext(context);
    const tab = await ctx.newPage();
    await tab.route(`${demo.url}clinic.html`, (route) => route.fulfill({ contentType: 'text/html', body: page }));
    await tab.goto(`${demo.url}clinic.html`);
    await steps(tab);
    await tab.mouse.move(0, 0);
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: out, fullPage });
    console.log(`wrote ${out}`);
    await ctx.close();
  }
} finally {
  await browser.close();
  demo.stop();
}
