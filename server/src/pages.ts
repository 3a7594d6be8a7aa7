// The server's own HTML pages: sign in, create an account, the popup's "signed in" page, and the
// booking's manage page (what `manageUrl` shows a browser).
// Accessible forms (labels, autocomplete, an error summary with role=alert linking to each field,
// aria-invalid + aria-describedby), no inline script or style: /auth.css and /auth.js only.
// Every page takes the request's language (page-language.ts; English by default): its strings,
// <html lang dir>, the manage page's dates, and the routes' English messages shown translated.

import { MIN_PASSWORD_LENGTH } from './text-rules.js';
import { dirOf, localeOf, t, tHtml, translateText, type PageLang } from './page-language.js';

export type { PageLang } from './page-language.js';
export type Fields = Record<string, string>;
export type Errors = Record<string, string>;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ESC[ch]!);

/** A page in `lang` (default English): `<html lang dir>` follow it (Arabic right to left). */
export function layout(title: string, body: string, lang: PageLang = 'en'): string {
  return `<!doctype html>
<html lang="${lang}" dir="${dirOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} — hearth</title>
<link rel="stylesheet" href="/auth.css">
<script src="/auth.js" defer></script>
</head>
<body>
<main class="card">
${body}
</main>
</body>
</html>
`;
}

/** The form's errors (English sentences from the routes and schemas, shown in `lang`). */
export function errorSummary(errors: Errors, order: string[], lang: PageLang = 'en'): string {
  const keys = order.filter((k) => errors[k]).concat(Object.keys(errors).filter((k) => !order.includes(k)));
  if (!keys.length) return '';
  const items = keys
    .map((k) => (order.includes(k) ? `<li><a href="#${k}">${esc(translateText(lang, errors[k]!))}</a></li>` : `<li>${esc(translateText(lang, errors[k]!))}</li>`))
    .join('');
  return `<div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${esc(t(lang, 'page.errorSummary'))}</h2>
<ul>${items}</ul>
</div>`;
}

export interface FieldSpec {
  name: string;
  label: string;
  type: string;
  autocomplete: string;
  hint?: string;
  keepValue?: boolean;
}

export function field(f: FieldSpec, values: Fields, errors: Errors, lang: PageLang = 'en'): string {
  const err = errors[f.name];
  const described = [f.hint ? `${f.name}-hint` : '', err ? `${f.name}-error` : ''].filter(Boolean).join(' ');
  const value = f.keepValue !== false && values[f.name] ? ` value="${esc(values[f.name]!)}"` : '';
  return `<div class="field${err ? ' field-invalid' : ''}">
<label for="${f.name}">${esc(f.label)}</label>
${f.hint ? `<p class="hint" id="${f.name}-hint">${esc(f.hint)}</p>` : ''}
${err ? `<p class="field-error" id="${f.name}-error"><span class="visually-hidden">${esc(t(lang, 'page.errorPrefix'))}</span>${esc(translateText(lang, err))}</p>` : ''}
<input id="${f.name}" name="${f.name}" type="${f.type}" autocomplete="${f.autocomplete}" required${value}${described ? ` aria-describedby="${described}"` : ''}${err ? ' aria-invalid="true"' : ''}>
</div>`;
}

/**
 * Where a sign-in goes once it succeeds, carried between the pages: the popup's opener origin or
 * the return target, and for another site the widget's PKCE `challenge` and (by redirect) `state`.
 */
export interface Handoff {
  origin?: string;
  returnTo?: string;
  challenge?: string;
  state?: string;
  /** The page language (not carried: each request picks its own). */
  lang?: PageLang;
}

const CARRIED = [
  ['origin', 'origin'],
  ['returnTo', 'return'],
  ['challenge', 'challenge'],
  ['state', 'state'],
] as const;

/** Query string carrying the handoff between the pages. */
export function carry(p: Handoff): string {
  const q = new URLSearchParams();
  for (const [key, name] of CARRIED) if (p[key]) q.set(name, p[key]);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function hidden(p: Handoff): string {
  return CARRIED.map(([key, name]) => (p[key] ? `<input type="hidden" name="${name}" value="${esc(p[key])}">` : '')).join('');
}

export interface FormPage extends Handoff {
  values?: Fields;
  errors?: Errors;
  /** A notice above the form (e.g. why a popup cannot hand out a token); English, shown in `lang`. */
  notice?: string;
}

export function loginPage(p: FormPage = {}): string {
  const lang = p.lang ?? 'en';
  const values = p.values ?? {};
  const errors = p.errors ?? {};
  return layout(
    t(lang, 'login.title'),
    `<h1>${esc(t(lang, 'login.title'))}</h1>
${p.notice ? `<p class="notice">${esc(translateText(lang, p.notice))}</p>` : ''}
${errorSummary(errors, ['email', 'password'], lang)}
<form method="post" action="/login" novalidate>
${hidden(p)}
${field({ name: 'email', label: t(lang, 'field.email'), type: 'email', autocomplete: 'username' }, values, errors, lang)}
${field({ name: 'password', label: t(lang, 'field.password'), type: 'password', autocomplete: 'current-password', keepValue: false }, values, errors, lang)}
<button type="submit">${esc(t(lang, 'login.submit'))}</button>
</form>
<p>${esc(t(lang, 'login.noAccount'))} <a href="/signup${esc(carry(p))}">${esc(t(lang, 'login.createAccount'))}</a></p>`,
    lang,
  );
}

export function signupPage(p: FormPage = {}): string {
  const lang = p.lang ?? 'en';
  const values = p.values ?? {};
  const errors = p.errors ?? {};
  return layout(
    t(lang, 'signup.title'),
    `<h1>${esc(t(lang, 'signup.title'))}</h1>
${p.notice ? `<p class="notice">${esc(translateText(lang, p.notice))}</p>` : ''}
${errorSummary(errors, ['name', 'email', 'password'], lang)}
<form method="post" action="/signup" novalidate>
${hidden(p)}
${field({ name: 'name', label: t(lang, 'field.name'), type: 'text', autocomplete: 'name' }, values, errors, lang)}
${field({ name: 'email', label: t(lang, 'field.email'), type: 'email', autocomplete: 'email' }, values, errors, lang)}
${field({ name: 'password', label: t(lang, 'field.password'), type: 'password', autocomplete: 'new-password', hint: t(lang, 'signup.passwordHint', { n: MIN_PASSWORD_LENGTH }), keepValue: false }, values, errors, lang)}
<button type="submit">${esc(t(lang, 'signup.submit'))}</button>
</form>
<p>${esc(t(lang, 'signup.haveAccount'))} <a href="/login${esc(carry(p))}">${esc(t(lang, 'signup.signIn'))}</a></p>`,
    lang,
  );
}

const hostOf = (origin: string) => new URL(origin).host;

/**
 * A visitor already signed in here, asked to sign in on another site: nothing is handed to that
 * site without this click. "Not you?" signs out (POST /logout) and comes back to the sign-in form.
 */
export function continuePage(p: Handoff & { name: string; site: string }): string {
  const lang = p.lang ?? 'en';
  const host = esc(hostOf(p.site));
  return layout(
    t(lang, 'continue.title'),
    `<h1>${tHtml(lang, 'continue.heading', esc, { host })}</h1>
<p>${tHtml(lang, 'continue.signedInAs', esc, { name: `<strong>${esc(p.name)}</strong>` })}</p>
<form method="post" action="/login/continue">
${hidden(p)}
<button type="submit">${tHtml(lang, 'continue.submit', esc, { host, name: esc(p.name) })}</button>
</form>
<form method="post" action="/logout" class="secondary">
${hidden(p)}
<button type="submit" class="link">${esc(t(lang, 'continue.notYou'))}</button>
</form>`,
    lang,
  );
}

/**
 * After a popup sign-in: /auth.js posts `{type: "hearth:session", code}` to `window.opener` with
 * exactly `origin` as targetOrigin, then closes the window. The code is single-use, lives a
 * minute, and is worth a token only with the verifier that stayed in the widget.
 */
export function popupDonePage(p: { name: string; origin: string; code: string; lang?: PageLang }): string {
  const lang = p.lang ?? 'en';
  return layout(
    t(lang, 'done.title'),
    `<h1>${esc(t(lang, 'done.heading'))}</h1>
<p>${tHtml(lang, 'done.text', esc, { name: esc(p.name), host: `<strong>${esc(hostOf(p.origin))}</strong>` })}</p>
<div id="hearth-session" hidden data-origin="${esc(p.origin)}" data-code="${esc(p.code)}"></div>`,
    lang,
  );
}

/** After a sign-up: the same page whether or not the address had an account already. */
export function checkEmailPage(lang: PageLang = 'en'): string {
  return layout(
    t(lang, 'checkEmail.title'),
    `<h1>${esc(t(lang, 'checkEmail.heading'))}</h1>
<p role="status">${esc(t(lang, 'checkEmail.sent'))}</p>
<p>${tHtml(lang, 'checkEmail.noEmail', esc, { link: `<a href="/signup">${esc(t(lang, 'checkEmail.tryAgain'))}</a>` })}</p>`,
    lang,
  );
}

/** The emailed link's page: a button, so that mail scanners that open links create nothing. */
export function confirmSignupPage(token: string, lang: PageLang = 'en'): string {
  return layout(
    t(lang, 'confirm.title'),
    `<h1>${esc(t(lang, 'confirm.title'))}</h1>
<form method="post" action="/signup/confirm">
<input type="hidden" name="token" value="${esc(token)}">
<button type="submit">${esc(t(lang, 'confirm.submit'))}</button>
</form>`,
    lang,
  );
}

export interface PageLink {
  href: string;
  text: string;
}

/**
 * A short page for errors of the HTML routes (e.g. a cross-site form post). The title, text and
 * link text are the routes' English sentences, shown in `lang` (translateText; unknown ones stay English).
 */
export function messagePage(title: string, text: string, link?: PageLink, lang: PageLang = 'en'): string {
  const back = link ?? { href: '/login', text: t('en', 'link.signIn') };
  const heading = translateText(lang, title);
  return layout(
    heading,
    `<h1>${esc(heading)}</h1>\n<p>${esc(translateText(lang, text))}</p>\n<p><a href="${esc(back.href)}">${esc(translateText(lang, back.text))}</a></p>`,
    lang,
  );
}

/** What the manage page shows: the booking without anything personal. */
export interface ManagedBookingView {
  /** The manage secret (already checked to be base64url). */
  token: string;
  start: string;
  end: string;
  specialistName: string;
  /** The specialist's IANA zone; undefined when unknown (then only UTC is shown). */
  timeZone?: string;
  status: 'confirmed' | 'cancelled' | 'attended' | 'no-show';
  /** Confirmed and not started: the page offers "Choose another time" (the booking button in reschedule mode). */
  movable?: boolean;
}

/**
 * "Tuesday, 2 June 2026, 09:00–09:30" (in `lang`: "вівторок, 2 червня 2026 р., 09:00–09:30"), and
 * the zone's offset on that day ("GMT+03:00"; "GMT" for UTC).
 */
export function formatSlot(start: string, end: string, timeZone: string, lang: PageLang = 'en'): { text: string; offset: string } {
  const s = new Date(start);
  // formatRange: each language's own punctuation ("، " in Arabic, "Uhr" in German), and both dates when the range crosses midnight.
  const range = new Intl.DateTimeFormat(localeOf(lang), { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(s).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return { text: range.formatRange(s, new Date(end)), offset };
}

export const CANCELLED_TEXT = t('en', 'manage.cancelled');
const STATUS_ID = { confirmed: 'manage.status.confirmed', cancelled: 'manage.status.cancelled', attended: 'manage.status.attended', 'no-show': 'manage.status.noShow' } as const;

/**
 * The manage page: the booking as a definition list (times in the specialist's zone and in UTC,
 * since the server does not know the visitor's; dates in the page's language), the .ics link and,
 * while confirmed, the cancel form.
 */
export function managePage(b: ManagedBookingView, lang: PageLang = 'en'): string {
  const base = `/api/consultations/manage/${b.token}`;
  const confirmed = b.status === 'confirmed';
  const utc = formatSlot(b.start, b.end, 'UTC', lang);
  const local = b.timeZone && b.timeZone !== 'UTC' ? formatSlot(b.start, b.end, b.timeZone, lang) : undefined;
  const when = (label: string, text: string, zone: string) =>
    `<dt>${esc(label)}</dt>\n<dd><time datetime="${esc(b.start)}">${esc(text)}</time> (<bdi>${esc(zone)}</bdi>)</dd>`;
  const rows = [
    local ? when(t(lang, 'manage.whenLocal', { zone: b.timeZone! }), local.text, `${b.timeZone}, ${local.offset}`) : '',
    when(t(lang, 'manage.whenUtc'), utc.text, 'UTC'),
    `<dt>${esc(t(lang, 'manage.specialist'))}</dt>\n<dd>${esc(b.specialistName)}</dd>`,
    `<dt>${esc(t(lang, 'manage.status'))}</dt>\n<dd>${esc(t(lang, STATUS_ID[b.status]))}</dd>`,
  ].filter(Boolean);
  // The button loads the widgets from this server (/dist/, same origin: the page CSP's script-src 'self');
  // it speaks the page's language (the closest lang attribute).
  const move = b.movable
    ? `<h2>${esc(t(lang, 'manage.move.heading'))}</h2>
<p>${esc(t(lang, 'manage.move.text'))}</p>
<hearth-consultation-button api="/api" reschedule="${esc(b.token)}">${esc(t(lang, 'manage.move.button'))}</hearth-consultation-button>
<noscript><p>${esc(t(lang, 'manage.move.noscript'))}</p></noscript>
<script type="module" src="/dist/hearth.js"></script>
`
    : '';
  const actions = confirmed
    ? `<p><a href="${esc(base)}/ics">${esc(t(lang, 'manage.ics'))}</a></p>
${move}<h2>${esc(t(lang, 'manage.cancel.heading'))}</h2>
<p>${esc(t(lang, 'manage.cancel.text'))}</p>
<form method="post" action="${esc(base)}/cancel">
<button type="submit">${esc(t(lang, 'manage.cancel.submit'))}</button>
</form>`
    : b.status === 'cancelled'
      ? `<p class="notice" role="status">${esc(t(lang, 'manage.cancelled'))}</p>`
      : '';
  return layout(
    t(lang, 'manage.title'),
    `<h1>${esc(t(lang, 'manage.title'))}</h1>
<dl class="booking">
${rows.join('\n')}
</dl>
${actions}`,
    lang,
  );
}

/** The manage link of a booking that does not exist (HTML, for browsers). */
export function bookingNotFoundPage(lang: PageLang = 'en'): string {
  return layout(
    t(lang, 'notFound.title'),
    `<h1>${esc(t(lang, 'notFound.title'))}</h1>
<p>${esc(t(lang, 'notFound.text'))}</p>`,
    lang,
  );
}
