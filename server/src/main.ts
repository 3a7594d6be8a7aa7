// Starts the hearth reference server: the API under /api, the sign-in pages, the demo page at /
// and the built widgets at /dist/. Run: node --import tsx server/src/main.ts (demo: `npm start`);
// a production start is HEARTH_DEMO=0 with HEARTH_PUBLIC_URL set (`npm run serve`).
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { consoleMailer, noMailer, smtpMailer, type Mailer } from './mail.js';
import { onClientError, withHsts } from './security.js';
import { seedDemoData } from './seed.js';
import { createSqliteStore } from './store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let config: Config;
try {
  config = loadConfig();
} catch (e) {
  console.error(`hearth: ${(e as Error).message}`);
  process.exit(2);
}
const store = createSqliteStore(config.dbPath);
if (config.demo) seedDemoData(store);

// Mail: SMTP when configured; the demo prints it in the terminal; a production start without SMTP
// sends none (sign-ups cannot be finished), and says so once.
let mailer: Mailer = noMailer;
if (config.smtpUrl) mailer = smtpMailer(config.smtpUrl, config.mailFrom);
else if (config.demo) mailer = consoleMailer();
else console.warn('hearth: HEARTH_SMTP_URL is not set: no mail is sent, so new accounts cannot be confirmed.');

const app = createApp({
  store,
  config,
  mailer,
  staticRoots: [
    { prefix: '/dist/', dir: `${root}dist` },
    { prefix: '/', dir: `${root}demo` },
  ],
});

// Requests whose headers or body never complete are answered 408 and closed after these times
// (Node checks open connections every `connectionsCheckingInterval`, default 30 s: made shorter).
const serverOptions = {
  headersTimeout: config.headersTimeoutMs,
  requestTimeout: config.requestTimeoutMs,
  connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
};

const server = serve({ fetch: withHsts(app.fetch, config), port: config.port, serverOptions }, (info) => {
  // Demo mode without HEARTH_PUBLIC_URL: this machine. (A production start has required it.)
  config.publicUrl ??= `http://localhost:${info.port}`;
  console.log(`${config.demo ? 'hearth demo' : 'hearth'}: ${config.publicUrl}/`);
  console.log(`API: ${config.publicUrl}/api`);
  console.log(`listening on port ${info.port}`);
}) as Server;
// Node's own 400/408/431 answers, with the security headers.
server.on('clientError', onClientError(config));

function stop() {
  server.close(() => {
    store.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
