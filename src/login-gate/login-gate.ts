import { html, type TemplateResult } from 'lit-html';
import type { PropertyDeclarations } from '@lit/reactive-element';
import type { User } from '../core/contract.js';
import { HearthElement } from '../core/hearth-element.js';
import { msg, str } from '../core/localization.js';
import { refreshAll, returning, SessionLink, type SharedSession } from '../core/session.js';
import { originOf, setTokenSource } from '../core/tokens.js';
import { gateStyles } from './login-gate.styles.js';

type TokenGetter = () => string | null | undefined | Promise<string | null | undefined>;

/**
 * Shows its content to signed-in visitors only. While the session is being read it shows a
 * skeleton; signed out, "You need to be logged in to {action}" with Log in and Sign up.
 *
 * Sign-in does not depend on third-party cookies: Log in opens the backend's `loginUrl` in a popup,
 * and the gate accepts `{type: "hearth:session", code}` only from that popup and only from the
 * backend's origin. The one-time code is exchanged, with a verifier that never left this page, for
 * a bearer token (`tokenUrl`), kept in memory and in sessionStorage (this tab) and sent to that
 * origin only. When the popup is blocked, the page goes to the sign-in page and comes back to where
 * it was (from another site, with a code and this tab's random state in the fragment, then removed
 * from the address). Sign-in URLs that are not http(s) on the API's origin are refused. Signed-in
 * visitors see "Signed in as … · Sign out"; signing out ends the whole sign-in on the server.
 * Every gate (and message box) of the same backend shares one session, so all of them learn of a
 * sign-in or sign-out at once.
 *
 * @summary Shows its content only to signed-in visitors; otherwise Log in / Sign up.
 * @customElement hearth-login-gate
 *
 * @slot - The content for signed-in visitors.
 * @slot prompt - Replaces the text "You need to be logged in to {action}".
 *
 * @event {CustomEvent<LoginRequestedDetail>} hearth-login-requested - Log in or Sign up was pressed (`detail: {mode, url}`), before the popup opens. Cancel it to run your own login, then call `refreshSession()` or set `.getToken`.
 *
 * @csspart skeleton - The placeholder shown while the session is read.
 * @csspart prompt - The signed-out notice with its buttons.
 * @csspart login - The Log in button.
 * @csspart signup - The Sign up button.
 * @csspart retry - Retry, when whether the visitor is signed in could not be checked.
 * @csspart account - "Signed in as …" with the Sign out button, above the content.
 * @csspart signout - The Sign out button.
 *
 * @cssproperty --hearth-font - Font (default: inherited).
 * @cssproperty --hearth-color-text - Text colour (default: inherited).
 * @cssproperty --hearth-color-accent - Buttons.
 * @cssproperty --hearth-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --hearth-color-focus - Focus outlines (default: the text colour).
 * @cssproperty --hearth-color-border - Border of the notice.
 * @cssproperty --hearth-color-skeleton - Colour of the loading placeholder.
 * @cssproperty --hearth-radius - Corner radius of controls and surfaces alike (default: 6px).
 * @cssproperty --hearth-control-radius - Corners of the buttons and the placeholder (default: `--hearth-radius`); `999px` makes pills.
 * @cssproperty --hearth-surface-radius - Corners of the signed-out notice (default: `--hearth-radius`).
 * @cssproperty --hearth-space - Inner spacing.
 */
export class HearthLoginGate extends HearthElement {
  static override styles = gateStyles;
  static override properties: PropertyDeclarations = {
    action: {},
    getToken: { attribute: false },
    waiting: { state: true },
    notice: { state: true },
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

  /** What the status line says after a sign-in or sign-out ('' when nothing). */
  private declare notice?: string;

  /**
   * How the page goes to the sign-in page when the popup is blocked (tests replace it).
   * @internal
   */
  static navigate = (url: string): void => location.assign(url);

  /**
   * How the popup, opened blank on the click, is sent to the sign-in page (tests replace it).
   * @internal
   */
  static point = (popup: Window, url: string): void => void (popup.location.href = url);

  #link = new SessionLink(this);
  #tokenFor?: [string, TokenGetter | undefined];
  #focusAccount = false;
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

  /**
   * Signs out: `POST /logout` ends the whole sign-in on the server (the cookie session and every
   * token minted from it, so the next Log in asks for the password), the token is forgotten, and
   * every gate learns of it.
   */
  async logout(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    await session.backend.logout?.().catch(() => undefined);
    session.signedOut();
    void refreshAll();
  }

  async #signOut(): Promise<void> {
    await this.logout();
    this.notice = msg('You are signed out.', { id: 'messages.gate.signedOut' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~=login]')?.focus(); // the Sign out button is gone
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void returning.then((ok) => ok || this.#failed());
  }

  #failed(): void {
    this.notice = msg('Signing in did not finish. Please log in again.', { id: 'messages.gate.failed' });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWaiting?.();
  }

  protected override willUpdate(): void {
    const session = this.#link.session;
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

  protected override updated(): void {
    const account = this.#focusAccount && this.renderRoot.querySelector<HTMLElement>('[part~=account]');
    if (account) {
      this.#focusAccount = false;
      account.focus();
    }
  }

  /**
   * Opens the sign-in (or sign-up) page in a popup, or goes there when popups are blocked. The
   * popup opens at once (it needs the click) and is pointed at the page once the sign-in chunk has
   * made this attempt's verifier and challenge.
   */
  async #signIn(mode: 'login' | 'signup'): Promise<void> {
    const value = this.#session?.value;
    if (!value) return;
    const target = mode === 'login' ? value.loginUrl : value.signupUrl;
    if (!this.emit('hearth-login-requested', { mode, url: target }, true)) return;
    this.#stopWaiting?.();
    this.notice = '';
    const popup = open('', 'hearth-login', 'popup,width=480,height=680');
    let signIn: typeof import('../core/sign-in.js');
    let attempt: import('../core/sign-in.js').SignInAttempt;
    try {
      signIn = await import('../core/sign-in.js');
      attempt = await signIn.newAttempt();
    } catch (error) {
      console.error(error);
      popup?.close();
      return this.#failed();
    }
    const url = new URL(target);
    const origin = url.origin;
    const { tokenUrl } = value;
    if (!popup) {
      // The page leaves and comes back: same site, the session cookie carries the sign-in; another
      // site gets a one-time code in the fragment, taken only with this tab's state and verifier.
      if (origin === location.origin) {
        url.searchParams.set('return', location.pathname + location.search + location.hash);
      } else {
        if (tokenUrl) signIn.markAttempt(tokenUrl, attempt);
        url.searchParams.set('challenge', attempt.challenge);
        url.searchParams.set('state', attempt.state);
        url.searchParams.set('return', location.href);
      }
      HearthLoginGate.navigate(url.href);
      return;
    }
    url.searchParams.set('challenge', attempt.challenge);
    url.searchParams.set('origin', location.origin);
    HearthLoginGate.point(popup, url.href);
    const onMessage = async (event: MessageEvent) => {
      const code = (event.data as { type?: unknown; code?: unknown } | null)?.code;
      // Only the popup we opened, only from the backend's origin, only this message.
      if (event.source !== popup || event.origin !== origin || event.data?.type !== 'hearth:session' || typeof code !== 'string') return;
      stop();
      try {
        // Without a tokenUrl (a site's own backend) the sign-in is the backend's business: read the session again.
        if (tokenUrl) await signIn.exchange(tokenUrl, code, attempt.verifier);
      } catch (error) {
        console.error(error);
        return this.#failed();
      }
      this.#focusAccount = true; // Log in goes away: focus "Signed in as …" once it shows
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
    if (session?.signedIn) {
      const user = session.value?.user;
      return html`${user && session.backend.logout
          ? html`<p part="account" tabindex="-1">
              ${msg(str`Signed in as ${user.name}`, { id: 'messages.gate.signedInAs' })}
              <button type="button" part="signout" @click=${this.#signOut}>${msg('Sign out', { id: 'messages.gate.signOut' })}</button>
            </p>`
          : ''}<slot></slot>`;
    }
    if (!session?.known) {
      return session?.error === undefined
        ? html`<div role="status" aria-busy="true">
            <span class="vh">${msg('Checking whether you are signed in…', { id: 'messages.gate.loading' })}</span>
            <span part="skeleton" aria-hidden="true"></span>
          </div>`
        : html`<div part="prompt">
            <p role="status">${msg('We could not check whether you are signed in.', { id: 'messages.gate.error' })}</p>
            <button type="button" part="retry" @click=${this.refreshSession}>${msg('Retry', { id: 'common.retry' })}</button>
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
      <div role="status">${this.waiting ? msg('Finish signing in in the window that opened.', { id: 'messages.gate.waiting' }) : this.notice}</div>
    </div>`;
  }
}
