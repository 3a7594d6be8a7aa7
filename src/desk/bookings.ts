/**
 * The desk's Bookings section (a lazy chunk): upcoming (soonest first) or past (latest first)
 * bookings, a specialist's own or, for an admin, everyone's or one specialist's; paged by cursor.
 * Staff cancel an upcoming booking with a reason (the visitor is told by email; the reason stays
 * with the clinic), mark a past one attended or no-show, and an admin exports every booking as CSV.
 *
 * @internal
 */
import type { TemplateResult } from 'lit-html';
import { dateLocale, errorView, field, FormDialog, html, loadingView, msg, newKey, nothing, sectionProblem, start, str, wellFormed } from './forms.js';
import type { BookingQuery, SpecialistDetail, StaffBooking } from '../core/backend.js';
import { bookingCard, dateTime, staffZone, when as whenText } from './booking-view.js';
import type { DeskContext, Section } from './section.js';

export const PAGE = 25;
type When = 'upcoming' | 'past';

export const section = (desk: DeskContext): Section => new Bookings(desk);

class Bookings implements Section {
  when: When = 'upcoming';
  /** Admin: one specialist's, or '' for all. */
  specialist = '';
  items: StaffBooking[] = [];
  next: string | null = null;
  state: 'loading' | 'ready' | 'error' = 'loading';
  more: 'idle' | 'loading' | 'error' = 'idle';
  error?: unknown;
  specialists?: SpecialistDetail[];
  /** The booking the cancel dialog is for. */
  cancelling?: StaffBooking;
  cancel: FormDialog;
  /** Bookings with a status change on its way, and the failures of those that failed. */
  marking = new Map<string, string>();
  markErrors = new Map<string, unknown>();
  exporting = false;
  exportError?: unknown;
  #generation = 0;

  constructor(readonly desk: DeskContext) {
    start(desk);
    this.cancel = new FormDialog(desk, 'cancel-dialog');
    void this.load();
    if (this.#admin)
      void desk
        .backend()
        ?.listClinicSpecialists?.()
        .then((list) => (this.specialists = list), desk.failed)
        .finally(() => desk.host.requestUpdate());
  }

  get #admin(): boolean {
    return this.desk.user()?.role == 'admin';
  }


  /** The first page of what is chosen, or (`more`) the following one. */
  async load(more = false): Promise<void> {
    const { desk } = this;
    if (more && (!this.next || this.more == 'loading')) return;
    const generation = more ? this.#generation : ++this.#generation;
    if (more) this.more = 'loading';
    else Object.assign(this, { state: 'loading', items: [], next: null, more: 'idle' });
    desk.host.requestUpdate();
    const query: BookingQuery = { when: this.when, limit: PAGE };
    if (this.specialist) query.specialist = this.specialist;
    if (more) query.before = this.next!;
    try {
      const backend = desk.backend();
      if (!backend?.listBookings) throw new Error('hearth-desk: the backend has no listBookings');
      const page = await backend.listBookings(query);
      if (generation != this.#generation) return;
      const seen = new Set(this.items.map((b) => b.id));
      this.items = [...this.items, ...page.items.filter((b) => !seen.has(b.id))];
      this.next = page.next;
      this.state = 'ready';
      this.more = 'idle';
    } catch (error) {
      if (generation != this.#generation) return;
      desk.failed(error);
      if (more) this.more = 'error';
      else Object.assign(this, { state: 'error', error });
    }
    desk.host.requestUpdate();
  }

  async #loadMore(): Promise<void> {
    const count = this.items.length;
    await this.load(true);
    await this.desk.host.updateComplete;
    // "Load more" is gone after the last page: focus the first new booking.
    if (!this.desk.host.renderRoot.querySelector('.bookings .more')) this.#focusBooking(this.items[count]?.id);
  }

  #focusBooking(id?: string): void {
    if (id) this.desk.host.renderRoot.querySelector<HTMLElement>(`[id="b-${CSS.escape(id)}"]`)?.focus();
  }

  #replace(booking: StaffBooking): void {
    this.items = this.items.map((b) => (b.id == booking.id ? booking : b));
  }

  #choose(patch: Partial<Pick<Bookings, 'when' | 'specialist'>>): void {
    Object.assign(this, patch);
    void this.load();
  }

  // —— cancel ——

  #openCancel(booking: StaffBooking): void {
    this.cancelling = booking;
    this.cancel.open();
  }

  async #submitCancel(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const booking = this.cancelling;
    const reason = wellFormed(String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim());
    if (!booking || this.cancel.pending) return;
    if (!reason) return this.cancel.invalid({ reason: [msg('Write why it is cancelled, for the clinic’s records.', { id: 'desk.bookings.cancel.required' })] });
    const done = await this.cancel.submit(async (key) => {
      const backend = this.desk.backend();
      if (!backend?.cancelBookingAsStaff) throw new Error('hearth-desk: the backend has no cancelBookingAsStaff');
      this.#replace(await backend.cancelBookingAsStaff(booking.id, { reason }, { idempotencyKey: key }));
    }, ['reason']);
    if (!done) return;
    this.desk.announce(msg('Booking cancelled. The visitor will be told by email.', { id: 'desk.bookings.cancelled' }));
    this.desk.host.emit('hearth-desk-booking-updated', { bookingId: booking.id, status: 'cancelled' });
    await this.desk.host.updateComplete;
    this.#focusBooking(booking.id);
  }

  // —— attended / no-show ——

  async #mark(booking: StaffBooking, status: 'attended' | 'no-show'): Promise<void> {
    if (this.marking.has(booking.id) || booking.status == status) return;
    this.marking.set(booking.id, status);
    this.markErrors.delete(booking.id);
    this.desk.host.requestUpdate();
    try {
      const backend = this.desk.backend();
      if (!backend?.updateBooking) throw new Error('hearth-desk: the backend has no updateBooking');
      this.#replace(await backend.updateBooking(booking.id, { status }, { idempotencyKey: newKey() }));
      this.desk.announce(
        status == 'attended'
          ? msg(str`${booking.name}: attended`, { id: 'desk.bookings.markedAttended' })
          : msg(str`${booking.name}: did not come`, { id: 'desk.bookings.markedNoShow' }),
      );
      this.desk.host.emit('hearth-desk-booking-updated', { bookingId: booking.id, status });
    } catch (error) {
      this.desk.failed(error);
      this.markErrors.set(booking.id, error);
    } finally {
      this.marking.delete(booking.id);
      this.desk.host.requestUpdate();
    }
  }

  // —— CSV ——

  /**
   * Downloads every booking as CSV through a Blob and an object URL: no page navigation, the
   * request carries the backend's own credentials (a bearer token too), and a `blob:` download
   * is allowed by the /desk page's CSP (no script or Trusted Types sink is involved).
   */
  async #export(): Promise<void> {
    if (this.exporting) return;
    this.exporting = true;
    this.exportError = undefined;
    this.desk.host.requestUpdate();
    try {
      const backend = this.desk.backend();
      if (!backend?.exportBookings) throw new Error('hearth-desk: the backend has no exportBookings');
      const csv = await backend.exportBookings();
      // A byte order mark tells spreadsheet programs the text is UTF-8 (names in any script).
      const url = URL.createObjectURL(new Blob([csv.startsWith('\uFEFF') ? '' : '\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `bookings-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 6e4);
      this.desk.announce(msg('The bookings were exported as a CSV file.', { id: 'desk.bookings.exported' }));
    } catch (error) {
      this.desk.failed(error);
      this.exportError = error;
    } finally {
      this.exporting = false;
      this.desk.host.requestUpdate();
    }
  }

  // —— rendering ——

  render(): TemplateResult {
    const admin = this.#admin;
    const zone = staffZone();
    const locale = dateLocale(this.desk.host);
    let body: unknown;
    if (this.state == 'error') body = errorView(msg('The bookings could not be loaded.', { id: 'desk.bookings.error' }), this.error, () => this.load());
    else if (this.state == 'loading') body = loadingView(msg('Loading bookings…', { id: 'desk.bookings.loading' }));
    else if (!this.items.length)
      body = html`<p class="state">
        ${this.when == 'upcoming' ? msg('No upcoming bookings', { id: 'desk.bookings.empty.upcoming' }) : msg('No past bookings', { id: 'desk.bookings.empty.past' })}
      </p>`;
    else
      body = html`<ul class="cards" aria-label=${msg('Bookings', { id: 'desk.bookings' })}>
          ${this.items.map((b) =>
            bookingCard(b, locale, {
              past: this.when == 'past',
              showSpecialist: admin && !this.specialist,
              marking: this.marking.get(b.id),
              error: this.markErrors.has(b.id) ? sectionProblem(this.markErrors.get(b.id)) : '',
              cancel: () => this.#openCancel(b),
              mark: (status) => this.#mark(b, status),
            }),
          )}
        </ul>
        ${this.next
          ? html`<button type="button" part="button" class="more secondary" aria-disabled=${this.more == 'loading' ? 'true' : nothing} @click=${() => this.#loadMore()}>
              ${this.more == 'loading' ? msg('Loading…', { id: 'desk.loading' }) : msg('Load more', { id: 'desk.list.more' })}
            </button>`
          : nothing}
        <p role="status" part="error">${this.more == 'error' ? msg('More bookings could not be loaded. Try again.', { id: 'desk.bookings.moreError' }) : ''}</p>`;
    return html`<section part="section" class="pane bookings" aria-labelledby="bookings-title">
      <div class="bar">
        <h2 id="bookings-title">${msg('Bookings', { id: 'desk.bookings' })}</h2>
        <span class="note">${msg(str`Times in ${zone}`, { id: 'desk.bookings.zone' })}</span>
        ${admin
          ? html`<button type="button" part="button" class="secondary" aria-disabled=${this.exporting ? 'true' : nothing} @click=${() => this.#export()}>
              ${this.exporting ? msg('Exporting…', { id: 'desk.bookings.exporting' }) : msg('Export CSV', { id: 'desk.bookings.export' })}
            </button>`
          : nothing}
      </div>
      <p role="status" part="error">${this.exportError ? html`${msg('The export failed.', { id: 'desk.bookings.exportError' })} ${sectionProblem(this.exportError)}` : ''}</p>
      <div class="row">
        <div role="group" part="filters" class="filters" aria-label=${msg('Show', { id: 'desk.filters' })}>
          ${(['upcoming', 'past'] as const).map((w) => html`<button type="button" aria-pressed=${w == this.when} @click=${() => this.#choose({ when: w })}>${whenText(w)}</button>`)}
        </div>
        ${admin
          ? html`<label class="assign"
              >${msg('Specialist', { id: 'desk.role.specialist' })}
              <select @change=${(e: Event) => this.#choose({ specialist: (e.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${!this.specialist}>${msg('All specialists', { id: 'desk.bookings.all' })}</option>
                ${this.specialists?.map((s) => html`<option value=${s.id} ?selected=${s.id == this.specialist}>${s.name}</option>`)}
              </select></label
            >`
          : nothing}
      </div>
      ${body} ${this.#cancelDialog()}
    </section>`;
  }

  #cancelDialog(): TemplateResult {
    const booking = this.cancelling;
    const dialog = this.cancel;
    return html`<dialog id="cancel-dialog" part="dialog" aria-labelledby="cancel-title" aria-describedby="cancel-hint" @close=${() => this.desk.host.requestUpdate()}>
      <form novalidate @submit=${(e: SubmitEvent) => this.#submitCancel(e)} @input=${(e: Event) => dialog.changed(e)}>
        <h2 id="cancel-title">${msg('Cancel the booking', { id: 'desk.bookings.cancel.title' })}</h2>
        ${booking ? html`<p>${booking.name} · ${dateTime(booking.start, dateLocale(this.desk.host))}</p>` : nothing}
        <p id="cancel-hint">${msg('The visitor will be told by email; the reason stays with the clinic.', { id: 'desk.bookings.cancel.hint' })}</p>
        ${field(
          'cancel-reason',
          msg('Reason', { id: 'desk.bookings.cancel.reason' }),
          dialog.errors.reason,
          (d, i) => html`<textarea id="cancel-reason" name="reason" required maxlength="500" aria-describedby=${d} aria-invalid=${i}></textarea>`,
        )}
        ${dialog.actions(
          msg('Cancel booking', { id: 'desk.bookings.cancel' }),
          msg('Cancelling…', { id: 'desk.bookings.cancelling' }),
          msg('Keep booking', { id: 'desk.bookings.keep' }),
        )}
      </form>
    </dialog>`;
  }
}
