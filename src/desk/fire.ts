import '../events.js';

/** The `hearth-*` events of the event map, and the type of each one's detail. */
type HearthEvents = {
  [K in keyof GlobalEventHandlersEventMap as K extends `hearth-${string}` ? K : never]: GlobalEventHandlersEventMap[K];
};
type DetailOf<K extends keyof HearthEvents> = HearthEvents[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a bubbling, composed hearth event from `target`, its detail typed by the event map in
 * events.ts (so a controller emits on its host exactly as the element would).
 */
export const fire = <K extends keyof HearthEvents>(target: EventTarget, type: K, detail: DetailOf<K>): boolean =>
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
