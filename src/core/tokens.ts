/**
 * Bearer tokens for embedded sign-in, one per backend origin. The login popup hands the widget a
 * token from the backend's origin; it is kept in memory and in sessionStorage (this tab only, gone
 * when the tab closes) and sent by `HttpBackend` as `Authorization: Bearer …`, only to that origin.
 * A host app that runs its own login registers a function that returns its own token instead.
 *
 * Tiny on purpose: the HTTP client imports it, so it rides in that lazy chunk for every element.
 */
type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

const KEY = 'hearth.token:';
const tokens: Record<string, string | null> = {};
const sources: Record<string, TokenSource> = {};

/** The origin of a URL (relative URLs resolve against the document). */
export const originOf = (url: string): string => new URL(url, document.baseURI).origin;

/** Keeps (or with `null`, forgets) the token issued by `origin`. */
export function setToken(origin: string, token: string | null): void {
  tokens[origin] = token;
  try {
    if (token) sessionStorage.setItem(KEY + origin, token);
    else sessionStorage.removeItem(KEY + origin);
  } catch {
    // storage disabled: memory only
  }
}

/** Makes requests to `origin` carry the token `source` returns (a host app's own login); `undefined` removes it. */
export function setTokenSource(origin: string, source: TokenSource | undefined): void {
  if (source) sources[origin] = source;
  else delete sources[origin];
}

/** True when `origin` has a host-provided token source. */
export const hasTokenSource = (origin: string): boolean => origin in sources;

/** The bearer token for a request to `url`, if there is one. */
export function tokenFor(url: string): ReturnType<TokenSource> {
  const origin = originOf(url);
  if (sources[origin]) return sources[origin]();
  if (!(origin in tokens)) {
    try {
      tokens[origin] = sessionStorage.getItem(KEY + origin);
    } catch {
      tokens[origin] = null;
    }
  }
  return tokens[origin];
}
