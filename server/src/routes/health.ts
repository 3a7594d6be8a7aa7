// GET /api/health: for load balancers, orchestrators and the Docker HEALTHCHECK. 200
// {status: "ok", db: "ok"} when the database answers a trivial query within 2 s; otherwise 503
// {status: "error", db: "unreachable"} (plain JSON, not problem+json: health checkers read one
// shape). Never cached; no authentication; nothing about the database's address or error in
// the answer (the reason goes to stderr, once per outage).
import { send, type Deps, type Router } from '../http.js';

/** How long the database may take to answer the ping. */
export const HEALTH_PING_TIMEOUT_MS = 2_000;

/** Resolves when `p` does within `ms`; rejects otherwise. */
function within(p: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function healthRoutes(r: Router, deps: Pick<Deps, 'store'>, options: { timeoutMs?: number } = {}): void {
  const timeoutMs = options.timeoutMs ?? HEALTH_PING_TIMEOUT_MS;
  let failing = false;
  r.on('GET', '/api/health', async () => {
    try {
      // ping() may throw synchronously in a broken store: count that as unreachable too.
      await within(Promise.resolve().then(() => deps.store.ping()), timeoutMs);
      if (failing) console.error('hearth: health: the database answers again');
      failing = false;
      return send({ status: 200, body: { status: 'ok', db: 'ok' } });
    } catch (e) {
      if (!failing) console.error(`hearth: health: the database is unreachable: ${(e as Error)?.message ?? e}`);
      failing = true;
      return send({ status: 503, body: { status: 'error', db: 'unreachable' } }, { 'Retry-After': '5' });
    }
  });
}
