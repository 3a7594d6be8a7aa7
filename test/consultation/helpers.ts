// The booking element's test harness, shared by every test under test/consultation/ (and the
// theming test): stub backends whose answers each test controls (a clinic with specialists and
// services, a booking behind a manage token), a fixed clock, accessors into the element's shadow
// root, and the walks through the flow (open to the times, pick a time, fill the details, confirm).
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/hearth-consultation-button.js';
import type { HearthConsultationButton } from '../../src/consultation/consultation-button.js';
import type { AvailabilityQuery, HearthBackend, WriteOptions } from '../../src/core/backend.js';
import type { Availability, BookingCreated, BookingRequest, ManagedBooking, RescheduleRequest, Service, Specialist } from '../../src/core/contract.js';
import { HearthError } from '../../src/core/errors.js';
// Real key presses through the test runner.
import { sendKeys as send } from '@web/test-runner-commands';

export const sendKeys = send as (keys: { press: string } | { type: string }) => Promise<void>;

/** Wednesday 25 March 2026, 10:00 UTC: the week shown first runs 25–31 March, across Europe's DST change (29 March). */
export const NOW = Date.parse('2026-03-25T10:00:00Z');

export const SLOTS = [
  // Thursday 26 March, 09:00 and 09:30 in Kyiv (EET, UTC+2)
  { start: '2026-03-26T07:00:00Z', end: '2026-03-26T07:30:00Z' },
  { start: '2026-03-26T07:30:00Z', end: '2026-03-26T08:00:00Z' },
  // Friday 27 March, 09:00 in Kyiv
  { start: '2026-03-27T07:00:00Z', end: '2026-03-27T07:30:00Z' },
  // Tuesday 31 March, 09:00 in Kyiv (EEST, UTC+3, after the change)
  { start: '2026-03-31T06:00:00Z', end: '2026-03-31T06:30:00Z' },
];

export const BOOKED: BookingCreated = {
  id: 'b1',
  start: SLOTS[0]!.start,
  end: SLOTS[0]!.end,
  manageUrl: 'https://clinic.example/api/consultations/manage/secret',
  icsUrl: 'https://clinic.example/api/consultations/manage/secret/ics',
};

type Answer<T> = T | Error | (() => Promise<T>);

const reply = <T>(answer: Answer<T>): Promise<T> =>
  typeof answer == 'function' ? (answer as () => Promise<T>)() : answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);

/** A backend stub: queue answers (values, errors, or functions returning promises); the last one repeats. */
export function stubBackend() {
  const s = {
    availability: [] as Answer<Availability>[],
    bookings: [] as Answer<BookingCreated>[],
    availabilityCalls: [] as { query: AvailabilityQuery; signal?: AbortSignal }[],
    bookingCalls: [] as { request: BookingRequest; options?: WriteOptions }[],
    sessionName: null as string | null,
    backend: undefined as unknown as HearthBackend,
  };
  const next = <T>(queue: Answer<T>[]) => (queue.length > 1 ? queue.shift()! : queue[0]!);
  s.backend = {
    getReferences: async () => [],
    getSpecialists: async () => [{ id: 'olena', name: 'Dr. Olena Kovalenko', title: 'Psychologist', timeZone: 'Europe/Kyiv' }],
    getSession: async () => ({ user: s.sessionName ? { id: 'u', name: s.sessionName } : null, loginUrl: 'https://x/login', signupUrl: 'https://x/signup' }),
    getAvailability(query, options) {
      s.availabilityCalls.push({ query, signal: options?.signal });
      return reply(next(s.availability));
    },
    bookConsultation(request, options) {
      s.bookingCalls.push({ request, options });
      return reply(next(s.bookings));
    },
  };
  s.availability.push({ durationMinutes: 30, slots: SLOTS });
  s.bookings.push(BOOKED);
  return s;
}

export const OLENA: Specialist = { id: 'olena', name: 'Dr. Olena Kovalenko', title: 'Psychologist', timeZone: 'Europe/Kyiv', languages: ['uk', 'en'], nextFree: SLOTS[0]!.start };
export const SAM: Specialist = { id: 'sam', name: 'Sam Rivera', title: 'Counsellor', timeZone: 'America/New_York', languages: ['en'], nextFree: null };
export const INTRO: Service = { id: 'intro', specialist: 'sam', name: 'Free initial consultation', durationMinutes: 30, price: 'free', active: true };
export const LONG: Service = { id: 'long', specialist: 'sam', name: 'Therapy session', durationMinutes: 60, price: '€60', active: true };

/** The stub backend with a clinic: specialists, and services per specialist (an unknown one is a 404). */
export function clinicBackend(people: Specialist[] = [OLENA, SAM], services: Record<string, Service[]> = { olena: [{ ...INTRO, specialist: 'olena' }], sam: [INTRO, LONG] }) {
  const s = stubBackend();
  const serviceCalls: string[] = [];
  Object.assign(s.backend, {
    getSpecialists: async () => people,
    getServices: async (id: string) => {
      serviceCalls.push(id);
      if (!services[id]) throw new HearthError('not-found', '404', { status: 404 });
      return services[id];
    },
  });
  return Object.assign(s, { serviceCalls });
}

/** The booking behind the manage token `tok`, as the rescheduling tests find it. */
export const MANAGED: ManagedBooking = {
  id: 'b1',
  start: '2026-03-30T07:00:00Z',
  end: '2026-03-30T07:30:00Z',
  specialist: { id: 'olena', name: 'Dr. Olena Kovalenko' },
  status: 'confirmed',
  service: { id: 'intro', name: 'Free initial consultation', durationMinutes: 30 },
};

/** The stub backend with a booking behind the token `tok` (or the error its lookup fails with); answers of the move are queued in `moves`. */
export function managedBackend(booking: ManagedBooking | Error = MANAGED) {
  const s = stubBackend();
  const moves: (ManagedBooking | Error)[] = [];
  const moveCalls: { token: string; request: RescheduleRequest; options?: WriteOptions }[] = [];
  const bookingCalls: string[] = [];
  Object.assign(s.backend, {
    getSpecialists: async () => {
      throw new Error('not asked when rescheduling');
    },
    getBooking: async (token: string) => {
      bookingCalls.push(token);
      if (booking instanceof Error) throw booking;
      return booking;
    },
    rescheduleBooking: async (token: string, request: RescheduleRequest, options?: WriteOptions) => {
      moveCalls.push({ token, request, options });
      const answer = moves.length > 1 ? moves.shift()! : moves[0]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  return Object.assign(s, { moves, moveCalls, bookingCalls });
}

/** Captures console.error while `run` runs. */
export async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void seen.push(args.join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return seen;
}

let realNow: () => number;
/** Freezes Date.now() (the element reads "today" from it); restore with thawClock(). */
export function freezeClock(at = NOW): void {
  realNow ??= Date.now;
  Date.now = () => at;
}
export function thawClock(): void {
  if (realNow) Date.now = realNow;
}

export const $ = <T extends Element = HTMLElement>(el: HearthConsultationButton, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: HearthConsultationButton, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const text = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const heading = (el: HearthConsultationButton): string => text($(el, '#step'));

/** The flow's polite live region. */
export const status = (el: HearthConsultationButton): string => text($(el, '.flow > [role=status]'));

/** The confirm step's summary: each term with its value, in order ({When: …, With: …}). */
export const summaryOf = (el: HearthConsultationButton): Record<string, string> => Object.fromEntries($$(el, '.summary dt').map((dt) => [text(dt), text(dt.nextElementSibling)]));

/** A button of the flow by its visible text. */
export function button(el: HearthConsultationButton, label: string | RegExp): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, 'button, a').find((b) => (typeof label == 'string' ? text(b) == label : label.test(text(b))));
  if (!found) throw new Error(`No button "${label}" in: ${$$(el, 'button').map(text).join(' | ')}`);
  return found as HTMLButtonElement;
}

export async function make(backend: HearthBackend, template = html`<hearth-consultation-button specialist="olena" time-zone="Europe/Kyiv" .backend=${backend}></hearth-consultation-button>`) {
  return fixture<HearthConsultationButton>(template);
}

/** A button without `specialist` (the visitor chooses whom to talk to). */
export const makeWithoutSpecialist = (backend: HearthBackend) =>
  make(backend, html`<hearth-consultation-button time-zone="Europe/Kyiv" .backend=${backend}></hearth-consultation-button>`);

/** A button moving the booking behind the token `tok`. */
export const makeRescheduling = (backend: HearthBackend) =>
  make(backend, html`<hearth-consultation-button reschedule="tok" time-zone="Europe/Kyiv" .backend=${backend}>Choose another time</hearth-consultation-button>`);

/** Opens the dialog and waits until the times have loaded (or failed). */
export async function openToTimes(el: HearthConsultationButton): Promise<void> {
  await el.open();
  button(el, 'Choose a time').click();
  await waitUntil(() => heading(el) == 'Pick a time', 'time step');
  await waitUntil(() => $(el, '[part~=slot], .empty, .problem'), 'times loaded');
}

/** Opens the dialog of a flow that starts at the times (rescheduling) and waits until they have loaded (or failed). */
export async function openAtTimes(el: HearthConsultationButton): Promise<void> {
  await el.open();
  await waitUntil(() => $(el, '[part~=slot], .problem'), 'times or a problem');
}

export function type(el: HearthConsultationButton, id: string, value: string): void {
  const field = $<HTMLInputElement>(el, `#${id}`)!;
  if (field.type == 'checkbox') {
    field.checked = value != '';
    field.dispatchEvent(new Event('change'));
  } else {
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }
}

/** From the time step: picks the first time and waits for the details form (in any language). */
export async function pickTime(el: HearthConsultationButton): Promise<void> {
  $<HTMLButtonElement>(el, '[part~=slot]')!.click();
  await waitUntil(() => $(el, '#name'), 'the details step');
}

/** Fills valid details: a name, an email, consent. */
export async function fillDetails(el: HearthConsultationButton): Promise<void> {
  type(el, 'name', 'Iryna');
  type(el, 'email', 'iryna@example.org');
  type(el, 'consent', 'yes');
  await el.updateComplete;
}

/** From the time step: picks the first time, fills valid details, continues to the confirm step. */
export async function toConfirm(el: HearthConsultationButton): Promise<void> {
  await pickTime(el);
  await fillDetails(el);
  button(el, 'Continue').click();
  await waitUntil(() => heading(el) == 'Confirm', 'confirm step');
}
