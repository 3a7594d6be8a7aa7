// A small static file server for test fixtures and benchmarks (the strict-CSP end-to-end pages,
// the cross-origin login page, the render benchmark). It serves through the reference server's own
// static middleware (server/src/static.ts: content types, path checks, /dist/ CORS), so there is
// one implementation; every answer carries a strict Content-Security-Policy with Trusted Types by
// default, nosniff and no-referrer.
import { createServer } from 'node:http';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { tsImport } from 'tsx/esm/api';

const { serveStatic } = await tsImport('../server/src/static.ts', import.meta.url);
/** The reference server's CSP of its static pages (security.ts STATIC_CSP). */
export const { STATIC_CSP: STRICT_CSP } = await tsImport('../server/src/security.ts', import.meta.url);

/**
 * mounts: [['/dist/', 'dist'], ['/', 'demo']] — URL prefix (ending in "/") to folder; the first
 * match wins. Folders are resolved from the current directory; paths cannot escape them.
 * `handle(req, res, headers)` may answer a request first (return true when it did); `headers` are
 * the ones every answer carries.
 */
export function createStaticServer(mounts, { csp = STRICT_CSP, handle } = {}) {
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  });
  app.use('*', serveStatic(mounts.map(([prefix, dir]) => ({ prefix, dir })), { csp }));
  app.notFound((c) => c.text('Not found', 404));
  const files = getRequestListener(app.fetch);
  return createServer(async (req, res) => {
    if (handle && (await handle(req, res, headers))) return;
    await files(req, res);
  });
}
