// The hearth reference server as a Hono app: the HTTP contract under /api (server/openapi.yaml),
// the sign-in pages, and optionally static folders. `createApp` is what main.ts serves and what the
// tests call in-process with `app.request(...)`.
import { Hono } from 'hono';
import type { Config } from './config.js';
import { NulCharacterError, type Store } from './store/index.js';
import { problem } from './problem.js';
import { send, type AppEnv, type Deps, type Router } from './http.js';
import { requestLog, type LogSink } from './log.js';
import { cors, csrf, PUBLIC_READS, securityHeaders } from './security.js';
import { authenticate } from './sessions.js';
import { serveStatic, type StaticRoots } from './static.js';
import { authRoutes } from './routes/auth.js';
import { signupRoutes } from './routes/signup.js';
import { handoffRoutes } from './handoff.js';
import { noMailer, type Mailer } from './mail.js';
import { createLocalPubSub, type PubSub } from './pubsub.js';
import { createAvailabilityCache, type AvailabilityCache } from './availability-cache.js';
import type { Slot } from './availability.js';
import { healthRoutes } from './routes/health.js';
import { messageRoutes } from './routes/messages.js';
import { conversationRoutes } from './routes/conversations.js';
import { consultationRoutes } from './routes/consultations.js';
import { referenceRoutes } from './routes/references.js';
import { eventRoutes } from './routes/events.js';
import { staffRoutes } from './routes/staff.js';
import { deskRoutes } from './routes/desk.js';
import { clinicRoutes } from './routes/clinic.js';
import { deskMailRoutes } from './routes/desk-mail.js';
import { bookingStaffRoutes } from './routes/bookings-staff.js';
import { rescheduleRoutes } from './routes/reschedule.js';
import { createEventStreams, type EventStreams } from './events.js';
import { createBox, processDataKey, type DataBox } from './crypto-box.js';

export interface AppOptions {
  store: Store;
  config: Config;
  /** The clock (tests fix it). Default: the real time. */
  now?: () => Date;
  /** Folders served as static files, e.g. [{prefix: '/dist/', dir: 'dist'}, {prefix: '/', dir: 'demo'}]. */
  staticRoots?: StaticRoots;
  /** Where request log lines go when `config.log` is on. Default: stdout. */
  log?: LogSink;
  /** Where email goes. Default: nowhere (noMailer). */
  mailer?: Mailer;
  /** Messages between the server's processes (cache invalidations). Default: this process only. */
  pubsub?: PubSub;
  /** The availability cache (main.ts makes it, to clear it when the pub/sub reconnects). Default: one on `pubsub`. */
  availability?: AvailabilityCache<Slot[]>;
  /** Encryption at rest. Default: under config.dataKey (and dataKeyPrevious), else a key of this process only (tests). */
  box?: DataBox;
  /** The open live event streams (main.ts ends them at shutdown). Default: a registry of this app's own. */
  streams?: EventStreams;
  /** Time between the event stream's heartbeats, in ms (default 25 000; tests make it short). */
  heartbeatMs?: number;
  /** The demo's mail folder, listed at /desk/mail (mail-files.ts). Default: none (no such page). */
  mailDir?: string;
}

interface Registered {
  method: string;
  path: string;
  re: RegExp;
}

const patternOf = (path: string) => new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}$`);

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { store, config } = options;
  const pubsub = options.pubsub ?? createLocalPubSub();
  const availability = options.availability ?? createAvailabilityCache<Slot[]>(pubsub);
  const box = options.box ?? createBox(config.dataKey ?? processDataKey(), config.dataKeyPrevious ? [config.dataKeyPrevious] : []);
  const deps: Deps = { store, config, now: options.now ?? (() => new Date()), mailer: options.mailer ?? noMailer, availability, box, pubsub, streams: options.streams ?? createEventStreams() };
  const app = new Hono<AppEnv>();
  const registered: Registered[] = [];

  /** Methods served at `path` (GET implies HEAD), or undefined for an unknown path. */
  const methodsFor = (path: string): { route: string; methods: string[] } | undefined => {
    const found = registered.filter((r) => r.re.test(path));
    if (!found.length) return undefined;
    const methods = found.map((r) => r.method);
    if (methods.includes('GET')) methods.push('HEAD');
    return { route: found[0]!.path, methods: [...new Set(methods)] };
  };

  /** True when `path` is one of the PUBLIC_READS (security.ts): a GET any origin may make. */
  const isPublicRead = (path: string) => registered.some((r) => r.method === 'GET' && PUBLIC_READS.includes(r.path) && r.re.test(path));

  if (config.log) app.use('*', requestLog(options.log ?? ((line) => process.stdout.write(line + '\n'))));
  app.use('*', securityHeaders());
  app.use('/api/*', cors(deps, methodsFor, isPublicRead));
  app.use('*', authenticate(deps));

  const csrfCheck = csrf(deps);
  const router: Router = {
    on(method, path, handler) {
      // CSRF applies to the API's writes; checked after routing, so unknown paths stay 404/405.
      if (method !== 'GET' && path.startsWith('/api/')) app.on(method, path, csrfCheck, handler);
      else app.on(method, path, handler);
      registered.push({ method, path, re: patternOf(path) });
    },
  };
  healthRoutes(router, deps);
  authRoutes(router, deps);
  signupRoutes(router, deps);
  handoffRoutes(router, deps);
  messageRoutes(router, deps);
  conversationRoutes(router, deps);
  staffRoutes(router, deps);
  deskRoutes(router, deps);
  deskMailRoutes(router, deps, options.mailDir);
  clinicRoutes(router, deps);
  consultationRoutes(router, deps);
  rescheduleRoutes(router, deps);
  bookingStaffRoutes(router, deps);
  referenceRoutes(router, deps);
  eventRoutes(router, deps, { heartbeatMs: options.heartbeatMs });
  for (const path of PUBLIC_READS) {
    if (!registered.some((r) => r.method === 'GET' && r.path === path)) throw new Error(`PUBLIC_READS names ${path}, which is no GET route`);
  }

  if (options.staticRoots?.length) app.use('*', serveStatic(options.staticRoots));

  app.notFound((c) => {
    const methods = methodsFor(c.req.path)?.methods;
    if (methods && c.req.method !== 'OPTIONS') {
      const allow = [...methods, ...(c.req.path.startsWith('/api/') ? ['OPTIONS'] : [])].join(', ');
      return send(problem(405, `${c.req.method} is not allowed here. Allowed: ${allow}.`), { Allow: allow });
    }
    return send(problem(404, 'There is nothing at this address.'));
  });

  app.onError((err) => {
    if (err instanceof NulCharacterError) return send(problem(400, 'The request contains a null character (U+0000), which no field may hold.', { name: 'nul-character' }));
    // The stack only: messages of our own errors carry no request data.
    console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', error: err.name, stack: err.stack?.split('\n').slice(0, 6).join('\n') }));
    return send(problem(500, 'Something went wrong on our side. Try again in a moment.'));
  });

  return app;
}
