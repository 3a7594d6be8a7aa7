/**
 * The typed details of hearth's events. Every event is a bubbling, composed `CustomEvent`.
 */

/** `hearth-references-loaded`: the references list rendered. */
export interface ReferencesLoadedDetail {
  /** Number of entries shown. */
  count: number;
}

/** `hearth-error`: an element could not load or read its data. */
export interface HearthErrorDetail {
  /** A `HearthError` (see its `kind`: `malformed` for unreadable data) or, from a custom backend, whatever it threw. */
  error: unknown;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hearth-references-loaded': CustomEvent<ReferencesLoadedDetail>;
    'hearth-error': CustomEvent<HearthErrorDetail>;
  }
}
