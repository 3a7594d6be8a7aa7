/** The Bookings section's pieces that only show data: a booking's card, times, statuses. @internal */
import type { TemplateResult } from 'lit-html';
import { html, msg, nothing, str } from './forms.js';
import type { StaffBooking } from '../core/backend.js';

/** The zone the staff member reads times in (the browser's). */
export const staffZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A date and time; in `timeZone` when given (an unknown zone: the reader's). */
export function dateTime(iso: string, locale: string | undefined, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
  }
}

export const when = (w: 'upcoming' | 'past'): string =>
  w == 'upcoming' ? msg('Upcoming', { id: 'desk.bookings.upcoming' }) : msg('Past', { id: 'desk.bookings.past' });

export function statusText(b: StaffBooking): string {
  switch (b.status) {
    case 'confirmed':
      return msg('Booked', { id: 'desk.bookings.status.confirmed' });
    case 'attended':
      return msg('Attended', { id: 'desk.bookings.status.attended' });
    case 'no-show':
      return msg('Did not come', { id: 'desk.bookings.status.noShow' });
  }
  return b.cancelledBy == 'visitor'
    ? msg('Cancelled by the visitor', { id: 'desk.bookings.status.cancelledByVisitor' })
    : msg('Cancelled by the clinic', { id: 'desk.bookings.status.cancelledByStaff' });
}

export interface CardOptions {
  past: boolean;
  showSpecialist: boolean;
  /** A status on its way. */
  marking?: string;
  /** Why the last status change failed. */
  error: string;
  cancel(): void;
  mark(status: 'attended' | 'no-show'): void;
}

/** A `tel:` URL of a phone number (digits and a leading +). */
const tel = (phone: string) => 'tel:' + phone.replace(/[^\d+]/g, '');

/** One booking: when (the staff member's zone; the visitor's noted when it differs), who, how to reach them, what, status, note, actions. */
export function bookingCard(b: StaffBooking, locale: string | undefined, o: CardOptions): TemplateResult {
  const heading = `b-${b.id}`;
  const visitorZone = b.timeZone && b.timeZone != staffZone() ? b.timeZone : '';
  const duration = b.service?.durationMinutes ?? Math.round((Date.parse(b.end) - Date.parse(b.start)) / 6e4);
  const mark = (status: 'attended' | 'no-show', label: string) =>
    html`<button
      type="button"
      part="button"
      class="secondary"
      aria-pressed=${b.status == status}
      aria-disabled=${o.marking ? 'true' : nothing}
      aria-describedby=${heading}
      @click=${() => o.mark(status)}
    >
      ${label}
    </button>`;
  return html`<li part="booking" class="card ${b.status == 'cancelled' ? 'off' : ''}">
    <h3 id=${heading} tabindex="-1"><time datetime=${b.start}>${dateTime(b.start, locale)}</time> · ${b.name}</h3>
    ${visitorZone
      ? html`<p class="note">${msg(str`The visitor’s time: ${dateTime(b.start, locale, visitorZone)} (${visitorZone})`, { id: 'desk.bookings.visitorTime' })}</p>`
      : nothing}
    <dl>
      <dt>${msg('Contact', { id: 'desk.bookings.contact' })}</dt>
      <dd>
        <a href=${'mailto:' + encodeURI(b.email)}>${b.email}</a>${b.phone ? html` · <a href=${tel(b.phone)}>${b.phone}</a>` : nothing}
      </dd>
      <dt>${msg('Service', { id: 'desk.bookings.service' })}</dt>
      <dd>${msg(str`${b.service?.name ?? msg('Consultation', { id: 'desk.bookings.consultation' })}, ${duration} min`, { id: 'desk.bookings.serviceLine' })}</dd>
      ${o.showSpecialist ? html`<dt>${msg('Specialist', { id: 'desk.role.specialist' })}</dt><dd>${b.specialist.name}</dd>` : nothing}
      <dt>${msg('Status', { id: 'desk.bookings.status' })}</dt>
      <dd>${statusText(b)}</dd>
      ${b.note ? html`<dt>${msg('Note', { id: 'desk.bookings.note' })}</dt><dd class="body">${b.note}</dd>` : nothing}
      ${b.cancelReason ? html`<dt>${msg('Reason', { id: 'desk.bookings.cancel.reason' })}</dt><dd class="body">${b.cancelReason}</dd>` : nothing}
    </dl>
    ${b.status == 'cancelled'
      ? nothing
      : html`<div class="actions">
          ${o.past
            ? [mark('attended', msg('Attended', { id: 'desk.bookings.status.attended' })), mark('no-show', msg('Did not come', { id: 'desk.bookings.status.noShow' }))]
            : html`<button type="button" part="button" class="secondary" aria-describedby=${heading} @click=${o.cancel}>${msg('Cancel…', { id: 'desk.bookings.cancelOpen' })}</button>`}
        </div>`}
    <p role="status" part="error">${o.error}</p>
  </li>`;
}
