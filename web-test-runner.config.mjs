// Browser tests: @web/test-runner on the system Chromium (see scripts/browser.mjs for how it is found).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { findChrome, CHROME_FLAGS } from './scripts/browser.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { fileURLToPath } from 'node:url';

const executablePath = findChrome();
if (!executablePath) {
  throw new Error('No Chromium found: run `node scripts/ensure-browser.mjs` or set CHROME_PATH.');
}

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/server/**'],
  nodeResolve: true,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  concurrency: 2,
  testFramework: { config: { timeout: 5000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROME_FLAGS },
      // Test files run two at a time, each in a tab of one window, where only one tab has focus:
      // focus emulation makes each tab behave as the focused one (as Playwright does), so focus,
      // modal dialogs and keyboard tests in two files at once do not interfere.
      async createPage({ browser }) {
        const page = await browser.newPage();
        const session = await page.createCDPSession();
        await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { statements: 80, branches: 70, functions: 75, lines: 80 },
  },
};
