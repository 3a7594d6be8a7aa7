// The live event stream's publishing side (issue 12). A write records its event in its own
// transaction (`tx.events.add`, ids only), and after the commit announces it on the pub/sub
// channel `hearth_events` (every process on a shared PostgreSQL database hears it). The announcement
// is only a nudge: each open stream then reads the events table after the last id it handled, so a
// lost or reordered notification loses nothing (and the heartbeat reads the table too).
// A sign-out is announced the same way (`hearth_signin_ended`): the streams of that sign-in close.
import { createHash } from 'node:crypto';
import type { Deps } from './http.js';

export const EVENTS_CHANNEL = 'hearth_events';
/** Announces that a sign-in ended (sign-out): its open event streams close, in every process. */
export const SIGNIN_ENDED_CHANNEL = 'hearth_signin_ended';

/**
 * What the sign-in-ended announcement carries: a digest of the session family, never the family
 * itself (a token's hash, which NOTIFY payloads would show to whoever may LISTEN on the database).
 */
export const signInTag = (family: string) => createHash('sha256').update(`hearth sign-in ended\n${family}`).digest('base64url');

/** After a sign-out: every process closes the event streams of that sign-in. Never throws. */
export function announceSignInEnded(deps: Pick<Deps, 'pubsub'>, family: string): void {
  deps.pubsub.publish(SIGNIN_ENDED_CHANNEL, signInTag(family)).catch((e: unknown) => {
    // Each stream also checks its session at every heartbeat.
    console.error(JSON.stringify({ time: new Date().toISOString(), level: 'warn', error: 'sign-out announcement failed', detail: (e as Error)?.message }));
  });
}

/** After the commit: tells every stream (in every process) that events table has news. Never throws. */
export function announce(deps: Pick<Deps, 'pubsub'>, conversationId: string): void {
  deps.pubsub.publish(EVENTS_CHANNEL, JSON.stringify({ conversationId })).catch((e: unknown) => {
    // The heartbeat's read catches up; the error names no person.
    console.error(JSON.stringify({ time: new Date().toISOString(), level: 'warn', error: 'event announcement failed', detail: (e as Error)?.message }));
  });
}

/** The open event streams of this app, to end them all at shutdown. */
export interface EventStreams {
  /** Registers a stream's close function; returns the function that unregisters it. */
  add(close: () => void): () => void;
  /** How many are open (tests: none leaks). */
  readonly size: number;
  /** Ends every open stream (graceful shutdown); later ones are refused with 503. */
  closeAll(): void;
  readonly closed: boolean;
}

export function createEventStreams(): EventStreams {
  const open = new Set<() => void>();
  let closed = false;
  return {
    add(close) {
      const entry = () => close();
      open.add(entry);
      return () => void open.delete(entry);
    },
    get size() {
      return open.size;
    },
    get closed() {
      return closed;
    },
    closeAll() {
      closed = true;
      for (const close of [...open]) close();
      open.clear();
    },
  };
}
