import { crisisNotice } from '../core/crisis.js';
import { html, nothing, type TemplateResult } from 'lit-html';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { HearthElement } from '../core/hearth-element.js';
import { HearthError } from '../core/errors.js';
import { msg } from '../core/localization.js';
import { SessionLink } from '../core/session.js';
import { isOnline } from '../core/connectivity.js';
import { emptyDraft, readBoxDraft, saveBoxDraft, type Draft } from './draft.js';
import { DeliveryController } from './delivery.js';
import { actions, checked, messageField, statusLine } from './form.js';
import { focusIn, keepFocus } from './focus.js';
import type { VisitorThread } from './thread.js';
import { boxStyles } from './message-box.styles.js';

/**
 * A message composer inside a login gate, built never to lose what the visitor wrote.
 *
 * The visitor may start writing before signing in. The draft is saved on this device as it is
 * typed and survives a reload, a crash and a full-page sign-in; it is cleared only when the server
 * has confirmed the message. Each message gets its Idempotency-Key when Send is pressed; when the
 * browser is offline, or the request fails for a network reason, a timeout or a 5xx, the message
 * waits in a persistent outbox (IndexedDB) and is re-sent by itself (when the connection returns,
 * on a backoff timer, and after a reload) with the same key, so it is stored exactly once. After a
 * 401 (the session ended, perhaps after the server had stored the message and its answer was lost)
 * the message keeps its key in the outbox and is sent again by itself once the same visitor has
 * signed in again. Until the outbox has been read after a reload, the form is read-only.
 *
 * Signed in, the visitor's conversation with `to` shows above the form (when the backend has
 * `listConversations`): their messages ("You") and the care team's replies, oldest first, with
 * names and times in the element's language, "Seen" under the latest message staff have read, and
 * "New" on replies the visitor had not seen. It follows the live event stream: a new reply appears
 * by itself and is announced politely ("New reply from …"); a message the box sent appears once
 * stored. Its code and styles are a lazy chunk (thread.ts) that a signed-out page never downloads.
 * If it cannot be loaded it says so with Retry; the form works regardless.
 *
 * @summary Login-gated message composer with a persistent draft and an offline outbox.
 * @customElement hearth-message-box
 *
 * @event {CustomEvent<MessageQueuedDetail>} hearth-message-queued - The message is saved in the outbox and will be re-sent by itself (`detail: {idempotencyKey, error}`: offline, timeout, server, or rate-limited with `retryAfter`).
 * @event {CustomEvent<MessageSentDetail>} hearth-message-sent - The server stored the message (`detail: {id, createdAt, idempotencyKey}`).
 * @event {CustomEvent<MessageFailedDetail>} hearth-message-failed - The server refused the message (`detail: {error, idempotencyKey}`: `unauthorized` (it waits in the outbox and is sent after sign-in), `validation` with `fieldErrors`, or another `HearthError`). The text is kept.
 * @event {CustomEvent<ReplyReceivedDetail>} hearth-reply-received - A reply from the care team arrived while the conversation was shown (`detail: {conversationId, messageId, createdAt}`).
 * @event {CustomEvent<LoginRequestedDetail>} hearth-login-requested - From the inner login gate (see `<hearth-login-gate>`); cancelable.
 *
 * @csspart form - The form.
 * @csspart crisis - The "Not for emergencies" notice with the crisis line, above the form.
 * @csspart offline - The "You are offline" banner.
 * @csspart subject - The subject field.
 * @csspart body - The message field.
 * @csspart count - The character count.
 * @csspart error - A field's error message.
 * @csspart status - The status line (sending, sent, saved, failed), a polite live region.
 * @csspart button - The Send, Retry, Edit and Write another buttons (and the conversation's Retry).
 * @csspart thread - The conversation (signed in): a scrollable list of messages.
 * @csspart message - Each message of the conversation, its bubble; also `own` (the visitor's) or `reply` (the care team's): `::part(message own)`.
 * @csspart new - The "New" mark on a reply the visitor had not seen.
 * @csspart seen - "Seen" under the latest of the visitor's messages that staff have read.
 * @csspart thread-status - "Loading your messages…", or that they could not be loaded (with Retry).
 * @csspart prompt - Signed out: the notice with Log in and Sign up (from the inner `<hearth-login-gate>`).
 * @csspart login - The Log in button.
 * @csspart signup - The Sign up button.
 * @csspart retry - Retry, when whether the visitor is signed in could not be checked.
 * @csspart account - "Signed in as …" with Sign out, above the form.
 * @csspart signout - The Sign out button.
 *
 * @cssproperty --hearth-font - Font (default: inherited).
 * @cssproperty --hearth-color-text - Text colour (default: inherited).
 * @cssproperty --hearth-color-muted - Colour of the character count and of the conversation's times.
 * @cssproperty --hearth-color-accent - Buttons, the "New" mark and the edge of the visitor's messages.
 * @cssproperty --hearth-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --hearth-color-focus - Focus outlines (default: the text colour).
 * @cssproperty --hearth-color-border - Borders of the fields.
 * @cssproperty --hearth-color-field - Background of the fields.
 * @cssproperty --hearth-color-danger - Errors and invalid fields.
 * @cssproperty --hearth-color-warning - Edge of the offline banner.
 * @cssproperty --hearth-color-notice - Background of the offline banner.
 * @cssproperty --hearth-color-skeleton - Colour of the placeholder while the sign-in is checked.
 * @cssproperty --hearth-radius - Corner radius of controls and surfaces alike (default: 6px).
 * @cssproperty --hearth-control-radius - Corners of the buttons and the "New" mark (default: `--hearth-radius`); `999px` makes pills.
 * @cssproperty --hearth-surface-radius - Corners of the fields, the conversation and the sign-in notice (default: `--hearth-radius`).
 * @cssproperty --hearth-space - Inner spacing.
 */
export class HearthMessageBox extends HearthElement {
  static override styles = boxStyles;
  static override properties: PropertyDeclarations = {
    to: {},
    action: {},
    subject: { type: Boolean },
    draftKey: { attribute: 'draft-key' },
    maxLength: { attribute: 'max-length', type: Number },
    crisisLine: { attribute: 'crisis-line' },
  };

  /** The recipient: a specialist id or a team (sent as `to`). */
  declare to?: string;

  /** What signing in is for, completing "You need to be logged in to …". Default: "send messages". */
  declare action?: string;

  /** Shows the optional subject field. */
  declare subject: boolean;

  /** Where the draft and the outbox entries of this box are kept. Default: derived from the page path and `to`. */
  declare draftKey?: string;

  /**
   * A crisis line named in the "Not for emergencies" notice above the form: a number, or a name and a
   * number (`988`, `Samaritans 116 123`); its number is a tel: link. Without it, the notice points
   * to the visitor's local emergency number.
   */
  declare crisisLine?: string;

  /** The longest message, in characters (the contract allows 5,000). */
  maxLength = 5000;

  /** Least time (ms) between showing the form and sending: faster sends wait that long (a bot check that never drops a visitor's message). */
  minTime = 3000;

  /** First delay (ms) before re-sending after a failure; it doubles each attempt, up to a minute. */
  retryDelay = 1000;

  /** Prototype-free: a field named `constructor` or `__proto__` is a field like any other. */
  #fieldErrors: Record<string, string[]> = Object.create(null);
  #draft: Draft = emptyDraft();
  #key?: string;
  #shownAt = Date.now();
  /** The status says to log in first (Ctrl+Enter while signed out). */
  #loginFirst = false;
  /** Show "Send now": the draft was there before the visitor signed in (or came back). */
  #sendNow = false;
  #wasSignedIn?: boolean;
  #link = new SessionLink(this, () => this.#onSession());
  /** The outbox, retries and backoff: where the message is (#delivery.phase). */
  #delivery = new DeliveryController(this, {
    restored: (entry) => (this.#draft = { ...this.#draft, subject: entry.message.subject ?? '', body: entry.message.body }),
    sent: () => {
      this.#fieldErrors = Object.create(null);
      saveBoxDraft(this.#key!, (this.#draft = emptyDraft()));
      void focusIn(this, '.another');
    },
    refused: (error) => this.#invalid(error),
  });
  /** The conversation above the form (thread.ts), loaded once the visitor is signed in. */
  #thread?: VisitorThread;
  #threadLoading?: Promise<void>;

  constructor() {
    super();
    this.subject = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = this.draftKey || `${location.pathname}|${this.to ?? ''}`;
    if (key !== this.#key) {
      // This box's draft, and any message of its own still waiting in the outbox (from before a reload).
      this.#key = key;
      this.#draft = readBoxDraft(key);
      this.#sendNow = !!this.#draft.body;
      void this.#delivery.load(key);
    }
  }

  #onSession(): void {
    const session = this.#link.session;
    if (session?.known) {
      const signedIn = session.signedIn;
      // Signed in again after a 401: the waiting message goes, with its key.
      if (signedIn && this.#wasSignedIn !== true && this.#delivery.phase === 'signin') void this.#delivery.deliver();
      if (signedIn && this.#wasSignedIn === false && this.#delivery.phase === 'compose') {
        // Back from signing in: the words are still here, with "Send now" ready.
        if (this.#draft.body.trim()) {
          this.#sendNow = true;
          void focusIn(this, '[type=submit]');
        }
      }
      this.#wasSignedIn = signedIn;
    }
    this.requestUpdate();
  }

  #onInput(event: Event): void {
    const { name, value } = event.target as HTMLInputElement;
    if (name !== 'body' && name !== 'subject') return;
    this.#draft = { ...this.#draft, [name]: value, at: this.#draft.at || Date.now() };
    saveBoxDraft(this.#key!, this.#draft);
    this.#sendNow = this.#loginFirst = false;
    delete this.#fieldErrors[name];
    this.requestUpdate();
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.#submit();
    }
  }

  /** Send: checks the fields, then the message goes to the outbox and is delivered (#delivery.send). */
  async #submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.#delivery.phase !== 'compose') return;
    if (!this.#link.session?.signedIn) {
      // Ctrl+Enter before signing in: say why nothing is sent, and go to Log in.
      this.#loginFirst = true;
      this.requestUpdate();
      return focusIn(this, '[part~=login]');
    }
    if (this.renderRoot.querySelector<HTMLInputElement>('[name=website]')?.value) {
      // The honeypot is filled: a bot. It gets a success, and nothing is sent.
      saveBoxDraft(this.#key!, (this.#draft = emptyDraft()));
      return this.#delivery.set('sent');
    }
    const message = checked(this.#draft, this.maxLength, this.locale, this.to);
    if (message instanceof HearthError) return this.#invalid(message);
    // Whose message it is: after a 401 it is sent again only for the same visitor.
    const wait = this.minTime - (Date.now() - Math.min(this.#shownAt, this.#draft.at || Infinity));
    await this.#delivery.send(message, this.#link.session?.value?.user?.id, wait);
  }

  #invalid(error: HearthError): void {
    this.#fieldErrors = Object.assign(Object.create(null), error.fieldErrors);
    this.#delivery.set('compose', error);
    void focusIn(this, '[aria-invalid=true], textarea');
  }

  /** Leaves a failed message: it goes back to the form to be changed (the server stored nothing). */
  #edit(): void {
    this.#delivery.drop();
    void focusIn(this, 'textarea');
  }

  #writeAnother(): void {
    this.#delivery.set('compose');
    void focusIn(this, 'textarea');
  }

  #field(name: 'subject' | 'body', label: string): TemplateResult {
    return messageField(name, label, this.#draft[name], this.#fieldErrors[name], this.#delivery.phase !== 'compose', this.maxLength, this.locale);
  }

  #status(): string {
    const errors = this.#fieldErrors;
    const { phase, error } = this.#delivery;
    return statusLine(phase, error, isOnline(), this.#loginFirst && !this.#link.session?.signedIn, !!(errors.body || (this.subject && errors.subject)));
  }

  /** When a render removes the focused control, focus goes to the next step (focus.ts). */
  protected override update(changed: PropertyValues<this>): void {
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    super.update(changed);
    keepFocus(this, focused, this.#delivery.phase);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#link.session?.signedIn && this.effectiveBackend?.listConversations)
      this.#threadLoading ??= import('./thread.js').then(
        (m) => void (this.#thread = new m.VisitorThread(this)),
        () => void (this.#threadLoading = undefined), // offline: tried again on a later update
      );
    const gate = this.renderRoot.querySelector<HearthElement>('hearth-login-gate');
    // The gate speaks the box's language (loaded by now). Its lang attribute changes inside this shadow
    // root, where the page-wide watch for lang changes does not look: told, it re-renders in place
    // (focus and its state stay), rather than being made anew for each language.
    if (gate) gate['locale'] = this.locale;
  }

  protected override render(): TemplateResult {
    const sent = this.#delivery.phase === 'sent';
    return html`${this.#thread?.render()}${crisisNotice(this.crisisLine)}<form part="form" novalidate @submit=${this.#submit} @input=${this.#onInput} @keydown=${this.#onKeydown}>
      <div aria-live="polite">
        ${isOnline()
          ? nothing
          : html`<p part="offline">${msg('You are offline. You can keep writing: your words are saved on this device.', { id: 'messages.offline' })}</p>`}
      </div>
      ${sent
        ? nothing
        : html`${this.subject ? this.#field('subject', msg('Subject (optional)', { id: 'messages.subject' })) : nothing}
          ${this.#field('body', msg('Message', { id: 'messages.body' }))}
          <div class="hp" aria-hidden="true">
            <label>Leave this field empty <input name="website" tabindex="-1" autocomplete="off" /></label>
          </div>`}
      <div role="status" part="status" tabindex="-1">${this.#status()}</div>
      ${sent
        ? html`<button type="button" part="button" class="another" @click=${this.#writeAnother}>${msg('Write another', { id: 'messages.another' })}</button>`
        : html`<hearth-login-gate exportparts="prompt,login,signup,retry,account,signout" lang=${this.locale} .backend=${this.effectiveBackend} action=${this.action || msg('send messages', { id: 'messages.action' })}
            >${actions(this.#delivery.phase, this.#sendNow, () => this.#delivery.retry(), this.#edit)}</hearth-login-gate
          >`}
    </form>`;
  }
}
