// Takes the README's screenshot of the demo page with headless Chromium: docs/demo.png.
// Run after `npm run build`.
import { launch, startDemo } from '../test/e2e/helpers.mjs';

const demo = await startDemo();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(`${demo.url}${process.argv[2] ?? ''}`);
  await page.waitForSelector('hearth-references li');
  await page.screenshot({ path: process.argv[3] ?? 'docs/demo.png', fullPage: true });
  console.log(`wrote ${process.argv[3] ?? 'docs/demo.png'}`);
} finally {
  await browser.close();
  demo.stop();
}
