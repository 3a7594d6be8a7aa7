// Shared by the consultation tests: a stub backend whose answers each test controls, a fixed clock,
// and small accessors into the element's shadow root.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/hearth-consultation-button.js';
import type { HearthConsultationButton } from '../../src/consultation/consultation-button.js';
import type { AvailabilityQuery, HearthBackend, WriteOptions } from '../../src/core/backend.js';
import type { Availability, BookingCreated, BookingRequest } from '../../src/core/contract.js';
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

/** A button of the flow by its visible text. */
export function button(el: HearthConsultationButton, label: string | RegExp): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, 'button, a').find((b) => (typeof label == 'string' ? text(b) == label : label.test(text(b))));
  if (!found) throw new Error(`No button "${label}" in: ${$$(el, 'button').map(text).join(' | ')}`);
  return found as HTMLButtonElement;
}

export async function make(backend: HearthBackend, template = html`<hearth-consultation-button specialist="olena" time-zone="Europe/Kyiv" .backend=${backend}></hearth-consultation-button>`) {
  return fixture<HearthConsultationButton>(template);
}

/** Opens the dialog and waits until the times have loaded (or failed). */
export async function openToTimes(el: HearthConsultationButton): Promise<void> {
  await el.open();
  button(el, 'Choose a time').click();
  await waitUntil(() => heading(el) == 'Pick a time', 'time step');
  await waitUntil(() => $(el, '[part~=slot], .empty, .problem'), 'times loaded');
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

/** From the time step: picks the first time, fills valid details, continues to the confirm step. */
export async function toConfirm(el: HearthConsultationButton): Promise<void> {
  $<HTMLButtonElement>(el, '[part~=slot]')!.click();
  await waitUntil(() => heading(el) == 'Your details');
  type(el, 'name', 'Iryna');
  type(el, 'email', 'iryna@example.org');
  type(el, 'consent', 'yes');
  await el.updateComplete;
  button(el, 'Continue').click();
  await waitUntil(() => heading(el) == 'Confirm', 'confirm step');
}
