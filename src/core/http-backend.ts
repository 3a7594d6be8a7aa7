import type {
  Availability,
  AvailabilityQuery,
  BookingCreated,
  BookingQuery,
  BookingRequest,
  ConversationDetail,
  ConversationPage,
  ConversationQuery,
  ConversationSummary,
  ConversationUpdate,
  HearthBackend,
  Hours,
  LiveStreamListener,
  ManagedBooking,
  MessageCreated,
  MessageRequest,
  ReplyRequest,
  RequestOptions,
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
  WriteOptions,
} from './backend.js';
import { clampDelay } from './delay.js';
import { HearthError } from './errors.js';
import { errorFromResponse } from './problem.js';
import { tokenFor } from './tokens.js';

type HeaderMap = Record<string, string>;

/** A query string of the fields that are set (empty strings and undefined are left out). */
const queryOf = (fields: Record<string, string | undefined>): URLSearchParams =>
  new URLSearchParams(Object.entries(fields).filter((entry): entry is [string, string] => !!entry[1]));

export interface HttpBackendOptions {
  /** Base URL of a server speaking the hearth HTTP contract, with or without a trailing `/`. */
  baseUrl: string;
  /** Default `'same-origin'`. */
  credentials?: RequestCredentials;
  /** Extra headers for every request, or a function giving them per request. */
  headers?: HeaderMap | (() => HeaderMap);
  /** Per-attempt timeout in ms. Default 10 000. */
  timeout?: number;
  /** Retries of GET/HEAD after offline, timeout, 5xx and 429. Default 2. */
  retries?: number;
  /** Base backoff in ms; attempt n waits a random time in [0, retryDelay * 2^n]. Default 300. */
  retryDelay?: number;
  /** Longest wait in ms between attempts; a longer Retry-After fails at once. Default 5 000. */
  maxRetryDelay?: number;
  /** A bearer token for `Authorization`, when there is one. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** The fetch to use (tests inject one). Default: the global fetch. */
  fetch?: typeof fetch;
}

export interface HttpRequestInit extends RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as the `Idempotency-Key` header. */
  idempotencyKey?: string;
  /** Resolve with the body as text, whatever its content type (a BibTeX or RIS file). */
  text?: boolean;
}

/**
 * `HearthBackend` over the hearth HTTP contract: JSON, per-attempt timeout, caller AbortSignal,
 * retries with backoff for reads, `Idempotency-Key` on writes, errors as `HearthError`.
 */
export class HttpBackend implements HearthBackend {
  constructor(readonly options: HttpBackendOptions) {}

  /** `GET /references/{listId}`. */
  getReferences(listId: string, options?: RequestOptions): Promise<unknown> {
    return this.request('GET', '/references/' + encodeURIComponent(listId), options);
  }
  /** `GET /session`. */
  getSession(options?: RequestOptions): Promise<Session> {
    return this.request('GET', '/session', options);
  }

  /** `POST /logout`. */
  logout(options?: WriteOptions): Promise<void> {
    return this.request('POST', '/logout', options);
  }

  /** `POST /messages`, with the caller's Idempotency-Key. */
  sendMessage(message: MessageRequest, options?: WriteOptions): Promise<MessageCreated> {
    return this.request('POST', '/messages', { ...options, body: message });
  }

  /** `GET /specialists`. */
  getSpecialists(options?: RequestOptions): Promise<Specialist[]> {
    return this.request('GET', '/specialists', options);
  }

  /** `GET /consultations/availability?specialist&from&to`. */
  getAvailability(query: AvailabilityQuery, options?: RequestOptions): Promise<Availability> {
    return this.request('GET', '/consultations/availability?' + queryOf({ ...query }), options);
  }

  /** `POST /consultations`, with the caller's Idempotency-Key. */
  bookConsultation(booking: BookingRequest, options?: WriteOptions): Promise<BookingCreated> {
    return this.request('POST', '/consultations', { ...options, body: booking });
  }

  /** `GET /specialists/{id}/services`. */
  getServices(specialist: string, options?: RequestOptions): Promise<Service[]> {
    return this.request('GET', `/specialists/${encodeURIComponent(specialist)}/services`, options);
  }

  /** `GET /consultations/manage/{token}`. */
  getBooking(token: string, options?: RequestOptions): Promise<ManagedBooking> {
    return this.request('GET', `/consultations/manage/${encodeURIComponent(token)}`, options);
  }

  /** `POST /consultations/manage/{token}/reschedule`, with the caller's Idempotency-Key. */
  rescheduleBooking(token: string, request: RescheduleRequest, options?: WriteOptions): Promise<ManagedBooking> {
    return this.request('POST', `/consultations/manage/${encodeURIComponent(token)}/reschedule`, { ...options, body: request });
  }

  /** `GET /clinic/specialists`. */
  listClinicSpecialists(options?: RequestOptions): Promise<SpecialistDetail[]> {
    return this.request('GET', '/clinic/specialists', options);
  }

  /** `POST /clinic/specialists`. */
  createSpecialist(input: SpecialistInput, options?: WriteOptions): Promise<SpecialistDetail> {
    return this.request('POST', '/clinic/specialists', { ...options, body: input });
  }

  /** `PATCH /clinic/specialists/{id}`. */
  updateSpecialist(id: string, update: SpecialistUpdate, options?: WriteOptions): Promise<SpecialistDetail> {
    return this.request('PATCH', `/clinic/specialists/${encodeURIComponent(id)}`, { ...options, body: update });
  }

  /** `GET /clinic/specialists/{id}/hours`. */
  getHours(specialist: string, options?: RequestOptions): Promise<Hours> {
    return this.request('GET', `/clinic/specialists/${encodeURIComponent(specialist)}/hours`, options);
  }

  /** `PUT /clinic/specialists/{id}/hours`. */
  putHours(specialist: string, hours: Hours, options?: WriteOptions): Promise<Hours> {
    return this.request('PUT', `/clinic/specialists/${encodeURIComponent(specialist)}/hours`, { ...options, body: hours });
  }

  /** `GET /clinic/specialists/{id}/services`. */
  listClinicServices(specialist: string, options?: RequestOptions): Promise<Service[]> {
    return this.request('GET', `/clinic/specialists/${encodeURIComponent(specialist)}/services`, options);
  }

  /** `POST /clinic/specialists/{id}/services`. */
  createService(specialist: string, input: ServiceInput, options?: WriteOptions): Promise<Service> {
    return this.request('POST', `/clinic/specialists/${encodeURIComponent(specialist)}/services`, { ...options, body: input });
  }

  /** `PATCH /clinic/services/{id}`. */
  updateService(id: string, input: ServiceInput, options?: WriteOptions): Promise<Service> {
    return this.request('PATCH', `/clinic/services/${encodeURIComponent(id)}`, { ...options, body: input });
  }

  /** `GET /clinic/bookings?when&specialist&before&limit`. */
  listBookings({ limit, ...rest }: BookingQuery, options?: RequestOptions): Promise<StaffBookingPage> {
    return this.request('GET', '/clinic/bookings?' + queryOf({ ...rest, limit: limit ? String(limit) : '' }), options);
  }

  /** `PATCH /clinic/bookings/{id}`. */
  updateBooking(id: string, update: { status: 'attended' | 'no-show' }, options?: WriteOptions): Promise<StaffBooking> {
    return this.request('PATCH', `/clinic/bookings/${encodeURIComponent(id)}`, { ...options, body: update });
  }

  /** `POST /clinic/bookings/{id}/cancel`. */
  cancelBookingAsStaff(id: string, request: { reason: string }, options?: WriteOptions): Promise<StaffBooking> {
    return this.request('POST', `/clinic/bookings/${encodeURIComponent(id)}/cancel`, { ...options, body: request });
  }

  /** `GET /clinic/bookings.csv`, as text. */
  exportBookings(options?: RequestOptions): Promise<string> {
    return this.request('GET', '/clinic/bookings.csv', { ...options, text: true });
  }

  /** `GET /conversations?status&mine&recipient&before&limit`. */
  listConversations({ mine, limit, ...rest }: ConversationQuery, options?: RequestOptions): Promise<ConversationPage> {
    return this.request('GET', '/conversations?' + queryOf({ ...rest, mine: mine ? '1' : '', limit: limit ? String(limit) : '' }), options);
  }

  /** `GET /conversations/{id}`. */
  getConversation(id: string, options?: RequestOptions): Promise<ConversationDetail> {
    return this.request('GET', '/conversations/' + encodeURIComponent(id), options);
  }

  /** `POST /conversations/{id}/messages`, with the caller's Idempotency-Key. */
  replyToConversation(id: string, reply: ReplyRequest, options?: WriteOptions): Promise<MessageCreated> {
    return this.request('POST', '/conversations/' + encodeURIComponent(id) + '/messages', { ...options, body: reply });
  }

  /** `PATCH /conversations/{id}`. */
  updateConversation(id: string, update: ConversationUpdate, options?: WriteOptions): Promise<ConversationSummary> {
    return this.request('PATCH', '/conversations/' + encodeURIComponent(id), { ...options, body: update });
  }

  /** `POST /conversations/{id}/read`. */
  markConversationRead(id: string, options?: RequestOptions): Promise<void> {
    return this.request('POST', '/conversations/' + encodeURIComponent(id) + '/read', options);
  }

  /** `GET /staff`. */
  listStaff(options?: RequestOptions): Promise<StaffMember[]> {
    return this.request('GET', '/staff', options);
  }

  /** `POST /staff`, with the caller's Idempotency-Key. */
  inviteStaff(invite: StaffInvite, options?: WriteOptions): Promise<StaffMember> {
    return this.request('POST', '/staff', { ...options, body: invite });
  }

  /**
   * `GET /events`, one connection shared by every listener of this backend, followed by
   * live-stream.ts (a lazy chunk: only pages that show a conversation load it).
   */
  async watchEvents(listener: LiveStreamListener, { signal }: RequestOptions): Promise<void> {
    const { watch } = await import('./live-stream.js');
    watch(this, listener, signal);
  }

  /**
   * Opens a streaming GET (`Accept: text/event-stream`) with the client's headers and token, no
   * timeout and no retry. Resolves with the response once its headers have arrived; rejects with a
   * `HearthError` for an answer that is not 2xx or a network failure.
   */
  async open(path: string, headers: HeaderMap, signal?: AbortSignal): Promise<Response> {
    const all = await this.#headers('text/event-stream', headers);
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.options.baseUrl.replace(/\/+$/, '') + path, { headers: all, credentials: this.options.credentials, signal });
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw networkError(this.options.baseUrl, e);
    }
    if (!response.ok) throw errorFromResponse(response, await response.text());
    return response;
  }

  async #headers(accept: string, more?: HeaderMap): Promise<HeaderMap> {
    const { headers: extra, getToken } = this.options;
    const headers: HeaderMap = { Accept: accept, ...(typeof extra === 'function' ? extra() : extra), ...more };
    const token = await getToken?.();
    if (token) headers.Authorization = 'Bearer ' + token;
    return headers;
  }


  /**
   * One call of the contract. `path` starts with `/` (encode its segments with encodeURIComponent);
   * an empty path requests the base URL itself. Resolves with the parsed JSON body (`undefined`
   * for 204 or an empty body); rejects with a `HearthError`, or with the signal's reason on abort.
   */
  async request<T>(method: string, path: string, { body, signal, idempotencyKey, text: asText }: HttpRequestInit = {}): Promise<T> {
    const options = this.options;
    const { retries = 2, retryDelay = 300, maxRetryDelay = 5e3, timeout = 1e4 } = options;
    const headers = await this.#headers(asText ? '*/*' : 'application/json');
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const timer = AbortSignal.timeout(timeout);
      let error: HearthError | undefined;
      let response: Response | undefined;
      let text = '';
      try {
        response = await (options.fetch ?? fetch)((path ? options.baseUrl.replace(/\/+$/, '') : options.baseUrl) + path, {
          method,
          headers,
          body: JSON.stringify(body), // undefined stays undefined
          credentials: options.credentials, // fetch's default is 'same-origin'
          signal: AbortSignal.any([timer, signal ?? timer]),
        });
        text = await response.text();
      } catch (e) {
        // Only the network is caught here: a bug in reading an answer must not pass for "offline" (and be retried).
        if (signal?.aborted) throw signal.reason;
        if (timer.aborted) error = new HearthError('timeout', `No answer in ${timeout} ms`, { cause: e });
        else if (e instanceof TypeError) error = networkError(options.baseUrl, e);
        else throw e;
      }
      if (response?.ok) {
        if (asText) return text as T;
        if (response.status === 204 || !text) return undefined as T;
        const type = response.headers.get('Content-Type');
        try {
          // A body not declared as JSON is not trusted to be JSON.
          return JSON.parse(/[/+]json($|;)/i.test(type ?? '') ? text : '') as T;
        } catch (e) {
          // Not retried: the same answer would come again.
          throw new HearthError('malformed', `Bad JSON (${type})`, { status: response.status, cause: e });
        }
      }
      error ??= errorFromResponse(response!, text); // there is a response when the network did not fail
      // Retry reads only, only after offline, timeout, 5xx or 429 (never after an abort or a 4xx).
      const status = error.status ?? 503;
      const after = error.retryAfter! * 1e3; // NaN without Retry-After
      if (attempt >= retries || !/^(GET|HEAD)$/.test(method) || (status < 500 && status !== 429) || after > maxRetryDelay)
        throw error;
      // The wait ends early when the caller aborts; the loop then throws the abort reason.
      if (!signal?.aborted) {
        await new Promise((wake) => {
          setTimeout(wake, clampDelay(after >= 0 ? after : Math.random() * Math.min(retryDelay * 2 ** attempt, maxRetryDelay)));
          signal?.addEventListener('abort', wake);
        });
      }
    }
  }
}

const shared = new Map<string, HttpBackend>();

const explained = new Set<string>();

/**
 * A request that failed at the network level: `offline` when the browser says so, else
 * `unreachable` — a wrong `api` URL, the server down or a CORS refusal, which the page cannot tell
 * apart. The site's developer is told once per base URL what to check (the visitor sees a calm
 * "could not reach the service"). Only the base URL is logged: paths may hold a booking's secret token.
 */
function networkError(baseUrl: string, cause: unknown): HearthError {
  if (!navigator.onLine) return new HearthError('offline', 'Network error while the browser is offline', { cause });
  if (!explained.has(baseUrl)) {
    explained.add(baseUrl);
    console.error(
      `hearth: could not reach ${baseUrl} (the browser is online). Check that the element's api attribute (or <hearth-provider api>) is the URL of a hearth server and that it is running; ` +
        `if it is on another origin, that ${location.origin} is in the server's HEARTH_ALLOWED_ORIGINS (the browser's own CORS message, if any, is above).`,
    );
  }
  return new HearthError('unreachable', 'Network error while the browser is online', { cause });
}

/**
 * The one shared `HttpBackend` for a base URL (relative URLs resolve against `document.baseURI`).
 * It sends the bearer token that the login popup (or the host app) gave for its origin, if any.
 */
export function httpBackend(baseUrl: string): HttpBackend {
  const url = new URL(baseUrl, document.baseURI).href;
  let backend = shared.get(url);
  if (!backend) shared.set(url, (backend = new HttpBackend({ baseUrl: url, getToken: () => tokenFor(url) })));
  return backend;
}
