/**
 * What each step of the booking flow shows. Pure rendering of the Flow's state; every string goes
 * through msg(), every date and time through Intl in the shown zone and the element's language.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { crisisNotice } from '../core/crisis.js';
import { isHearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import { safeUrl } from '../core/safe-markup.js';
import type { Details, Flow, Loaded, Step } from './flow.js';
import { addDays, groupByDay } from './time.js';

export const dtf = (f: Flow, options: Intl.DateTimeFormatOptions, timeZone = f.zone) => new Intl.DateTimeFormat(f.lang, { timeZone, ...options });

/** "Eastern European Summer Time" for the shown zone, now. */
export const zoneName = (f: Flow) =>
  dtf(f, { timeZoneName: 'long' })
    .formatToParts(Date.now())
    .find((part) => part.type == 'timeZoneName')?.value;

/** "Monday, 30 March 2026, 09:00–09:30" in the shown zone. */
export const when = (f: Flow, slot: { start: string; end: string }) => dtf(f, { dateStyle: 'full', timeStyle: 'short' }).formatRange(Date.parse(slot.start), Date.parse(slot.end));

/** "30 min". */
export const minutes = (f: Flow, n: number) => new Intl.NumberFormat(f.lang, { style: 'unit', unit: 'minute' }).format(n);

/** A service's price label: "free" is said in the visitor's language, a price text ("€60") as the clinic wrote it. */
export const price = (label?: string | null) => (label && /^free$/i.test(label) ? msg('Free', { id: 'booking.free' }) : label);

/** A service as one line: "Free initial consultation · 30 min · Free". */
const serviceLine = (f: Flow, service: { name: string; durationMinutes: number; price?: string | null }) =>
  [service.name, minutes(f, f.duration ?? service.durationMinutes), price(service.price)].filter(Boolean).join(' · ');

/** What the visitor is told when a backend call failed, by what happened. */
export function describeError(f: Flow, error: unknown): string {
  switch (isHearthError(error) && error.kind) {
    case 'offline':
      return msg('You seem to be offline. Check your connection, then try again. Nothing you entered is lost.', { id: 'booking.error.offline' });
    case 'unreachable':
    case 'timeout':
      return msg('Could not reach the service. Try again later; nothing you entered is lost.', { id: 'booking.error.unreachable' });
    case 'rate-limited': {
      const wait = minutes(f, Math.ceil(((error as { retryAfter?: number }).retryAfter ?? 60) / 60));
      return msg(str`Too many bookings in a short time. Try again in ${wait}.`, { id: 'booking.error.rateLimited' });
    }
    case 'malformed':
      return msg('The server sent an answer that could not be read. Try again in a moment; nothing you entered is lost.', { id: 'booking.error.malformed' });
    case 'validation':
      return msg('The server did not accept this booking. Go back to check your details, or try again; nothing you entered is lost.', { id: 'booking.error.invalid' });
    default:
      return msg('Something went wrong on our side. Try again in a moment; nothing you entered is lost.', { id: 'booking.error.server' });
  }
}

/** What another use of the flow (rescheduling, reschedule.ts) says instead of the booking's words. */
export interface Variant {
  title: string;
  /** Under the title. */
  head: unknown;
  /** The last step's name. */
  done: string;
  /** The time step's notice (`f.notice` is set). */
  notice?: string;
  /** The confirm step's primary action (a slot is selected). */
  confirm?: string;
  /** The last step's text (also announced). */
  said?: string;
  /** Why the flow stopped, when it was not the page's mistake (`f.stop` is set). */
  stopped?: string;
}

const stepNames = (v?: Variant): Record<Step, string> => ({
  intro: msg('What to expect', { id: 'booking.step.intro' }),
  who: msg("Choose who you'd like to talk to", { id: 'booking.step.who' }),
  service: msg('What would you like to book?', { id: 'booking.step.service' }),
  time: msg('Pick a time', { id: 'booking.step.time' }),
  details: msg('Your details', { id: 'booking.step.details' }),
  confirm: msg('Confirm', { id: 'booking.step.confirm' }),
  done: v?.done ?? msg('Booked', { id: 'booking.step.booked' }),
});

export const backButton = (f: Flow) => html`<button type="button" @click=${f.back}>${msg('Back', { id: 'booking.back' })}</button>`;

/** A failed call: what happened, and Retry. */
export const problem = (f: Flow, error: unknown, retry: () => void) =>
  html`<div role="alert" part="notice" class="problem">
    <p>${describeError(f, error)}</p>
    <button type="button" @click=${retry}>${msg('Retry', { id: 'common.retry' })}</button>
  </div>`;

/** Placeholders while something loads. */
export const skeleton = (n: number) =>
  html`<div class="grid skeleton" aria-hidden="true">${[...Array(n)].map(() => html`<div class="day"><span></span><span></span><span></span></div>`)}</div>`;

/** Whom to talk to, or what to book, once their chunk is here (flow.ts `choices`). */
function choose(f: Flow): TemplateResult {
  const { data, error } = f.choices ?? {};
  if (data) return f.step == 'who' ? data.who(f) : data.services(f);
  return error === undefined ? skeleton(2) : problem(f, error, f.loadChoices);
}

/** True while a call runs. */
const loading = (l?: Loaded<unknown> | false) => !!l && !l.data && !l.error;

export function renderFlow(f: Flow, dialog: boolean, v?: Variant): TemplateResult {
  const names = stepNames(v);
  const { specialist: person, step, stop } = f;
  // The flow's polite live region: what is happening, the booking made, a time zone it cannot use.
  const status = stop
    ? ''
    : loading(step == 'time' ? f.slots : step == 'who' ? f.people : step == 'service' && f.services)
      ? msg('Loading…', { id: 'booking.loading' })
      : f.pending
          ? msg('Booking…', { id: 'booking.pending' })
          : step == 'done'
            ? v
              ? v.said
              : msg(str`Booked: ${when(f, f.booking!)} (${zoneName(f)})`, { id: 'booking.said' })
            : step == 'time'
              ? f.errors.tz
              : '';
  // Named by the title and the specialist: two inline flows on one page are two landmarks apart.
  return html`<div part="flow" class="flow" role=${dialog ? nothing : 'region'} aria-labelledby="title with" aria-describedby="crisis">
    <div class="head">
      <h2 id="title">${v?.title ?? msg('Book a free consultation', { id: 'booking.label' })}</h2>
      ${v
        ? v.head
        : html`${person ? html`<p id="with" class="muted">${msg(str`With ${person.name}, ${person.title}`, { id: 'booking.with' })}</p>` : nothing}
          ${f.service ? html`<p class="muted">${serviceLine(f, f.service)}</p>` : nothing}`}
      ${dialog
        ? html`<button class="close" type="button" aria-label=${msg('Close', { id: 'booking.close' })} @click=${f.host.close}>×</button>`
        : nothing}
    </div>
    <ol part="steps" class="steps">
      ${f.steps.map((s) => html`<li part=${s == step ? 'step current' : 'step'} aria-current=${s == step ? 'step' : nothing}>${names[s]}</li>`)}
    </ol>
    <section aria-labelledby="step">
      <h3 id="step" tabindex="-1">${names[step]}</h3>
      ${stop
        ? html`<p role="alert" part="notice" class="problem">
            ${stop == 'setup' ? msg('This booking button is not set up correctly. Please contact the clinic directly.', { id: 'booking.error.setup' }) : v?.stopped}
          </p>`
        : { intro, who: choose, service: choose, time: times, details, confirm, done: booked }[step](f, dialog, v)}
    </section>
    ${crisisNotice(f.host.crisisLine)}
    <p role="status" class="sr">${status}</p>
  </div>`;
}

/** What to expect: the first step's text (also above the list of specialists). */
export const about = () =>
  html`<slot name="intro"
    ><p>
      ${msg('A free first conversation of 30 minutes with a mental-health specialist, about what is going on and what could help. There is no obligation to continue.', {
        id: 'booking.intro',
      })}
    </p></slot
  >`;

function intro(f: Flow): TemplateResult {
  const next = f.next;
  return html`${about()}
    <div class="actions">
      <button part="primary-action" type="button" @click=${() => f.go(next)}>
        ${next == 'time' ? msg('Choose a time', { id: 'booking.choose' }) : msg('Continue', { id: 'booking.continue' })}
      </button>
    </div>`;
}

function times(f: Flow, _dialog: boolean, v?: Variant): TemplateResult {
  const { slots, week, errors } = f;
  const range = dtf(f, { day: 'numeric', month: 'short' }, 'UTC').formatRange(Date.parse(week), Date.parse(addDays(week, 6)));
  const next = () => f.move(7);
  let body: unknown;
  if (slots?.error !== undefined) {
    body = problem(f, slots.error, f.loadSlots);
  } else if (!slots?.data) {
    body = skeleton(5);
  } else {
    const days = groupByDay(slots.data, week, f.zone);
    const dayName = dtf(f, { weekday: 'long', day: 'numeric', month: 'long' }, 'UTC');
    // The language's own short time: 09:00 (en-GB, uk, de), 9:00 AM (en-US).
    const time = dtf(f, { timeStyle: 'short' });
    const [cd, ci] = f.cursor;
    // An APG grid: a row per day (its name the row header), a cell per time; one tab stop, the arrow
    // keys move (flow.ts onGridKey), as the description says.
    body = days.length
      ? html`<div class="grid" role="grid" aria-describedby="keys" @keydown=${f.onGridKey}>
            ${days.map(
              (day, d) => html`<div class="day" role="row">
                <b part="day" role="rowheader">${dayName.format(Date.parse(day.key))}</b>
                ${day.slots.map(
                  (slot, i) => html`<button
                    part=${slot.start == f.selected?.start ? 'slot selected' : 'slot'}
                    type="button"
                    role="gridcell"
                    tabindex=${d == cd && i == ci ? 0 : -1}
                    aria-selected=${slot.start == f.selected?.start}
                    @click=${() => f.pick(slot)}
                  >
                    ${time.format(Date.parse(slot.start))}
                  </button>`,
                )}
              </div>`,
            )}
          </div>
          <p id="keys" class="sr">${msg('Arrow keys move between days and times.', { id: 'booking.keys' })}</p>`
      : html`<div class="empty">
          <p>${msg('No free times this week.', { id: 'booking.empty' })}</p>
          <button type="button" @click=${next}>${msg('Show the next week', { id: 'booking.empty.next' })}</button>
        </div>`;
  }
  const notice =
    f.notice &&
    (v?.notice ??
      (f.notice == 'taken'
        ? msg('Someone has just booked this time. Your details are kept: pick another time.', { id: 'booking.taken' })
        : msg('This time can no longer be booked. Your details are kept: pick another time.', { id: 'booking.unavailable' })));
  return html`${notice ? html`<p role="alert" part="notice" class="problem">${notice}</p>` : nothing}
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
    <div class="actions">${f.steps[0] == 'time' ? nothing : backButton(f)}</div>`;
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
  // Required unless it has a hint: the one field with a hint is the phone, marked optional there.
  const text = (name: 'name' | 'email' | 'phone', type: string, label: string, max: number, autocomplete: string, hint?: string) =>
    field(
      f,
      name,
      label,
      (described, invalid) =>
        html`<input id=${name} name=${name} type=${type} maxlength=${max} autocomplete=${autocomplete} ?required=${!hint} .value=${d[name]} @input=${f.input} aria-invalid=${invalid} aria-describedby=${described || nothing} />`,
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
        required
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

function confirm(f: Flow, _dialog: boolean, v?: Variant): TemplateResult {
  const { selected, service } = f;
  const d = f.details;
  const row = (term: string, value?: string) => (value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing);
  return html`<dl class="summary">
      ${row(msg('When', { id: 'booking.when' }), `${when(f, selected!)} (${zoneName(f)})`)}
      ${row(msg('With', { id: 'booking.withLabel' }), f.specialist?.name)}
      ${row(msg('Service', { id: 'booking.serviceLabel' }), service && serviceLine(f, service))} ${row(msg('Name', { id: 'booking.name' }), d.name)}
      ${row(msg('Email', { id: 'booking.email' }), d.email)} ${row(msg('Phone', { id: 'booking.phone' }), d.phone)}
      ${row(msg('Note', { id: 'booking.noteLabel' }), d.note)}
    </dl>
    ${service ? nothing : html`<p class="muted">${msg('Free · 30 minutes · no obligation', { id: 'booking.terms' })}</p>`}
    ${f.bookError ? html`<div role="alert" part="notice" class="problem"><p>${describeError(f, f.bookError)}</p></div>` : nothing}
    <div class="actions">
      ${backButton(f)}
      <button part="primary-action" type="button" aria-disabled=${f.pending ? 'true' : 'false'} @click=${f.confirm}>
        ${f.pending
          ? msg('Booking…', { id: 'booking.pending' })
          : f.bookError
            ? msg('Try again', { id: 'booking.retry' })
            : (v?.confirm ?? msg('Confirm booking', { id: 'booking.confirm' }))}
      </button>
    </div>`;
}

function booked(f: Flow, dialog: boolean, v?: Variant): TemplateResult {
  const close = dialog ? html`<div class="actions"><button type="button" @click=${f.host.close}>${msg('Close', { id: 'booking.close' })}</button></div>` : nothing;
  if (v) return html`<p class="booked">${v.said}</p>${close}`;
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
    ${close}`;
}
