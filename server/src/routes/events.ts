// GET /api/events: the live event stream (Server-Sent Events), bearer or cookie.
//
//   retry: 5000
//   id: 42
//   event: conversation.message
//   data: {"conversationId":"…","messageId":"…"}
//
// Events carry ids only (the client fetches what it may see); a client hears only of the
// conversations it may see (conversation-access.ts, the rule of GET /api/conversations/{id}).
// Without loss: the stream subscribes to the pub/sub first, then reads the events table after
// Last-Event-ID (or after the newest event, on a first connection), and on every announcement and
// heartbeat reads it again after the last id it handled. The table's ids grow in commit order, so
// reading "after my cursor" misses nothing and repeats nothing.
//
// A stream lives no longer than the sign-in it was opened with: a sign-out (POST /api/logout or
// /logout, in any process) is announced on `hearth_signin_ended` and closes that sign-in's streams
// at once; at each heartbeat the stream also checks its token again, so an expired session (or a
// sign-in ended while an announcement was lost) closes it within a heartbeat. The client's
// reconnection then gets 401.
import { canSee } from '../conversation-access.js';
import { EVENTS_CHANNEL, SIGNIN_ENDED_CHANNEL, signInTag } from '../events.js';
import { problem } from '../problem.js';
import { send, type Deps, type Router } from '../http.js';
import { iso } from '../time.js';

/** The client's reconnection delay, sent first. */
export const RETRY_MS = 5000;
/** Events read per query. */
const PAGE = 500;

export interface EventRouteOptions {
  /** A comment line this often keeps proxies from closing the stream (default 25 s). */
  heartbeatMs?: number;
}

const encoder = new TextEncoder();

export function eventRoutes(r: Router, deps: Deps, options: EventRouteOptions = {}): void {
  const heartbeatMs = options.heartbeatMs ?? 25_000;

  // The open streams by sign-in (signInTag of the session family), closed when it ends.
  const bySignIn = new Map<string, Set<() => void>>();
  deps.pubsub.subscribe(SIGNIN_ENDED_CHANNEL, (tag) => {
    for (const finish of [...(bySignIn.get(tag) ?? [])]) finish();
  });
  const watchSignIn = (tag: string, finish: () => void) => {
    let set = bySignIn.get(tag);
    if (!set) bySignIn.set(tag, (set = new Set()));
    set.add(finish);
    return () => {
      set.delete(finish);
      if (!set.size && bySignIn.get(tag) === set) bySignIn.delete(tag);
    };
  };

  r.on('GET', '/api/events', async (c) => {
    const { user, via, family, tokenHash } = c.get('auth');
    if (!user || !via || !family || !tokenHash) return send(problem(401, 'Sign in to receive live updates.', { name: 'unauthorized', title: 'Sign-in required' }));
    if (deps.streams.closed) return send(problem(503, 'The server is stopping. Reconnect in a moment.'), { 'Retry-After': '5' });
    const lastHeader = c.req.header('last-event-id')?.trim();
    const resumeFrom = lastHeader && /^\d{1,15}$/.test(lastHeader) ? Number(lastHeader) : undefined;

    let cursor = 0; // the last event id handled (sent or not visible)
    let ready = false; // the starting cursor is known
    let reading = false;
    let again = false;
    let done = false;
    let unsubscribe = () => {};
    let unregister = () => {};
    let unwatch = () => {};
    let controller!: ReadableStreamDefaultController<Uint8Array>;

    const write = (text: string) => {
      if (done) return;
      try {
        controller.enqueue(encoder.encode(text));
      } catch {
        finish();
      }
    };
    const finish = () => {
      if (done) return;
      done = true;
      clearInterval(heartbeat);
      unsubscribe();
      unregister();
      unwatch();
      try {
        controller.close();
      } catch {
        // cancelled by the client already
      }
    };

    /** Sends every visible event after the cursor; one read at a time, repeated when nudged meanwhile. */
    const drain = async () => {
      if (!ready || done) return;
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          for (;;) {
            const rows = await deps.store.events.after(cursor, PAGE);
            if (done) return;
            for (const e of rows) {
              cursor = e.id;
              if (canSee(user, e) !== 'ok') continue;
              const data = e.type === 'conversation.message' ? { conversationId: e.conversationId, messageId: e.messageId } : { conversationId: e.conversationId };
              write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(data)}\n\n`);
            }
            if (rows.length < PAGE) break;
          }
        } while (again && !done);
      } catch {
        // The database did not answer: the next nudge or heartbeat tries again from the same cursor.
      } finally {
        reading = false;
      }
    };

    const body = new ReadableStream<Uint8Array>({
      start: (ctrl) => {
        controller = ctrl;
      },
      cancel: () => finish(), // the client went away
    });

    /** Ends the stream when its session has ended (signed out, expired); a database error is not an ending. */
    const checkSession = async () => {
      try {
        if (!(await deps.store.accounts.findSession(tokenHash, via, iso(deps.now())))) finish();
      } catch {
        // the next heartbeat asks again
      }
    };

    const heartbeat = setInterval(() => {
      write(': heartbeat\n\n');
      void drain(); // catches up on announcements lost while the pub/sub reconnected
      void checkSession();
    }, heartbeatMs);
    heartbeat.unref();

    // Subscribe first, then fix the starting point: an event committed in between is read, not lost.
    unsubscribe = deps.pubsub.subscribe(EVENTS_CHANNEL, () => void drain());
    unregister = deps.streams.add(finish);
    unwatch = watchSignIn(signInTag(family), finish);
    c.req.raw.signal?.addEventListener('abort', finish, { once: true });
    write(`retry: ${RETRY_MS}\n\n`);
    try {
      const latest = await deps.store.events.latest();
      cursor = resumeFrom === undefined ? latest : Math.min(resumeFrom, latest);
    } catch {
      finish();
      return send(problem(503, 'Live updates are unavailable right now. Reconnect in a moment.'), { 'Retry-After': '5' });
    }
    ready = true;
    void drain();

    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
      },
    });
  });
}
