// Server configuration from environment variables (see server/README.md for each one).

export interface Config {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** SQLite file, or ":memory:". */
  dbPath: string;
  /** Origins (scheme://host[:port]) allowed to call the API with credentials and to receive login tokens. */
  allowedOrigins: string[];
  /** Bookings must start at least this many hours from now. */
  minNoticeHours: number;
  messagesPerMinute: number;
  bookingsPerHour: number;
  /** Failed sign-in attempts per email address per 15 minutes; per client address it is 3× this. */
  loginsPer15Min: number;
  /** Account sign-ups per client address per hour. */
  signupsPerHour: number;
  /** Take the client address from X-Forwarded-For and the scheme/host from X-Forwarded-Proto/Host. */
  trustProxy: boolean;
  /** One JSON line per request on stdout. */
  log: boolean;
  /** The server's public origin, e.g. "https://care.example"; otherwise taken from each request. */
  publicUrl?: string;
}

export const defaultConfig: Config = {
  port: 8080,
  dbPath: './data/hearth.db',
  allowedOrigins: [],
  minNoticeHours: 12,
  messagesPerMinute: 10,
  bookingsPerHour: 5,
  loginsPer15Min: 10,
  signupsPerHour: 10,
  trustProxy: false,
  log: true,
};

/** "https://a.example/, http://localhost:3000" → normalized origins; throws on anything else. */
export function parseOrigins(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      let url: URL;
      try {
        url = new URL(s);
      } catch {
        throw new Error(`HEARTH_ALLOWED_ORIGINS: not an origin: ${JSON.stringify(s)}`);
      }
      if (!/^https?:$/.test(url.protocol) || url.origin === 'null') throw new Error(`HEARTH_ALLOWED_ORIGINS: not an http(s) origin: ${s}`);
      return url.origin;
    });
}

function number(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name}: expected a number ≥ ${min}, got ${JSON.stringify(raw)}`);
  return n;
}

/** The configuration from `env` (default: process.env); throws an Error naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const port = number(env, 'PORT', defaultConfig.port, 0);
  if (!Number.isInteger(port) || port > 65535) throw new Error(`PORT: expected 0–65535, got ${env.PORT}`);
  let publicUrl: string | undefined;
  if (env.HEARTH_PUBLIC_URL) publicUrl = parseOrigins(env.HEARTH_PUBLIC_URL)[0];
  return {
    port,
    dbPath: env.HEARTH_DB || defaultConfig.dbPath,
    allowedOrigins: parseOrigins(env.HEARTH_ALLOWED_ORIGINS ?? ''),
    minNoticeHours: number(env, 'HEARTH_MIN_NOTICE_HOURS', defaultConfig.minNoticeHours, 0),
    messagesPerMinute: Math.floor(number(env, 'HEARTH_RATE_LIMIT_MESSAGES_PER_MINUTE', defaultConfig.messagesPerMinute, 1)),
    bookingsPerHour: Math.floor(number(env, 'HEARTH_RATE_LIMIT_BOOKINGS_PER_HOUR', defaultConfig.bookingsPerHour, 1)),
    loginsPer15Min: Math.floor(number(env, 'HEARTH_RATE_LIMIT_LOGINS_PER_15_MIN', defaultConfig.loginsPer15Min, 1)),
    signupsPerHour: Math.floor(number(env, 'HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR', defaultConfig.signupsPerHour, 1)),
    trustProxy: env.HEARTH_TRUST_PROXY === '1',
    log: env.HEARTH_LOG !== '0',
    publicUrl,
  };
}
