import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { HearthBackend, HearthLiveEvent } from '../core/backend.js';
import { msg, str } from '../core/localization.js';
import type { Inbox } from './inbox.js';
import type { Thread } from './thread.js';
import { visitorName } from './views.js';

/** What the live events change, and say. */
export interface LiveDesk {
  inbox: Inbox;
  thread: Thread;
  /** The signed-in staff member's id (their own replies are not announced). */
  user(): string | undefined;
  /** Says something through the desk's polite live region. */
  announce(text: string): void;
}

/**
 * One live event stream (`watchEvents`) while the desk is connected and shows the inbox: started by
 * `watch(backend)` (again only when the backend changes), aborted by `stop()` and on disconnect.
 * An event refreshes the list and the open thread, and a new message is announced (politely: focus
 * never moves); back after reconnecting, the list is refreshed too.
 *
 * @internal
 */
export class Live implements ReactiveController {
  /** What the stream last said of itself; `reconnecting` shows a small note. */
  state?: 'live' | 'reconnecting' | 'closed';
  #backend?: HearthBackend;
  #abort?: AbortController;

  constructor(
    readonly host: ReactiveControllerHost,
    readonly desk: LiveDesk,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  watch(backend: HearthBackend | undefined): void {
    if (backend === this.#backend && this.#abort) return;
    this.stop();
    if (!backend?.watchEvents) return;
    const abort = (this.#abort = new AbortController());
    this.#backend = backend;
    const live = (fn: () => void) => () => abort.signal.aborted || fn();
    backend
      .watchEvents(
        {
          event: (event) => live(() => void this.#apply(event))(),
          state: (state) =>
            live(() => {
              const was = this.state;
              this.state = state;
              // Live again after reconnecting (events missed meanwhile arrive too).
              if (state == 'live' && was == 'reconnecting') void this.desk.inbox.refresh();
              if (state != was && (state == 'reconnecting' || was == 'reconnecting')) this.host.requestUpdate();
            })(),
        },
        { signal: abort.signal },
      )
      .catch(
        live(() => {
          this.state = 'closed';
          this.host.requestUpdate();
        }),
      );
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = this.#backend = undefined;
    this.state = undefined;
  }

  /** Reads the list and the open thread again; a new message is announced unless it is the user's own. */
  async #apply(event: HearthLiveEvent): Promise<void> {
    const { inbox, thread, announce } = this.desk;
    const id = event.conversationId;
    const before = inbox.items.find((item) => item.id == id);
    const open = thread.id == id;
    const [items, detail] = await Promise.all([inbox.refresh(), open ? thread.open(id, true) : undefined]);
    if (detail) inbox.patch(id, { unread: 0 });
    if (event.type != 'conversation.message') return;
    if (detail) {
      const m = detail.messages.find((m) => m.id == event.messageId);
      if (m && m.author.id != this.desk.user()) announce(msg(str`New message from ${m.author.name}`, { id: 'desk.live.from' }));
      return;
    }
    const item = items.find((item) => item.id == id);
    if (!item || item.unread <= (before?.unread ?? 0)) return;
    announce(
      before
        ? msg(str`New message in the conversation with ${visitorName(item)}`, { id: 'desk.live.in' })
        : msg(str`New message from ${visitorName(item)}`, { id: 'desk.live.from' }),
    );
  }
}
