/** The time step: the zone, the week, and the day and time grid (an APG grid, one tab stop). */
import { html, nothing, type TemplateResult } from 'lit-html';
import { msg } from '../core/localization.js';
import type { Flow } from './flow.js';
import { backButton, dtf, problem, skeleton, zoneName } from './parts.js';
import type { Variant } from './steps.js';
import { addDays, groupByDay } from './time.js';

export function times(f: Flow, _dialog: boolean, v?: Variant): TemplateResult {
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
    // keys move (focus.ts moveInGrid), as the description says.
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
