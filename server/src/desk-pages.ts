// The care team's pages (issue 12): /desk, which hosts <hearth-desk>, the refusal a visitor gets
// there, and the page where an invited colleague chooses a password (/invite). Same rules as
// pages.ts: every value escaped, no inline script or style (/desk.css, /auth.css, /auth.js and the
// desk bundle only). Each page speaks the request's language (page-language.ts).
import { MIN_PASSWORD_LENGTH } from './text-rules.js';
import { dirOf, t, tHtml, type PageLang } from './page-language.js';
import { errorSummary, esc, field, layout, type Errors } from './pages.js';

/** The sign-out form of the desk's pages: POST /logout, back to /login?return=/desk. */
const signOutForm = (label: string, className = '') =>
  `<form method="post" action="/logout"${className ? ` class="${className}"` : ''}>
<input type="hidden" name="return" value="/desk">
<button type="submit" class="link">${esc(label)}</button>
</form>`;

/** The desk: a header naming who is signed in, and the <hearth-desk> element on this server's API. */
export function deskPage(p: { name: string }, lang: PageLang = 'en'): string {
  return `<!doctype html>
<html lang="${lang}" dir="${dirOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(t(lang, 'desk.title'))} · hearth</title>
<link rel="stylesheet" href="/desk.css">
<script type="module" src="/dist/hearth-desk.js"></script>
</head>
<body>
<header class="desk-header">
<p>${tHtml(lang, 'desk.signedInAs', esc, { name: `<strong>${esc(p.name)}</strong>` })} <span aria-hidden="true">·</span></p>
${signOutForm(t(lang, 'desk.signOut'), 'sign-out')}
</header>
<main>
<h1 class="visually-hidden">${esc(t(lang, 'desk.title'))}</h1>
<hearth-desk api="/api"></hearth-desk>
</main>
</body>
</html>
`;
}

/** A signed-in visitor at /desk (403): what the page is for, and a way to sign in as staff. */
export function notForVisitorsPage(p: { name: string }, lang: PageLang = 'en'): string {
  return layout(
    t(lang, 'visitor.title'),
    `<h1>${esc(t(lang, 'visitor.title'))}</h1>
<p>${tHtml(lang, 'visitor.text', esc, { name: `<strong>${esc(p.name)}</strong>` })}</p>
${signOutForm(t(lang, 'desk.signOut'))}`,
    lang,
  );
}

/** The invitation link's page: choose a password (the account's email shown, for password managers too). */
export function invitePage(p: { token: string; email: string; errors?: Errors; lang?: PageLang }): string {
  const lang = p.lang ?? 'en';
  const errors = p.errors ?? {};
  return layout(
    t(lang, 'invite.title'),
    `<h1>${esc(t(lang, 'invite.title'))}</h1>
<p>${esc(t(lang, 'invite.text'))}</p>
${errorSummary(errors, ['password'], lang)}
<form method="post" action="/invite" novalidate>
<input type="hidden" name="token" value="${esc(p.token)}">
<div class="field">
<label for="username">${esc(t(lang, 'field.email'))}</label>
<input id="username" name="username" type="email" autocomplete="username" value="${esc(p.email)}" readonly>
</div>
${field({ name: 'password', label: t(lang, 'field.password'), type: 'password', autocomplete: 'new-password', hint: t(lang, 'invite.passwordHint', { n: MIN_PASSWORD_LENGTH }), keepValue: false }, {}, errors, lang)}
<button type="submit">${esc(t(lang, 'invite.submit'))}</button>
</form>`,
    lang,
  );
}
