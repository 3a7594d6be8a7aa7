/**
 * The booking flow: its state and what each step does. Loaded on first interaction with the button
 * (a separate chunk); one instance per element, no module-level state, so many buttons on a page,
 * re-mounting and removal mid-flow need no globals. What it loads, with the guards against late
 * answers, lives in loading.ts; the check of the details in details.ts; rendering in steps.ts.
 */
import type { ReactiveController } from '@lit/reactive-element';
import type { TemplateResult } from 'lit-html';
import type { HearthBackend, WriteOptions } from '../core/backend.js';
import type { BookingCreated, BookingRequest, Service, Slot, Specialist } from '../core/contract.js';
import { dateLocale } from '../core/date-locale.js';
import { isHearthError } from '../core/errors.js';
import { msg, withLocale } from '../core/localization.js';
import { wellFormed } from '../core/text.js';
import type { HearthConsultationButton } from './consultation-button.js';
import { detailErrors, type Details } from './details.js';
import * as loading from './loading.js';
import { isSlot, malformed, type Loaded } from './loading.js';
import { renderFlow } from './steps.js';
import { addDays, dayKey, isTimeZone, visitorZone } from './time.js';

export { flowStyles } from './flow.styles.js';

/** Where a 422 on these fields is fixed: the time picker rather than the details form. */
const TIME_FIELDS = ['start', 'timeZone', 'specialist', 'service'];

/**
 * The steps: what to expect (or, without a `specialist`, whom to talk to), what to book (when the
 * specialist offers several services), a time, the details, confirm, done. Rescheduling
 * (reschedule.ts): a time, confirm, done.
 */
export type Step = 'intro' | 'who' | 'service' | 'time' | 'details' | 'confirm' | 'done';
/** The fields of the details form, where a 422's messages are shown. */
const DETAIL_FIELDS = ['name', 'email', 'phone', 'note', 'consent'];

const randomKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export class Flow implements ReactiveController {
  step: Step;
  zone: string;
  /** First day of the week shown (`YYYY-MM-DD` in `zone`). */
  week: string;
  slots?: Loaded<Slot[]>;
  selected?: Slot;
  details: Details = { name: '', email: '', phone: '', note: '', consent: false };
  /** Messages per field: name, email, phone, note, consent, tz. */
  errors: Record<string, string> = Object.create(null);
  /** Said at the top of the time step: the slot was taken, or can no longer be booked. */
  notice?: 'taken' | 'unavailable';
  pending = false;
  bookError?: unknown;
  booking?: BookingCreated;
  /** The specialist booked with: the `specialist` attribute's, the only one, or the one chosen. */
  specialist?: Specialist;
  /** The active specialists (`GET /specialists`); unset when the backend cannot list them. */
  people?: Loaded<Specialist[]>;
  /** The specialist's active services; unset when the backend cannot list them. */
  services?: Loaded<Service[]>;
  /** The service booked: the `service` attribute's, the only one, or the one chosen. */
  service?: Service;
  /**
   * The code of the choices (whom to talk to, what to book): a chunk of its own, loaded when one of
   * them is a step, since most buttons name their specialist and service and never show them.
   */
  choices?: Loaded<typeof import('./choices.js')>;
  /** The length of the times shown, from the availability answer. */
  duration?: number;
  /**
   * Instead of the steps: the button is not set up correctly (`setup`); rescheduling: the booking
   * cannot be moved (`gone`) or the token names none (`lost`).
   */
  stop?: 'setup' | 'gone' | 'lost';
  /** The slot picker's keyboard position: [day, time]. */
  cursor = [0, 0];

  /** The fetch of times running, aborted by a newer one (loading.ts) and on leaving the page. */
  slotsAbort?: AbortController;

  #started = false;
  #abort = new AbortController();
  /** The Idempotency-Key of the booking being confirmed, with the body it was made for. */
  #key?: [string, string];

  constructor(readonly host: HearthConsultationButton) {
    this.zone = isTimeZone(host.timeZone!) ? host.timeZone! : visitorZone();
    this.week = this.today;
    this.step = this.steps[0]!;
    host.addController(this);
  }

  /** The steps of this flow, as far as it knows them now. */
  get steps(): Step[] {
    const { host, services: s } = this;
    const choosing = !host.specialist && this.people && !(this.people.data && this.people.data.length < 2);
    const services = !host.service && s && !(s.data && s.data.length < 2);
    return [choosing ? 'who' : 'intro', ...(services ? ['service' as const] : []), 'time', 'details', 'confirm', 'done'];
  }

  /** The step after the current one. */
  get next(): Step {
    const steps = this.steps;
    return steps[steps.indexOf(this.step) + 1]!;
  }

  /** What the availability and booking calls name: the specialist and (when known) the service. */
  get ids(): { specialist?: string; service?: string } {
    return { specialist: this.host.specialist || this.specialist?.id, service: this.host.service || this.service?.id };
  }

  /** Today in the shown zone. */
  get today(): string {
    return dayKey(Date.now(), this.zone);
  }

  /**
   * The language of dates, times and names (Intl): the page's, even where hearth has no words for it
   * and the text falls back to English (core/date-locale.ts).
   */
  get lang(): string | undefined {
    return dateLocale(this.host);
  }

  /** Aborted when the element leaves the page: every call the flow makes stops then. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    if (!this.people?.data) this.loadPeople();
    if (!this.services?.data) this.loadServices(); // with a `specialist` attribute; else once one is chosen
    if (this.#started && !this.slots?.data) this.loadSlots();
  }

  hostDisconnected(): void {
    this.#abort.abort();
    this.slotsAbort?.abort();
    if (this.slots && !this.slots.data) this.slots = undefined; // cut short: fetched again on return
    this.pending = false;
  }

  render(dialog: boolean): TemplateResult {
    return renderFlow(this, dialog);
  }

  #update(): void {
    this.host.requestUpdate();
  }

  /** Starts what opening the flow needs: availability (once a specialist is known), the signed-in name. */
  start(): void {
    // Fresh times, fetched early when nothing but "What to expect" comes before them.
    if (this.step == 'time' || (this.step == 'intro' && this.steps[1] == 'time')) this.loadSlots();
    if (this.#started) return;
    this.#started = true;
    const { prefill } = this.host;
    const d = this.details;
    for (const field of ['name', 'email', 'phone', 'note'] as const) d[field] ||= prefill?.[field] ?? '';
    // Nice to have: the flow works without it.
    this.host.effectiveBackend?.getSession?.({ signal: this.#abort.signal }).then(
      (session) => {
        d.name ||= session?.user?.name ?? '';
        this.#update();
      },
      () => undefined,
    );
  }

  /** What the step shown needs: the flow started, and times on the time step. */
  #need(): void {
    if (!this.#started) this.start();
    if (this.step == 'time' && !this.slots) this.loadSlots();
  }

  loadPeople = (): void => loading.loadPeople(this);
  loadServices = (): void => loading.loadServices(this);
  loadChoices = (): void => loading.loadChoices(this);
  loadSlots = (): void => loading.loadSlots(this);

  /** A step that is no longer part of the flow (one specialist, one service) gives way to the next; focus stays in the flow (see hostUpdated). */
  settle(): void {
    const steps = this.steps;
    if (!steps.includes(this.step)) {
      this.step = this.step == 'service' ? 'time' : steps[0]!;
      if (this.#started) this.#need();
    }
    this.#update();
  }

  /** What had focus in the flow before a render. */
  #focused?: Element | null;

  hostUpdate(): void {
    this.#focused = this.host.shadowRoot?.activeElement;
    if (!this.choices && (this.step == 'who' || this.step == 'service')) this.loadChoices();
  }

  /**
   * When a render removed the focused control (Retry while times load, a step that gave way),
   * focus goes to the step's heading, never to <body>.
   */
  hostUpdated(): void {
    if (this.#focused && !this.#focused.isConnected) this.focus();
  }

  /** What must be known before the times (rescheduling: the booking); true when the flow cannot go on. */
  async prepare(_backend: HearthBackend, _signal: AbortSignal): Promise<boolean> {
    return false;
  }

  /** Shows a step and moves focus to its heading (the dialog's, or the inline flow's). */
  async go(step: Step): Promise<void> {
    this.step = step;
    this.#update();
    this.#need();
    await this.host.updateComplete;
    this.focus();
  }

  focus(): void {
    this.host.shadowRoot?.querySelector<HTMLElement>('#step')?.focus();
  }

  back = (): Promise<void> => {
    const steps = this.steps;
    return this.go(steps[steps.indexOf(this.step) - 1]!);
  };

  /** The visitor chose whom to talk to: their services and times follow. */
  choose(specialist: Specialist): void {
    if (specialist.id != this.specialist?.id) {
      Object.assign(this, { specialist, service: undefined, services: undefined, slots: undefined, selected: undefined });
      this.loadServices();
    }
    void this.go(this.next);
  }

  /** The visitor chose what to book: times of its length follow. */
  chooseService(service: Service): void {
    if (service.id != this.service?.id) Object.assign(this, { service, slots: undefined, selected: undefined });
    void this.go('time');
  }

  /** Next or previous week (`days` = ±7). */
  move(days: number): void {
    this.week = addDays(this.week, days);
    this.notice = undefined;
    this.loadSlots();
  }

  setZone = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const zone = input.value.trim();
    if (isTimeZone(zone)) {
      this.zone = zone;
      delete this.errors.tz;
      this.cursor = [0, 0];
    } else this.errors.tz = this.#say(() => msg('Choose a time zone from the list, such as Europe/Kyiv.', { id: 'booking.error.zone' }));
    this.#update();
  };

  pick(slot: Slot): void {
    this.selected = slot;
    this.notice = undefined;
    this.host.emit('hearth-slot-selected', { start: slot.start, end: slot.end, timeZone: this.zone });
    void this.go(this.next);
  }

  /**
   * Arrow keys, Home and End move through the day and time grid (one tab stop, roving tabindex).
   * Left and right follow what is seen: right to left, the next day is on the left.
   */
  onGridKey = (event: KeyboardEvent): void => {
    const days = (this.host.shadowRoot?.querySelectorAll('.day') ?? []) as NodeListOf<HTMLElement>;
    let [d, i] = this.cursor as [number, number];
    const key = event.key;
    const rtl = (event.currentTarget as Element).matches(':dir(rtl)');
    if (key == 'ArrowRight' || key == 'ArrowLeft') d += (key == 'ArrowRight') != rtl ? 1 : -1;
    else if (key == 'ArrowDown' || key == 'ArrowUp') i += key == 'ArrowDown' ? 1 : -1;
    else if (key == 'Home' || key == 'End') i = key == 'Home' ? 0 : Infinity;
    else return;
    event.preventDefault();
    d = Math.max(0, Math.min(d, days.length - 1));
    const times = days[d]?.querySelectorAll('button') ?? [];
    i = Math.max(0, Math.min(i, times.length - 1));
    this.cursor = [d, i];
    this.#update();
    times[i]?.focus();
  };

  /** Keeps what is typed; clears a field's error once it is edited. */
  input = (event: Event): void => {
    const field = event.target as HTMLInputElement;
    const name = field.name as keyof Details;
    (this.details as unknown as Record<string, unknown>)[name] = field.type == 'checkbox' ? field.checked : field.value;
    delete this.errors[name];
    this.#update();
  };

  /** Checks the details (the server checks again; its 422 lands on the same fields). */
  submitDetails = (event: Event): void => {
    event.preventDefault();
    const e = (this.errors = this.#say(() => detailErrors(this.details)));
    if (Object.keys(e).length) this.#focusError();
    else void this.go('confirm');
  };

  /** Messages made outside a render (a field's error at submit) speak the element's language too. */
  #say<T>(words: () => T): T {
    return withLocale(this.host['locale'], words);
  }

  async #focusError(): Promise<void> {
    this.#update();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  /** The request for the chosen slot and the details typed (rescheduling: the slot and the zone). */
  get request(): BookingRequest {
    const { name, email, phone, note } = this.details;
    // Well-formed: a lone surrogate in what was typed or pasted would make the request fail for good.
    const clean = (s: string) => wellFormed(s.trim());
    return {
      ...this.ids,
      start: this.selected!.start,
      name: clean(name),
      email: clean(email),
      phone: clean(phone) || undefined,
      note: clean(note) || undefined,
      consent: true,
      timeZone: this.zone,
    };
  }

  /**
   * Books the chosen slot, or moves the booking to it (rescheduling). The Idempotency-Key is made
   * when the visitor confirms and kept for this exact request: a double click is ignored while
   * pending, and a retry after a timeout or an offline moment sends the same key, so the server
   * books (or moves) once and replays its answer.
   */
  confirm = async (): Promise<void> => {
    if (this.pending) return;
    const request = this.request;
    const body = JSON.stringify(request);
    if (this.#key?.[1] != body) this.#key = [randomKey(), body];
    this.pending = true;
    this.bookError = undefined;
    this.#update();
    const signal = this.#abort.signal;
    try {
      await this.send(loading.bookingBackend(this), request, { idempotencyKey: this.#key[0], signal });
      this.pending = false;
      this.#key = undefined;
      await this.go('done');
    } catch (error) {
      if (signal.aborted) return;
      this.pending = false;
      this.host.emit('hearth-booking-failed', { error, during: this.host.reschedule ? 'reschedule' : 'booking' });
      this.handle(error);
    }
  };

  /** Sends the confirmed request and says so: books (rescheduling: moves). */
  protected async send(backend: HearthBackend, request: BookingRequest, options: WriteOptions): Promise<void> {
    const booking = await backend.bookConsultation!(request, options);
    if (!isSlot(booking)) throw malformed('a booking');
    this.booking = booking;
    const { id, start, end, manageUrl } = booking;
    this.host.emit('hearth-booking-confirmed', { id, start, end, timeZone: this.zone, manageUrl });
  }

  protected handle(error: unknown): void {
    const kind = isHearthError(error) && error.kind;
    const fields = (isHearthError(error) && error.fieldErrors) || {};
    // Object.hasOwn: a server may name a field `constructor` or `__proto__`.
    const on = (names: string[]) => names.filter((f) => Object.hasOwn(fields, f));
    if (loading.misconfigured(this, error)) return;
    if (kind == 'conflict' || (kind == 'validation' && on(TIME_FIELDS).length)) {
      // The slot is gone: say so, keep the details, show fresh times.
      this.notice = kind == 'conflict' ? 'taken' : 'unavailable';
      this.selected = undefined;
      this.loadSlots();
      void this.go('time');
    } else if (kind == 'validation' && on(DETAIL_FIELDS).length) {
      this.errors = Object.create(null);
      for (const field of on(DETAIL_FIELDS)) this.errors[field] = fields[field]!.join(' ');
      this.step = 'details';
      void this.#focusError();
    } else {
      // Anything else, a 422 on no field the visitor can fix included, is said on the confirm step, with Try again.
      this.bookError = error;
      this.#update();
    }
  }

  /** After the dialog closed: a finished booking (or move) starts over next time. Returns whether one was made. */
  reset(): boolean {
    const booked = !!this.booking;
    if (booked) {
      Object.assign(this, { selected: undefined, booking: undefined, notice: undefined, slots: undefined, errors: Object.create(null) });
      this.step = this.steps[0]!;
      this.#started = false;
      Object.assign(this.details, { note: '', consent: false });
      this.#update();
    }
    return booked;
  }
}
