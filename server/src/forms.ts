// HTML answers and urlencoded form posts of the server's own pages (sign-in, the manage page).
import { messagePage, type PageLink } from './pages.js';
import { pageLanguage, varyLanguage } from './page-language.js';
import { mediaType, ownOrigin, readText, type Ctx, type Deps } from './http.js';
import { fromOwnPage } from './security.js';

/**
 * An HTML page answer (`Cache-Control: no-store`; the page CSP is added by securityHeaders). The
 * pages speak the request's Accept-Language (page-language.ts), so `Vary: Accept-Language` is
 * merged into any Vary given (the manage URL's `Accept`).
 */
export function html(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers, Vary: varyLanguage(headers.Vary) },
  });
}

/**
 * Fields of a urlencoded form POST, or the HTML answer refusing it: 403 unless it comes from this
 * server's own pages (`Sec-Fetch-Site: same-origin` when the browser sends it, since with
 * `Referrer-Policy: no-referrer` a same-origin form post carries `Origin: null`; else an absent or
 * own `Origin`), 415 unless urlencoded, 413/400 for too large or unreadable bodies.
 * `back` is the link the refusal pages offer (default: the sign-in page). The refusals speak the
 * request's language.
 */
export async function readForm(c: Ctx, deps: Deps, back?: PageLink): Promise<URLSearchParams | Response> {
  const lang = pageLanguage(c);
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const sameOrigin = site ? fromOwnPage(site) : origin === undefined || origin === ownOrigin(c, deps.config);
  if (!sameOrigin) return html(messagePage('Request refused', 'This form can only be sent from this site’s own pages.', back, lang), 403);
  if (mediaType(c) !== 'application/x-www-form-urlencoded')
    return html(messagePage('Unsupported form', 'Send the form as application/x-www-form-urlencoded.', back, lang), 415);
  const read = await readText(c);
  if (!read.ok) return html(messagePage('Request refused', String((read.answer.body as { detail: string }).detail), back, lang), read.answer.status);
  return new URLSearchParams(read.text);
}
