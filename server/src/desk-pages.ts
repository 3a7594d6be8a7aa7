// The care team's pages (issue 12): /desk, which hosts <hearth-desk>, the refusal a visitor gets
// there, and the page where an invited colleague chooses a password (/invite). Same rules as
// pages.ts: every value escaped, no inline script or style (/desk.css, /auth.css, /auth.js and the
// desk bundle only).
import { errorSummary, esc, field, layout, type Errors } from './pages.js';

/** The sign-out form of the desk's pages: POST /logout, back to /login?return=/desk. */
const signOutForm = (label: string, className = '') =>
  `<form method="post" action="/logout"${className ? ` class="${className}"` : ''}>
<input type="hidden" name="return" value="/desk">
<button type="submit" class="link">${esc(label)}</button>
</form>`;

/** The desk: a header naming who is signed in, and the <hearth-desk> element on this server's API. */
export function deskPage(p: { name: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Care team · hearth</title>
<link rel="stylesheet" href="/desk.css">
<script type="module" src="/dist/hearth-desk.js"></script>
</head>
<body>
<header class="desk-header">
<p>Signed in as <strong>${esc(p.name)}</strong> <span aria-hidden="true">·</span></p>
${signOutForm('Sign out', 'sign-out')}
</header>
<main>
<h1 class="visually-hidden">Care team</h1>
<hearth-desk api="/api"></hearth-desk>
</main>
</body>
</html>
`;
}

/** A signed-in visitor at /desk (403): what the page is for, and a way to sign in as staff. */
export function notForVisitorsPage(p: { name: string }): string {
  return layout(
    'This page is for the care team',
    `<h1>This page is for the care team</h1>
<p>You are signed in as <strong>${esc(p.name)}</strong>, which is not a care team account. To use the care team’s desk, sign out and sign in with your care team account.</p>
${signOutForm('Sign out')}`,
  );
}

/** The invitation link's page: choose a password (the account's email shown, for password managers too). */
export function invitePage(p: { token: string; email: string; errors?: Errors }): string {
  const errors = p.errors ?? {};
  return layout(
    'Choose a password',
    `<h1>Choose a password</h1>
<p>You have been invited to the care team. Choose a password for your account; you will be signed in and taken to the care team’s desk.</p>
${errorSummary(errors, ['password'])}
<form method="post" action="/invite" novalidate>
<input type="hidden" name="token" value="${esc(p.token)}">
<div class="field">
<label for="username">Email address</label>
<input id="username" name="username" type="email" autocomplete="username" value="${esc(p.email)}" readonly>
</div>
${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: 'At least 8 characters; a few unrelated words are easy to remember.', keepValue: false }, {}, errors)}
<button type="submit">Set password and sign in</button>
</form>`,
  );
}
