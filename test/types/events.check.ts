/**
 * Compile-time checks (run by `npm run typecheck`): every hearth event is typed by one map, for an
 * element's `emit` (called by the element or its controllers) and a page's `addEventListener`. A line fails to compile
 * when a detail drifts; each `@ts-expect-error` fails when a wrong call stops being an error.
 */
import type { HearthElement } from '../../src/core/hearth-element.js';
import type { HearthEventMap } from '../../src/events.js';

declare const target: HearthElement;

target.emit('hearth-booking-close', { booked: true });
target.emit('hearth-error', { error: new Error('x'), issues: [{ line: 3, message: 'unclosed brace' }] });
// @ts-expect-error -- a detail that lacks a field
target.emit('hearth-booking-close', {});
// @ts-expect-error -- an event that does not exist
target.emit('hearth-booking-closed', { booked: true });
// @ts-expect-error -- a field of the wrong type
target.emit('hearth-desk-booking-updated', { bookingId: 'b1', status: 'done' });

// A page's listener gets the detail's type without a cast.
target.addEventListener('hearth-booking-confirmed', (event) => {
  const url: string = event.detail.manageUrl;
  return url;
});

// Every hearth-* name in the DOM's map comes from HearthEventMap (no event typed twice or outside it).
type Assert<T extends true> = T;
type HearthNames = Extract<keyof GlobalEventHandlersEventMap, `hearth-${string}`>;
export type OneMap = Assert<[HearthNames] extends [keyof HearthEventMap] ? true : false>;
