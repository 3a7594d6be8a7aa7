import { html, nothing, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import type { HearthBackend, MessageCreated } from '../core/backend.js';
import { HearthElement } from '../core/hearth-element.js';
import { isHearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import { SessionLink } from '../core/session.js';
import { newKey } from '../core/outbox.js';
import { wellFormed } from '../core/text.js';
import { FILTERS, Inbox, type Filter } from './inbox.js';
import { Thread } from './thread.js';
import { ListboxKeys } from './listbox-keys.js';
import { Live } from './live.js';
import { Invite } from './invite.js';
import { ReplyDelivery } from './reply-delivery.js';
import { problemText } from './problems.js';
import { dateLocale } from '../core/date-locale.js';
import { emptyText, filterName, row, visitorName } from './views.js';
import { composerView, conversationView } from './thread-view.js';
import { deskStyles } from './desk.styles.js';
import type { DeskContext, Section, SectionModule, SectionName } from './section.js';

/** The sections beyond the inbox: each a lazy chunk, loaded when first opened. */
const SECTIONS: Record<string, () => Promise<SectionModule>> = {
  bookings: () => import('./bookings.js'),
  hours: () => import('./hours.js'),
  specialists: () => import('./specialists.js'),
};

/** A loading state: its text for screen readers, and a placeholder of each class. */
const busy = (text: string, ...skeletons: string[]): TemplateResult =>
  html`<div role="status" aria-busy="true" class="state">
    <span class="vh">${text}</span>${skeletons.map((c) => html`<span part="skeleton" class=${c} aria-hidden="true"></span>`)}
  </div>`;

/** Under this width (px) the desk shows one pane at a time. */
const NARROW = 700;

/**
 * The care team's inbox: the conversations a specialist or admin may see, each opened into its
 * thread with a reply composer; updated live through the backend's event stream.
 *
 * - Signed out, it asks to sign in as a member of the care team (a link to the backend's sign-in
 *   page that comes back here); a visitor's account is told the desk is for the care team.
 * - The inbox filters Open, Handled, Mine (open and assigned to you) and All; the list is an ARIA
 *   listbox (Up/Down/Home/End move, a letter jumps to a visitor's name, Enter or Space opens), paged
 *   by cursor with "Load more".
 * - Opening a conversation reads it (which marks it read) and clears its unread badge. Staff mark it
 *   handled or reopen it; an admin assigns it to a colleague and invites staff.
 * - Replies have the message box's guarantees (see `ReplyDelivery`): a draft per conversation saved
 *   as typed, an Idempotency-Key fixed at Send, a persistent outbox re-sent after a failure, a
 *   reload or a new sign-in; never lost, never stored twice.
 * - Live events refresh the list and the open thread and are announced politely; focus never moves
 *   by itself.
 * - Two panes side by side; under 700px one at a time, with "Back to inbox".
 * - Sections (nav with `aria-current`, attribute `section`): Inbox, Bookings, Hours and, for admins,
 *   Specialists. Each section beyond the inbox is a lazy chunk (bookings.ts, hours.ts,
 *   specialists.ts) loaded when first opened; a section with unsaved changes asks before it is left.
 *
 * @summary The care team's inbox: conversations, replies, status and assignment, live.
 * @customElement hearth-desk
 *
 * @event {CustomEvent<DeskConversationOpenedDetail>} hearth-desk-conversation-opened - A conversation was opened and read (`detail: {conversationId}`).
 * @event {CustomEvent<DeskConversationUpdatedDetail>} hearth-desk-conversation-updated - A status or assignee change was stored (`detail: {conversationId, status, assignee}`).
 * @event {CustomEvent<DeskReplyQueuedDetail>} hearth-desk-reply-queued - A reply is saved in the outbox and will be re-sent by itself (`detail: {conversationId, idempotencyKey, error}`).
 * @event {CustomEvent<DeskReplySentDetail>} hearth-desk-reply-sent - The server stored a reply (`detail: {conversationId, id, createdAt, idempotencyKey}`).
 * @event {CustomEvent<DeskReplyFailedDetail>} hearth-desk-reply-failed - The server refused a reply (`detail: {conversationId, error, idempotencyKey}`); its text is kept.
 * @event {CustomEvent<DeskStaffInvitedDetail>} hearth-desk-staff-invited - An admin invited a colleague (`detail: {id, role}`).
 * @event {CustomEvent<DeskBookingUpdatedDetail>} hearth-desk-booking-updated - Staff cancelled a booking or marked it attended / no-show (`detail: {bookingId, status}`).
 * @event {CustomEvent<DeskHoursSavedDetail>} hearth-desk-hours-saved - A specialist's hours were stored (`detail: {specialist}`).
 * @event {CustomEvent<DeskSpecialistSavedDetail>} hearth-desk-specialist-saved - An admin added, edited, deactivated or reactivated a specialist (`detail: {id, active, created}`).
 * @event {CustomEvent<DeskServiceSavedDetail>} hearth-desk-service-saved - A service was added, edited, activated or deactivated (`detail: {id, specialist, active, created}`).
 *
 * @csspart desk - The whole desk (both panes).
 * @csspart notice - The signed-out, not-staff and loading notices.
 * @csspart inbox - The inbox pane.
 * @csspart filters - The filter buttons.
 * @csspart list - The conversation listbox.
 * @csspart row - A conversation in the list; the open one is also `selected` (`::part(row selected)`).
 * @csspart badge - A row's unread count.
 * @csspart skeleton - Placeholders while loading.
 * @csspart thread - The thread pane.
 * @csspart message - A message of the thread, its bubble; also `staff` (the care team's) or `visitor`: `::part(message staff)`.
 * @csspart composer - The reply form.
 * @csspart error - An error message.
 * @csspart button - Buttons.
 * @csspart dialog - The dialogs (invite, cancel a booking, leave without saving, specialist, service).
 * @csspart nav - The sections' navigation.
 * @csspart section - The pane of Bookings, Hours or Specialists.
 * @csspart booking - A booking in Bookings.
 * @csspart specialist - A specialist in Specialists.
 * @csspart service - A service of a specialist.
 *
 * @cssproperty --hearth-font - Font (default: inherited).
 * @cssproperty --hearth-color-scheme - `light dark` (default: follows the system), `light` or `dark`.
 * @cssproperty --hearth-color-text - Text colour (default: the system's).
 * @cssproperty --hearth-color-surface - Background (default: the system's).
 * @cssproperty --hearth-color-muted - Secondary text.
 * @cssproperty --hearth-color-accent - Buttons, selection and focus outlines.
 * @cssproperty --hearth-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --hearth-color-border - Borders.
 * @cssproperty --hearth-color-field - Background of fields and of visitors' messages.
 * @cssproperty --hearth-color-highlight - Background of the care team's messages and the open row.
 * @cssproperty --hearth-color-danger - Errors.
 * @cssproperty --hearth-color-skeleton - Loading placeholders.
 * @cssproperty --hearth-radius - Corner radius of controls and surfaces alike (default: 6px).
 * @cssproperty --hearth-control-radius - Corners of the buttons (default: `--hearth-radius`); `999px` makes pills.
 * @cssproperty --hearth-surface-radius - Corners of the panes, notices, cards, dialogs, messages and fields (default: `--hearth-radius`).
 * @cssproperty --hearth-space - Spacing.
 */
export class HearthDesk extends HearthElement {
  static override styles = deskStyles;
  static override properties: PropertyDeclarations = {
    filter: { reflect: true },
    section: { reflect: true },
  };

  /** The inbox filter: `open` (default), `handled`, `mine` (open, assigned to you) or `all`. */
  declare filter: Filter;

  /**
   * The section shown: `inbox` (default), `bookings`, `hours`, or for admins `specialists` (anything
   * else shows the inbox). Reflected, so a page can link to a section.
   */
  declare section: SectionName;

  /** First delay (ms) before re-sending a reply after a failure; it doubles each attempt, up to a minute. */
  get retryDelay(): number {
    return this.#delivery.retryDelay;
  }
  set retryDelay(ms: number) {
    this.#delivery.retryDelay = ms;
  }

  #link = new SessionLink(this);
  #failed = (error: unknown) => isHearthError(error) && error.kind == 'unauthorized' && this.#link.session?.signedOut();
  #inbox = new Inbox(this, () => this.effectiveBackend, this.#failed);
  #thread = new Thread(this, () => this.effectiveBackend, this.#failed, (s) => this.#inbox.patch(s.id, { status: s.status, assignee: s.assignee }));
  #live = new Live(this, { inbox: this.#inbox, thread: this.#thread, user: () => this.#user?.id, announce: (text) => this.#announce(text) });
  #invite = new Invite(this, () => this.effectiveBackend, this.#failed, (text) => this.#announce(text));
  #delivery = new ReplyDelivery(this, {
    backend: () => this.effectiveBackend,
    session: () => this.#link.session,
    sent: (id, created, body) => this.#onSent(id, created, body),
  });
  #backendSeen?: HearthBackend;
  #staffFor?: string;
  #active?: string;
  #announcement = '';
  #announcements = 0;
  #keys = new ListboxKeys();
  #focusThread = false;

  #sections: Record<string, Section | undefined> = {};
  #loading: Record<string, Promise<void> | undefined> = {};
  #sectionError?: unknown;
  #context: DeskContext = {
    host: this,
    backend: () => this.effectiveBackend,
    user: () => this.#user,
    announce: (text) => this.#announce(text),
    failed: this.#failed,
    kit: { html, nothing, msg, str, newKey, wellFormed, dateLocale, problemText },
  };

  constructor() {
    super();
    this.filter = 'open';
    this.section = 'inbox';
  }

  /** Opens a conversation by id (as choosing it in the list does). */
  openConversation(id: string): void {
    void this.#open(id);
  }

  get #user() {
    return this.#link.session?.value?.user;
  }

  /** signin: ask to sign in; visitor: not for them; staff: the desk (also for a backend that cannot say who is signed in). */
  get #view(): 'none' | 'loading' | 'error' | 'signin' | 'visitor' | 'staff' {
    const session = this.#link.session;
    if (!session) return 'none';
    if (!session.known) return session.error === undefined ? 'loading' : 'error';
    if (!session.signedIn) return 'signin';
    const role = this.#user?.role;
    return !session.backend.getSession || role == 'admin' || role == 'specialist' ? 'staff' : 'visitor';
  }

  get #admin(): boolean {
    return this.#user?.role == 'admin';
  }

  /** The section shown: the inbox for a name it does not know, and for Specialists unless an admin. */
  get #shown(): SectionName {
    const name = this.section;
    return name in SECTIONS && (name != 'specialists' || this.#admin) ? name : 'inbox';
  }

  /** Opens a section, unless the one shown keeps unsaved changes (it asks). */
  async #go(name: SectionName): Promise<void> {
    if (name != this.#shown && (await this.#sections[this.#shown]?.leave?.()) !== false) this.section = name;
  }

  /** Loads a section's chunk (again after a failure, by Retry). */
  #loadSection(name: string): void {
    this.#sectionError = undefined;
    this.#loading[name] = SECTIONS[name]()
      .then(
        (m) => void (this.#sections[name] ??= m.section(this.#context)),
        (error) => {
          this.#sectionError = error;
          this.#loading[name] = undefined;
        },
      )
      .finally(() => this.requestUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const backend = this.effectiveBackend;
    if (backend !== this.#backendSeen) {
      this.#backendSeen = backend;
      this.#thread.close();
      this.#inbox.state = 'idle';
      this.#invite.staff = undefined;
    }
    // A staff member signed in (again): their waiting replies go, and the inbox loads.
    const staff = this.#view == 'staff';
    const user = staff ? (this.#user?.id ?? '') : undefined;
    if (user !== undefined && user !== this.#staffFor) this.#delivery.start(this.#user?.id);
    this.#staffFor = user;
    if (!staff) return;
    const shown = this.#shown;
    if (shown != 'inbox' && !this.#loading[shown] && (!this.#sectionError || changed.has('section'))) this.#loadSection(shown);
    if (this.#inbox.state == 'idle' || (changed.has('filter') && this.#inbox.filter !== this.filter)) void this.#inbox.load(this.filter);
    this.#invite.loadSpecialists();
    if (this.#admin) this.#invite.loadStaff();
  }

  // —— focus ——

  #rows(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role=option]')];
  }

  #focusRow(id: string | undefined): void {
    const rows = this.#rows();
    const target = rows.find((r) => r.dataset.id == id) ?? rows[0];
    if (target) {
      this.#active = target.dataset.id;
      this.requestUpdate();
      target.focus();
    } else this.renderRoot.querySelector<HTMLElement>('[aria-pressed=true]')?.focus();
  }

  get #narrow(): boolean {
    return this.clientWidth < NARROW;
  }

  /** When a render removes (or hides) what had focus, focus goes somewhere sensible, never to <body>. */
  protected override update(changed: PropertyValues<this>): void {
    const focused = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    super.update(changed);
    if (focused && (!focused.isConnected || !focused.checkVisibility())) {
      if (this.#shown != 'inbox') this.renderRoot.querySelector<HTMLElement>('[aria-current=page]')?.focus();
      else if (this.#thread.id && this.renderRoot.querySelector('.thread')?.checkVisibility()) this.#focusThread = true;
      else this.#focusRow(this.#active);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#view == 'staff') this.#live.watch(this.effectiveBackend);
    else this.#live.stop();
    if (this.#focusThread) {
      const target = this.renderRoot.querySelector<HTMLElement>('#thread-title') ?? this.renderRoot.querySelector<HTMLElement>('.back');
      if (target?.checkVisibility()) {
        target.focus();
        // While the thread loads, Back holds focus until the heading comes; then (or on an error) done.
        if (target.id || this.#thread.state != 'loading') this.#focusThread = false;
      }
    }
  }

  // —— the inbox ——

  #setFilter(filter: Filter): void {
    this.filter = filter;
  }

  async #open(id: string): Promise<void> {
    this.#active = id;
    this.#focusThread = this.#narrow;
    const detail = await this.#thread.open(id);
    if (!detail) return;
    this.#inbox.patch(id, { unread: 0, status: detail.status, assignee: detail.assignee });
    this.emit('hearth-desk-conversation-opened', { conversationId: id });
  }

  #back(): void {
    const id = this.#thread.id;
    this.#thread.close();
    void this.updateComplete.then(() => this.#focusRow(id));
  }

  #onListKey(event: KeyboardEvent): void {
    const rows = this.#rows();
    const current = rows.indexOf(event.target as HTMLElement);
    if (current < 0) return;
    if (event.key == 'Enter' || event.key == ' ') {
      event.preventDefault();
      void this.#open(rows[current].dataset.id!);
      return;
    }
    const next = this.#keys.target(event, current, this.#inbox.items.map(visitorName));
    if (next < 0) return;
    event.preventDefault();
    this.#focusRow(rows[next].dataset.id);
  }

  /** The row that has focus keeps tabindex 0 (roving focus), also when rows come in above it. */
  #onListFocus(event: FocusEvent): void {
    const id = (event.target as HTMLElement).dataset.id;
    if (id && id != this.#active) {
      this.#active = id;
      this.requestUpdate();
    }
  }

  #onListClick(event: Event): void {
    const option = (event.target as Element).closest<HTMLElement>('[role=option]');
    if (option) void this.#open(option.dataset.id!);
  }

  async #loadMore(): Promise<void> {
    const count = this.#inbox.items.length;
    await this.#inbox.loadMore();
    await this.updateComplete;
    // "Load more" is gone after the last page: focus the first new row.
    if (!this.renderRoot.querySelector('.more')) this.#focusRow(this.#inbox.items[count]?.id);
  }

  // —— live ——

  #announce(text: string): void {
    this.#announcement = text;
    this.#announcements++;
    this.requestUpdate();
  }

  #onSent(id: string, created: MessageCreated, body: string): void {
    const user = this.#user;
    if (this.#thread.id == id)
      this.#thread.add({ id: created.id, body, createdAt: created.createdAt, author: { id: user?.id ?? '', name: user?.name ?? '', role: user?.role ?? 'specialist' } });
    void this.#inbox.refresh();
  }

  // —— thread actions ——

  #sendReply(event: Event): void {
    event.preventDefault();
    void this.#delivery.send(this.#thread.id!).then(async () => {
      await this.updateComplete;
      const invalid = this.#delivery.state(this.#thread.id!).invalid;
      if (invalid) this.renderRoot.querySelector<HTMLElement>('#reply')?.focus();
    });
  }

  // —— rendering ——

  #notice(text: string, extra: unknown = nothing): TemplateResult {
    return html`<div part="notice" class="notice"><p>${text}</p>${extra}</div>`;
  }

  #signIn(): TemplateResult {
    const value = this.#link.session?.value;
    let link: unknown = nothing;
    if (value?.loginUrl) {
      const url = new URL(value.loginUrl);
      url.searchParams.set('return', url.origin == location.origin ? location.pathname + location.search : location.href);
      link = html`<a part="button" class="button" href=${url.href}>${msg('Sign in', { id: 'desk.signIn' })}</a>`;
    }
    return this.#notice(msg('Sign in as a member of the care team to open the desk.', { id: 'desk.signInPrompt' }), link);
  }

  protected override render(): TemplateResult {
    switch (this.#view) {
      case 'none':
        return this.#notice(msg('The desk has no server to talk to (set its api attribute).', { id: 'desk.noBackend' }));
      case 'loading':
        return html`<div part="notice" class="notice" role="status" aria-busy="true">
          <span class="vh">${msg('Checking whether you are signed in…', { id: 'desk.session.loading' })}</span>
          <span part="skeleton" aria-hidden="true"></span>
        </div>`;
      case 'error':
        return this.#notice(
          problemText(this.#link.session?.error),
          html`<button type="button" part="button" @click=${() => this.#link.session?.refresh()}>${msg('Retry', { id: 'desk.retry' })}</button>`,
        );
      case 'signin':
        return this.#signIn();
      case 'visitor':
        return this.#notice(msg('This desk is for the care team. You are signed in with a visitor account.', { id: 'desk.notStaff' }));
    }
    const open = !!this.#thread.id;
    const shown = this.#shown;
    const names: [SectionName, string][] = [
      ['inbox', msg('Inbox', { id: 'desk.inbox' })],
      ['bookings', msg('Bookings', { id: 'desk.bookings' })],
      ['hours', msg('Hours', { id: 'desk.hours' })],
    ];
    if (this.#admin) names.push(['specialists', msg('Specialists', { id: 'desk.specialists' })]);
    return html`<nav part="nav" class="filters" aria-label=${msg('Desk', { id: 'desk.nav' })}>
        ${names.map(([name, label]) => html`<button type="button" aria-current=${name == shown ? 'page' : nothing} @click=${() => this.#go(name)}>${label}</button>`)}
      </nav>
      <div part="desk" class="desk ${shown == 'inbox' && open ? 'open' : ''}">
        <div class="vh" role="status">${keyed(this.#announcements, this.#announcement)}</div>
        ${shown == 'inbox' ? [this.#inboxPane(), this.#threadPane()] : this.#sectionPane(shown)} ${this.#admin ? this.#invite.render() : nothing}
      </div>`;
  }

  #sectionPane(name: string): unknown {
    const section = this.#sections[name];
    if (section) return section.render();
    if (this.#sectionError)
      return this.#notice(
        problemText(this.#sectionError),
        html`<button type="button" part="button" @click=${() => this.#loadSection(name)}>${msg('Retry', { id: 'desk.retry' })}</button>`,
      );
    return busy(msg('Loading…', { id: 'desk.loading' }), '');
  }

  #inboxPane(): TemplateResult {
    const inbox = this.#inbox;
    const locale = dateLocale(this);
    const items = inbox.items;
    const active = items.some((item) => item.id == this.#active) ? this.#active : items[0]?.id;
    // Made here, not in repeat's callback: lit-html runs directives after render(), where msg() no longer speaks this element's language.
    const rowTemplates = items.map((item) => row(item, item.id == this.#thread.id, item.id == active, locale));
    let body: unknown;
    if (inbox.state == 'error')
      body = html`<div class="state" part="error">
        <p>${msg('The conversations could not be loaded.', { id: 'desk.list.error' })} ${problemText(inbox.error)}</p>
        <button type="button" part="button" @click=${() => this.#inbox.load(this.filter)}>${msg('Retry', { id: 'desk.retry' })}</button>
      </div>`;
    else if (inbox.state != 'ready')
      body = busy(msg('Loading conversations…', { id: 'desk.list.loading' }), 'row-skeleton', 'row-skeleton', 'row-skeleton');
    else if (!items.length) body = html`<p class="state">${emptyText(this.filter)}</p>`;
    else
      body = html`<ul role="listbox" part="list" aria-label=${msg('Conversations', { id: 'desk.list' })} @keydown=${this.#onListKey} @click=${this.#onListClick} @focusin=${this.#onListFocus}>
          ${repeat(items, (item) => item.id, (_, i) => rowTemplates[i])}
        </ul>
        ${inbox.next
          ? html`<button type="button" part="button" class="more secondary" aria-disabled=${inbox.more == 'loading' ? 'true' : nothing} @click=${this.#loadMore}>
              ${inbox.more == 'loading' ? msg('Loading…', { id: 'desk.loading' }) : msg('Load more', { id: 'desk.list.more' })}
            </button>`
          : nothing}
        <p role="status" part="error">${inbox.more == 'error' ? msg('More conversations could not be loaded. Try again.', { id: 'desk.list.moreError' }) : ''}</p>`;
    return html`<section part="inbox" class="inbox" aria-labelledby="inbox-title">
      <div class="bar">
        <h2 id="inbox-title">${msg('Inbox', { id: 'desk.inbox' })}</h2>
        <span role="status" class="note">${this.#live.state == 'reconnecting' ? msg('Reconnecting…', { id: 'desk.live.reconnecting' }) : ''}</span>
        ${this.#admin
          ? html`<button type="button" part="button" class="invite secondary" @click=${() => this.#invite.show()}>${msg('Invite staff', { id: 'desk.invite' })}</button>`
          : nothing}
      </div>
      <div role="group" part="filters" class="filters" aria-label=${msg('Show', { id: 'desk.filters' })}>
        ${FILTERS.map(
          (f) => html`<button type="button" aria-pressed=${f == this.filter} @click=${() => this.#setFilter(f)}>${filterName(f)}</button>`,
        )}
      </div>
      ${body}
    </section>`;
  }

  #threadPane(): TemplateResult {
    const thread = this.#thread;
    const detail = thread.detail;
    let body: unknown;
    if (!thread.id) body = html`<p class="state placeholder">${msg('Choose a conversation to read it.', { id: 'desk.thread.none' })}</p>`;
    else if (thread.state == 'error')
      body = html`<div class="state" part="error">
        <p>${msg('The conversation could not be loaded.', { id: 'desk.thread.error' })} ${problemText(thread.error)}</p>
        <button type="button" part="button" @click=${() => this.#open(thread.id!)}>${msg('Retry', { id: 'desk.retry' })}</button>
      </div>`;
    else if (!detail)
      body = busy(msg('Loading the conversation…', { id: 'desk.thread.loading' }), '', 'tall');
    else body = this.#conversation();
    return html`<section part="thread" class="thread" aria-labelledby=${detail ? 'thread-title' : nothing} aria-label=${detail ? nothing : msg('Conversation', { id: 'desk.thread' })}>
      ${thread.id
        ? html`<button type="button" part="button" class="back secondary" @click=${this.#back}>${msg('Back to inbox', { id: 'desk.back' })}</button>`
        : nothing}
      ${body}
    </section>`;
  }

  #recipientName(recipient: string): string {
    if (recipient == 'team') return msg('Care team', { id: 'desk.careTeam' });
    return this.#invite.specialists?.find((s) => s.id == recipient)?.name ?? recipient;
  }

  #conversation(): TemplateResult {
    const thread = this.#thread;
    const detail = thread.detail!;
    const id = detail.id;
    const delivery = this.#delivery;
    const handled = detail.status == 'handled';
    const locale = dateLocale(this);
    return conversationView({
      detail,
      locale,
      recipient: this.#recipientName(detail.recipient),
      staff: this.#admin ? (this.#invite.staff ?? []) : undefined,
      pending: !!thread.pending,
      actionError: thread.actionError,
      toggleStatus: () => thread.pending || thread.update({ status: handled ? 'open' : 'handled' }, 'status'),
      assign: (event) => thread.assign(event.target as HTMLSelectElement),
      composer: composerView({
        visitor: visitorName(detail),
        state: delivery.state(id),
        text: delivery.text(id),
        editable: delivery.editable(id),
        locale,
        send: (event) => this.#sendReply(event),
        input: (event) => delivery.input(id, (event.target as HTMLTextAreaElement).value),
        key: (event) => event.key == 'Enter' && (event.ctrlKey || event.metaKey) && this.#sendReply(event),
        retry: () => delivery.retry(id),
        edit: () => delivery.edit(id),
      }),
    });
  }
}
