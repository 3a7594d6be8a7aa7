import type { ReactiveController } from '@lit/reactive-element';
import type { HearthElement } from '../core/hearth-element.js';
import type { ConversationDetail, ConversationMessage, ConversationSummary, ConversationUpdate, HearthBackend } from '../core/backend.js';
import { newKey } from '../core/outbox.js';
import { Latest } from './latest.js';

/**
 * The open conversation: reading it (which marks it read on the server), reading it again when the
 * live stream says it changed, and changing its status or assignee (`hearth-desk-conversation-updated`).
 * Only the latest read counts.
 *
 * @internal
 */
export class Thread implements ReactiveController {
  /** The open conversation's id (set at once; `detail` follows). */
  id?: string;
  detail?: ConversationDetail;
  state: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  error?: unknown;
  /** The change being saved. */
  pending?: 'status' | 'assignee';
  /** Why the last change failed. */
  actionError?: unknown;

  #latest = new Latest();

  constructor(
    readonly host: HearthElement,
    readonly backend: () => HearthBackend | undefined,
    readonly failed: (error: unknown) => void,
    /** A status or assignee change was stored (the inbox's row follows). */
    readonly changed: (summary: ConversationSummary) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#latest.abort();
  }

  /** Opens a conversation (a skeleton until it arrives), or with `quiet` reads the open one again in place. */
  async open(id: string, quiet = false): Promise<ConversationDetail | undefined> {
    const ticket = this.#latest.next();
    if (!quiet || id != this.id) {
      this.id = id;
      this.detail = undefined;
      this.state = 'loading';
      this.pending = this.actionError = undefined;
      this.host.requestUpdate();
    }
    try {
      const backend = this.backend();
      if (!backend?.getConversation) throw new Error('hearth-desk: the backend has no getConversation');
      const detail = await backend.getConversation(id, { signal: ticket.signal });
      if (!ticket.current()) return;
      this.detail = detail;
      this.state = 'ready';
      return detail;
    } catch (error) {
      if (!ticket.current() || ticket.signal.aborted) return;
      // A quiet read that fails keeps what is shown.
      if (!quiet || !this.detail) {
        this.state = 'error';
        this.error = error;
      }
      this.failed(error);
    } finally {
      if (ticket.current()) this.host.requestUpdate();
    }
    return undefined;
  }

  close(): void {
    this.#latest.drop();
    this.id = this.detail = undefined;
    this.state = 'idle';
    this.host.requestUpdate();
  }

  /** Adds a message the desk knows of already (its own reply), unless the thread has it. */
  add(message: ConversationMessage): void {
    const detail = this.detail;
    if (!detail || detail.messages.some((m) => m.id == message.id)) return;
    this.detail = { ...detail, messages: [...detail.messages, message] };
    this.host.requestUpdate();
  }

  /** `PATCH` the open conversation (one change at a time); a failure shows as `actionError`. */
  async update(change: ConversationUpdate, what: 'status' | 'assignee'): Promise<void> {
    const { id, detail } = this;
    const backend = this.backend();
    if (!id || !detail || this.pending) return;
    this.pending = what;
    this.actionError = undefined;
    this.host.requestUpdate();
    let summary: ConversationSummary | undefined;
    try {
      if (!backend?.updateConversation) throw new Error('hearth-desk: the backend has no updateConversation');
      summary = await backend.updateConversation(id, change, { idempotencyKey: newKey() });
      if (this.id == id && this.detail) this.detail = { ...this.detail, ...summary, messages: this.detail.messages };
    } catch (error) {
      if (this.id == id) this.actionError = error;
      this.failed(error);
    } finally {
      this.pending = undefined;
      this.host.requestUpdate();
    }
    if (!summary) return;
    this.changed(summary);
    this.host.emit('hearth-desk-conversation-updated', { conversationId: summary.id, status: summary.status, assignee: summary.assignee?.id ?? null });
  }

  /** "Assign to" changed: the select shows who is assigned again while another change is saved, and when this one is refused. */
  async assign(select: HTMLSelectElement): Promise<void> {
    if (!this.pending) await this.update({ assignee: select.value || null }, 'assignee');
    select.value = this.detail?.assignee?.id ?? '';
  }
}
