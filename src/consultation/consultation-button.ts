import { html, nothing, type TemplateResult } from 'lit-html';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { HearthElement } from '../core/hearth-element.js';
import { msg } from '../core/localization.js';
import type { Flow } from './flow.js';
import { buttonStyles } from './consultation-button.styles.js';

/** What a host page may prefill in the details step (never passed through a URL). */
export interface BookingPrefill {
  name?: string;
  email?: string;
  phone?: string;
  note?: string;
}

/**
 * "Book a free consultation": a button that opens a booking flow for a free, no-obligation
 * 30-minute first meeting, rendered in the page (no iframe) in the visitor's language and time zone.
 *
 * The button alone is what a page loads at first. The flow's code loads on the first hover, focus
 * or click (a separate chunk); availability is fetched when the flow opens. In `mode="inline"` the
 * flow renders in place, and its code loads when the element connects.
 *
 * Steps: what to expect, pick a time, your details, confirm, booked. Without `specialist`, the first
 * step lets the visitor choose whom to talk to (skipped when the clinic has one specialist); without
 * `service`, a specialist with several services is followed by "What would you like to book?". The
 * times are as long as the service. A taken slot (409) says so, keeps the details and goes back to
 * fresh times; a failing backend says what happened and offers Retry, keeping everything entered.
 * Confirming sends an Idempotency-Key made at that moment, so a double click or a retry books once.
 * A `specialist` or `service` the server does not offer tells the visitor the button is not set up
 * correctly, and names the attribute in `console.error`.
 *
 * With `reschedule` (a booking's manage token, e.g. on the manage page) the same flow moves that
 * booking: it shows the booking, the free times of its specialist and service, "Move to …", and
 * done. A time taken meanwhile goes back to fresh times; a cancelled booking says so.
 *
 * @summary Book a free consultation: slot picker in the visitor's time zone, details, consent, confirmation.
 * @customElement hearth-consultation-button
 *
 * @slot - The button's label (default: "Book a free consultation", localized; with `reschedule`, give one such as "Choose another time").
 * @slot intro - Replaces the text of the "What to expect" step (the emergency notice under every step stays).
 *
 * @event {CustomEvent<BookingOpenDetail>} hearth-booking-open - Cancelable: the dialog is about to open. `detail.specialist`.
 * @event {CustomEvent<SlotSelectedDetail>} hearth-slot-selected - The visitor picked a time: `detail.{start, end, timeZone}`.
 * @event {CustomEvent<BookingConfirmedDetail>} hearth-booking-confirmed - Booked: `detail.{id, start, end, timeZone, manageUrl}`.
 * @event {CustomEvent<BookingRescheduledDetail>} hearth-booking-rescheduled - The booking of `reschedule` was moved: `detail.{id, start, end}`.
 * @event {CustomEvent<BookingFailedDetail>} hearth-booking-failed - A backend call failed: `detail.error` (a `HearthError`; see `kind`), `detail.during` (`availability`, `booking` or `reschedule`).
 * @event {CustomEvent<BookingCloseDetail>} hearth-booking-close - The dialog closed: `detail.booked` says whether a booking was made.
 *
 * @csspart button - The button that opens the dialog.
 * @csspart dialog - The `<dialog>`.
 * @csspart flow - The flow's container (in the dialog or inline).
 * @csspart steps - The numbered list of steps under the title.
 * @csspart step - Each step of that list; the current one is also `current` (`::part(step current)`).
 * @csspart day - The heading of each day in the time picker ("Friday, 4 December").
 * @csspart slot - Each time in the time picker; the chosen one is also `selected` (`::part(slot selected)`).
 * @csspart choice - Each specialist and each service to choose from; the chosen one is also `selected`.
 * @csspart primary-action - The main action of each step (Choose a time, Continue, Confirm, Add to calendar).
 * @csspart notice - What went wrong (with Retry where it helps), or that the chosen time was taken: an alert.
 * @csspart crisis - The "Not for emergencies" notice with the crisis line, under every step.
 *
 * @cssproperty --hearth-font - Font (default: inherited).
 * @cssproperty --hearth-color-text - Text colour (default: inherited).
 * @cssproperty --hearth-color-muted - Hints and secondary text.
 * @cssproperty --hearth-color-accent - Buttons, the current step, selected time, links.
 * @cssproperty --hearth-color-on-accent - Text on accent-coloured buttons.
 * @cssproperty --hearth-color-focus - Focus outline (default: the accent).
 * @cssproperty --hearth-color-surface - Background of the dialog and the inline flow.
 * @cssproperty --hearth-color-border - Borders of fields, times and the flow.
 * @cssproperty --hearth-color-danger - Errors.
 * @cssproperty --hearth-color-skeleton - Loading placeholders.
 * @cssproperty --hearth-radius - Corner radius of controls and surfaces alike (default: 0.5em).
 * @cssproperty --hearth-control-radius - Corners of the buttons, times and choices (default: `--hearth-radius`); `999px` makes pills.
 * @cssproperty --hearth-surface-radius - Corners of the dialog and the inline flow, and (halved) of its fields (default: `--hearth-radius`).
 * @cssproperty --hearth-space - Base spacing.
 */
export class HearthConsultationButton extends HearthElement {
  static override styles = buttonStyles;
  static override properties: PropertyDeclarations = {
    specialist: {},
    service: {},
    reschedule: {},
    mode: { reflect: true },
    crisisLine: { attribute: 'crisis-line' },
    privacyUrl: { attribute: 'privacy-url' },
    timeZone: { attribute: 'time-zone' },
    prefill: { attribute: false },
    flow: { state: true },
    failed: { state: true },
  };

  /** Id of the specialist to book; without it, the visitor chooses among the clinic's specialists. */
  declare specialist?: string;

  /** Id of the service to book (one of the specialist's); without it, the visitor chooses when there are several. */
  declare service?: string;

  /** A booking's manage token: the button then moves that booking to another time. A secret: keep it out of URLs you log. */
  declare reschedule?: string;

  /** `dialog` (default): a button opening a modal dialog. `inline`: the flow renders in place. */
  mode: 'dialog' | 'inline' = 'dialog';

  /** A crisis line named in the "Not for emergencies" notice under every step, e.g. `988` or `Samaritans 116 123`; its number is a `tel:` link. */
  declare crisisLine?: string;

  /** URL of the privacy notice linked from the consent checkbox (http or https). */
  declare privacyUrl?: string;

  /** IANA time zone to show times in; default: the visitor's own. The visitor can change it. */
  declare timeZone?: string;

  /** Details to prefill (name, email, phone, note), e.g. from the host's signed-in user. */
  declare prefill?: BookingPrefill;

  /** The loaded flow. @internal */
  private declare flow?: Flow;
  /** The flow's code could not be loaded (offline). @internal */
  private declare failed?: boolean;
  #loading?: Promise<Flow>;

  /** Loads the flow's code (once). The button calls it on hover, focus and click. */
  load(): Promise<Flow> {
    // Rescheduling is its own chunk (a page that books never loads it).
    return (this.#loading ??= (this.reschedule ? import('./reschedule.js') : import('./flow.js')).then(
      ({ Flow, flowStyles }) => {
        const root = this.renderRoot as ShadowRoot;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, flowStyles.styleSheet!];
        return (this.flow = new Flow(this));
      },
      (error) => {
        this.#loading = undefined; // the next interaction tries again
        this.failed = true;
        throw error;
      },
    ));
  }

  /** Opens the booking dialog (loading the flow first if needed); the cancelable `hearth-booking-open` fires first. */
  async open(): Promise<void> {
    this.failed = false;
    const flow = await this.load();
    await this.updateComplete;
    const dialog = this.#dialog;
    if (!dialog || dialog.open || !this.isConnected) return;
    if (!this.emit('hearth-booking-open', { specialist: this.specialist }, true)) return;
    dialog.showModal();
    flow.start();
    flow.focus();
  }

  /** Closes the dialog; focus returns to the button. */
  close(): void {
    this.#dialog?.close();
  }

  get #dialog(): HTMLDialogElement | null | undefined {
    return this.shadowRoot?.querySelector('dialog');
  }

  #preload = (): void => void this.load().catch(() => undefined);
  #onClick = (): void => void this.open().catch(() => undefined);
  #retry = (): void => {
    this.failed = false;
    this.#preload();
  };

  #onClose = (): void => {
    const booked = this.flow!.reset();
    this.emit('hearth-booking-close', { booked });
    this.shadowRoot?.querySelector<HTMLElement>('[part=button]')?.focus();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.mode == 'inline' && !this.failed) this.#preload();
  }

  protected override render(): TemplateResult {
    const flow = this.flow;
    const failed = this.failed
      ? html`<p role="alert">${msg('The booking form could not be loaded. Check your connection, then try again.', { id: 'booking.error.load' })}</p>`
      : nothing;
    if (this.mode == 'inline')
      return flow
        ? flow.render(false)
        : html`<div aria-busy="true"></div>${failed}${failed && html`<button type="button" @click=${this.#retry}>${msg('Retry', { id: 'common.retry' })}</button>`}`;
    return html`<button part="button" type="button" aria-haspopup="dialog" @click=${this.#onClick} @pointerenter=${this.#preload} @focus=${this.#preload}>
        <slot>${msg('Book a free consultation', { id: 'booking.label' })}</slot></button
      >${flow ? html`<dialog part="dialog" aria-labelledby="title" aria-describedby="crisis" @close=${this.#onClose}>${flow.render(true)}</dialog>` : nothing}${failed}`;
  }
}
