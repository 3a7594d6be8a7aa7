// Static files (the demo page at /, the built widgets at /dist/), with the strict CSP on every file.
// @hono/node-server's serveStatic reads the files (streamed, with Content-Length, Range, index.html
// for folders) and refuses `.`/`..` segments, backslashes, doubled slashes and escaped reserved
// characters (%2F, %00 ...), so no path leaves its folder. What it leaves to us: only GET and HEAD,
// never /api, our content types (its table has no .bib nor .ris), and the headers. The test
// fixtures' server (scripts/static-server.mjs) serves through this same middleware.
import { extname, resolve } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { serveStatic as serveFolder } from '@hono/node-server/serve-static';
import type { AppEnv } from './http.js';
import { STATIC_CSP } from './security.js';

export type StaticRoots = Array<{ prefix: string; dir: string }>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves GET/HEAD under each prefix (ending in "/") from its folder, first match wins; anything else
 * goes on (to the 404). Every file gets `csp` (default STATIC_CSP) and `Cache-Control: no-cache`;
 * files under /dist/ also `Access-Control-Allow-Origin: *`, as other sites load the widgets as
 * module scripts.
 */
export function serveStatic(roots: StaticRoots, { csp = STATIC_CSP }: { csp?: string } = {}): MiddlewareHandler<AppEnv> {
  const folders = roots.map(({ prefix, dir }) => ({
    prefix,
    serve: serveFolder<AppEnv>({
      root: resolve(dir),
      rewriteRequestPath: (path) => path.slice(prefix.length - 1),
      onFound: (file, c) => c.set('staticFile', file),
    }),
  }));
  const notHere = async () => {};
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    for (const { prefix, serve } of folders) {
      if (!c.req.path.startsWith(prefix)) continue;
      const res = await serve(c, notHere);
      if (!res) continue;
      const h = res.headers;
      h.set('Content-Type', TYPES[extname(c.get('staticFile')).toLowerCase()] ?? 'application/octet-stream');
      h.set('Content-Security-Policy', csp);
      h.set('Cache-Control', 'no-cache');
      if (prefix === '/dist/') h.set('Access-Control-Allow-Origin', '*');
      c.set('route', `${prefix}*`);
      return res;
    }
    return next();
  };
}
