/**
 * One session per backend, shared by every element that uses that backend: when one login gate
 * signs the visitor in or out, every gate and message box on the page learns of it at once.
 *
 * The session is read with `GET /session`; sign-in from an embedded widget goes through a popup
 * that posts a one-time code back, or, when the popup is blocked, through a full-page visit that
 * comes back with `#hearth-code=…`; either code is exchanged for a bearer token (see sign-in.ts,
 * tokens.ts and `<hearth-login-gate>`).
 */
import type { ReactiveController } from '@lit/reactive-element';
import { apiBaseOf } from './api-backend.js';
import type { HearthElement } from './hearth-element.js';
import type { HearthBackend, Session } from './backend.js';
import { hasTokenSource, originOf, setToken } from './tokens.js';

export class SharedSession {
  /** The last session read; undefined until the first answer. */
  value?: Session;
  /** The error of the last read, when it failed. */
  error?: unknown;
  #pending?: Promise<void>;
  readonly #listeners = new Set<() => void>();

  constructor(readonly backend: HearthBackend) {}

  /** True once the backend has said who is signed in (or cannot say: no `getSession`). */
  get known(): boolean {
    return !!this.value || !this.backend.getSession;
  }

  /** True when someone is signed in. A backend without `getSession` handles sign-in itself: signed in. */
  get signedIn(): boolean {
    return !this.backend.getSession || !!this.value?.user;
  }

  /** Listens for changes; the first listener starts the first read. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    if (!this.value && !this.error && !this.#pending) void this.refresh();
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    this.#listeners.forEach((listener) => listener());
  }

  /**
   * Reads the session again (after a sign-in elsewhere, or to retry). Each call asks anew (a token
   * may have arrived since an earlier request left), and only the latest answer counts.
   */
  refresh(): Promise<void> {
    const get = this.backend.getSession?.bind(this.backend);
    if (!get) return Promise.resolve();
    const pending = (this.#pending = returning
      .then(() => get())
      .then((value) => checked(value, this.backend))
      .then(
        (value) => {
          if (pending !== this.#pending) return;
          this.value = value;
          this.error = undefined;
        },
        (error) => {
          if (pending !== this.#pending) return;
          this.error = error;
        },
      ));
    return pending.finally(() => {
      if (pending !== this.#pending) return;
      this.#pending = undefined;
      this.#notify();
    });
  }

  /** The server said the session is gone (a 401): signed out for everyone, until a refresh says otherwise. */
  signedOut(): void {
    if (this.value) this.value = { ...this.value, user: null };
    const origin = this.value?.loginUrl && originOf(this.value.loginUrl);
    if (origin && !hasTokenSource(origin)) setToken(origin, null);
    this.#notify();
  }
}

/**
 * Back from another site's sign-in page with `#hearth-code=…` (see sign-in.ts): the code is
 * exchanged for a token before any session is read. Resolves false when a code came back and
 * signing in did not finish (refused, expired, or not started in this tab).
 * @internal
 */
export const returning: Promise<boolean> = /^#hearth-code=/.test(location.hash)
  ? import('./sign-in.js').then((m) => m.takeReturnCode()).catch(() => false)
  : Promise.resolve(true);

/** True for an absolute http(s) URL on `origin` (when given). */
function isSignInUrl(url: unknown, origin?: string): boolean {
  try {
    const parsed = new URL(url as string);
    return /^https?:$/.test(parsed.protocol) && (!origin || parsed.origin === origin);
  } catch {
    return false;
  }
}

/**
 * The session answer, refused when its sign-in URLs could run script or lead elsewhere: http(s)
 * only, and for an `api` backend on the API's origin (a site's own adapter chooses its own).
 */
function checked(value: Session, backend: HearthBackend): Session {
  const base = apiBaseOf(backend);
  const origin = base && originOf(base);
  if (!isSignInUrl(value.loginUrl, origin) || !isSignInUrl(value.signupUrl, origin) || (value.tokenUrl != null && !isSignInUrl(value.tokenUrl, origin))) {
    console.error(`hearth: the backend's sign-in URLs (loginUrl, signupUrl, tokenUrl) must be http(s) URLs${origin ? ` on ${origin}` : ''}; sign-in is disabled.`);
    throw new TypeError('hearth: unsafe sign-in URL');
  }
  return value;
}

const sessions = new Map<HearthBackend, SharedSession>();

/** The shared session of a backend. */
export function sessionOf(backend: HearthBackend): SharedSession {
  let session = sessions.get(backend);
  if (!session) sessions.set(backend, (session = new SharedSession(backend)));
  return session;
}

/** Every session reads itself again: a token arrived or was dropped, which may concern any backend. */
export const refreshAll = (): Promise<unknown> => Promise.all([...sessions.values()].map((s) => s.refresh()));

// A session that could not be read (offline at page load) is read again when the connection returns.
addEventListener('online', () => sessions.forEach((session) => session.error && !session.value && void session.refresh()));

/**
 * The session of an element's current backend (`session`), listened to while the element is
 * connected: `onChange` (by default, the element updates) runs when it changes. Reading `session`
 * follows the backend (cheap when nothing changed), so it is never stale, also in `willUpdate`.
 */
export class SessionLink implements ReactiveController {
  #session?: SharedSession;
  #off?: () => void;
  constructor(
    readonly host: HearthElement,
    readonly onChange = (): void => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  get session(): SharedSession | undefined {
    // A protected member of the element, read by its controller.
    const backend = this.host.effectiveBackend;
    const session = backend && sessionOf(backend);
    if (this.host.isConnected && (session !== this.#session || !this.#off)) {
      this.hostDisconnected();
      this.#session = session;
      this.#off = session?.subscribe(this.onChange);
    }
    return session;
  }

  /** Connected again: the next update reads, and listens to, the session again. */
  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
  }
}
