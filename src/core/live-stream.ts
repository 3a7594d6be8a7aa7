/**
 * The live event stream (`GET /events`, Server-Sent Events) read over fetch. Not EventSource: a
 * widget on another site signs its requests with a bearer token, which EventSource cannot send
 * (and a token never goes in a URL). A lazy chunk of the HTTP client: only a page that shows a
 * conversation loads it.
 *
 * Every element of a page that follows one backend shares one connection (`watch`): a tab keeps one
 * stream open, not one per message box, and it closes when the last listener stops.
 *
 * The stream reconnects by itself after a network failure, a 5xx or a silent connection (no byte,
 * not even the 25 s heartbeat, for 60 s), waiting a 503's Retry-After or else the server's `retry`
 * (jittered, longer after each failure in a row, at most a minute), and resumes with `Last-Event-ID`, so the listener gets every
 * event once and in order. A 401 or 403 (signed out) ends it.
 */
import type { HearthLiveEvent, LiveStreamListener } from './backend.js';
import { isHearthError } from './errors.js';
import type { HttpBackend } from './http-backend.js';

/** A connection that has sent nothing for this long (two heartbeats and more) is dead. */
const SILENCE_MS = 60_000;
const MAX_WAIT_MS = 60_000;
const EVENT_TYPES = new Set(['conversation.message', 'conversation.updated']);

/** One connection per backend, shared by its listeners; a new one once it has closed (signed out) or every listener left. */
const hubs = new WeakMap<HttpBackend, Hub>();

/** Adds `listener` to the backend's shared stream (started by the first listener) until `signal` aborts. */
export function watch(backend: HttpBackend, listener: LiveStreamListener, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  let hub = hubs.get(backend);
  if (!hub || hub.ended) hubs.set(backend, (hub = new Hub(backend)));
  hub.add(listener, signal);
}

class Hub {
  /** The stream closed (401/403) or every listener left: the next listener starts a new one. */
  ended = false;
  #state?: 'live' | 'reconnecting' | 'closed';
  readonly #listeners = new Set<LiveStreamListener>();
  readonly #stop = new AbortController();

  constructor(backend: HttpBackend) {
    const each = (call: (l: LiveStreamListener) => void) => [...this.#listeners].forEach(call);
    follow(
      backend,
      {
        event: (event) => each((l) => l.event(event)),
        state: (state, error) => {
          this.#state = state;
          if (state === 'closed') this.ended = true;
          each((l) => l.state?.(state, error));
        },
      },
      this.#stop.signal,
    );
  }

  add(listener: LiveStreamListener, signal?: AbortSignal): void {
    this.#listeners.add(listener);
    if (this.#state === 'live' || this.#state === 'reconnecting') listener.state?.(this.#state);
    signal?.addEventListener(
      'abort',
      () => {
        this.#listeners.delete(listener);
        if (this.#listeners.size) return;
        this.ended = true;
        this.#stop.abort();
      },
      { once: true },
    );
  }
}

/** Follows `GET /events` of `backend` until `signal` aborts (`silenceMs`: for tests). */
export function follow(backend: HttpBackend, listener: LiveStreamListener, signal?: AbortSignal, silenceMs = SILENCE_MS): void {
  let lastEventId: string | undefined;
  let retryMs = 5000;
  let failures = 0;
  /** A 503's Retry-After, in ms, for the next wait only. */
  let retryAfterMs: number | undefined;

  const connect = async (): Promise<void> => {
    while (!signal?.aborted) {
      const connection = new AbortController();
      const stop = () => connection.abort();
      signal?.addEventListener('abort', stop);
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const heard = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(stop, silenceMs);
      };
      try {
        const response = await backend.open('/events', lastEventId ? { 'Last-Event-ID': lastEventId } : {}, connection.signal);
        listener.state?.('live');
        failures = 0;
        heard();
        const parser = new EventParser((message) => {
          if (message.id) lastEventId = message.id;
          if (message.retry) retryMs = message.retry;
          const event = toEvent(message.event, message.data);
          if (event) listener.event(event);
        });
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        // Aborting a fetch ends its body too; this also ends a body the fetch did not make (an adapter's, a test's).
        connection.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}));
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          heard();
          parser.push(value);
        }
      } catch (error) {
        if (signal?.aborted) return;
        if (isHearthError(error) && (error.status === 401 || error.status === 403)) {
          listener.state?.('closed', error);
          return;
        }
        failures++;
        if (isHearthError(error) && error.retryAfter! >= 0) retryAfterMs = error.retryAfter! * 1000;
      } finally {
        clearTimeout(watchdog);
        signal?.removeEventListener('abort', stop);
      }
      if (signal?.aborted) return;
      listener.state?.('reconnecting');
      const wait = retryAfterMs ?? Math.min(retryMs * 2 ** Math.max(0, failures - 1), MAX_WAIT_MS) * (0.5 + Math.random() / 2);
      retryAfterMs = undefined;
      await new Promise((wake) => {
        setTimeout(wake, wait);
        signal?.addEventListener('abort', wake);
      });
    }
  };
  void connect();
}

/** One event as the data says it: a known type with a string conversation id, else nothing. */
function toEvent(type: string, data: string): HearthLiveEvent | undefined {
  if (!EVENT_TYPES.has(type)) return;
  try {
    const { conversationId, messageId } = JSON.parse(data) as Partial<Record<string, unknown>>;
    if (typeof conversationId !== 'string') return;
    return { type: type as HearthLiveEvent['type'], conversationId, ...(typeof messageId === 'string' ? { messageId } : {}) };
  } catch {
    return;
  }
}

interface StreamMessage {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

/** The text/event-stream format (HTML Living Standard, "Parsing an event stream"), fed in pieces. */
export class EventParser {
  #rest = '';
  #event = '';
  #data: string[] = [];
  #id?: string;
  #retry?: number;

  constructor(readonly dispatch: (message: StreamMessage) => void) {}

  push(text: string): void {
    const lines = (this.#rest + text).split(/\r\n|\r|\n/);
    // The last piece may be half a line (a lone \r at the end may yet be followed by \n: harmless,
    // it only makes an empty line that dispatches nothing new).
    this.#rest = lines.pop()!;
    for (const line of lines) this.#line(line);
  }

  #line(line: string): void {
    if (line === '') {
      if (this.#data.length || this.#id !== undefined || this.#retry !== undefined)
        this.dispatch({ event: this.#event || 'message', data: this.#data.join('\n'), id: this.#id, retry: this.#retry });
      this.#event = '';
      this.#data = [];
      this.#id = this.#retry = undefined;
      return;
    }
    if (line.startsWith(':')) return; // a comment: the heartbeat
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.#retry = Number(value);
  }
}
