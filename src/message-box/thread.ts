/**
 * The visitor's conversation with the box's recipient, shown above the message box's form.
 *
 * A lazy chunk: message-box.ts imports it only once the session says someone is signed in (and the
 * backend can list conversations), so a signed-out page never downloads it, nor its styles. One
 * controller per box and no module state.
 *
 * While the box is connected and the visitor signed in, the thread holds one live stream
 * (`watchEvents`, aborted on disconnect and sign-out) and fetches the conversation again when a
 * message arrives in it (in any conversation while there is none yet), when it was updated (staff
 * read the visitor's messages: "Seen"), and after the box sent a message. Each fetch replaces what
 * is shown (a newer fetch cancels an older one), so a message shows once however many of these
 * ask for it. Replies that arrived since the visitor last looked are marked "New" for that view;
 * those that arrive while the thread is shown are also announced politely.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import type { ReactiveController } from '@lit/reactive-element';
import type { ConversationDetail, ConversationItem, ConversationMessage, HearthBackend, HearthLiveEvent } from '../core/backend.js';
import { HearthError, isHearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import { sessionOf } from '../core/session.js';
import { dateLocale } from '../core/date-locale.js';
import type { HearthMessageBox } from './message-box.js';
import { threadStyles } from './thread.styles.js';

/** What the thread shows: the visitor's conversation with a recipient, through one backend. */
type Key = [backend: HearthBackend, user: string | undefined, recipient: string];

const isText = (value: unknown): value is string => typeof value === 'string';

/** A message that can be shown: an id, a body, its author's name and a readable time. Anything else is a malformed answer. */
const readable = (message: ConversationMessage | null | undefined): boolean =>
  isText(message?.id) && isText(message.body) && isText(message.author?.name) && !isNaN(Date.parse(message.createdAt));

/** The visitor's own message (the rest are the care team's replies). */
const own = (message: ConversationMessage): boolean => message.author.role === 'visitor';

/** Calls an optional backend method whose failure changes nothing the visitor needs (a read mark, the live stream). */
const quietly = (call: () => unknown): void => void Promise.resolve().then(call).catch(() => undefined);


export class VisitorThread implements ReactiveController {
  /** What is shown now; undefined while nothing is (signed out, disconnected, or no conversation backend). */
  #key?: Key;
  /** The conversation's id; undefined while there is none. */
  #id?: string;
  #messages: ConversationMessage[] = [];
  #assignee?: string;
  /** The first answer for this key has arrived. */
  #loaded = false;
  #error?: unknown;
  #loading?: AbortController;
  #stream?: AbortController;
  /** Replies marked "New": they arrived since the visitor last saw the thread. */
  #fresh = new Set<string>();
  /** The "New" marks came while the page was hidden: they stay until it has been seen. */
  #unseen = false;
  /** Whose reply the live region announces, and a counter that makes a repeated announcement new. */
  #replyFrom?: string;
  #announcements = 0;
  #scroll = false;
  /** After Retry: focus goes to the loaded thread (the Retry button is gone). */
  #refocus = false;
  #formats: Record<string, Intl.DateTimeFormat> = {};

  constructor(readonly host: HearthMessageBox) {
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, threadStyles.styleSheet!];
    // The box's own message, once stored: the thread shows it (unless the live stream was faster).
    host.addEventListener('hearth-message-sent', (event) => this.#key && !this.#shows(event.detail.id) && this.#fetch());
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#show(undefined);
  }

  /** Before each render of the box: starts, restarts or stops the thread as the session, backend and recipient say. */
  hostUpdate(): void {
    // Protected members of the box, read by its own lazy part.
    const backend = this.host.effectiveBackend;
    const session = backend?.listConversations && sessionOf(backend);
    const key: Key | undefined = session?.signedIn && this.host.isConnected ? [backend!, session.value?.user?.id, this.host.to || 'team'] : undefined;
    const same = key && this.#key ? key.every((part, i) => part === this.#key![i]) : key === this.#key;
    if (!same) this.#show(key);
  }

  hostUpdated(): void {
    const list = this.host.renderRoot.querySelector<HTMLElement>('[part~=thread]');
    if (this.#scroll && list) list.scrollTop = list.scrollHeight;
    this.#scroll = false;
    if (this.#refocus && !this.#loading) {
      this.#refocus = false;
      if (!this.#error) list?.focus();
    }
  }

  /** Shows the thread for `key` (fetched, and followed live) or nothing, forgetting what was shown. */
  #show(key: Key | undefined): void {
    this.#loading?.abort();
    this.#stream?.abort();
    this.#key = key;
    this.#id = this.#error = this.#assignee = this.#replyFrom = undefined;
    this.#messages = [];
    this.#loaded = this.#unseen = false;
    this.#fresh.clear();
    if (!key) return;
    const stream = (this.#stream = new AbortController());
    const onEvent = (event: HearthLiveEvent) => {
      if (stream.signal.aborted || !event) return;
      const id = this.#id;
      // A message new to this conversation (to any while there is none yet: the first may create it);
      // an update of this one (read by staff: "Seen").
      if (event.type === 'conversation.message' ? (!id || event.conversationId === id) && !this.#shows(event.messageId) : !!id && event.conversationId === id) this.#fetch();
    };
    quietly(() => key[0].watchEvents?.({ event: onEvent }, { signal: stream.signal }));
    this.#fetch();
  }

  /** True when the message with this id is shown already (a live event for it, or the sent event, asks for nothing new). */
  #shows(id: string | undefined): boolean {
    return this.#messages.some((m) => m.id === id);
  }

  /** Fetches the conversation (cancelling a fetch still running) and shows the answer. */
  #fetch(): void {
    const [backend, , recipient] = this.#key!;
    this.#loading?.abort();
    const loading = (this.#loading = new AbortController());
    const { signal } = loading;
    load(backend, recipient, signal)
      .then(
        ([item, detail]) => signal.aborted || this.#update(item, detail),
        (error) => {
          if (signal.aborted) return;
          this.#error = error;
          // The session has ended: every gate shows Log in, and the thread goes.
          if (isHearthError(error) && error.kind === 'unauthorized') sessionOf(backend).signedOut();
        },
      )
      .finally(() => {
        if (loading !== this.#loading) return;
        this.#loading = undefined;
        this.host.requestUpdate();
      });
    this.host.requestUpdate();
  }

  /** A new answer: marks and announces the replies that arrived since the last one. */
  #update(item?: ConversationItem, detail?: ConversationDetail): void {
    const messages = detail?.messages ?? [];
    const replies = messages.filter((m) => !own(m));
    const known = new Set(this.#messages.map((m) => m.id));
    const first = !this.#loaded;
    // In a conversation shown before, the replies not shown yet; otherwise (at first, or another
    // conversation became the latest) those the visitor has not read (the backend counts them).
    const unread = Math.min(Number(item?.unread) || 0, replies.length);
    const arrived = !first && item?.id === this.#id ? replies.filter((m) => !known.has(m.id)) : replies.slice(replies.length - unread);
    // Marks the visitor has seen (the page was visible since) go; new ones stay until seen.
    if (!this.#unseen) this.#fresh.clear();
    arrived.forEach((m) => this.#fresh.add(m.id));
    this.#unseen = document.hidden && this.#fresh.size > 0;
    if (!first && arrived.length) {
      this.#replyFrom = arrived.at(-1)!.author.name;
      this.#announcements++;
      for (const m of arrived)
        this.host.emit('hearth-reply-received', { conversationId: item!.id, messageId: m.id, createdAt: m.createdAt });
    }
    // To the newest: at first, when the visitor was already there, and for their own new message.
    const list = this.host.renderRoot.querySelector<HTMLElement>('[part~=thread]');
    const atEnd = !list || list.scrollHeight - list.scrollTop - list.clientHeight < 24;
    this.#scroll = first || atEnd || messages.some((m) => own(m) && !known.has(m.id));
    this.#id = item?.id;
    this.#messages = messages;
    this.#assignee = detail?.assignee?.name;
    this.#loaded = true;
    this.#error = undefined;
  }

  /** The page became visible: replies marked while it was hidden have been seen now. */
  #onVisibility = (): void => {
    if (document.hidden || !this.#unseen || !this.#key) return;
    this.#unseen = false;
    const [backend] = this.#key;
    const id = this.#id!;
    quietly(() => backend.markConversationRead?.(id));
  };

  #retry = (): void => {
    if (this.#loading) return;
    this.#refocus = true;
    this.#fetch();
  };

  #format(): Intl.DateTimeFormat {
    const lang = dateLocale(this.host) ?? this.host['locale'];
    return (this.#formats[lang] ??= new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }));
  }

  #message(m: ConversationMessage, format: Intl.DateTimeFormat, seen: boolean): TemplateResult {
    const mine = own(m);
    return html`<li part=${mine ? 'message own' : 'message reply'}>
      <p class="meta">
        <b>${mine ? msg('You', { id: 'messages.thread.you' }) : m.author.name}</b>
        <time datetime=${m.createdAt}>${format.format(new Date(m.createdAt))}</time>${this.#fresh.has(m.id) ? html`<span part="new">${msg('New', { id: 'messages.thread.new' })}</span>` : nothing}
      </p>
      <p class="text">${m.body}</p>
      ${seen ? html`<p part="seen">${msg('Seen', { id: 'messages.thread.seen' })}</p>` : nothing}
    </li>`;
  }

  /** The thread (rendered by the box above its form), or nothing while it has no key. */
  render(): TemplateResult | typeof nothing {
    if (!this.#key) return nothing;
    const messages = this.#messages;
    const format = this.#format();
    // Named after the care team member who answered last (or the assignee); until then, "Your messages".
    const name = messages.findLast((m) => !own(m))?.author.name ?? this.#assignee;
    // "Seen" once, under the latest of the visitor's messages that staff have read (they read the ones before with it).
    const seen = messages.findLast((m) => own(m) && m.seenAt);
    const label = name ? msg(str`Conversation with ${name}`, { id: 'messages.thread.label' }) : msg('Your messages', { id: 'messages.thread.mine' });
    return html`${messages.length ? html`<ol part="thread" tabindex="0" aria-label=${label}>${messages.map((m) => this.#message(m, format, m === seen))}</ol>` : nothing}
      ${this.#error
        ? html`<p part="thread-status">
            ${msg('Your earlier messages could not be loaded.', { id: 'messages.thread.error' })}<button type="button" part="button" class="secondary" aria-disabled=${this.#loading ? 'true' : nothing} @click=${this.#retry}>
              ${msg('Retry', { id: 'common.retry' })}
            </button>
          </p>`
        : this.#loaded
          ? nothing
          : html`<p part="thread-status">${msg('Loading your messages…', { id: 'messages.thread.loading' })}</p>`}
      <div class="vh" aria-live="polite">
        ${keyed(this.#announcements, this.#replyFrom ? html`<p>${msg(str`New reply from ${this.#replyFrom}`, { id: 'messages.thread.announce' })}</p>` : nothing)}
      </div>`;
  }
}

/** The visitor's latest conversation with `recipient` and its messages (none: `[]`); a malformed answer rejects. */
async function load(backend: HearthBackend, recipient: string, signal: AbortSignal): Promise<[ConversationItem?, ConversationDetail?]> {
  const malformed = () => new HearthError('malformed', 'The backend sent a conversation that cannot be read');
  const page = await backend.listConversations!({ recipient, limit: 1 }, { signal });
  if (!Array.isArray(page?.items)) throw malformed();
  // A server that ignores `recipient` may answer with another recipient's conversation: not this box's.
  const item = page.items.find((i) => i?.recipient === recipient);
  if (!item) return [];
  if (!isText(item.id)) throw malformed();
  const detail = await backend.getConversation!(item.id, { signal });
  if (!Array.isArray(detail?.messages) || !detail.messages.every(readable)) throw malformed();
  return [item, detail];
}
