import { html, type TemplateResult } from 'lit-html';
import type { PropertyDeclarations } from '@lit/reactive-element';
import type { User } from '../core/contract.js';
import { HearthElement } from '../core/hearth-element.js';
import { msg, str } from '../core/localization.js';
import { markLogin, refreshAll, SessionLink, type SharedSession } from '../core/session.js';
import { originOf, setToken, setTokenSource } from '../core/tokens.js';
import type { LoginRequestedDetail } from '../events.js';
import { gateStyles } from './login-gate.styles.js';

type TokenGetter = () => string | null | undefined | Promise<string | null | undefined>;

/**
 * Shows its content to signed-in visitors only. While the session is being read it shows a
 * skeleton; signed out, "You need to be logged in to {action}" with Log in and Sign up.
 *
 * Sign-in does not depend on third-party cookies: Log in opens the backend's `loginUrl` in a popup,
 * and the gate accepts `{type: "hearth:session", token}` only from that popup and only from the
 * backend's origin. The token is kept in memory and in sessionStorage (this tab) and sent as a
 * bearer token to that origin. When the popup is blocked, the page goes to the sign-in page and
 * comes back to where it was (from another site, with the token in the fragment, which is taken
 * only in the tab that started the sign-in, then removed from the address). Every gate (and
 * message box) of the same backend shares one session, so all of them learn of a sign-in or
 * sign-out at once.
 *
 * @summary Shows its content only to signed-in visitors; otherwise Log in / Sign up.
 * @customElement hearth-login-gate
 *
 * @slot - The content for signed-in visitors.
 * @slot prompt - Replaces the text "You need to be logged in to {action}".
 *
 * @event hearth-login-requested - Log in or Sign up was pressed (`detail: {mode, url}`), before the popup opens. Cancel it to run your own login, then call `refreshSession()` or set `.getToken`.
 *
 * @csspart skeleton - The placeholder shown while the session is read.
 * @csspart prompt - The signed-out notice with its buttons.
 * @csspart login - The Log in button.
 * @csspart signup - The Sign up button.
 *
 * @cssproperty --hearth-font - Font (default: inherited).
 * @cssproperty --hearth-color-text - Text colour (default: inherited).
 * @cssproperty --hearth-color-accent - Buttons and focus outlines.
 * @cssproperty --hearth-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --hearth-color-border - Border of the notice.
 * @cssproperty --hearth-color-skeleton - Colour of the loading placeholder.
 * @cssproperty --hearth-radius - Corner radius.
 * @cssproperty --hearth-space - Inner spacing.
 */
export class HearthLoginGate extends HearthElement {
  static override styles = gateStyles;
  static override properties: PropertyDeclarations = {
    action: {},
    getToken: { attribute: false },
    waiting: { state: true },
  };

  /** What signing in is for, completing "You need to be logged in to …" (e.g. `ask a question`). */
  declare action?: string;

  /**
   * A function that returns your own bearer token for this backend (a host app with its own login).
   * Used for `api` backends, sent to the API's origin only. Setting it reads the session again.
   */
  declare getToken?: TokenGetter;

  /** The login popup is open. */
  private declare waiting?: boolean;

  /**
   * How the page goes to the sign-in page when the popup is blocked (tests replace it).
   * @internal
   */
  static navigate = (url: string): void => location.assign(url);

  #link = new SessionLink(() => this.requestUpdate());
  #tokenFor?: [string, TokenGetter | undefined];
  #stopWaiting?: () => void;

  /** True when a visitor is signed in. */
  get signedIn(): boolean {
    return !!this.#session?.signedIn;
  }

  /** The signed-in visitor (`{id, name}`), `null` when signed out, `undefined` while unknown. */
  get user(): User | null | undefined {
    return this.#session?.value?.user;
  }

  get #session(): SharedSession | undefined {
    return this.#link.session;
  }

  /** Reads the session again, in every gate that shares it (after a login run by the host app). */
  refreshSession(): Promise<void> {
    return this.#session?.refresh() ?? Promise.resolve();
  }

  /** Signs out (`POST /logout`), forgets the token, and tells every gate. */
  async logout(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    await session.backend.logout?.().catch(() => undefined);
    session.signedOut();
    void refreshAll();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate(); // subscribes to the session again after a disconnect
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#link.unlink();
    this.#stopWaiting?.();
  }

  protected override willUpdate(): void {
    const session = this.#link.link(this.effectiveBackend);
    // A host-provided token goes to the API's origin (or, for a provider's backend, the sign-in origin).
    const url = this.api ?? session?.value?.loginUrl;
    const origin = url && originOf(url);
    if (origin && (this.#tokenFor?.[0] !== origin || this.#tokenFor[1] !== this.getToken)) {
      if (this.getToken || this.#tokenFor) {
        setTokenSource(origin, this.getToken);
        void refreshAll();
      }
      this.#tokenFor = [origin, this.getToken];
    }
  }

  /** Opens the sign-in (or sign-up) page in a popup, or goes there when popups are blocked. */
  #signIn(mode: 'login' | 'signup'): void {
    const value = this.#session?.value;
    if (!value) return;
    const target = mode == 'login' ? value.loginUrl : value.signupUrl;
    if (!this.emit<LoginRequestedDetail>('hearth-login-requested', { mode, url: target }, true)) return;
    const url = new URL(target);
    const origin = url.origin;
    url.searchParams.set('origin', location.origin);
    this.#stopWaiting?.();
    const popup = open(url.href, 'hearth-login', 'popup,width=480,height=680');
    if (!popup) {
      // The page leaves and comes back: same site, the session cookie carries the sign-in; another
      // site gets a bearer token in the fragment, taken only because this tab asked for it.
      url.searchParams.delete('origin');
      const same = origin == location.origin;
      if (!same) markLogin(origin);
      url.searchParams.set('return', same ? location.pathname + location.search + location.hash : location.href);
      HearthLoginGate.navigate(url.href);
      return;
    }
    const onMessage = (event: MessageEvent) => {
      const token = (event.data as { type?: unknown; token?: unknown } | null)?.token;
      // Only the popup we opened, only from the backend's origin, only this message.
      if (event.source !== popup || event.origin !== origin || event.data?.type !== 'hearth:session' || typeof token != 'string') return;
      stop();
      setToken(origin, token);
      void refreshAll();
    };
    // The popup closes itself right after posting; give its message a moment to arrive.
    let closedFor = 0;
    const timer = setInterval(() => popup.closed && ++closedFor > 2 && stop(), 400);
    const stop = (this.#stopWaiting = () => {
      removeEventListener('message', onMessage);
      clearInterval(timer);
      this.waiting = false;
    });
    addEventListener('message', onMessage);
    this.waiting = true;
  }

  protected override render(): TemplateResult {
    const session = this.#session;
    if (session?.signedIn) return html`<slot></slot>`;
    if (!session?.known) {
      return session?.error === undefined
        ? html`<div role="status" aria-busy="true">
            <span class="vh">${msg('Checking whether you are signed in…', { id: 'messages.gate.loading' })}</span>
            <span part="skeleton" aria-hidden="true"></span>
          </div>`
        : html`<div part="prompt">
            <p role="status">${msg('We could not check whether you are signed in.', { id: 'messages.gate.error' })}</p>
            <button type="button" @click=${this.refreshSession}>${msg('Retry', { id: 'common.retry' })}</button>
          </div>`;
    }
    const action = this.action;
    return html`<div part="prompt">
      <p>
        <slot name="prompt"
          >${action
            ? msg(str`You need to be logged in to ${action}`, { id: 'messages.gate.prompt' })
            : msg('You need to be logged in to continue', { id: 'messages.gate.promptDefault' })}</slot
        >
      </p>
      <button type="button" part="login" @click=${() => this.#signIn('login')}>${msg('Log in', { id: 'messages.gate.login' })}</button
      ><button type="button" part="signup" @click=${() => this.#signIn('signup')}>${msg('Sign up', { id: 'messages.gate.signup' })}</button>
      <div role="status">${this.waiting ? msg('Finish signing in in the window that opened.', { id: 'messages.gate.waiting' }) : ''}</div>
    </div>`;
  }
}
