// Starts the hearth reference server: the API under /api, the sign-in pages, the demo page at /
// and the built widgets at /dist/. Run: node --import tsx server/src/main.ts
import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { seedDemoData } from './seed.js';
import { createSqliteStore } from './store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let config;
try {
  config = loadConfig();
} catch (e) {
  console.error(`hearth: ${(e as Error).message}`);
  process.exit(2);
}
const store = createSqliteStore(config.dbPath);
seedDemoData(store);

const app = createApp({
  store,
  config,
  staticRoots: [
    { prefix: '/dist/', dir: `${root}dist` },
    { prefix: '/', dir: `${root}demo` },
  ],
});

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`hearth demo: http://localhost:${info.port}/`);
  console.log(`API: http://localhost:${info.port}/api`);
});

function stop() {
  server.close(() => {
    store.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
