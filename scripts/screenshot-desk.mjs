// Takes the README's screenshot of the care team's desk (docs/desk.png) with headless Chromium:
// a visitor writes two messages, the admin signs in at /desk and opens one. Run after `npm run build`.
//   node scripts/screenshot-desk.mjs [out.png] [--dark] [--rtl] [--width=N]
import { launch, startDemo, signInWithCookie } from '../test/e2e/helpers.mjs';

const args = process.argv.slice(2);
const out = args.find((a) => a.endsWith('.png')) ?? 'docs/desk.png';
const width = Number(/--width=(\d+)/.exec(args.join(' '))?.[1] ?? 1100);
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
  const context = await browser.newContext({ viewport: { width, height: 720 }, colorScheme: args.includes('--dark') ? 'dark' : 'light' });
  const page = await context.newPage();
  await signInWithCookie(page, demo.url, { email: 'admin@example.com' });
  await page.goto(`${demo.url}desk`);
  if (args.includes('--rtl')) await page.evaluate(() => (document.documentElement.dir = 'rtl'));
  const row = page.locator('hearth-desk [role=option]', { hasText: 'sleep' });
  await row.click();
  await page.locator('hearth-desk textarea').fill('Of course — shall we book a time?');
  await page.waitForTimeout(300);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  demo.stop();
}
