/**
 * What each step of the booking flow shows. Pure rendering of the Flow's state; every string goes
 * through msg(), every date and time through Intl in the shown zone and the element's language.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { isHearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import { safeUrl } from '../core/safe-markup.js';
import type { Details, Flow } from './flow.js';
import { addDays, groupByDay } from './time.js';

const dtf = (f: Flow, options: Intl.DateTimeFormatOptions, timeZone = f.zone) => new Intl.DateTimeFormat(f.lang, { timeZone, ...options });

/** "Eastern European Summer Time" for the shown zone, now. */
const zoneName = (f: Flow) =>
  dtf(f, { timeZoneName: 'long' })
    .formatToParts(Date.now())
    .find((part) => part.type == 'timeZoneName')?.value;

/** "Monday, 30 March 2026, 09:00–09:30" in the shown zone. */
const when = (f: Flow, slot: { start: string; end: string }) => dtf(f, { dateStyle: 'full', timeStyle: 'short' }).formatRange(Date.parse(slot.start), Date.parse(slot.end));

/** What the visitor is told when a backend call failed, by what happened. */
export function describeError(f: Flow, error: unknown): string {
  switch (isHearthError(error) && error.kind) {
    case 'offline':
      return msg('You seem to be offline. Check your connection, then try again. Nothing you entered is lost.', { id: 'booking.error.offline' });
    case 'timeout':
      return msg('The server took too long to answer. Try again; nothing you entered is lost.', { id: 'booking.error.timeout' });
    case 'rate-limited': {
      const minutes = new Intl.NumberFormat(f.lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.ceil(((error as { retryAfter?: number }).retryAfter ?? 60) / 60));
      return msg(str`Too many bookings in a short time. Try again in ${minutes}.`, { id: 'booking.error.rateLimited' });
    }
    case 'malformed':
      return msg('The server sent an answer that could not be read. Try again in a moment; nothing you entered is lost.', { id: 'booking.error.malformed' });
    case 'validation':
      return msg('The server did not accept this booking. Go back to check your details, or try again; nothing you entered is lost.', { id: 'booking.error.invalid' });
    default:
      return msg('Something went wrong on our side. Try again in a moment; nothing you entered is lost.', { id: 'booking.error.server' });
  }
}

const stepNames = () => [
  msg('What to expect', { id: 'booking.step.intro' }),
  msg('Pick a time', { id: 'booking.step.time' }),
  msg('Your details', { id: 'booking.step.details' }),
  msg('Confirm', { id: 'booking.step.confirm' }),
  msg('Booked', { id: 'booking.step.booked' }),
];

const backButton = (f: Flow) => html`<button type="button" @click=${f.back}>${msg('Back', { id: 'booking.back' })}</button>`;

export function renderFlow(f: Flow, dialog: boolean): TemplateResult {
  const names = stepNames();
  const who = f.specialist;
  const status =
    f.step == 2 && f.slots && !f.slots.data && !f.slots.error
      ? msg('Loading free times…', { id: 'booking.loading' })
      : f.pending
        ? msg('Booking…', { id: 'booking.pending' })
        : '';
  return html`<div part="flow" class="flow" role=${dialog ? nothing : 'region'} aria-labelledby="title">
    <div class="head">
      <h2 id="title">${msg('Book a free consultation', { id: 'booking.label' })}</h2>
      ${who ? html`<p class="muted">${msg(str`With ${who.name}, ${who.title}`, { id: 'booking.with' })}</p>` : nothing}
      ${dialog
        ? html`<button class="close" type="button" aria-label=${msg('Close', { id: 'booking.close' })} @click=${f.port.close}>×</button>`
        : nothing}
    </div>
    <ol class="steps">
      ${names.map((name, i) => html`<li aria-current=${i + 1 == f.step ? 'step' : nothing}>${name}</li>`)}
    </ol>
    <section aria-labelledby="step">
      <h3 id="step" tabindex="-1">${names[f.step - 1]}</h3>
      ${[intro, times, details, confirm, booked][f.step - 1]!(f, dialog)}
    </section>
    <p role="status" class="sr">${status}</p>
  </div>`;
}

function intro(f: Flow): TemplateResult {
  const line = f.host.crisisLine;
  return html`<slot name="intro"
      ><p>
        ${msg('A free first conversation of 30 minutes with a mental-health specialist, about what is going on and what could help. There is no obligation to continue.', {
          id: 'booking.intro',
        })}
      </p></slot
    >
    <p class="crisis" role="note">
      <strong>${msg('Not for emergencies.', { id: 'booking.crisis.title' })}</strong>
      ${line
        ? msg(str`If you or someone else is in danger now, call ${line} or your local emergency number.`, { id: 'booking.crisis.line' })
        : msg('If you or someone else is in danger now, call your local emergency number.', { id: 'booking.crisis' })}
    </p>
    <div class="actions">
      <button part="primary-action" type="button" @click=${() => f.go(2)}>${msg('Choose a time', { id: 'booking.choose' })}</button>
    </div>`;
}

function times(f: Flow): TemplateResult {
  const { slots, week, errors } = f;
  const range = new Intl.DateTimeFormat(f.lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).formatRange(Date.parse(week), Date.parse(addDays(week, 6)));
  const next = () => f.move(7);
  let body: unknown;
  if (slots?.error !== undefined) {
    body = html`<div role="alert" class="problem">
      <p>${describeError(f, slots.error)}</p>
      <button type="button" @click=${f.loadSlots}>${msg('Retry', { id: 'common.retry' })}</button>
    </div>`;
  } else if (!slots?.data) {
    body = html`<div class="grid skeleton" aria-hidden="true">${[0, 1, 2, 3, 4].map(() => html`<div class="day"><span></span><span></span><span></span></div>`)}</div>`;
  } else {
    const days = groupByDay(slots.data, week, f.zone);
    const dayName = dtf(f, { weekday: 'long', day: 'numeric', month: 'long' }, 'UTC');
    // 09:00 where clocks run 0–23 (en-GB, uk), 9:00 AM where they do not (en-US).
    const h23 = /h2[34]/.test(dtf(f, { hour: 'numeric' }).resolvedOptions().hourCycle!);
    const time = dtf(f, { hour: h23 ? '2-digit' : 'numeric', minute: '2-digit' });
    const [cd, ci] = f.cursor;
    body = days.length
      ? html`<div class="grid" @keydown=${f.onGridKey}>
          ${days.map(
            (day, d) => html`<div class="day" role="group" aria-labelledby="day${d}">
              <h4 id="day${d}">${dayName.format(Date.parse(day.key))}</h4>
              ${day.slots.map(
                (slot, i) => html`<button
                  part="slot"
                  type="button"
                  tabindex=${d == cd && i == ci ? 0 : -1}
                  aria-current=${slot.start == f.selected?.start ? 'true' : nothing}
                  @click=${() => f.pick(slot)}
                >
                  ${time.format(Date.parse(slot.start))}
                </button>`,
              )}
            </div>`,
          )}
        </div>`
      : html`<div class="empty">
          <p>${msg('No free times this week.', { id: 'booking.empty' })}</p>
          <button type="button" @click=${next}>${msg('Show the next week', { id: 'booking.empty.next' })}</button>
        </div>`;
  }
  return html`${f.notice ? html`<p role="alert" class="problem">${f.notice}</p>` : nothing}
    <div class="field zone">
      <label for="tz">${msg('Times are shown in this time zone', { id: 'booking.zone' })}</label>
      <input
        id="tz"
        list="zones"
        autocomplete="off"
        spellcheck="false"
        .value=${f.zone}
        @change=${f.setZone}
        aria-invalid=${errors.tz ? 'true' : 'false'}
        aria-describedby=${errors.tz ? 'tz-hint tz-err' : 'tz-hint'}
      />
      <datalist id="zones">${Intl.supportedValuesOf('timeZone').map((zone) => html`<option value=${zone}></option>`)}</datalist>
      <span id="tz-hint" class="muted">${zoneName(f)}</span>
      ${errors.tz ? html`<span id="tz-err" class="error">${errors.tz}</span>` : nothing}
    </div>
    <div class="week">
      <button type="button" ?disabled=${week <= f.today} @click=${() => f.move(-7)}>${msg('Previous week', { id: 'booking.week.previous' })}</button>
      <strong>${range}</strong>
      <button type="button" @click=${next}>${msg('Next week', { id: 'booking.week.next' })}</button>
    </div>
    ${body}
    <div class="actions">${backButton(f)}</div>`;
}

/** One labelled field, its hint and its error, linked by aria-describedby. */
function field(f: Flow, name: keyof Details, label: string, control: (described: string, invalid: string) => TemplateResult, hint?: string): TemplateResult {
  const error = f.errors[name];
  const described = [hint && `${name}-hint`, error && `${name}-err`].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${name}>${label}</label>
    ${control(described, error ? 'true' : 'false')}
    ${hint ? html`<span id="${name}-hint" class="muted">${hint}</span>` : nothing}
    ${error ? html`<span id="${name}-err" class="error">${error}</span>` : nothing}
  </div>`;
}

function details(f: Flow): TemplateResult {
  const d = f.details;
  const privacy = safeUrl(f.host.privacyUrl);
  const optional = msg('optional', { id: 'booking.optional' });
  const text = (name: 'name' | 'email' | 'phone', type: string, label: string, max: number, autocomplete: string, hint?: string) =>
    field(
      f,
      name,
      label,
      (described, invalid) =>
        html`<input id=${name} name=${name} type=${type} maxlength=${max} autocomplete=${autocomplete} .value=${d[name]} @input=${f.input} aria-invalid=${invalid} aria-describedby=${described || nothing} />`,
      hint,
    );
  return html`<form novalidate @submit=${f.submitDetails}>
    ${text('name', 'text', msg('Name', { id: 'booking.name' }), 100, 'name')}
    ${text('email', 'email', msg('Email', { id: 'booking.email' }), 254, 'email')}
    ${text('phone', 'tel', msg('Phone', { id: 'booking.phone' }), 40, 'tel', `${optional} · ${msg('digits, spaces and + ( ) -', { id: 'booking.phone.hint' })}`)}
    ${field(
      f,
      'note',
      msg('Anything you would like the specialist to know', { id: 'booking.note' }),
      (described, invalid) =>
        html`<textarea id="note" name="note" rows="3" maxlength="1000" .value=${d.note} @input=${f.input} aria-invalid=${invalid} aria-describedby=${described}></textarea>`,
      `${optional} · ${d.note.length} / 1000`,
    )}
    <div class="field check">
      <input
        id="consent"
        name="consent"
        type="checkbox"
        .checked=${d.consent}
        @change=${f.input}
        aria-invalid=${f.errors.consent ? 'true' : 'false'}
        aria-describedby=${f.errors.consent ? 'consent-err' : nothing}
      />
      <label for="consent">${msg('I agree that my details are stored and used to arrange this consultation.', { id: 'booking.consent' })}</label>
      ${privacy ? html`<a href=${privacy} target="_blank" rel="noopener">${msg('Privacy notice', { id: 'booking.privacy' })}</a>` : nothing}
      ${f.errors.consent ? html`<span id="consent-err" class="error">${f.errors.consent}</span>` : nothing}
    </div>
    <div class="actions">${backButton(f)}<button part="primary-action">${msg('Continue', { id: 'booking.continue' })}</button></div>
  </form>`;
}

function confirm(f: Flow): TemplateResult {
  const d = f.details;
  const row = (term: string, value: string) => (value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing);
  return html`<dl class="summary">
      ${row(msg('When', { id: 'booking.when' }), `${when(f, f.selected!)} (${zoneName(f)})`)}
      ${row(msg('With', { id: 'booking.withLabel' }), f.specialist?.name ?? '')} ${row(msg('Name', { id: 'booking.name' }), d.name)}
      ${row(msg('Email', { id: 'booking.email' }), d.email)} ${row(msg('Phone', { id: 'booking.phone' }), d.phone)}
      ${row(msg('Note', { id: 'booking.noteLabel' }), d.note)}
    </dl>
    <p class="muted">${msg('Free · 30 minutes · no obligation', { id: 'booking.terms' })}</p>
    ${f.bookError ? html`<div role="alert" class="problem"><p>${describeError(f, f.bookError)}</p></div>` : nothing}
    <div class="actions">
      ${backButton(f)}
      <button part="primary-action" type="button" aria-disabled=${f.pending ? 'true' : 'false'} @click=${f.confirm}>
        ${f.pending
          ? msg('Booking…', { id: 'booking.pending' })
          : f.bookError
            ? msg('Try again', { id: 'booking.retry' })
            : msg('Confirm booking', { id: 'booking.confirm' })}
      </button>
    </div>`;
}

function booked(f: Flow, dialog: boolean): TemplateResult {
  const b = f.booking!;
  const ics = safeUrl(b.icsUrl);
  const manage = safeUrl(b.manageUrl);
  return html`<p class="booked"><strong>${when(f, b)}</strong> (${zoneName(f)})</p>
    <div class="actions">
      ${ics ? html`<a part="primary-action" href=${ics} download="consultation.ics">${msg('Add to calendar', { id: 'booking.ics' })}</a>` : nothing}
      ${manage ? html`<a href=${manage} target="_blank" rel="noopener">${msg('Manage or cancel this booking', { id: 'booking.manage' })}</a>` : nothing}
    </div>
    <h4>${msg('What happens next', { id: 'booking.next' })}</h4>
    <p>
      ${msg(str`The clinic will contact you at ${f.details.email} with how to join. To change or cancel, use the link above; the calendar entry holds it too.`, {
        id: 'booking.next.text',
      })}
    </p>
    ${dialog ? html`<div class="actions"><button type="button" @click=${f.port.close}>${msg('Close', { id: 'booking.close' })}</button></div>` : nothing}`;
}
