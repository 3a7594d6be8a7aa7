// Static files (the demo page at /, the built widgets at /dist/), with the strict CSP on every file.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
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

/** Serves GET/HEAD under each prefix from its folder (first match wins); anything else goes on to 404. */
export function serveStatic(roots: StaticRoots): MiddlewareHandler<AppEnv> {
  const resolved = roots.map((r) => ({ prefix: r.prefix, dir: resolve(r.dir) }));
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    if (path.includes('\0')) return next();
    for (const { prefix, dir } of resolved) {
      if (!path.startsWith(prefix)) continue;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir + sep)) return next();
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => undefined);
      if (!body) continue;
      const headers: Record<string, string> = {
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': STATIC_CSP,
        'Cache-Control': 'no-cache',
      };
      // The widgets may be loaded as module scripts by other sites.
      if (prefix === '/dist/') headers['Access-Control-Allow-Origin'] = '*';
      c.set('route', `${prefix}*`);
      return new Response(c.req.method === 'HEAD' ? null : body, { headers });
    }
    return next();
  };
}
