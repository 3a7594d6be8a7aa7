// Cross-process events: cache invalidations now, ids of new messages for live updates later.
// Payloads carry ids only, never personal data (PostgreSQL NOTIFY payloads are visible to anyone
// who may LISTEN on the database, and may end up in its logs).
//
// Two implementations: in-process (one server process, tests) and PostgreSQL LISTEN/NOTIFY (every
// process on one database sees every message). Delivery is at most once: a message published
// while a listener is reconnecting is lost, so a subscriber that caches must treat a reconnect
// (`onReconnect`) as "anything may have changed".
import pg from 'pg';

export interface PubSub {
  /**
   * Delivers `payload` to every subscriber of `channel` (in every process, for PostgreSQL's).
   * Publish after the change it announces has committed: a subscriber that reloads on the message
   * must find the change (publishing from inside a transaction would let another process cache the
   * old state again before the commit).
   */
  publish(channel: string, payload: string): Promise<void>;
  /** Calls `listener` with each payload published on `channel`; returns the unsubscribe function. */
  subscribe(channel: string, listener: (payload: string) => void): () => void;
  close(): Promise<void>;
}

/** Letters, digits and `_ . : -`, at most 63 bytes (PostgreSQL's identifier length). */
const CHANNEL = /^[A-Za-z0-9_.:-]{1,63}$/;
/** PostgreSQL refuses payloads of 8000 bytes or more (default build). */
export const MAX_PAYLOAD_BYTES = 7999;

function check(channel: string, payload?: string): void {
  if (!CHANNEL.test(channel)) throw new TypeError(`invalid channel name (letters, digits, _ . : -, at most 63): ${JSON.stringify(channel.slice(0, 80))}`);
  if (payload !== undefined && Buffer.byteLength(payload, 'utf8') > MAX_PAYLOAD_BYTES) {
    throw new RangeError(`payload longer than ${MAX_PAYLOAD_BYTES} bytes`);
  }
}

type Listener = (payload: string) => void;

/** Subscribers by channel; a throwing listener neither stops the others nor reaches the publisher. */
function listenerTable(onError: (error: unknown) => void) {
  const table = new Map<string, Set<Listener>>();
  return {
    table,
    add(channel: string, listener: Listener): boolean {
      let set = table.get(channel);
      const first = !set;
      if (!set) table.set(channel, (set = new Set()));
      set.add(listener);
      return first;
    },
    remove(channel: string, listener: Listener): boolean {
      const set = table.get(channel);
      if (!set?.delete(listener)) return false;
      if (set.size) return false;
      table.delete(channel);
      return true;
    },
    deliver(channel: string, payload: string) {
      for (const listener of [...(table.get(channel) ?? [])]) {
        try {
          listener(payload);
        } catch (e) {
          onError(e);
        }
      }
    },
  };
}

export interface PubSubOptions {
  /** A listener threw, or (PostgreSQL) the listening connection failed; default: ignored. */
  onError?: (error: unknown) => void;
}

/** In-process: delivers asynchronously (a microtask later), like a message through the database. */
export function createLocalPubSub(options: PubSubOptions = {}): PubSub {
  const listeners = listenerTable(options.onError ?? (() => undefined));
  let closed = false;
  return {
    async publish(channel, payload) {
      check(channel, payload);
      if (closed) throw new Error('pub/sub is closed');
      queueMicrotask(() => listeners.deliver(channel, payload));
    },
    subscribe(channel, listener) {
      check(channel);
      // A wrapper, so the same function subscribed twice gets two deliveries and two unsubscribes.
      const wrapped: Listener = (p) => listener(p);
      listeners.add(channel, wrapped);
      return () => void listeners.remove(channel, wrapped);
    },
    async close() {
      closed = true;
      listeners.table.clear();
    },
  };
}

export interface PostgresPubSubOptions extends PubSubOptions {
  /** Publish through this pool (e.g. the store's) instead of a small one of our own. */
  pool?: pg.Pool;
  /** application_name of the listening connection (default "hearth-pubsub"). */
  applicationName?: string;
  /** Called after the listening connection was lost and is back (messages may have been missed). */
  onReconnect?: () => void;
  /** Reconnect delays: doubling from `minDelayMs` (default 100) up to `maxDelayMs` (default 5000). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface PostgresPubSub extends PubSub {
  /** Resolves when the listening connection is up and every current subscription is LISTENed to. */
  ready(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * LISTEN/NOTIFY on one dedicated connection; publishes with pg_notify through a pool. Resolves
 * once the listening connection is up (rejects when the first connection fails); later losses are
 * repaired in the background with backoff, re-LISTENing every channel.
 */
export async function createPostgresPubSub(url: string, options: PostgresPubSubOptions = {}): Promise<PostgresPubSub> {
  const onError = options.onError ?? (() => undefined);
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 5000;
  const ownPool = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: url, max: 2 });
  if (ownPool) pool.on('error', onError);
  const listeners = listenerTable(onError);

  let client: pg.Client | undefined; // the listening connection, while it is up
  let listening = new Set<string>(); // channels LISTENed to on `client`
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let attempt = 0;
  let up!: Promise<void>;
  let markUp!: () => void;
  const resetUp = () => (up = new Promise<void>((resolve) => (markUp = resolve)));
  resetUp();

  // LISTEN/UNLISTEN run one at a time, each bringing one channel in line with `listeners`.
  let chain: Promise<void> = Promise.resolve();
  const sync = (channel: string) => {
    chain = chain.then(async () => {
      const c = client;
      if (!c) return; // the reconnect LISTENs to every channel
      const wanted = listeners.table.has(channel);
      if (wanted === listening.has(channel)) return;
      try {
        await c.query(`${wanted ? 'LISTEN' : 'UNLISTEN'} ${quoteIdent(channel)}`);
        if (c === client) {
          if (wanted) listening.add(channel);
          else listening.delete(channel);
        }
      } catch (e) {
        onError(e);
      }
    });
    return chain;
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: options.applicationName ?? 'hearth-pubsub', keepAlive: true });
    const lost = (e?: Error) => {
      if (e) onError(e);
      if (c !== client) return;
      client = undefined;
      listening = new Set();
      resetUp();
      c.end().catch(() => undefined);
      schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (n) => {
      if (n.payload !== undefined) listeners.deliver(n.channel, n.payload);
    });
    try {
      await c.connect();
    } catch (e) {
      c.end().catch(() => undefined);
      throw e;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    listening = new Set();
    await Promise.all([...listeners.table.keys()].map(sync));
    if (c === client) markUp();
  };

  const schedule = () => {
    if (closed || timer) return;
    const delay = Math.min(maxDelay, minDelay * 2 ** attempt++) * (0.5 + Math.random() / 2);
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => {
          if (client) {
            attempt = 0;
            options.onReconnect?.();
          }
        },
        (e: unknown) => {
          onError(e);
          schedule();
        },
      );
    }, delay);
    timer.unref();
  };

  try {
    await connect();
  } catch (e) {
    if (ownPool) await pool.end().catch(() => undefined);
    throw e;
  }

  return {
    async publish(channel, payload) {
      check(channel, payload);
      if (closed) throw new Error('pub/sub is closed');
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    subscribe(channel, listener) {
      check(channel);
      const wrapped: Listener = (p) => listener(p);
      if (listeners.add(channel, wrapped)) void sync(channel);
      return () => {
        if (listeners.remove(channel, wrapped)) void sync(channel);
      };
    },
    async ready() {
      for (;;) {
        if (closed) throw new Error('pub/sub is closed');
        await up;
        await chain;
        const missing = [...listeners.table.keys()].filter((ch) => !listening.has(ch));
        if (client && !missing.length) return;
        await Promise.all(missing.map(sync)); // a LISTEN that failed is tried again
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      listeners.table.clear();
      await c?.end().catch(() => undefined);
      if (ownPool) await pool.end();
    },
  };
}
