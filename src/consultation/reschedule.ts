/**
 * Rescheduling (`reschedule="<manage token>"`): the booking flow moving an existing booking to
 * another time of the same specialist and service. Its own chunk, loaded instead of flow.js: only
 * the page that holds the manage token (the server's manage page) needs it; a visitor who books
 * never loads it.
 *
 * Steps: a time (the booking is loaded first and shown under the title), confirm ("Move to …"),
 * done. The Idempotency-Key is made at confirm (as for a booking); a time taken meanwhile (409)
 * goes back to fresh times; a booking cancelled meanwhile (409 booking-cancelled, or a status other
 * than confirmed) says it can no longer be moved.
 */
import { html, type TemplateResult } from 'lit-html';
import type { HearthBackend, WriteOptions } from '../core/backend.js';
import type { BookingRequest, ManagedBooking, Service, Specialist } from '../core/contract.js';
import { isHearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import { Flow as BookingFlow, type Step } from './flow.js';
import { isSlot, malformed } from './loading.js';
import { dtf, when, zoneName } from './parts.js';
import { renderFlow } from './steps.js';

export { flowStyles } from './flow.styles.js';

export class Flow extends BookingFlow {
  /** The booking behind the token, as loaded (then as moved). */
  declare managed?: ManagedBooking;

  override get steps(): Step[] {
    return ['time', 'confirm', 'done'];
  }

  override get ids(): { specialist?: string; service?: string } {
    const m = this.managed;
    return { specialist: m?.specialist.id, service: m?.service?.id };
  }

  override hostConnected(): void {
    super.hostConnected();
    // Inline, the flow starts at the times: nothing to press first.
    if (this.host.mode == 'inline' && !this.slots) this.loadSlots();
  }

  /** Loads the booking (once): whose times, of which service; a booking no longer confirmed stops here. */
  override async prepare(backend: HearthBackend, signal: AbortSignal): Promise<boolean> {
    if (!this.managed) {
      const m = await backend.getBooking!(this.host.reschedule!, { signal }).catch((error) => {
        if (isHearthError(error) && error.kind == 'not-found') this.stop = 'lost';
        else throw error;
      });
      if (this.stop) return true;
      if (!isSlot(m!) || !m!.specialist) throw malformed('a booking');
      this.#hold(m!);
    }
    if (this.managed!.status != 'confirmed') this.stop = 'gone';
    return !!this.stop;
  }

  #hold(m: ManagedBooking): void {
    this.managed = m;
    // What the confirm step names: with whom, which service.
    this.specialist = m.specialist as Specialist;
    this.service = m.service as Service | undefined;
  }

  /** Moves the booking: only the new start and the visitor's zone are sent. */
  protected override async send(backend: HearthBackend, { start, timeZone }: BookingRequest, options: WriteOptions): Promise<void> {
    const m = await backend.rescheduleBooking!(this.host.reschedule!, { start, timeZone }, options);
    if (!isSlot(m)) throw malformed('a booking');
    this.#hold({ ...this.managed!, ...m });
    this.booking = m as never; // done: closing starts over
    this.host.emit('hearth-booking-rescheduled', { id: m.id, start: m.start, end: m.end });
  }

  protected override handle(error: unknown): void {
    if (isHearthError(error) && error.kind == 'conflict' && /cancelled$/.test(error.problem?.type ?? '')) {
      this.stop = 'gone';
      void this.settle();
    } else super.handle(error);
  }

  override render(dialog: boolean): TemplateResult {
    const { managed: m, selected } = this;
    return renderFlow(this, dialog, {
      title: msg('Choose another time', { id: 'booking.reschedule.label' }),
      head: m && html`<p class="muted">${msg(str`Your consultation: ${when(this, m)} with ${m.specialist.name}`, { id: 'booking.reschedule.current' })}</p>`,
      done: msg('Moved', { id: 'booking.step.moved' }),
      notice:
        this.notice == 'taken'
          ? msg('Someone has just booked this time. Pick another time.', { id: 'booking.reschedule.taken' })
          : msg('This time can no longer be booked. Pick another time.', { id: 'booking.reschedule.unavailable' }),
      confirm:
        selected && msg(str`Move to ${dtf(this, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(selected.start))}`, { id: 'booking.reschedule.confirm' }),
      said: m && msg(str`Your consultation is now on ${when(this, m)} (${zoneName(this)})`, { id: 'booking.reschedule.done' }),
      stopped:
        this.stop == 'lost'
          ? msg('This booking link does not work. Use the link in your confirmation email, or contact the clinic.', { id: 'booking.error.notFound' })
          : msg('This consultation was cancelled or has already taken place, so its time can no longer be changed.', { id: 'booking.error.gone' }),
    });
  }
}
