import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { ConversationItem, ConversationQuery, HearthBackend } from '../core/backend.js';
import { Latest } from './latest.js';

/** The inbox filters: open, handled, open and assigned to me, everything. */
export type Filter = 'open' | 'handled' | 'mine' | 'all';
export const FILTERS: Filter[] = ['open', 'handled', 'mine', 'all'];

/** Conversations per page: the first screen comes in one request. */
export const PAGE = 25;
/** The most a refresh asks for at once (the contract's limit). */
const MOST = 100;

const queryOf = (filter: Filter): ConversationQuery =>
  filter == 'all' ? {} : filter == 'mine' ? { mine: true, status: 'open' } : { status: filter };

/**
 * The conversation list of the inbox: the first page of a filter, more pages by cursor ("Load more"),
 * and refreshes of what is shown when the live stream says something changed. Only the latest
 * filter's requests count (a slow answer for a filter left meanwhile is dropped).
 *
 * @internal
 */
export class Inbox implements ReactiveController {
  /** What is shown, newest activity first. */
  items: ConversationItem[] = [];
  /** The cursor of the following page, or null on the last one. */
  next: string | null = null;
  /** The first page: loading (skeleton), ready, or error (with Retry). */
  state: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** "Load more": loading, or its error. */
  more: 'idle' | 'loading' | 'error' = 'idle';
  error?: unknown;
  filter?: Filter;

  #latest = new Latest();

  constructor(
    readonly host: ReactiveControllerHost,
    readonly backend: () => HearthBackend | undefined,
    readonly failed: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#latest.abort();
    if (this.state == 'loading') this.state = 'idle'; // loaded again when connected again
  }

  async #list(query: ConversationQuery, signal: AbortSignal) {
    const backend = this.backend();
    if (!backend?.listConversations) throw new Error('hearth-desk: the backend has no listConversations: set api or .backend, or use <hearth-provider>');
    return backend.listConversations(query, { signal });
  }

  /** Shows the first page of `filter` (a skeleton until it arrives). */
  async load(filter: Filter): Promise<void> {
    const ticket = this.#latest.next();
    this.filter = filter;
    this.items = [];
    this.next = null;
    this.state = 'loading';
    this.more = 'idle';
    this.host.requestUpdate();
    try {
      const page = await this.#list({ ...queryOf(filter), limit: PAGE }, ticket.signal);
      if (!ticket.current()) return;
      this.items = page.items;
      this.next = page.next;
      this.state = 'ready';
    } catch (error) {
      if (!ticket.current() || ticket.signal.aborted) return;
      this.state = 'error';
      this.error = error;
      this.failed(error);
    }
    this.host.requestUpdate();
  }

  /** Appends the following page. */
  async loadMore(): Promise<void> {
    if (!this.next || this.more == 'loading' || this.state != 'ready') return;
    const ticket = this.#latest.join();
    this.more = 'loading';
    this.host.requestUpdate();
    try {
      const page = await this.#list({ ...queryOf(this.filter!), before: this.next, limit: PAGE }, ticket.signal);
      if (!ticket.current()) return;
      const seen = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...page.items.filter((item) => !seen.has(item.id))];
      this.next = page.next;
      this.more = 'idle';
    } catch (error) {
      if (!ticket.current() || ticket.signal.aborted) return;
      this.more = 'error';
      this.failed(error);
    }
    this.host.requestUpdate();
  }

  /**
   * Reads what is shown again (up to the contract's 100 at once): new conversations of the filter
   * come in at the top, changed ones are updated, those that left the filter go. Conversations
   * beyond the first 100 stay as they are. Resolves with the rows as they are now.
   */
  async refresh(): Promise<ConversationItem[]> {
    if (this.state != 'ready') return this.items;
    const ticket = this.#latest.join();
    const count = Math.min(Math.max(this.items.length, PAGE), MOST);
    try {
      const page = await this.#list({ ...queryOf(this.filter!), limit: count }, ticket.signal);
      if (!ticket.current()) return this.items;
      const fresh = new Set(page.items.map((item) => item.id));
      const last = page.items.at(-1)?.lastActivityAt ?? '';
      // Rows older than the refreshed ones were beyond its reach (only when more than 100 are shown).
      const beyond = page.next ? this.items.filter((item) => !fresh.has(item.id) && item.lastActivityAt < last) : [];
      if (!beyond.length) this.next = page.next;
      this.items = [...page.items, ...beyond];
      this.host.requestUpdate();
    } catch {
      // A failed refresh changes nothing shown: the next event or Retry reads again.
    }
    return this.items;
  }

  /** Changes one row in place (opened: no unread; status or assignee changed here). */
  patch(id: string, fields: Partial<ConversationItem>): void {
    this.items = this.items.map((item) => (item.id == id ? { ...item, ...fields } : item));
    this.host.requestUpdate();
  }
}
