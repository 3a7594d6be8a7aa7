// Server configuration from environment variables (see server/README.md for each one).
import { parseDataKey } from './crypto-box.js';

export interface Config {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** SQLite file, or ":memory:" (used when `databaseUrl` is not set). */
  dbPath: string;
  /** PostgreSQL connection URL (HEARTH_DATABASE_URL=postgres://…); unset: the SQLite file. */
  databaseUrl?: string;
  /** Origins (scheme://host[:port]) allowed to call the API with credentials and to receive login tokens. */
  allowedOrigins: string[];
  /** Bookings must start at least this many hours from now. */
  minNoticeHours: number;
  messagesPerMinute: number;
  bookingsPerHour: number;
  /** Failed sign-ins per (email, client address) pair without delay; then the delay doubles per failure (login-throttle.ts). */
  loginFreeFailures: number;
  /** The longest delay between attempts of one (email, address) pair, in seconds. */
  loginMaxDelaySeconds: number;
  /** Failed sign-ins per client address (over all emails) per 15 minutes. */
  loginFailuresPerAddressPer15Min: number;
  /** Successful sign-ins per account per 15 minutes. */
  loginsPerAccountPer15Min: number;
  /** Account sign-ups per client address per hour. */
  signupsPerHour: number;
  /** Take the client address from X-Forwarded-For and the scheme/host from X-Forwarded-Proto/Host. */
  trustProxy: boolean;
  /** One JSON line per request on stdout. */
  log: boolean;
  /**
   * The server's public origin, e.g. "https://care.example": absolute URLs and the own-origin checks
   * use only this (never the Host header). Required when `demo` is off; main.ts sets
   * http://localhost:<port> in demo mode. Unset only for in-process use (tests): see ownOrigin.
   */
  publicUrl?: string;
  /** Demo mode (HEARTH_DEMO, default on): demo data is seeded and HEARTH_PUBLIC_URL may be left out. */
  demo: boolean;
  /** SMTP server for outgoing mail (HEARTH_SMTP_URL, e.g. smtps://user:pass@mail.example:465); unset: the demo prints mail, production sends none. */
  smtpUrl?: string;
  /** The From of outgoing mail (HEARTH_MAIL_FROM). */
  mailFrom: string;
  /** Where staff notifications go when the specialist has no email of their own (HEARTH_TEAM_EMAIL); unset: those mails are skipped. */
  teamEmail?: string;
  /** Where webhook events are POSTed (HEARTH_WEBHOOK_URL); unset: no webhooks. */
  webhookUrl?: string;
  /** The HMAC-SHA256 key of the Hearth-Signature header (HEARTH_WEBHOOK_SECRET; required with HEARTH_WEBHOOK_URL). */
  webhookSecret?: string;
  /** The first retry of a failed mail or webhook waits this many seconds, then twice as long each time, for 24 hours (HEARTH_DELIVERY_BACKOFF_SECONDS). */
  deliveryBackoffSeconds: number;
  /** Sent and failed-permanently outbox rows are deleted this many days after they finished (HEARTH_DELIVERY_RETENTION_DAYS). */
  deliveryRetentionDays: number;
  /** Node's headersTimeout: a request's headers must arrive within this many ms (else 408). */
  headersTimeoutMs: number;
  /** Node's requestTimeout: the whole request (headers and body) must arrive within this many ms (else 408). */
  requestTimeoutMs: number;
  /**
   * The key message bodies and booking notes are encrypted under (HEARTH_DATA_KEY, 32 bytes in
   * base64). Unset: main.ts uses the demo's key file, and a production start refuses to run.
   */
  dataKey?: Buffer;
  /** The key before the last rotation (HEARTH_DATA_KEY_PREVIOUS): still read, never written. */
  dataKeyPrevious?: Buffer;
}

export const defaultConfig: Config = {
  port: 8080,
  dbPath: './data/hearth.db',
  allowedOrigins: [],
  minNoticeHours: 12,
  messagesPerMinute: 10,
  bookingsPerHour: 5,
  loginFreeFailures: 5,
  loginMaxDelaySeconds: 900,
  loginFailuresPerAddressPer15Min: 100,
  loginsPerAccountPer15Min: 20,
  signupsPerHour: 10,
  trustProxy: false,
  log: true,
  demo: true,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  mailFrom: 'hearth <no-reply@localhost>',
  deliveryBackoffSeconds: 10,
  deliveryRetentionDays: 30,
};

/** "https://a.example/, http://localhost:3000" → normalized origins; throws on anything else. */
export function parseOrigins(value: string, name = 'HEARTH_ALLOWED_ORIGINS'): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      let url: URL;
      try {
        url = new URL(s);
      } catch {
        throw new Error(`${name}: not an origin: ${JSON.stringify(s)}`);
      }
      if (!/^https?:$/.test(url.protocol) || url.origin === 'null') throw new Error(`${name}: not an http(s) origin: ${s}`);
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

function databaseUrl(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw.trim())) throw new Error('HEARTH_DATABASE_URL: expected postgres://user@host:5432/database');
  return raw.trim();
}

function smtpUrl(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error('HEARTH_SMTP_URL: expected a URL such as smtps://user:password@mail.example:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`HEARTH_SMTP_URL: expected smtp:// or smtps://, got ${url.protocol}//…`);
  return url.href;
}

/** HEARTH_TEAM_EMAIL, HEARTH_WEBHOOK_URL + HEARTH_WEBHOOK_SECRET, HEARTH_DELIVERY_BACKOFF_SECONDS, HEARTH_DELIVERY_RETENTION_DAYS (issue 13). */
function deliveryConfig(
  env: Record<string, string | undefined>,
): Pick<Config, 'teamEmail' | 'webhookUrl' | 'webhookSecret' | 'deliveryBackoffSeconds' | 'deliveryRetentionDays'> {
  const teamEmail = env.HEARTH_TEAM_EMAIL?.trim() || undefined;
  if (teamEmail && !/^[^\s@]+@[^\s@]+$/.test(teamEmail)) throw new Error(`HEARTH_TEAM_EMAIL: expected an email address, got ${JSON.stringify(teamEmail)}`);
  let webhookUrl: string | undefined;
  if (env.HEARTH_WEBHOOK_URL?.trim()) {
    let url: URL;
    try {
      url = new URL(env.HEARTH_WEBHOOK_URL.trim());
    } catch {
      throw new Error('HEARTH_WEBHOOK_URL: expected an http(s) URL such as https://platform.example/hearth-webhook');
    }
    if (!/^https?:$/.test(url.protocol)) throw new Error(`HEARTH_WEBHOOK_URL: expected http:// or https://, got ${url.protocol}//…`);
    webhookUrl = url.href;
  }
  const webhookSecret = env.HEARTH_WEBHOOK_SECRET?.trim() || undefined;
  if (webhookUrl && !webhookSecret) throw new Error('HEARTH_WEBHOOK_SECRET is required with HEARTH_WEBHOOK_URL (make one with: openssl rand -hex 32)');
  return {
    teamEmail,
    webhookUrl,
    webhookSecret,
    deliveryBackoffSeconds: number(env, 'HEARTH_DELIVERY_BACKOFF_SECONDS', defaultConfig.deliveryBackoffSeconds, 0.001),
    // At least a day: the rows are what an operator looks at when a mail went missing.
    deliveryRetentionDays: number(env, 'HEARTH_DELIVERY_RETENTION_DAYS', defaultConfig.deliveryRetentionDays, 1),
  };
}

/** The configuration from `env` (default: process.env); throws an Error naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const port = number(env, 'PORT', defaultConfig.port, 0);
  if (!Number.isInteger(port) || port > 65535) throw new Error(`PORT: expected 0–65535, got ${env.PORT}`);
  const demoRaw = env.HEARTH_DEMO?.trim();
  if (demoRaw && demoRaw !== '0' && demoRaw !== '1') throw new Error(`HEARTH_DEMO: expected 0 or 1, got ${JSON.stringify(env.HEARTH_DEMO)}`);
  const demo = demoRaw ? demoRaw === '1' : defaultConfig.demo;
  let publicUrl: string | undefined;
  if (env.HEARTH_PUBLIC_URL?.trim()) {
    const origins = parseOrigins(env.HEARTH_PUBLIC_URL, 'HEARTH_PUBLIC_URL');
    if (origins.length !== 1) throw new Error(`HEARTH_PUBLIC_URL: expected one origin such as https://care.example, got ${JSON.stringify(env.HEARTH_PUBLIC_URL)}`);
    publicUrl = origins[0];
  } else if (!demo) {
    throw new Error(
      'HEARTH_PUBLIC_URL is required when HEARTH_DEMO=0: set it to the public origin of this server, e.g. HEARTH_PUBLIC_URL=https://care.example (links and the own-origin checks never follow the Host header)',
    );
  }
  const headersTimeoutMs = Math.floor(number(env, 'HEARTH_HEADERS_TIMEOUT_MS', defaultConfig.headersTimeoutMs, 1));
  const requestTimeoutMs = Math.floor(number(env, 'HEARTH_REQUEST_TIMEOUT_MS', defaultConfig.requestTimeoutMs, 1));
  if (headersTimeoutMs > requestTimeoutMs)
    throw new Error(`HEARTH_HEADERS_TIMEOUT_MS: must not exceed HEARTH_REQUEST_TIMEOUT_MS (${requestTimeoutMs}), got ${headersTimeoutMs}`);
  return {
    port,
    dbPath: env.HEARTH_DB || defaultConfig.dbPath,
    databaseUrl: databaseUrl(env.HEARTH_DATABASE_URL),
    allowedOrigins: parseOrigins(env.HEARTH_ALLOWED_ORIGINS ?? ''),
    minNoticeHours: number(env, 'HEARTH_MIN_NOTICE_HOURS', defaultConfig.minNoticeHours, 0),
    messagesPerMinute: Math.floor(number(env, 'HEARTH_RATE_LIMIT_MESSAGES_PER_MINUTE', defaultConfig.messagesPerMinute, 1)),
    bookingsPerHour: Math.floor(number(env, 'HEARTH_RATE_LIMIT_BOOKINGS_PER_HOUR', defaultConfig.bookingsPerHour, 1)),
    loginFreeFailures: Math.floor(number(env, 'HEARTH_LOGIN_FREE_FAILURES', defaultConfig.loginFreeFailures, 1)),
    loginMaxDelaySeconds: Math.floor(number(env, 'HEARTH_LOGIN_MAX_DELAY_SECONDS', defaultConfig.loginMaxDelaySeconds, 1)),
    loginFailuresPerAddressPer15Min: Math.floor(
      number(env, 'HEARTH_RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS_PER_15_MIN', defaultConfig.loginFailuresPerAddressPer15Min, 1),
    ),
    loginsPerAccountPer15Min: Math.floor(number(env, 'HEARTH_RATE_LIMIT_LOGINS_PER_ACCOUNT_PER_15_MIN', defaultConfig.loginsPerAccountPer15Min, 1)),
    signupsPerHour: Math.floor(number(env, 'HEARTH_RATE_LIMIT_SIGNUPS_PER_HOUR', defaultConfig.signupsPerHour, 1)),
    trustProxy: env.HEARTH_TRUST_PROXY === '1',
    log: env.HEARTH_LOG !== '0',
    publicUrl,
    demo,
    headersTimeoutMs,
    requestTimeoutMs,
    smtpUrl: smtpUrl(env.HEARTH_SMTP_URL),
    mailFrom: env.HEARTH_MAIL_FROM?.trim() || defaultConfig.mailFrom,
    ...deliveryConfig(env),
    dataKey: env.HEARTH_DATA_KEY?.trim() ? parseDataKey(env.HEARTH_DATA_KEY, 'HEARTH_DATA_KEY') : undefined,
    dataKeyPrevious: env.HEARTH_DATA_KEY_PREVIOUS?.trim() ? parseDataKey(env.HEARTH_DATA_KEY_PREVIOUS, 'HEARTH_DATA_KEY_PREVIOUS') : undefined,
  };
}

/** The database the configuration names, for people: the PostgreSQL URL without its password, or the SQLite file. */
export function describeDatabase(config: Pick<Config, 'dbPath' | 'databaseUrl'>): string {
  if (!config.databaseUrl) return `SQLite ${config.dbPath}`;
  try {
    const url = new URL(config.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.href}`;
  } catch {
    return 'PostgreSQL (HEARTH_DATABASE_URL)';
  }
}
