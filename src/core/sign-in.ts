/**
 * Handing a sign-in from the backend's sign-in page to this page, without a token ever travelling in
 * a URL or a page (the server's side: server/src/handoff.ts). A lazy chunk: only a click on Log in,
 * or a page that comes back with `#hearth-code=…`, loads it.
 *
 * The widget makes a random verifier and sends its SHA-256 as `challenge`; the sign-in page gives
 * back a one-time code (popup: postMessage; redirect: the fragment, with the random `state` this
 * tab kept); the widget POSTs code + verifier to the session's `tokenUrl` and keeps the bearer token.
 */
import { setToken } from './tokens.js';

const PENDING = 'hearth.login';

const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** One sign-in attempt: the verifier stays here, the challenge and state go to the sign-in page. */
export interface SignInAttempt {
  verifier: string;
  challenge: string;
  state: string;
}

export async function newAttempt(): Promise<SignInAttempt> {
  // SubtleCrypto exists only on secure pages (https:, localhost).
  if (!crypto.subtle) throw new Error('hearth: signing in needs a page served over https.');
  const verifier = random();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge, state: random() };
}

/** Exchanges a one-time code for a bearer token and keeps it for the token URL's origin; throws when refused. */
export async function exchange(tokenUrl: string, code: string, verifier: string): Promise<void> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, verifier }),
    credentials: 'omit',
    signal: AbortSignal.timeout(15_000),
  });
  const token = response.ok ? ((await response.json()) as { token?: unknown } | null)?.token : undefined;
  if (typeof token !== 'string') throw new Error(`hearth: the sign-in code was refused (HTTP ${response.status}).`);
  setToken(new URL(tokenUrl).origin, token);
}

/**
 * Before the page leaves for the sign-in page (popup blocked): remembers, for this tab only, the
 * attempt, where to exchange its code, and the page's own fragment (the way back replaces it).
 */
export function markAttempt(tokenUrl: string, attempt: SignInAttempt): void {
  try {
    sessionStorage.setItem(PENDING, JSON.stringify({ tokenUrl, verifier: attempt.verifier, state: attempt.state, hash: location.hash, at: Date.now() }));
  } catch {
    // storage disabled: the code that comes back will be ignored
  }
}

/**
 * Back from the sign-in page with `#hearth-code=<code>&state=<state>`: exchanged only when this tab
 * started that very attempt (same state, within the hour); a link crafted to plant someone else's
 * sign-in is ignored. Either way the fragment leaves the address (the page's own one comes back).
 * Resolves true when signed in.
 */
export async function takeReturnCode(): Promise<boolean> {
  const [, code, state] = /^#hearth-code=([\w-]+)&state=([\w-]+)$/.exec(location.hash) ?? [];
  let pending: { tokenUrl: string; verifier: string; state: string; hash: string; at: number } | null = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING)!);
    sessionStorage.removeItem(PENDING);
  } catch {
    // nothing pending
  }
  history.replaceState(history.state, '', location.pathname + location.search + (pending?.hash ?? ''));
  if (!code || !pending || pending.state !== state || Date.now() - pending.at > 36e5) return false;
  await exchange(pending.tokenUrl, code, pending.verifier);
  return true;
}
