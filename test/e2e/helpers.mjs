// Shared by the end-to-end tests: a browser (the system Chromium through playwright-core) and
// static servers on loopback ports chosen by the OS.
import { chromium } from 'playwright-core';
import { findChrome, CHROME_FLAGS } from '../../scripts/browser.mjs';

export async function launch() {
  const executablePath = process.env.CHROME_PATH || findChrome();
  if (!executablePath) throw new Error('No Chromium found: run node scripts/ensure-browser.mjs');
  return chromium.launch({ executablePath, headless: true, args: CHROME_FLAGS });
}

/** Starts a node:http server on a free loopback port; resolves to its base URL. */
export function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

/**
 * Runs `npm start`'s server (the reference server, after the build) on a free port with a fresh
 * in-memory database; resolves to {url, stop}.
 */
export async function startDemo(env = {}) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, PORT: '0', HEARTH_DB: ':memory:', HEARTH_LOG: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /(http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`start.mjs exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}
