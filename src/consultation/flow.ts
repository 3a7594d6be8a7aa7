/**
 * The booking flow: its state and what each step does. Loaded on first interaction with the button
 * (a separate chunk); one instance per element, no module-level state, so many buttons on a page,
 * re-mounting and removal mid-flow need no globals. Rendering lives in steps.ts.
 */
import type { ReactiveController } from '@lit/reactive-element';
import type { TemplateResult } from 'lit-html';
import type { HearthBackend } from '../core/backend.js';
import type { BookingCreated, BookingRequest, Slot, Specialist } from '../core/contract.js';
import { HearthError, isHearthError } from '../core/errors.js';
import { msg } from '../core/localization.js';
import { wellFormed } from '../core/text.js';
import type { BookingConfirmedDetail, BookingFailedDetail, SlotSelectedDetail } from '../events.js';
import type { HearthConsultationButton } from './consultation-button.js';
import { renderFlow } from './steps.js';
import { addDays, dayKey, isTimeZone, visitorZone, weekQuery } from './time.js';

export { flowStyles } from './flow.styles.js';

/** What the flow needs from its element beyond its public properties. */
export interface FlowPort {
  backend(): HearthBackend | undefined;
  emit<T>(type: string, detail: T, cancelable?: boolean): boolean;
  close(): void;
}

export interface Details {
  name: string;
  email: string;
  phone: string;
  note: string;
  consent: boolean;
}

/** A backend call's state: `{}` while it runs. */
export interface Loaded<T> {
  data?: T;
  error?: unknown;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +()-]*$/;
/** Where a 422 on these fields is fixed: the time picker rather than the details form. */
const TIME_FIELDS = ['start', 'timeZone', 'specialist'];
/** The fields of the details form, where a 422's messages are shown. */
const DETAIL_FIELDS = ['name', 'email', 'phone', 'note', 'consent'];

/** True for `{start, end}` with two readable instants, start first: anything else cannot be shown or booked. */
const isSlot = (slot: Partial<Slot> | null): boolean => Date.parse(slot?.start as string) < Date.parse(slot?.end as string);

/** A backend's answer that cannot be used: an explained error with Retry, never a placeholder forever. */
const malformed = (what: string) => new HearthError('malformed', `The backend sent ${what} that cannot be read`);

const randomKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export class Flow implements ReactiveController {
  /** 1 what to expect, 2 pick a time, 3 details, 4 confirm, 5 booked. */
  step = 1;
  zone: string;
  /** First day of the week shown (`YYYY-MM-DD` in `zone`). */
  week: string;
  slots?: Loaded<Slot[]>;
  selected?: Slot;
  details: Details = { name: '', email: '', phone: '', note: '', consent: false };
  /** Messages per field: name, email, phone, note, consent, tz. */
  errors: Record<string, string> = Object.create(null);
  /** Said at the top of the time step (a taken slot). */
  notice?: string;
  pending = false;
  bookError?: unknown;
  booking?: BookingCreated;
  specialist?: Specialist;
  /** The slot picker's keyboard position: [day, time]. */
  cursor = [0, 0];

  #started = false;
  #slotsAbort?: AbortController;
  #abort = new AbortController();
  /** The Idempotency-Key of the booking being confirmed, with the body it was made for. */
  #key?: [string, string];

  constructor(
    readonly host: HearthConsultationButton,
    readonly port: FlowPort,
  ) {
    host.addController(this);
    this.zone = isTimeZone(host.timeZone!) ? host.timeZone! : visitorZone();
    this.week = this.today;
  }

  /** Today in the shown zone. */
  get today(): string {
    return dayKey(Date.now(), this.zone);
  }

  /** The language tag for Intl: the nearest `lang` when it is of the element's locale (en-GB), else the locale. */
  get lang(): string {
    const lang = (this.host.closest('[lang]') as HTMLElement | null)?.lang || document.documentElement.lang;
    try {
      if (lang.toLowerCase().startsWith(this.host['locale'])) return Intl.getCanonicalLocales(lang)[0]!;
    } catch {
      // not a language tag
    }
    return this.host['locale'];
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    if (this.#started && !this.slots?.data) this.loadSlots();
  }

  hostDisconnected(): void {
    this.#abort.abort();
    this.#slotsAbort?.abort();
    if (this.slots && !this.slots.data) this.slots = undefined; // cut short: fetched again on return
    this.pending = false;
  }

  render(dialog: boolean): TemplateResult {
    return renderFlow(this, dialog);
  }

  #update(): void {
    this.host.requestUpdate();
  }

  #backend(): HearthBackend {
    const backend = this.port.backend();
    if (!backend?.getAvailability || !backend.bookConsultation) throw new HearthError('bad-request', 'No backend: set api or .backend, or use <hearth-provider>');
    return backend;
  }

  #failed(error: unknown, during: BookingFailedDetail['during']): void {
    this.port.emit<BookingFailedDetail>('hearth-booking-failed', { error, during });
  }

  /** Starts what opening the flow needs: availability, who the specialist is, the signed-in name. */
  start(): void {
    if (this.#started) {
      if (this.step <= 2) this.loadSlots(); // reopened: fresh times
      return;
    }
    this.#started = true;
    const { prefill, specialist } = this.host;
    const d = this.details;
    for (const field of ['name', 'email', 'phone', 'note'] as const) d[field] ||= prefill?.[field] ?? '';
    this.loadSlots();
    const backend = this.port.backend();
    const signal = this.#abort.signal;
    // Both are nice to have: the flow works without them.
    backend?.getSpecialists?.({ signal }).then(
      (all) => {
        this.specialist = all.find((s) => s.id == specialist) ?? (all.length == 1 && !specialist ? all[0] : undefined);
        this.#update();
      },
      () => undefined,
    );
    backend?.getSession?.({ signal }).then(
      (session) => {
        d.name ||= session?.user?.name ?? '';
        this.#update();
      },
      () => undefined,
    );
  }

  /** Fetches the free slots of the week shown; a newer fetch or leaving aborts the older one. */
  loadSlots = (): void => {
    this.#slotsAbort?.abort();
    const { signal } = (this.#slotsAbort = new AbortController());
    this.slots = {};
    this.#update();
    new Promise<Slot[]>((resolve) =>
      resolve(
        this.#backend().getAvailability!({ specialist: this.host.specialist, ...weekQuery(this.week) }, { signal }).then((a) => {
          if (!Array.isArray(a?.slots) || !a.slots.every(isSlot)) throw malformed('free times');
          return a.slots;
        }),
      ),
    ).then(
      (data) => {
        if (signal.aborted) return;
        this.slots = { data };
        this.cursor = [0, 0];
        this.#update();
      },
      (error) => {
        if (signal.aborted) return;
        this.slots = { error };
        this.#failed(error, 'availability');
        this.#update();
      },
    );
  };

  /** Shows a step and moves focus to its heading (the dialog's, or the inline flow's). */
  async go(step: number): Promise<void> {
    this.step = step;
    this.#update();
    if (step == 2 && !this.slots) {
      if (this.#started) this.loadSlots();
      else this.start();
    }
    await this.host.updateComplete;
    this.focus();
  }

  focus(): void {
    this.host.shadowRoot?.querySelector<HTMLElement>('#step')?.focus();
  }

  back = (): Promise<void> => this.go(this.step - 1);

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
    } else this.errors.tz = msg('Choose a time zone from the list, such as Europe/Kyiv.', { id: 'booking.error.zone' });
    this.#update();
  };

  pick(slot: Slot): void {
    this.selected = slot;
    this.notice = undefined;
    this.port.emit<SlotSelectedDetail>('hearth-slot-selected', { start: slot.start, end: slot.end, timeZone: this.zone });
    void this.go(3);
  }

  /** Arrow keys, Home and End move through the day and time grid (one tab stop, roving tabindex). */
  onGridKey = (event: KeyboardEvent): void => {
    const days = (this.host.shadowRoot?.querySelectorAll('.day') ?? []) as NodeListOf<HTMLElement>;
    let [d, i] = this.cursor as [number, number];
    const key = event.key;
    if (key == 'ArrowRight' || key == 'ArrowLeft') d += key == 'ArrowRight' ? 1 : -1;
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
    const d = this.details;
    const e: Record<string, string> = Object.create(null);
    if (!d.name.trim()) e.name = msg('Enter your name.', { id: 'booking.error.name' });
    if (!d.email.trim()) e.email = msg('Enter your email address.', { id: 'booking.error.email' });
    else if (!EMAIL.test(d.email.trim())) e.email = msg('Enter an email address like name@example.com.', { id: 'booking.error.emailFormat' });
    if (!PHONE.test(d.phone)) e.phone = msg('Use only digits, spaces and + ( ) -.', { id: 'booking.error.phone' });
    if (!d.consent) e.consent = msg('To book, agree to the use of your details for this consultation.', { id: 'booking.error.consent' });
    this.errors = e;
    if (Object.keys(e).length) this.#focusError();
    else void this.go(4);
  };

  async #focusError(): Promise<void> {
    this.#update();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  /** The request for the chosen slot and the details typed. */
  get request(): BookingRequest {
    const { name, email, phone, note } = this.details;
    // Well-formed: a lone surrogate in what was typed or pasted would make the request fail for good.
    const clean = (s: string) => wellFormed(s.trim());
    return {
      specialist: this.host.specialist || undefined,
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
   * Books the chosen slot. The Idempotency-Key is made when the visitor confirms and kept for this
   * exact request: a double click is ignored while pending, and a retry after a timeout or an
   * offline moment sends the same key, so the server books once and replays its answer.
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
      const booking = await this.#backend().bookConsultation!(request, { idempotencyKey: this.#key[0], signal });
      if (!isSlot(booking)) throw malformed('a booking');
      this.booking = booking;
      this.pending = false;
      this.#key = undefined;
      this.port.emit<BookingConfirmedDetail>('hearth-booking-confirmed', {
        id: booking.id,
        start: booking.start,
        end: booking.end,
        timeZone: this.zone,
        manageUrl: booking.manageUrl,
      });
      await this.go(5);
    } catch (error) {
      if (signal.aborted) return;
      this.pending = false;
      this.#failed(error, 'booking');
      this.#handle(error);
    }
  };

  #handle(error: unknown): void {
    const kind = isHearthError(error) && error.kind;
    const fields = (isHearthError(error) && error.fieldErrors) || {};
    // Object.hasOwn: a server may name a field `constructor` or `__proto__`.
    const on = (names: string[]) => names.filter((f) => Object.hasOwn(fields, f));
    if (kind == 'conflict' || (kind == 'validation' && on(TIME_FIELDS).length)) {
      // The slot is gone: say so, keep the details, show fresh times.
      this.notice =
        kind == 'conflict'
          ? msg('Someone has just booked this time. Your details are kept: pick another time.', { id: 'booking.taken' })
          : msg('This time can no longer be booked. Your details are kept: pick another time.', { id: 'booking.unavailable' });
      this.selected = undefined;
      this.loadSlots();
      void this.go(2);
    } else if (kind == 'validation' && on(DETAIL_FIELDS).length) {
      this.errors = Object.create(null);
      for (const field of on(DETAIL_FIELDS)) this.errors[field] = fields[field]!.join(' ');
      this.step = 3;
      void this.#focusError();
    } else {
      // Anything else, a 422 on no field the visitor can fix included, is said on the confirm step, with Try again.
      this.bookError = error;
      this.#update();
    }
  }

  /** After the dialog closed: a finished booking starts over next time. Returns whether one was made. */
  reset(): boolean {
    const booked = !!this.booking;
    if (booked) {
      Object.assign(this, { step: 1, selected: undefined, booking: undefined, notice: undefined, slots: undefined, errors: Object.create(null) });
      this.#started = false;
      this.details.note = '';
      this.details.consent = false;
      this.#update();
    }
    return booked;
  }
}
