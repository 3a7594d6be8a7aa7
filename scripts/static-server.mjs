// A small static file server for test fixtures and benchmarks (the strict-CSP end-to-end pages,
// the cross-origin login page, the render benchmark). Every answer carries a strict
// Content-Security-Policy with Trusted Types by default. `npm start` runs the reference server in
// server/, whose src/static.ts serves the demo the same way.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";

const TYPES = {
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
};

/**
 * mounts: [['/dist/', 'dist'], ['/', 'demo']] — URL prefix to folder; the first match wins.
 * Folders are resolved from the current directory; paths cannot escape them.
 * `handle(req, res, headers)` may answer a request first (return true when it did).
 */
export function createStaticServer(mounts, { csp = STRICT_CSP, handle } = {}) {
  const roots = mounts.map(([prefix, dir]) => [prefix, resolve(dir)]);
  return createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    try {
      if (handle && (await handle(req, res, headers))) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      for (const [prefix, root] of roots) {
        if (!path.startsWith(prefix)) continue;
        let file = normalize(join(root, path.slice(prefix.length)));
        if (!file.startsWith(root)) break;
        const info = await stat(file).catch(() => undefined);
        if (info?.isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file).catch(() => undefined);
        if (!body) continue;
        res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    } catch {
      res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request');
    }
  });
}
