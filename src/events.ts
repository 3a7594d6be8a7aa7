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
  /** `<hearth-references>` only: the entries it could not read (`line` 0 when the data has no lines, as CSL-JSON). */
  issues?: readonly { line: number; message: string }[];
}

/** `hearth-booking-open` (cancelable): the booking dialog is about to open. */
export interface BookingOpenDetail {
  /** The `specialist` attribute, if any. */
  specialist?: string;
}

/** `hearth-slot-selected`: the visitor picked a time. */
export interface SlotSelectedDetail {
  /** UTC ISO 8601 instants. */
  start: string;
  end: string;
  /** The IANA zone the visitor saw the time in. */
  timeZone: string;
}

/** `hearth-booking-confirmed`: the booking was made. */
export interface BookingConfirmedDetail {
  id: string;
  start: string;
  end: string;
  /** The IANA zone the visitor booked in. */
  timeZone: string;
  /** The secret link to see or cancel the booking: keep it out of analytics and logs. */
  manageUrl: string;
}

/** `hearth-booking-failed`: a backend call of the booking flow failed (the flow says so and offers Retry). */
export interface BookingFailedDetail {
  /** A `HearthError` (see its `kind`: `offline`, `unreachable`, `timeout`, `conflict`, `validation`, `rate-limited`, `server`, …) or whatever a custom backend threw. */
  error: unknown;
  /** Loading the free times (with `reschedule`: and the booking), booking, or (with `reschedule`) moving the booking. */
  during: 'availability' | 'booking' | 'reschedule';
}

/**
 * `hearth-booking-rescheduled`: the booking named by the button's `reschedule` token was moved to
 * another time (the old time is free again).
 */
export interface BookingRescheduledDetail {
  /** The booking's id (unchanged). */
  id: string;
  /** The new time: UTC ISO 8601 instants. */
  start: string;
  end: string;
}

/** `hearth-booking-close`: the booking dialog closed. */
export interface BookingCloseDetail {
  /** Whether a booking was made before it closed. */
  booked: boolean;
}

/** `hearth-login-requested` (cancelable): Log in or Sign up was pressed in a `<hearth-login-gate>`. */
export interface LoginRequestedDetail {
  mode: 'login' | 'signup';
  /** The backend's sign-in (or sign-up) page. */
  url: string;
}

/** `hearth-message-queued`: the message waits in the outbox and will be re-sent by itself. */
export interface MessageQueuedDetail {
  idempotencyKey: string;
  /** Why it waits: a `HearthError` of kind `offline`, `unreachable`, `timeout`, `server` or `rate-limited`. */
  error: unknown;
}

/** `hearth-message-sent`: the server stored the message. */
export interface MessageSentDetail {
  /** The server's id of the message. */
  id: string;
  createdAt: string;
  idempotencyKey: string;
}

/** `hearth-message-failed`: the server refused the message; its text stays in the box. */
export interface MessageFailedDetail {
  /** A `HearthError` (`unauthorized`, `validation` with `fieldErrors`, …) or what a custom backend threw. */
  error: unknown;
  idempotencyKey: string;
}

/** `hearth-reply-received`: a reply from the care team arrived in the message box's conversation while it was shown. */
export interface ReplyReceivedDetail {
  conversationId: string;
  /** The reply's id. */
  messageId: string;
  createdAt: string;
}

/** `hearth-desk-conversation-opened`: a conversation was opened in `<hearth-desk>` (and marked read). */
export interface DeskConversationOpenedDetail {
  conversationId: string;
}

/** `hearth-desk-conversation-updated`: a status or assignee change made in `<hearth-desk>` was stored. */
export interface DeskConversationUpdatedDetail {
  conversationId: string;
  status: 'open' | 'handled';
  /** The assignee's account id, or null when unassigned. */
  assignee: string | null;
}

/** `hearth-desk-reply-queued`: a reply waits in the outbox and will be re-sent by itself (same Idempotency-Key). */
export interface DeskReplyQueuedDetail {
  conversationId: string;
  idempotencyKey: string;
  /** Why it waits: a `HearthError` of kind `offline`, `unreachable`, `timeout`, `server` or `rate-limited`. */
  error: unknown;
}

/** `hearth-desk-reply-sent`: the server stored a reply. */
export interface DeskReplySentDetail {
  conversationId: string;
  /** The server's id of the reply. */
  id: string;
  createdAt: string;
  idempotencyKey: string;
}

/** `hearth-desk-reply-failed`: the server refused a reply; its text stays in the composer. */
export interface DeskReplyFailedDetail {
  conversationId: string;
  /** A `HearthError` (`unauthorized`: it waits and is sent after sign-in; `validation` with `fieldErrors`; …) or what a custom backend threw. */
  error: unknown;
  idempotencyKey: string;
}

/** `hearth-desk-staff-invited`: an admin invited a colleague from `<hearth-desk>`. */
export interface DeskStaffInvitedDetail {
  /** The new staff account's id. */
  id: string;
  role: 'specialist' | 'admin';
}

/** `hearth-desk-booking-updated`: staff cancelled a booking or marked it attended / no-show in `<hearth-desk>`. */
export interface DeskBookingUpdatedDetail {
  bookingId: string;
  status: 'cancelled' | 'attended' | 'no-show';
}

/** `hearth-desk-hours-saved`: a specialist's hours were stored from `<hearth-desk>` (availability follows at once). */
export interface DeskHoursSavedDetail {
  /** The specialist id. */
  specialist: string;
}

/** `hearth-desk-specialist-saved`: an admin added, edited, deactivated or reactivated a specialist in `<hearth-desk>`. */
export interface DeskSpecialistSavedDetail {
  id: string;
  active: boolean;
  /** True when it was added. */
  created: boolean;
}

/** `hearth-desk-service-saved`: a specialist's service was added, edited, activated or deactivated in `<hearth-desk>`. */
export interface DeskServiceSavedDetail {
  id: string;
  specialist: string;
  active: boolean;
  created: boolean;
}

/** Every hearth event by name: what `HearthElement.emit` accepts (from the element or its controllers), and what `addEventListener` knows. */
export interface HearthEventMap {
  'hearth-references-loaded': CustomEvent<ReferencesLoadedDetail>;
  'hearth-error': CustomEvent<HearthErrorDetail>;
  'hearth-login-requested': CustomEvent<LoginRequestedDetail>;
  'hearth-message-queued': CustomEvent<MessageQueuedDetail>;
  'hearth-message-sent': CustomEvent<MessageSentDetail>;
  'hearth-message-failed': CustomEvent<MessageFailedDetail>;
  'hearth-reply-received': CustomEvent<ReplyReceivedDetail>;
  'hearth-booking-open': CustomEvent<BookingOpenDetail>;
  'hearth-slot-selected': CustomEvent<SlotSelectedDetail>;
  'hearth-booking-confirmed': CustomEvent<BookingConfirmedDetail>;
  'hearth-booking-failed': CustomEvent<BookingFailedDetail>;
  'hearth-booking-rescheduled': CustomEvent<BookingRescheduledDetail>;
  'hearth-booking-close': CustomEvent<BookingCloseDetail>;
  'hearth-desk-conversation-opened': CustomEvent<DeskConversationOpenedDetail>;
  'hearth-desk-conversation-updated': CustomEvent<DeskConversationUpdatedDetail>;
  'hearth-desk-reply-queued': CustomEvent<DeskReplyQueuedDetail>;
  'hearth-desk-reply-sent': CustomEvent<DeskReplySentDetail>;
  'hearth-desk-reply-failed': CustomEvent<DeskReplyFailedDetail>;
  'hearth-desk-staff-invited': CustomEvent<DeskStaffInvitedDetail>;
  'hearth-desk-booking-updated': CustomEvent<DeskBookingUpdatedDetail>;
  'hearth-desk-hours-saved': CustomEvent<DeskHoursSavedDetail>;
  'hearth-desk-specialist-saved': CustomEvent<DeskSpecialistSavedDetail>;
  'hearth-desk-service-saved': CustomEvent<DeskServiceSavedDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the map into the DOM's
  interface GlobalEventHandlersEventMap extends HearthEventMap {}
}
