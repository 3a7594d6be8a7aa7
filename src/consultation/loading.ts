/**
 * What the booking flow loads, and the guards that keep an answer from landing where it no longer
 * belongs: the active specialists and their services (checking the `specialist` and `service`
 * attributes on the way), the code of the choices, and the free times of the week shown. Every call
 * stops when the element leaves the page (`Flow.signal`); a newer fetch of times aborts the older
 * one, and the services of a specialist no longer chosen are dropped.
 */
import type { HearthBackend } from '../core/backend.js';
import type { Slot } from '../core/contract.js';
import { HearthError, isHearthError, noBackend } from '../core/errors.js';
import type { Flow } from './flow.js';
import { weekQuery } from './time.js';

/** A backend call's state: `{}` while it runs. */
export interface Loaded<T> {
  data?: T;
  error?: unknown;
}

/** The attributes that name something on the server: a wrong one is the page's mistake, not the visitor's. */
const ID_ATTRIBUTES = ['specialist', 'service'] as const;

/** True for `{start, end}` with two readable instants, start first: anything else cannot be shown or booked. */
export const isSlot = (slot: Partial<Slot> | null): boolean => Date.parse(slot?.start as string) < Date.parse(slot?.end as string);

/** A backend's answer that cannot be used: an explained error with Retry, never a placeholder forever. */
export const malformed = (what: string) => new HearthError('malformed', `The backend sent ${what} that cannot be read`);

/** The backend, when it can book; without one, the flow stops (the page's mistake) and this throws for the developer. */
export function bookingBackend(f: Flow): HearthBackend {
  const backend = f.host.effectiveBackend;
  if (backend?.getAvailability && backend.bookConsultation) return backend;
  f.stop = 'setup'; // the visitor reads that the button is not set up
  throw noBackend(f.host, backend ? 'bookConsultation' : 'getAvailability');
}

/**
 * The active specialists: whom to choose from without a `specialist` attribute, and a check of
 * that attribute when there is one (a name it does not list is the page's mistake).
 */
export function loadPeople(f: Flow): void {
  const backend = f.host.effectiveBackend;
  if (!backend?.getSpecialists || f.host.reschedule) return;
  const signal = f.signal;
  const id = f.host.specialist;
  f.people = {};
  backend
    .getSpecialists({ signal })
    .then((all) => {
      if (!Array.isArray(all)) throw malformed('specialists');
      f.people = { data: all };
      if (id || all.length == 1) {
        f.specialist = id ? all.find((s) => s.id == id) : all[0];
        if (!f.specialist) wrongAttribute(f, 'specialist', id!);
        else if (!id) loadServices(f);
      }
      f.settle();
    })
    // A malformed answer too: thrown above.
    .catch((error) => {
      if (signal.aborted) return;
      f.people = { error };
      f.settle();
    });
}

/** The specialist's active services: what to choose from without a `service` attribute, and a check of it. */
export function loadServices(f: Flow): void {
  const backend = f.host.effectiveBackend;
  const { specialist: id } = f.ids;
  const want = f.host.service;
  if (!backend?.getServices || !id || f.host.reschedule) return;
  const signal = f.signal;
  f.services = {};
  f.host.requestUpdate();
  // The latest guard: an answer for a specialist no longer chosen is dropped.
  const current = () => !signal.aborted && id == f.ids.specialist;
  backend
    .getServices(id, { signal })
    .then((all) => {
      if (!Array.isArray(all)) throw malformed('services');
      if (!current()) return;
      const data = all.filter((s) => s.active !== false);
      f.services = { data };
      f.service = want ? data.find((s) => s.id == want) : data.length == 1 ? data[0] : f.service;
      if (want && !f.service) wrongAttribute(f, 'service', want);
      f.settle();
    })
    .catch((error) => {
      if (!current()) return;
      // 404: no such specialist, which only an attribute can name.
      if (isHearthError(error) && error.kind == 'not-found' && f.host.specialist) wrongAttribute(f, 'specialist', id);
      f.services = { error };
      f.settle();
    });
}

/** The code of the choices (whom to talk to, what to book): a chunk of its own (see `Flow.choices`). */
export function loadChoices(f: Flow): void {
  f.choices = {};
  import('./choices.js')
    .then(
      (data) => (f.choices = { data }),
      (error) => (f.choices = { error }),
    )
    .finally(() => f.host.requestUpdate());
}

/** Fetches the free slots of the week shown; a newer fetch or leaving aborts the older one. */
export function loadSlots(f: Flow): void {
  f.slotsAbort?.abort();
  const { signal } = (f.slotsAbort = new AbortController());
  f.slots = {};
  f.host.requestUpdate();
  // async: a missing backend is a rejection like any other.
  (async () => {
    const backend = bookingBackend(f);
    if (await f.prepare(backend, signal)) return;
    const { specialist, service } = f.ids;
    const a = await backend.getAvailability!({ specialist, ...(service && { service }), ...weekQuery(f.week) }, { signal });
    if (signal.aborted) return;
    if (!Array.isArray(a?.slots) || !a.slots.every(isSlot)) throw malformed('free times');
    f.slots = { data: a.slots };
    f.duration = a.durationMinutes;
    f.cursor = [0, 0];
  })()
    .catch((error) => {
      if (signal.aborted) return;
      f.slots = { error };
      f.host.emit('hearth-booking-failed', { error, during: 'availability' });
      misconfigured(f, error);
    })
    .then(() => void (signal.aborted || f.settle()));
}

/** A `specialist` or `service` attribute names nothing the server offers: the visitor is told, the developer too. */
function wrongAttribute(f: Flow, attribute: string, value: string): void {
  if (!f.stop) console.error(`<hearth-consultation-button> ${attribute}="${value}": no such active ${attribute}`);
  f.stop = 'setup';
  f.settle();
}

/** True (and the visitor told) when a 422 names an attribute's id. */
export function misconfigured(f: Flow, error: unknown): boolean {
  const fields = (isHearthError(error) && error.kind == 'validation' && error.fieldErrors) || {};
  const attribute = ID_ATTRIBUTES.find((a) => f.host[a] && Object.hasOwn(fields, a));
  if (attribute) wrongAttribute(f, attribute, f.host[attribute]!);
  return !!attribute;
}
