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
import { demoDataKey } from './crypto-box.js';
import { openStore } from './store/index.js';
import { createLocalPubSub, createPostgresPubSub, type PubSub } from './pubsub.js';
import { createAvailabilityCache } from './availability-cache.js';
import type { Slot } from './availability.js';
import { createEventStreams } from './events.js';
import { bothMailers, demoMailDir, emlMailer } from './mail-files.js';
import { startDeliveries } from './deliveries.js';
import { createBox } from './crypto-box.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let config: Config;
try {
  config = loadConfig();
} catch (e) {
  console.error(`hearth: ${(e as Error).message}`);
  process.exit(2);
}
// The data key: HEARTH_DATA_KEY; the demo makes its own (data/hearth.key); production needs one.
if (!config.dataKey) {
  if (!config.demo) {
    console.error(
      'hearth: HEARTH_DATA_KEY is required when HEARTH_DEMO=0: message bodies and booking notes are encrypted under it. Make one with `openssl rand -base64 32`, keep it apart from the database backups, and set HEARTH_DATA_KEY to it',
    );
    process.exit(2);
  }
  try {
    const demo = demoDataKey(config.dbPath);
    config.dataKey = demo.key;
    if (demo.file) console.log(`hearth demo: data key ${demo.file}`);
  } catch (e) {
    console.error(`hearth: the demo data key: ${(e as Error).message}`);
    process.exit(2);
  }
}
const store = await openStore(config);
if (config.demo) await seedDemoData(store);

// Between processes: cache invalidations travel by PostgreSQL LISTEN/NOTIFY when the database is
// shared; a lost connection may have dropped some, so the cache starts over when it is back.
const pubsub: PubSub = config.databaseUrl
  ? await createPostgresPubSub(config.databaseUrl, { onReconnect: () => availability.clear() })
  : createLocalPubSub();
const availability = createAvailabilityCache<Slot[]>(pubsub);

// Mail: SMTP when configured; the demo prints it in the terminal; a production start without SMTP
// sends none (sign-ups cannot be finished), and says so once.
let mailer: Mailer = noMailer;
if (config.smtpUrl) mailer = smtpMailer(config.smtpUrl, config.mailFrom);
else if (config.demo) mailer = consoleMailer();
else console.warn('hearth: HEARTH_SMTP_URL is not set: no mail is sent, so new accounts cannot be confirmed.');
// The demo without SMTP on a database file also writes each mail as an .eml file beside it (data/mail/), listed at /desk/mail.
const mailDir = !config.smtpUrl && config.demo && !config.databaseUrl ? demoMailDir(config.dbPath) : undefined;
if (mailDir) mailer = bothMailers(emlMailer(mailDir, config.mailFrom), mailer);

// The live event streams (GET /api/events), ended at shutdown so their connections can close.
const streams = createEventStreams();

const app = createApp({
  store,
  streams,
  config,
  mailer,
  mailDir,
  pubsub,
  availability,
  staticRoots: [
    { prefix: '/dist/', dir: `${root}dist` },
    // The demo page only in demo mode; a production start answers / with a page linking to /desk (routes/clinic.ts).
    ...(config.demo ? [{ prefix: '/', dir: `${root}demo` }] : []),
  ],
});

// Requests whose headers or body never complete are answered 408 and closed after these times
// (Node checks open connections every `connectionsCheckingInterval`, default 30 s: made shorter).
const serverOptions = {
  headersTimeout: config.headersTimeoutMs,
  requestTimeout: config.requestTimeoutMs,
  connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
};

// Requests being answered (for the shutdown), and whether the server is stopping.
let inFlight = 0;
let stopping = false;
const hsts = withHsts(app.fetch, config);
const fetch: typeof hsts = async (req, ...rest) => {
  inFlight++;
  try {
    const res = await hsts(req, ...rest);
    // While stopping, each answer ends its connection, so keep-alive clients reconnect elsewhere.
    if (stopping) {
      try {
        res.headers.set('Connection', 'close');
      } catch {
        // immutable headers (a Response.redirect()): the sweep below closes the connection instead
      }
    }
    return res;
  } finally {
    inFlight--;
  }
};

// The outbox worker (deliveries.ts): sends the mails and webhooks that requests wrote; stopped at shutdown.
const deliveries = startDeliveries({ store, mailer, config, box: createBox(config.dataKey, config.dataKeyPrevious ? [config.dataKeyPrevious] : []) });

const server = serve({ fetch, port: config.port, serverOptions }, (info) => {
  // Demo mode without HEARTH_PUBLIC_URL: this machine. (A production start has required it.)
  config.publicUrl ??= `http://localhost:${info.port}`;
  console.log(`${config.demo ? 'hearth demo' : 'hearth'}: ${config.publicUrl}/`);
  console.log(`API: ${config.publicUrl}/api`);
  console.log(`care team's desk: ${config.publicUrl}/desk`);
  console.log(`listening on port ${info.port}`);
  if (config.demo) console.log('demo accounts (password demo1234): demo@example.com (visitor), olena@example.com (specialist), admin@example.com (admin)');
}) as Server;
// Node's own 400/408/431 answers, with the security headers.
server.on('clientError', onClientError(config));

/** How long in-flight requests may take to finish after SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Graceful shutdown (SIGTERM from an orchestrator, SIGINT from Ctrl-C): stop accepting connections,
 * let the requests in flight finish (idle keep-alive connections are closed at once, busy ones
 * after their answer), then close the store (the SQLite file or the PostgreSQL pool) and exit 0.
 * Whatever is still running after 10 s is cut: exit 1. A second signal exits at once (1).
 */
function stop(signal: NodeJS.Signals) {
  if (stopping) {
    console.error(`hearth: ${signal} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  console.log(`hearth: ${signal}: stopping; ${inFlight} request${inFlight === 1 ? '' : 's'} in flight`);
  const force = setTimeout(() => {
    console.error(`hearth: requests still running after ${SHUTDOWN_TIMEOUT_MS / 1000} s (${inFlight} in flight): exiting anyway`);
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  force.unref();
  // Connections that finish their request while we wait become idle: close them as they do.
  // Event streams never finish on their own: end them (clients reconnect, elsewhere, with Last-Event-ID).
  streams.closeAll();
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  sweep.unref();
  server.close(async () => {
    clearInterval(sweep);
    try {
      availability.close();
      await deliveries.stop();
      await pubsub.close();
      await store.close();
    } catch (e) {
      console.error(`hearth: closing the database failed: ${(e as Error)?.message ?? e}`);
      process.exit(1);
    }
    console.log('hearth: stopped');
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
