// Where the sign-in pages may send a visitor afterwards (`?return=`): a path of this server, or a
// page of an allowlisted site. Decided on the *parsed* URL, never on the raw string: URL parsing
// turns `/.//evil.example`, `/x/..//evil.example` and `/%2e//evil.example` into the path
// `//evil.example`, which a browser reads as another host. Anything else is undefined (no open
// redirects).

const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/** A same-origin path (path + query + fragment) to return to, or undefined. */
export function safeReturnPath(raw: string | null | undefined, own: string): string | undefined {
  if (!raw || raw.length > 2000 || !raw.startsWith('/') || UNSAFE.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, own);
  } catch {
    return undefined;
  }
  return url.origin === own ? ownPath(url, own) : undefined;
}

/** The path of a parsed own-origin URL, checked to resolve back to `own` (a path starting `//` does not). */
function ownPath(url: URL, own: string): string | undefined {
  const path = url.pathname + url.search + url.hash;
  if (!path.startsWith('/') || path.startsWith('//') || UNSAFE.test(path)) return undefined;
  return new URL(path, own).origin === own ? path : undefined;
}

/**
 * Where to go after sign-in: a same-origin path (an absolute URL of the server's own origin becomes
 * its path), or an absolute http(s) URL of an allowlisted origin without credentials or fragment (a
 * one-time code goes there). Anything else is undefined.
 */
export function safeReturnTo(raw: string | null | undefined, own: string, allowed: readonly string[]): string | undefined {
  if (!raw || raw.length > 2000 || UNSAFE.test(raw)) return undefined;
  if (raw.startsWith('/')) return safeReturnPath(raw, own);
  if (!/^https?:\/\//i.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  url.hash = '';
  if (url.origin === own) return ownPath(url, own);
  return allowed.includes(url.origin) ? url.href : undefined;
}

/** True for a return target that is another site's page (it gets a one-time code in its fragment). */
export const isExternalReturn = (returnTo: string | undefined): returnTo is string => !!returnTo && !returnTo.startsWith('/');
