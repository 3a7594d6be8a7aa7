// Makes sure a Chromium exists for the browser and end-to-end tests.
// Order: CHROME_PATH, then chromium / google-chrome on PATH; when none is found and we run as root
// where apt-get exists, install Debian's `chromium`; otherwise stop and say how to get one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChrome } from './browser.mjs';

export function ensureBrowser() {
  let found = findChrome();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium with apt-get (one time)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    found = findChrome();
    if (found) return found;
  }
  console.error(
    'No Chromium or Chrome was found for the browser tests.\n' +
      'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome)\n' +
      'or point CHROME_PATH at a Chromium-based browser, then run `npm test` again.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`browser: ${ensureBrowser()}`);
}
