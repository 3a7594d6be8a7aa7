/**
 * One session per backend, shared by every element that uses that backend: when one login gate
 * signs the visitor in or out, every gate and message box on the page learns of it at once.
 *
 * The session is read with `GET /session`; sign-in from an embedded widget goes through a popup
 * that posts a bearer token back (see tokens.ts and `<hearth-login-gate>`), or, when the popup is
 * blocked, through a full-page visit that comes back with `#hearth-token=…` (see `takeReturnToken`).
 */
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
    const pending = (this.#pending = get().then(
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

const PENDING = 'hearth.login';

/**
 * Before the page leaves for another origin's sign-in page (popup blocked): remembers, for this tab
 * only, that it started a sign-in with `origin` (and the page's own fragment, which the way back drops).
 */
export function markLogin(origin: string): void {
  try {
    sessionStorage.setItem(PENDING, JSON.stringify([origin, location.hash, Date.now()]));
  } catch {
    // storage disabled: the token that comes back will be ignored
  }
}

/**
 * Back from that sign-in page, the address ends in `#hearth-token=<token>`: the token is kept for
 * the backend origin this tab started the sign-in with (within the hour), like a popup's. Without
 * that marker (a crafted link planting someone else's session) it is ignored. Either way the
 * fragment leaves the address (the page's own one comes back). Runs once when this module loads.
 * @internal
 */
export function takeReturnToken(): void {
  const token = /^#hearth-token=([\w-]*)/.exec(location.hash)?.[1];
  if (token == null) return;
  let pending: [string, string, number] | null = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING)!);
    sessionStorage.removeItem(PENDING);
  } catch {
    // nothing pending
  }
  const [origin, hash = ''] = pending && Date.now() - pending[2] < 36e5 ? pending : [];
  if (origin && token) setToken(origin, token);
  history.replaceState(history.state, '', location.pathname + location.search + hash);
}
takeReturnToken();

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
addEventListener('online', () => sessions.forEach((s) => s.error && !s.value && void s.refresh()));

/**
 * Keeps an element subscribed to the session of its current backend: call `link(backend)` on
 * every update (cheap when nothing changed) and `unlink()` when disconnected.
 */
export class SessionLink {
  session?: SharedSession;
  #off?: () => void;
  constructor(readonly onChange: () => void) {}

  link(backend: HearthBackend | undefined): SharedSession | undefined {
    const session = backend && sessionOf(backend);
    if (session !== this.session || !this.#off) {
      this.unlink();
      this.session = session;
      this.#off = session?.subscribe(this.onChange);
    }
    return session;
  }

  unlink(): void {
    this.#off?.();
    this.#off = undefined;
  }
}
