// The server's own HTML pages: sign in, create an account, the popup's "signed in" page, and the
// booking's manage page (what `manageUrl` shows a browser).
// Accessible forms (labels, autocomplete, an error summary with role=alert linking to each field,
// aria-invalid + aria-describedby), no inline script or style: /auth.css and /auth.js only.

export type Fields = Record<string, string>;
export type Errors = Record<string, string>;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ESC[ch]!);

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
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

export function errorSummary(errors: Errors, order: string[]): string {
  const keys = order.filter((k) => errors[k]).concat(Object.keys(errors).filter((k) => !order.includes(k)));
  if (!keys.length) return '';
  const items = keys
    .map((k) => (order.includes(k) ? `<li><a href="#${k}">${esc(errors[k]!)}</a></li>` : `<li>${esc(errors[k]!)}</li>`))
    .join('');
  return `<div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">There is a problem</h2>
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

export function field(f: FieldSpec, values: Fields, errors: Errors): string {
  const err = errors[f.name];
  const described = [f.hint ? `${f.name}-hint` : '', err ? `${f.name}-error` : ''].filter(Boolean).join(' ');
  const value = f.keepValue !== false && values[f.name] ? ` value="${esc(values[f.name]!)}"` : '';
  return `<div class="field${err ? ' field-invalid' : ''}">
<label for="${f.name}">${esc(f.label)}</label>
${f.hint ? `<p class="hint" id="${f.name}-hint">${esc(f.hint)}</p>` : ''}
${err ? `<p class="field-error" id="${f.name}-error"><span class="visually-hidden">Error: </span>${esc(err)}</p>` : ''}
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
  /** A notice above the form (e.g. why a popup cannot hand out a token). */
  notice?: string;
}

export function loginPage(p: FormPage = {}): string {
  const values = p.values ?? {};
  const errors = p.errors ?? {};
  return layout(
    'Sign in',
    `<h1>Sign in</h1>
${p.notice ? `<p class="notice">${esc(p.notice)}</p>` : ''}
${errorSummary(errors, ['email', 'password'])}
<form method="post" action="/login" novalidate>
${hidden(p)}
${field({ name: 'email', label: 'Email address', type: 'email', autocomplete: 'username' }, values, errors)}
${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', keepValue: false }, values, errors)}
<button type="submit">Sign in</button>
</form>
<p>No account yet? <a href="/signup${esc(carry(p))}">Create an account</a></p>`,
  );
}

export function signupPage(p: FormPage = {}): string {
  const values = p.values ?? {};
  const errors = p.errors ?? {};
  return layout(
    'Create an account',
    `<h1>Create an account</h1>
${p.notice ? `<p class="notice">${esc(p.notice)}</p>` : ''}
${errorSummary(errors, ['name', 'email', 'password'])}
<form method="post" action="/signup" novalidate>
${hidden(p)}
${field({ name: 'name', label: 'Your name', type: 'text', autocomplete: 'name' }, values, errors)}
${field({ name: 'email', label: 'Email address', type: 'email', autocomplete: 'email' }, values, errors)}
${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: 'At least 8 characters.', keepValue: false }, values, errors)}
<button type="submit">Create account</button>
</form>
<p>Already have an account? <a href="/login${esc(carry(p))}">Sign in</a></p>`,
  );
}

const hostOf = (origin: string) => new URL(origin).host;

/**
 * A visitor already signed in here, asked to sign in on another site: nothing is handed to that
 * site without this click. "Not you?" signs out (POST /logout) and comes back to the sign-in form.
 */
export function continuePage(p: Handoff & { name: string; site: string }): string {
  const host = esc(hostOf(p.site));
  return layout(
    'Continue',
    `<h1>Continue to ${host}</h1>
<p>You are signed in as <strong>${esc(p.name)}</strong>.</p>
<form method="post" action="/login/continue">
${hidden(p)}
<button type="submit">Continue to ${host} as ${esc(p.name)}</button>
</form>
<form method="post" action="/logout" class="secondary">
${hidden(p)}
<button type="submit" class="link">Not you? Sign out</button>
</form>`,
  );
}

/**
 * After a popup sign-in: /auth.js posts `{type: "hearth:session", code}` to `window.opener` with
 * exactly `origin` as targetOrigin, then closes the window. The code is single-use, lives a
 * minute, and is worth a token only with the verifier that stayed in the widget.
 */
export function popupDonePage(p: { name: string; origin: string; code: string }): string {
  return layout(
    'Signed in',
    `<h1>You are signed in</h1>
<p>Signed in as ${esc(p.name)}. You can close this window and return to <strong>${esc(hostOf(p.origin))}</strong>.</p>
<div id="hearth-session" hidden data-origin="${esc(p.origin)}" data-code="${esc(p.code)}"></div>`,
  );
}

/** After a sign-up: the same page whether or not the address had an account already. */
export function checkEmailPage(): string {
  return layout(
    'Check your email',
    `<h1>Check your email to finish</h1>
<p role="status">We have sent a link to the address you gave. Open it to finish creating your account; it works for 24 hours.</p>
<p>No email after a few minutes? Look in your spam folder, or <a href="/signup">try again</a>.</p>`,
  );
}

/** The emailed link's page: a button, so that mail scanners that open links create nothing. */
export function confirmSignupPage(token: string): string {
  return layout(
    'Finish creating your account',
    `<h1>Finish creating your account</h1>
<form method="post" action="/signup/confirm">
<input type="hidden" name="token" value="${esc(token)}">
<button type="submit">Create my account</button>
</form>`,
  );
}

export interface PageLink {
  href: string;
  text: string;
}

const SIGN_IN: PageLink = { href: '/login', text: 'Go to sign in' };

/** A short page for errors of the HTML routes (e.g. a cross-site form post). */
export function messagePage(title: string, text: string, link: PageLink = SIGN_IN): string {
  return layout(title, `<h1>${esc(title)}</h1>\n<p>${esc(text)}</p>\n<p><a href="${esc(link.href)}">${esc(link.text)}</a></p>`);
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

/** "Tuesday, 2 June 2026, 09:00–09:30" and the zone's offset on that day ("GMT+03:00"; "GMT" for UTC). */
export function formatSlot(start: string, end: string, timeZone: string): { text: string; offset: string } {
  const s = new Date(start);
  const date = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(s);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(s).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return { text: `${date}, ${time.format(s)}–${time.format(new Date(end))}`, offset };
}

export const CANCELLED_TEXT = 'This booking is cancelled. The time is free again.';
const STATUS_TEXT: Record<ManagedBookingView['status'], string> = { confirmed: 'Confirmed', cancelled: 'Cancelled', attended: 'Attended', 'no-show': 'Missed (no-show)' };

/**
 * The manage page: the booking as a definition list (times in the specialist's zone and in UTC,
 * since the server does not know the visitor's), the .ics link and, while confirmed, the cancel form.
 */
export function managePage(b: ManagedBookingView): string {
  const base = `/api/consultations/manage/${b.token}`;
  const confirmed = b.status === 'confirmed';
  const utc = formatSlot(b.start, b.end, 'UTC');
  const local = b.timeZone && b.timeZone !== 'UTC' ? formatSlot(b.start, b.end, b.timeZone) : undefined;
  const when = (label: string, text: string, zone: string) =>
    `<dt>${esc(label)}</dt>\n<dd><time datetime="${esc(b.start)}">${esc(text)}</time> (${esc(zone)})</dd>`;
  const rows = [
    local ? when(`Date and time, the specialist’s time zone (${b.timeZone})`, local.text, `${b.timeZone}, ${local.offset}`) : '',
    when('Date and time in UTC', utc.text, 'UTC'),
    `<dt>Specialist</dt>\n<dd>${esc(b.specialistName)}</dd>`,
    `<dt>Status</dt>\n<dd>${STATUS_TEXT[b.status]}</dd>`,
  ].filter(Boolean);
  // The button loads the widgets from this server (/dist/, same origin: the page CSP's script-src 'self').
  const move = b.movable
    ? `<h2>Choose another time</h2>
<p>Pick a new time with the same specialist. Your current time stays booked until the new one is confirmed.</p>
<hearth-consultation-button api="/api" reschedule="${esc(b.token)}">Choose another time</hearth-consultation-button>
<noscript><p>Choosing another time needs JavaScript. You can cancel this booking below and book a new time instead.</p></noscript>
<script type="module" src="/dist/hearth.js"></script>
`
    : '';
  const actions = confirmed
    ? `<p><a href="${esc(base)}/ics">Add to calendar (.ics)</a></p>
${move}<h2>Cancel this booking</h2>
<p>Cancelling frees the time for someone else. It cannot be undone; you can book another time afterwards.</p>
<form method="post" action="${esc(base)}/cancel">
<button type="submit">Cancel this booking</button>
</form>`
    : b.status === 'cancelled'
      ? `<p class="notice" role="status">${esc(CANCELLED_TEXT)}</p>`
      : '';
  return layout(
    'Your consultation',
    `<h1>Your consultation</h1>
<dl class="booking">
${rows.join('\n')}
</dl>
${actions}`,
  );
}

/** The manage link of a booking that does not exist (HTML, for browsers). */
export function bookingNotFoundPage(): string {
  return layout(
    'Booking not found',
    `<h1>Booking not found</h1>
<p>No booking has this link. It may have been mistyped: copy the whole link from your booking confirmation.</p>`,
  );
}
