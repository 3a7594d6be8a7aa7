import type { ReactiveController } from '@lit/reactive-element';
import type { HearthElement } from '../core/hearth-element.js';
import { HearthError, isHearthError, isTransient, noBackend } from '../core/errors.js';
import { isOnline, onConnectivityChange } from '../core/connectivity.js';
import { entriesOf, newKey, putEntry, removeEntry, type OutboxEntry } from '../core/outbox.js';
import { clampDelay, retryWait } from '../core/delay.js';
import { sessionOf } from '../core/session.js';

/**
 * Where the box's message is. loading: the outbox is being read (after a reload); compose: writing
 * (or fixing); sending: first attempt; queued: saved, re-sent by itself; signin: saved, re-sent by
 * itself after sign-in (a 401); sent: stored; failed: saved, needs Retry (or Edit).
 */
export type Phase = 'loading' | 'compose' | 'sending' | 'queued' | 'signin' | 'sent' | 'failed';

/** The timers delivery waits with: the page's, or a test's fake clock. */
export type Clock = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;

/** The element whose message is delivered. */
export type DeliveryHost = HearthElement & {
  /** First delay (ms) before re-sending after a failure; it doubles each attempt, up to a minute. */
  retryDelay: number;
};

/** What the delivery needs from the box, and tells it. */
export interface DeliveryHooks {
  /** A message from before a reload waits in the outbox: its text goes back into the form. */
  restored(entry: OutboxEntry): void;
  /** The server stored the message (the phase is `sent`). */
  sent(): void;
  /** The server refused the message as written (a 422): nothing was stored, the text goes back to the form. */
  refused(error: HearthError): void;
}

/**
 * Delivers the message box's message, built never to lose a word: each message gets its
 * Idempotency-Key when Send is pressed and waits in the persistent outbox (IndexedDB, core/outbox.ts)
 * until the server has confirmed it. Offline, a timeout, a 5xx or a 429: it is re-sent by itself
 * with the same key (when the connection returns; after a backoff doubling from the host's
 * `retryDelay` up to a minute, or the server's Retry-After; after a reload: `load`), so it is stored
 * exactly once. A 401 keeps it, with its key, until the same visitor has signed in again; a 422
 * gives the text back to the form; any other refusal holds it for Retry or Edit. Its timers come
 * from `clock` (a test's fake clock).
 *
 * outbox.ts and connectivity.ts stay in core/: the desk's replies (desk/reply-delivery.ts) use them too.
 */
export class DeliveryController implements ReactiveController {
  phase: Phase = 'loading';
  /** The last failure (kept while the message waits: the status says why). */
  error?: unknown;

  /** The message in the outbox, with its Idempotency-Key. */
  #entry?: OutboxEntry;
  #box?: string;
  /** The key whose hearth-message-queued was sent: once per message, also across a reload. */
  #announced?: string;
  #sending = false;
  #attempts = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #stopWatching?: () => void;

  constructor(
    readonly host: DeliveryHost,
    readonly hooks: DeliveryHooks,
    readonly clock: Clock = globalThis,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Online or offline: the box updates (its offline banner, its status).
    this.#stopWatching = onConnectivityChange((online) => {
      if (online && this.phase === 'queued') {
        this.#attempts = 0;
        void this.deliver();
      }
      this.host.requestUpdate();
    });
    // After a disconnect: a queued message goes on.
    if (this.phase === 'queued') void this.deliver();
  }

  hostDisconnected(): void {
    this.#stopWatching?.();
    this.clock.clearTimeout(this.#timer);
  }

  set(phase: Phase, error?: unknown): void {
    this.phase = phase;
    this.error = error;
    this.host.requestUpdate();
  }

  /**
   * Reads the outbox of `box` (the box's draft key): its waiting message, from before a reload, is
   * restored and goes on by itself (unless held for Retry). Until then the phase is `loading`: a
   * Send before that would give a waiting message a new key.
   */
  async load(box: string): Promise<void> {
    this.clock.clearTimeout(this.#timer);
    this.#box = box;
    this.#entry = undefined;
    this.set('loading');
    const [entry] = await entriesOf(box);
    if (box !== this.#box) return;
    this.set('compose');
    if (entry) {
      this.#entry = entry;
      this.hooks.restored(entry);
      this.phase = entry.hold ? 'failed' : entry.signIn ? 'signin' : 'queued';
      this.#announced = entry.key; // it was announced before the reload
      if (!entry.hold) void this.deliver();
    }
  }

  /**
   * Send: gives the message its Idempotency-Key and puts it in the outbox, then delivers it after
   * `wait` ms (the box's least time on the form). `user` is who wrote it: after a 401 it goes again
   * only for them.
   */
  send(message: OutboxEntry['message'], user: string | undefined, wait: number): Promise<void> {
    return this.#start({ key: newKey(), box: this.#box!, message, user }, wait);
  }

  /** Retry (after a refusal): the held message goes again, with its key. */
  retry(): void {
    void this.#start({ ...this.#entry!, hold: false });
  }

  /** Edit (after a refusal, which stored nothing): the message leaves the outbox, its text stays in the form. */
  drop(): void {
    void this.#forget();
    this.set('compose');
  }

  /** A first attempt: the message is in the outbox before it goes. */
  async #start(entry: OutboxEntry, wait = 0): Promise<void> {
    this.#attempts = 0;
    this.set('sending');
    await this.#keep(entry);
    if (wait > 0) await new Promise((resolve) => this.clock.setTimeout(resolve, clampDelay(wait)));
    await this.deliver();
  }

  /** Keeps `entry` as the message, in the outbox. */
  #keep(entry: OutboxEntry): Promise<void> {
    return putEntry((this.#entry = entry));
  }

  /** The message leaves the outbox (stored, or refused as written). */
  #forget(): Promise<void> {
    const { key } = this.#entry!;
    this.#entry = undefined;
    return removeEntry(key);
  }

  /** One attempt to deliver the message in the outbox; schedules the next one when it must wait. */
  async deliver(): Promise<void> {
    const entry = this.#entry;
    const backend = this.host.effectiveBackend;
    // Who is signed in to that backend (shared with the box's login gate).
    const session = backend && sessionOf(backend);
    if (!entry || this.#sending || !this.host.isConnected) return;
    this.clock.clearTimeout(this.#timer);
    if (entry.signIn) {
      // Waiting for sign-in (a 401): sent only once signed in, and only as the visitor who wrote it.
      const user = session?.value?.user?.id;
      if (!session?.signedIn) return this.set('signin', this.error);
      if (entry.user && user && user !== entry.user) {
        await this.#keep({ ...entry, hold: true, signIn: false });
        return this.set('failed');
      }
    }
    if (!isOnline()) return this.#queue(new HearthError('offline', 'navigator.onLine is false'));
    this.#sending = true;
    try {
      if (!backend?.sendMessage) throw noBackend(this.host, 'sendMessage');
      const created = await backend.sendMessage(entry.message, { idempotencyKey: entry.key });
      await this.#forget();
      this.set('sent');
      this.hooks.sent();
      this.host.emit('hearth-message-sent', { id: created.id, createdAt: created.createdAt, idempotencyKey: entry.key });
    } catch (error) {
      const kind = isHearthError(error) && error.kind;
      if (isTransient(error)) return this.#queue(error);
      if (kind === 'unauthorized') {
        // The server may have stored an earlier attempt whose answer was lost (a 502, a timeout):
        // the entry keeps its key and waits for sign-in, then goes again with that key.
        session?.signedOut(); // every gate shows Log in
        // A backend that cannot say who is signed in (no getSession) will not say when: Retry, same key.
        const waits = !session?.signedIn;
        await this.#keep({ ...entry, signIn: waits, hold: !waits });
        this.set(waits ? 'signin' : 'failed', error);
      } else if (kind === 'validation') {
        // Refused as written (a replayed key gives the first answer): nothing was stored.
        await this.#forget();
        this.hooks.refused(error as HearthError);
      } else {
        await this.#keep({ ...entry, hold: true });
        this.set('failed', error);
      }
      this.host.emit('hearth-message-failed', { error, idempotencyKey: entry.key });
    } finally {
      this.#sending = false;
    }
  }

  /** Saved, to be re-sent by itself: when the connection returns, or after a backoff (or Retry-After). */
  #queue(error: unknown): void {
    const entry = this.#entry!;
    this.set('queued', error);
    if (isOnline()) {
      this.#timer = this.clock.setTimeout(() => void this.deliver(), retryWait(error, this.host.retryDelay, this.#attempts++));
    }
    if (this.#announced !== entry.key) {
      this.#announced = entry.key;
      this.host.emit('hearth-message-queued', { idempotencyKey: entry.key, error });
    }
  }
}
