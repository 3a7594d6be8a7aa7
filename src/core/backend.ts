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

import type { Availability, BookingCreated, BookingRequest, MessageCreated, MessageRequest, Session, Specialist } from './contract.js';

export type { Availability, BookingCreated, BookingRequest, MessageCreated, MessageRequest, Session, Specialist };

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

/** `GET /consultations/availability` query: a specialist (optional when there is one) and a UTC range. */
export interface AvailabilityQuery {
  specialist?: string;
  /** ISO 8601 instant, inclusive. */
  from: string;
  /** ISO 8601 instant, exclusive. */
  to: string;
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
  /** `GET /consultations/availability`: free 30-minute slots in UTC. */
  getAvailability?(query: AvailabilityQuery, options?: RequestOptions): Promise<Availability>;
  /** `POST /consultations`: 201 with the booking; 409 when the slot was taken meanwhile, 422. */
  bookConsultation?(booking: BookingRequest, options?: WriteOptions): Promise<BookingCreated>;
}
