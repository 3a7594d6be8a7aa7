// One JSON line per request: {time, method, route, status, ms}. `route` is the matched pattern
// (e.g. "/api/consultations/manage/:token"), never the raw path: no tokens, ids, query strings,
// names, emails or bodies ever reach the log.
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from './http.js';

export type LogSink = (line: string) => void;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function requestLog(sink: LogSink): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      let route: string | null = (c.get('route') as string | undefined) ?? null;
      try {
        route ??= matchedRoutes(c).filter((r) => r.method !== 'ALL').at(-1)?.path ?? null;
      } catch {
        route = null;
      }
      sink(
        JSON.stringify({
          time: new Date().toISOString(),
          method: METHODS.has(c.req.method) ? c.req.method : 'OTHER',
          route,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        }),
      );
    }
  };
}
