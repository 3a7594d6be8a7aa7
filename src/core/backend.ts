/**
 * The one seam between hearth elements and any server.
 *
 * Elements only ever talk to a `HearthBackend`. `HttpBackend` (http-backend.ts) implements it over
 * the hearth HTTP contract (server/openapi.yaml); a site with its own API writes a small object
 * with the same methods instead and hands it to an element's `.backend` property or to
 * `<hearth-provider>`. Every method takes an AbortSignal so elements can cancel stale requests,
 * and rejects with a `HearthError` (errors.ts) so elements can explain what went wrong.
 *
 * The session, message and consultation calls of the contract join this interface as the elements
 * that need them arrive; each is optional for adapters that serve only some elements.
 */

import type {
  Availability,
  BookingCreated,
  BookingRequest,
  ConversationDetail,
  ConversationPage,
  ConversationSummary,
  ConversationUpdate,
  Hours,
  ManagedBooking,
  MessageCreated,
  MessageRequest,
  ReplyRequest,
  RescheduleRequest,
  Service,
  ServiceInput,
  Session,
  Specialist,
  SpecialistDetail,
  SpecialistInput,
  SpecialistUpdate,
  StaffBooking,
  StaffBookingPage,
  StaffInvite,
  StaffMember,
} from './contract.js';

// The contract's types, for adapters and for the elements (every one of them, not only those this file uses).
export type * from './contract.js';

/** Options every call accepts. */
export interface RequestOptions {
  /** Cancels the request; the call then rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
}

/** Options of calls that write: the key makes a retried write happen once. */
export interface WriteOptions extends RequestOptions {
  /** Sent as the `Idempotency-Key` header; the server replays the first answer for a repeated key. */
  idempotencyKey?: string;
}

/** A CSL-JSON item as hearth reads it: the standard fields plus an optional `annotation`. */
export interface CslName {
  family?: string;
  given?: string;
  /** A name that is not split into parts: an organization ("World Health Organization"). */
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
}

export interface CslDate {
  'date-parts'?: Array<Array<number | string>>;
  literal?: string;
  raw?: string;
  /** 1–4 (spring to winter) beside a year alone; a word is kept but not printed. */
  season?: number | string;
  /** An approximate date ("ca. 1850" in APA). */
  circa?: boolean | number | string;
}

export interface CslItem {
  id: string | number;
  type?: string;
  title?: string;
  'container-title'?: string;
  'collection-title'?: string;
  author?: CslName[];
  editor?: CslName[];
  translator?: CslName[];
  director?: CslName[];
  issued?: CslDate;
  'original-date'?: CslDate;
  accessed?: CslDate;
  publisher?: string;
  'publisher-place'?: string;
  edition?: string | number;
  volume?: string | number;
  issue?: string | number;
  page?: string;
  number?: string | number;
  genre?: string;
  medium?: string;
  DOI?: string;
  URL?: string;
  ISBN?: string;
  /** hearth's own field: the blogger's note on this source (plain text or a tiny safe markup subset). */
  annotation?: string;
  [field: string]: unknown;
}

/** `GET /consultations/availability` query: a specialist (optional when there is one), a service (default: their first) and a UTC range. */
export interface AvailabilityQuery {
  specialist?: string;
  /** A service id of the specialist; the slots are that service's length. */
  service?: string;
  /** ISO 8601 instant, inclusive. */
  from: string;
  /** ISO 8601 instant, exclusive. */
  to: string;
}

/** `GET /conversations` query: every field optional; `before` is a previous page's `next`. */
export interface ConversationQuery {
  status?: 'open' | 'handled';
  /** Only those assigned to the caller (staff). */
  mine?: boolean;
  /** Only those addressed to this recipient (a specialist id or `team`). */
  recipient?: string;
  before?: string;
  /** 1–100, default 20. */
  limit?: number;
}

/** `GET /clinic/bookings` query: upcoming (soonest first, the default) or past (latest first). */
export interface BookingQuery {
  when?: 'upcoming' | 'past';
  /** Admin only: one specialist's. */
  specialist?: string;
  before?: string;
  limit?: number;
}

/**
 * An event of the live stream (`GET /events`): ids only, the element fetches what it may see.
 * `conversation.message`: a new message or reply; `conversation.updated`: status, assignee or
 * `seenAt` changed.
 */
export interface HearthLiveEvent {
  type: 'conversation.message' | 'conversation.updated';
  conversationId: string;
  messageId?: string;
}

/** What a live stream tells its listener besides events. */
export interface LiveStreamListener {
  /** Each event, once, in order (also those missed while reconnecting). */
  event(event: HearthLiveEvent): void;
  /**
   * The stream's state changed: `live` (connected), `reconnecting` (it tries again by itself),
   * `closed` (it gave up: signed out (401/403) or the backend has no stream; `error` says why).
   */
  state?(state: 'live' | 'reconnecting' | 'closed', error?: unknown): void;
}

/**
 * What a backend does. Only `getReferences` is required (by `<hearth-references>`); an adapter
 * implements the calls of the elements its site uses. Shapes are the contract's
 * (server/openapi.yaml, generated into contract.gen.ts).
 */
export interface HearthBackend {
  /**
   * `GET /references/{listId}`: the CSL-JSON items of a references list. The answer is returned
   * as received; elements validate it, so an adapter may pass through whatever its API gives.
   */
  getReferences(listId: string, options?: RequestOptions): Promise<unknown>;
  /** `GET /session`: who is signed in, and where to sign in. */
  getSession?(options?: RequestOptions): Promise<Session>;
  /** `POST /logout`: ends the session the backend presents. */
  logout?(options?: WriteOptions): Promise<void>;
  /** `POST /messages`: 201 `{id, createdAt}`; 401 when signed out, 422, 429. */
  sendMessage?(message: MessageRequest, options?: WriteOptions): Promise<MessageCreated>;
  /** `GET /specialists`. */
  getSpecialists?(options?: RequestOptions): Promise<Specialist[]>;
  /** `GET /consultations/availability`: free slots in UTC, as long as the service. */
  getAvailability?(query: AvailabilityQuery, options?: RequestOptions): Promise<Availability>;
  /** `POST /consultations`: 201 with the booking; 409 when the slot was taken meanwhile, 422. */
  bookConsultation?(booking: BookingRequest, options?: WriteOptions): Promise<BookingCreated>;

  /** `GET /specialists/{id}/services`: a specialist's active services. */
  getServices?(specialist: string, options?: RequestOptions): Promise<Service[]>;
  /** `GET /consultations/manage/{token}`: a booking by its manage token. */
  getBooking?(token: string, options?: RequestOptions): Promise<ManagedBooking>;
  /** `POST /consultations/manage/{token}/reschedule`: moves it to another free slot; 409 when that was taken. */
  rescheduleBooking?(token: string, request: RescheduleRequest, options?: WriteOptions): Promise<ManagedBooking>;

  /** `GET /conversations`: the caller's conversations, newest activity first, one page. */
  listConversations?(query: ConversationQuery, options?: RequestOptions): Promise<ConversationPage>;
  /** `GET /conversations/{id}`: one conversation with its messages (marks it read for the caller); 404 when not the caller's. */
  getConversation?(id: string, options?: RequestOptions): Promise<ConversationDetail>;
  /** `POST /conversations/{id}/messages`: a reply (staff) or a follow-up (the visitor). */
  replyToConversation?(id: string, reply: ReplyRequest, options?: WriteOptions): Promise<MessageCreated>;
  /** `PATCH /conversations/{id}`: status (staff) or assignee (admin). */
  updateConversation?(id: string, update: ConversationUpdate, options?: WriteOptions): Promise<ConversationSummary>;
  /** `POST /conversations/{id}/read`: marks it read for the caller. */
  markConversationRead?(id: string, options?: RequestOptions): Promise<void>;
  /** `GET /staff` (admin): the care team, for assigning. */
  listStaff?(options?: RequestOptions): Promise<StaffMember[]>;
  /** `POST /staff` (admin): invites a colleague by email. */
  inviteStaff?(invite: StaffInvite, options?: WriteOptions): Promise<StaffMember>;
  /** `GET /clinic/specialists` (staff): every specialist with staff-only fields. */
  listClinicSpecialists?(options?: RequestOptions): Promise<SpecialistDetail[]>;
  /** `POST /clinic/specialists` (admin). */
  createSpecialist?(input: SpecialistInput, options?: WriteOptions): Promise<SpecialistDetail>;
  /** `PATCH /clinic/specialists/{id}` (admin): edit, or `active: false` to deactivate. */
  updateSpecialist?(id: string, update: SpecialistUpdate, options?: WriteOptions): Promise<SpecialistDetail>;
  /** `GET /clinic/specialists/{id}/hours` (the specialist, or an admin). */
  getHours?(specialist: string, options?: RequestOptions): Promise<Hours>;
  /** `PUT /clinic/specialists/{id}/hours` (the specialist, or an admin). */
  putHours?(specialist: string, hours: Hours, options?: WriteOptions): Promise<Hours>;
  /** `GET /clinic/specialists/{id}/services` (the specialist, or an admin): inactive ones too. */
  listClinicServices?(specialist: string, options?: RequestOptions): Promise<Service[]>;
  /** `POST /clinic/specialists/{id}/services`. */
  createService?(specialist: string, input: ServiceInput, options?: WriteOptions): Promise<Service>;
  /** `PATCH /clinic/services/{id}`. */
  updateService?(id: string, input: ServiceInput, options?: WriteOptions): Promise<Service>;
  /** `GET /clinic/bookings`: one page. */
  listBookings?(query: BookingQuery, options?: RequestOptions): Promise<StaffBookingPage>;
  /** `PATCH /clinic/bookings/{id}`: attended or no-show. */
  updateBooking?(id: string, update: { status: 'attended' | 'no-show' }, options?: WriteOptions): Promise<StaffBooking>;
  /** `POST /clinic/bookings/{id}/cancel` (staff), with a reason; the visitor is told. */
  cancelBookingAsStaff?(id: string, request: { reason: string }, options?: WriteOptions): Promise<StaffBooking>;
  /** `GET /clinic/bookings.csv` (admin): the CSV text. */
  exportBookings?(options?: RequestOptions): Promise<string>;

  /**
   * `GET /events`: follows the live stream until `signal` aborts, reconnecting by itself and
   * resuming after the last event seen. Resolves once the stream has been started.
   */
  watchEvents?(listener: LiveStreamListener, options: RequestOptions): Promise<void>;
}
