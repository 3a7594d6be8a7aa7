/**
 * What the booking flow's steps share (and the choices, choices.ts): dates, times and durations in
 * the shown zone and the element's language, the words for a failed call, and the small pieces
 * several steps show (Back, a problem with Retry, placeholders, what to expect).
 */
import { html } from 'lit-html';
import { isHearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import type { Flow } from './flow.js';

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
export const serviceLine = (f: Flow, service: { name: string; durationMinutes: number; price?: string | null }) =>
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

/** What to expect: the first step's text (also above the list of specialists). */
export const about = () =>
  html`<slot name="intro"
    ><p>
      ${msg('A free first conversation of 30 minutes with a mental-health specialist, about what is going on and what could help. There is no obligation to continue.', {
        id: 'booking.intro',
      })}
    </p></slot
  >`;
