// The outbox worker (issue 13): sends the mails and webhooks that notify.ts wrote, in the server
// process (main.ts starts it, and stops it at shutdown).
//
//   const worker = startDeliveries({ store, mailer, config, box });  …  await worker.stop();
//
// It looks for due rows right after each commit of this process that wrote some (the store's
// `deliveries.onCommitted`: a booking's mails and webhook go out at once), and every `pollMs`
// (rows of other processes, retries, expired leases). Each time it claims up to `batch` due rows
// (store/deliveries.ts: a lease of `leaseMs`; on PostgreSQL FOR UPDATE SKIP LOCKED, so several
// processes never take the same row), sends each, and marks it sent. A failure (a non-2xx answer, no answer within `timeoutMs` (10 s), an SMTP
// error, anything thrown) is retried after HEARTH_DELIVERY_BACKOFF_SECONDS, then twice as long
// each time, until 24 hours after the row was written; then the row is failed-permanently.
// Logged lines name the delivery id, its kind and the failure's kind: never an address or a text.
//
// At least once: a row marked sent is never sent again; a process that dies mid-send leaves its
// lease, which runs out, and the row is sent again (the receiver deduplicates on Hearth-Delivery,
// or a mail's Message-ID <id@hearth>).
//
// Retention: shortly after start (`purgeFirstMs`, 1 min) and then every `purgeEveryMs` (1 h), it
// deletes finished rows (sent, failed-permanently) that finished more than
// HEARTH_DELIVERY_RETENTION_DAYS (30) ago, `purgeBatch` (1000) at a time until a batch comes back
// short (store/deliveries.ts: purgeFinished). Pending rows are never purged. Logged: the count only.
import { randomUUID } from 'node:crypto';
import { defaultConfig, type Config } from './config.js';
import type { DataBox } from './crypto-box.js';
import type { Mailer } from './mail.js';
import { renderMail, type MailPayload, type WebhookPayload } from './notify.js';
import type { Delivery, Store } from './store/index.js';
import { postWebhook } from './webhooks.js';

export interface DeliveryWorkerOptions {
  store: Store;
  mailer: Mailer;
  config: Pick<Config, 'teamEmail' | 'allowedOrigins' | 'webhookUrl' | 'webhookSecret' | 'deliveryBackoffSeconds'> &
    Partial<Pick<Config, 'deliveryRetentionDays'>>;
  box: DataBox;
  /** The clock (default: the real one). */
  now?: () => Date;
  /** How often due rows are looked for (default 1000 ms). */
  pollMs?: number;
  /** How long a claim lasts before another worker may take the row (default 60 s). */
  leaseMs?: number;
  /** A send with no outcome after this is a failure (default 10 s). */
  timeoutMs?: number;
  /** Retries stop this long after the row was written (default 24 h). */
  giveUpAfterMs?: number;
  /** Rows claimed at once (default 10). */
  batch?: number;
  /** The first purge of finished rows, this long after start (default 60 s). */
  purgeFirstMs?: number;
  /** Then a purge this often (default 1 h). */
  purgeEveryMs?: number;
  /** Rows deleted per statement of a purge (default 1000). */
  purgeBatch?: number;
  /** Where log lines go (default: stderr). */
  log?: (line: string) => void;
}

export interface DeliveryWorker {
  /** Looks for due rows now (e.g. right after a commit that wrote some). */
  kick(): void;
  /** Stops claiming and purging; resolves when the sends (and a purge) in flight have ended. */
  stop(): Promise<void>;
  /** Purges finished rows older than the retention now; resolves with how many were deleted. */
  purge(): Promise<number>;
}

/** A failure's kind, without personal data: "HTTP 500", "timeout", "SMTP EAUTH", "DataKeyError". */
function reasonOf(e: unknown): string {
  const err = e as { name?: string; message?: string; code?: string; responseCode?: number };
  if (err?.name === 'WebhookError') return err.message ?? 'webhook error';
  if (err?.name === 'DeliveryTimeout') return 'timeout';
  if (err?.code || err?.responseCode) return `SMTP ${err.code ?? ''}${err.responseCode ? ` ${err.responseCode}` : ''}`.trim();
  return err?.name ?? 'error';
}

/** The delay before retry number `attempts` (1 = the first retry): base, then doubling. */
export const backoffMs = (baseSeconds: number, attempts: number) => baseSeconds * 1000 * 2 ** Math.max(0, attempts - 1);

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { name: 'DeliveryTimeout' })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function startDeliveries(o: DeliveryWorkerOptions): DeliveryWorker {
  const now = o.now ?? (() => new Date());
  const pollMs = o.pollMs ?? 1000;
  const leaseMs = o.leaseMs ?? 60_000;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const giveUpAfterMs = o.giveUpAfterMs ?? 24 * 3_600_000;
  const batch = o.batch ?? 10;
  const retentionMs = (o.config.deliveryRetentionDays ?? defaultConfig.deliveryRetentionDays) * 86_400_000;
  const purgeFirstMs = o.purgeFirstMs ?? 60_000;
  const purgeEveryMs = o.purgeEveryMs ?? 3_600_000;
  const purgeBatch = o.purgeBatch ?? 1000;
  const log = o.log ?? ((line: string) => console.error(line));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let purgeTimer: NodeJS.Timeout | undefined;
  let purging: Promise<number> | undefined;

  async function send(row: Delivery): Promise<'sent' | 'skipped'> {
    if (row.kind === 'webhook') {
      const { body } = JSON.parse(row.payload) as WebhookPayload;
      if (!o.config.webhookUrl || !o.config.webhookSecret) return 'skipped';
      await postWebhook({ url: o.config.webhookUrl, secret: o.config.webhookSecret, deliveryId: row.id, body, timeoutMs, now: () => now().getTime() });
      return 'sent';
    }
    const mail = await renderMail({ store: o.store, box: o.box, config: o.config }, row.id, JSON.parse(row.payload) as MailPayload);
    if (!mail) return 'skipped';
    await withTimeout(o.mailer.send(mail), timeoutMs);
    return 'sent';
  }

  async function deliver(row: Delivery, claim: string): Promise<void> {
    try {
      const outcome = await send(row);
      await o.store.deliveries.markSent(row.id, claim, now().toISOString());
      if (outcome === 'skipped') log(`hearth: delivery ${row.id} (${row.kind}) skipped: no recipient or no webhook URL configured`);
    } catch (e) {
      const attempts = row.attempts + 1;
      const reason = reasonOf(e);
      const next = now().getTime() + backoffMs(o.config.deliveryBackoffSeconds, attempts);
      const giveUp = next > Date.parse(row.createdAt) + giveUpAfterMs;
      await o.store.deliveries
        .markFailed(row.id, claim, { attempts, nextAttemptAt: giveUp ? null : new Date(next).toISOString(), lastError: reason, at: now().toISOString() })
        .catch((err: Error) => log(`hearth: delivery ${row.id}: recording a failure failed (${err?.name ?? 'error'})`));
      log(
        giveUp
          ? `hearth: delivery ${row.id} (${row.kind}) failed permanently after ${attempts} attempts (${reason})`
          : `hearth: delivery ${row.id} (${row.kind}) failed, attempt ${attempts} (${reason}); retrying at ${new Date(next).toISOString()}`,
      );
    }
  }

  /** Claims and sends due rows until none are left (or stopped). */
  async function drain(): Promise<void> {
    do {
      again = false;
      let rows: Delivery[];
      const claim = randomUUID();
      try {
        const at = now();
        rows = await o.store.deliveries.claim(claim, at.toISOString(), new Date(at.getTime() + leaseMs).toISOString(), batch);
      } catch (e) {
        if (!stopped) log(`hearth: the outbox could not be read (${(e as Error)?.name ?? 'error'})`);
        return;
      }
      await Promise.all(rows.map((r) => deliver(r, claim)));
      if (rows.length === batch) again = true;
    } while (again && !stopped);
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  }

  function tick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => {
      running = undefined;
      schedule(again ? 0 : pollMs);
    });
  }

  /** Deletes finished rows older than the retention, a batch at a time until a batch comes back short. */
  async function purgeOld(): Promise<number> {
    const before = new Date(now().getTime() - retentionMs);
    let total = 0;
    try {
      for (;;) {
        const n = await o.store.deliveries.purgeFinished(before, purgeBatch);
        total += n;
        if (n < purgeBatch || stopped) break;
      }
    } catch (e) {
      if (!stopped) log(`hearth: the outbox purge failed after ${total} rows (${(e as Error)?.name ?? 'error'})`);
    }
    if (total > 0) log(`hearth: outbox: purged ${total} finished deliveries older than ${retentionMs / 86_400_000} days`);
    return total;
  }

  /** One purge at a time: a call while one runs gets that one's count. */
  function purge(): Promise<number> {
    purging ??= purgeOld().finally(() => (purging = undefined));
    return purging;
  }

  function schedulePurge(ms: number) {
    if (stopped) return;
    purgeTimer = setTimeout(() => void purge().finally(() => schedulePurge(purgeEveryMs)), ms);
    purgeTimer.unref?.();
  }

  const kick = () => schedule(0);
  // After each commit that wrote outbox rows in this process.
  const unlisten = o.store.deliveries.onCommitted(kick);
  schedule(0);
  schedulePurge(purgeFirstMs);
  return {
    kick,
    purge,
    async stop() {
      stopped = true;
      unlisten();
      clearTimeout(timer);
      clearTimeout(purgeTimer);
      await running;
      await purging;
    },
  };
}
