/**
 * What the booking flow shows: the frame every step shares (title, the list of steps, the step's
 * heading, the crisis notice, the live region) and the first steps; the later ones have a module
 * each (time-step.ts, details-step.ts, confirm-step.ts), the choices a chunk of their own
 * (choices.ts). Pure rendering of the Flow's state; every string goes through msg(), every date and
 * time through Intl in the shown zone and the element's language.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { crisisNotice } from '../core/crisis.js';
import { msg, str } from '../core/localization.js';
import { booked, confirm } from './confirm-step.js';
import { details } from './details-step.js';
import type { Flow, Step } from './flow.js';
import type { Loaded } from './loading.js';
import { about, problem, serviceLine, skeleton, when, zoneName } from './parts.js';
import { times } from './time-step.js';

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

function intro(f: Flow): TemplateResult {
  const next = f.next;
  return html`${about()}
    <div class="actions">
      <button part="primary-action" type="button" @click=${() => f.go(next)}>
        ${next == 'time' ? msg('Choose a time', { id: 'booking.choose' }) : msg('Continue', { id: 'booking.continue' })}
      </button>
    </div>`;
}
