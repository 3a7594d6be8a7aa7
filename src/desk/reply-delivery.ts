import type { ReactiveController } from '@lit/reactive-element';
import type { HearthElement } from '../core/hearth-element.js';
import type { HearthBackend, MessageCreated } from '../core/backend.js';
import { HearthError, isHearthError, isTransient, noBackend } from '../core/errors.js';
import { isOnline, onConnectivityChange } from '../core/connectivity.js';
import { entriesOf, newKey, putEntry, removeEntry, type OutboxEntry } from '../core/outbox.js';
import { retryWait } from '../core/delay.js';
import { wellFormed } from '../core/text.js';
import type { SharedSession } from '../core/session.js';
import { readDraft, saveDraft } from './drafts.js';

/** The outbox "box" that holds the desk's replies (the message boxes use their own draft keys). */
export const REPLY_BOX = 'hearth-desk';
/** The longest reply, in characters (the contract's limit). */
export const REPLY_MAX = 5000;

/** A reply waiting in the persistent outbox: an outbox entry that knows its conversation. */
export interface ReplyEntry extends OutboxEntry {
  conversation: string;
}

/**
 * compose: writing; sending: first attempt; queued: in the outbox, re-sent by itself; signin: in
 * the outbox, re-sent after sign-in (a 401); failed: in the outbox, waits for Retry or Edit;
 * sent: the server stored the last one (the composer is empty again).
 */
export type ReplyPhase = 'compose' | 'sending' | 'queued' | 'signin' | 'failed' | 'sent';

/** The composer of one conversation. */
export interface ReplyState {
  phase: ReplyPhase;
  /** The reply in the outbox, with its Idempotency-Key (all phases but compose and sent). */
  entry?: ReplyEntry;
  /** The last failure. */
  error?: unknown;
  /** Why the text cannot go as written: empty, too long, or the server's messages of a 422 (maybe none). */
  invalid?: 'empty' | 'long' | string[];
}

/** What the delivery needs from the desk. */
export interface ReplyHost {
  backend(): HearthBackend | undefined;
  session(): SharedSession | undefined;
  /** The server stored a reply: the desk shows it in the thread (once: by its id). */
  sent(conversation: string, created: MessageCreated, body: string): void;
}

/**
 * Delivers the desk's replies with the message box's guarantees: a therapist's reply is never lost
 * and never stored twice.
 *
 * - Each conversation has a draft, saved as it is typed (drafts.ts) and removed only when the server
 *   has confirmed the reply: a reload, a crash or a failure keeps the words.
 * - Send makes the reply's Idempotency-Key and puts the reply in the persistent outbox (IndexedDB,
 *   core/outbox.ts) before the first attempt. While it waits, its composer is read-only: a second
 *   Send can never give the same words a second key.
 * - Offline, a timeout, a 5xx or a 429: the reply stays in the outbox and is re-sent by itself with
 *   the same key — when the connection returns, after a backoff (doubling from `retryDelay`, at most
 *   a minute, or the server's Retry-After), and after a reload (`start` reads the outbox). The server
 *   replays the first answer for a repeated key, so the reply is stored exactly once.
 * - 401: the session ended (perhaps after the server stored an attempt whose answer was lost); the
 *   reply keeps its key and goes again once the same staff member has signed in again.
 * - 422: nothing was stored; the reply leaves the outbox and its text stays in the composer with the
 *   server's message. Any other refusal (403, 404, …) keeps it for Retry (same key) or Edit.
 *
 * @internal
 */
export class ReplyDelivery implements ReactiveController {
  /** First delay (ms) before re-sending after a failure; it doubles each attempt, up to a minute. */
  retryDelay = 1000;
  /** True once the outbox has been read for the signed-in account; Send waits for it. */
  ready = false;

  #user?: string;
  #started = false;
  readonly #states = new Map<string, ReplyState>();
  readonly #drafts = new Map<string, string>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #attempts = new Map<string, number>();
  readonly #sending = new Set<string>();
  readonly #announced = new Set<string>();
  #stopWatching?: () => void;

  constructor(
    readonly host: HearthElement,
    readonly deps: ReplyHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#stopWatching = onConnectivityChange((online) => {
      if (online) this.#resume('queued', true);
      this.host.requestUpdate();
    });
    this.#resume('queued'); // after a disconnect
  }

  hostDisconnected(): void {
    this.#stopWatching?.();
    this.#timers.forEach(clearTimeout);
    this.#timers.clear();
  }

  /**
   * A staff member is signed in (call on every sign-in): reads the outbox for them once and delivers
   * what waits; signed in again as the same one after a 401, the replies that waited for it go.
   * Replies of another account stay in the outbox for that account.
   */
  start(user: string | undefined): void {
    if (this.#started && user === this.#user) return this.#resume('signin');
    this.#started = true;
    this.#user = user;
    this.ready = false;
    this.#timers.forEach(clearTimeout);
    this.#timers.clear();
    this.#states.clear();
    this.#drafts.clear();
    void entriesOf(REPLY_BOX).then((entries) => {
      if (user !== this.#user) return;
      for (const entry of entries as ReplyEntry[]) {
        if (!entry.conversation || (entry.user && entry.user !== user)) continue;
        this.#states.set(entry.conversation, { phase: entry.hold ? 'failed' : 'queued', entry });
        this.#announced.add(entry.key); // announced before the reload
        if (!entry.hold) void this.#deliver(entry.conversation);
      }
      this.ready = true;
      this.host.requestUpdate();
    });
  }

  /** The state of a conversation's composer. */
  state(conversation: string): ReplyState {
    return this.#states.get(conversation) ?? { phase: 'compose' };
  }

  /**
   * The composer's text: the waiting reply's, else the draft (as typed here, else as stored). Only
   * reads: the desk's render() calls it, and a render changes nothing.
   */
  text(conversation: string): string {
    const entry = this.#states.get(conversation)?.entry;
    if (entry) return entry.message.body;
    return this.#drafts.get(conversation) ?? readDraft(this.#user, conversation);
  }

  /** Whether the composer may be edited (nothing of it waits in the outbox). */
  editable(conversation: string): boolean {
    return this.ready && !this.#states.get(conversation)?.entry;
  }

  /** The composer's text changed: saved at once. */
  input(conversation: string, text: string): void {
    if (!this.editable(conversation)) return;
    this.#draft(conversation, text);
    this.#set(conversation, { phase: 'compose' });
  }

  /** Send: checks the text, gives the reply its Idempotency-Key, stores it in the outbox, delivers it. */
  async send(conversation: string): Promise<void> {
    if (!this.editable(conversation) || this.#sending.has(conversation)) return;
    // Well-formed: a lone surrogate would make the request fail for good.
    const body = wellFormed(this.text(conversation).trim());
    if (!body || body.length > REPLY_MAX) return this.#set(conversation, { phase: 'compose', invalid: body ? 'long' : 'empty' });
    const entry: ReplyEntry = { key: newKey(), box: REPLY_BOX, conversation, message: { body }, user: this.#user };
    this.#attempts.delete(conversation);
    this.#set(conversation, { phase: 'sending', entry });
    await putEntry(entry);
    await this.#deliver(conversation);
  }

  /** Sends a refused reply again, with the same key. */
  retry(conversation: string): void {
    const state = this.#states.get(conversation);
    if (!state?.entry) return;
    const entry = { ...state.entry, hold: false, signIn: false };
    this.#attempts.delete(conversation);
    this.#set(conversation, { phase: 'sending', entry });
    void putEntry(entry).then(() => this.#deliver(conversation));
  }

  /** Takes a refused reply out of the outbox: its text goes back to the composer to be changed. */
  edit(conversation: string): void {
    const entry = this.#states.get(conversation)?.entry;
    if (!entry || this.#sending.has(conversation)) return;
    void removeEntry(entry.key);
    this.#draft(conversation, entry.message.body);
    this.#set(conversation, { phase: 'compose' });
  }

  #set(conversation: string, state: ReplyState): void {
    this.#states.set(conversation, state);
    this.host.requestUpdate();
  }

  #draft(conversation: string, text: string): void {
    this.#drafts.set(conversation, text);
    saveDraft(this.#user, conversation, text);
  }

  /** Delivers every reply in `phase` (the connection is back: from a fresh backoff). */
  #resume(phase: ReplyPhase, fresh = false): void {
    for (const [conversation, state] of this.#states) {
      if (state.phase != phase) continue;
      if (fresh) this.#attempts.delete(conversation);
      void this.#deliver(conversation);
    }
  }

  /** One attempt to deliver a conversation's waiting reply; schedules the next one when it must wait. */
  async #deliver(conversation: string): Promise<void> {
    const state = this.#states.get(conversation);
    const entry = state?.entry;
    if (!entry || entry.hold || this.#sending.has(conversation) || !this.host.isConnected) return;
    clearTimeout(this.#timers.get(conversation));
    const session = this.deps.session();
    if (entry.signIn && session && !session.signedIn) return this.#set(conversation, { ...state, phase: 'signin' });
    if (!isOnline()) return this.#queue(conversation, entry, new HearthError('offline', 'navigator.onLine is false'));
    this.#sending.add(conversation);
    try {
      const backend = this.deps.backend();
      if (!backend?.replyToConversation) throw noBackend(this.host, 'replyToConversation');
      const created = await backend.replyToConversation(conversation, { body: entry.message.body }, { idempotencyKey: entry.key });
      await removeEntry(entry.key);
      this.#draft(conversation, '');
      this.#attempts.delete(conversation);
      this.#set(conversation, { phase: 'sent' });
      this.deps.sent(conversation, created, entry.message.body);
      this.host.emit('hearth-desk-reply-sent', { conversationId: conversation, id: created.id, createdAt: created.createdAt, idempotencyKey: entry.key });
    } catch (error) {
      const kind = isHearthError(error) && error.kind;
      if (isTransient(error)) return this.#queue(conversation, entry, error);
      if (kind == 'unauthorized') {
        // Kept with its key; a backend that cannot say who is signed in (no getSession) will not say when: Retry.
        const waits = !!session?.backend.getSession;
        const kept = { ...entry, signIn: waits, hold: !waits };
        await putEntry(kept);
        this.#set(conversation, { phase: waits ? 'signin' : 'failed', entry: kept, error });
        session?.signedOut(); // the desk (and every gate of this backend) asks to sign in
      } else if (kind == 'validation') {
        // Refused as written (a replayed key gives the first answer): nothing was stored.
        await removeEntry(entry.key);
        if (!this.text(conversation).trim()) this.#draft(conversation, entry.message.body);
        const fields = (error as HearthError).fieldErrors;
        this.#set(conversation, { phase: 'compose', error, invalid: Object.hasOwn(fields, 'body') ? fields.body : [] });
      } else {
        const held = { ...entry, hold: true };
        await putEntry(held);
        this.#set(conversation, { phase: 'failed', entry: held, error });
      }
      this.host.emit('hearth-desk-reply-failed', { conversationId: conversation, error, idempotencyKey: entry.key });
    } finally {
      this.#sending.delete(conversation);
    }
  }

  /** Saved, to be re-sent by itself: when the connection returns, or after a backoff (or Retry-After). */
  #queue(conversation: string, entry: ReplyEntry, error: unknown): void {
    this.#set(conversation, { phase: 'queued', entry, error });
    if (isOnline()) {
      const attempt = this.#attempts.get(conversation) ?? 0;
      this.#attempts.set(conversation, attempt + 1);
      this.#timers.set(conversation, setTimeout(() => void this.#deliver(conversation), retryWait(error, this.retryDelay, attempt)));
    }
    if (!this.#announced.has(entry.key)) {
      this.#announced.add(entry.key);
      this.host.emit('hearth-desk-reply-queued', { conversationId: conversation, idempotencyKey: entry.key, error });
    }
  }
}
