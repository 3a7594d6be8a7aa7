// Takes the README's screenshot of the care team's desk (docs/desk.png) with headless Chromium:
// a visitor writes two messages and books a consultation, the admin signs in at /desk and opens
// one message — or, with --section, shows that section instead. Run after `npm run build`.
//   node scripts/screenshot-desk.mjs [out.png] [--dark] [--rtl] [--width=N] [--section=bookings|hours|specialists]
import { launch, startDemo, signInWithCookie } from '../test/e2e/helpers.mjs';

const args = process.argv.slice(2);
const out = args.find((a) => a.endsWith('.png')) ?? 'docs/desk.png';
const width = Number(/--width=(\d+)/.exec(args.join(' '))?.[1] ?? 1100);
const section = /--section=(\w+)/.exec(args.join(' '))?.[1];
const demo = await startDemo();
const browser = await launch();
try {
  const visitor = await browser.newPage();
  await signInWithCookie(visitor, demo.url);
  for (const [to, subject, body] of [
    ['team', 'Opening hours', 'Are you open on Saturdays? I work during the week.'],
    ['olena-kovalenko', 'Sleep', 'I would like to talk about sleep. I wake up at 4 every night.'],
  ]) {
    await visitor.evaluate(
      async (message) => {
        const r = await fetch('/api/messages', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(message) });
        if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
      },
      { to, subject, body },
    );
  }
  await visitor.evaluate(async () => {
    const from = new Date(Date.now() + 2 * 864e5).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 9 * 864e5).toISOString().slice(0, 10);
    const { slots } = await (await fetch(`/api/consultations/availability?specialist=olena-kovalenko&from=${from}&to=${to}`)).json();
    const booking = { specialist: 'olena-kovalenko', start: slots[3].start, timeZone: 'Europe/London', name: 'Sam Taylor', email: 'sam@example.org', note: 'Trouble sleeping since spring', consent: true };
    const r = await fetch('/api/consultations', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(booking) });
    if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  });
  const context = await browser.newContext({ viewport: { width, height: 720 }, colorScheme: args.includes('--dark') ? 'dark' : 'light' });
  const page = await context.newPage();
  await signInWithCookie(page, demo.url, { email: 'admin@example.com' });
  await page.goto(`${demo.url}desk`);
  if (args.includes('--rtl')) await page.evaluate(() => (document.documentElement.dir = 'rtl'));
  if (section) {
    const name = section[0].toUpperCase() + section.slice(1);
    await page.locator('hearth-desk nav').getByRole('button', { name }).click();
    await page.locator('hearth-desk [part~=section]').waitFor();
    if (section == 'hours') await page.locator('hearth-desk [part~=section]').getByLabel('Specialist').selectOption('olena-kovalenko');
    await page.waitForTimeout(500);
  } else {
    const row = page.locator('hearth-desk [role=option]', { hasText: 'sleep' });
    await row.click();
    await page.locator('hearth-desk textarea').fill('Of course — shall we book a time?');
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  demo.stop();
}
