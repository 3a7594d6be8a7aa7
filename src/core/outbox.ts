/**
 * The persistent outbox: messages the visitor has sent that the server has not confirmed yet.
 * Stored in IndexedDB (through idb-keyval), so they survive a reload, a crash or a closed tab, and
 * are re-sent with the same Idempotency-Key, so the server stores each one exactly once.
 *
 * When IndexedDB is unavailable (some private modes), entries live in memory for this page; the
 * draft (kept apart, in localStorage) still holds the text, so nothing the visitor wrote is lost.
 */
import { clear, createStore, del, set, values, type UseStore } from 'idb-keyval';
import type { MessageRequest } from './contract.js';

export interface OutboxEntry {
  /** The Idempotency-Key, made when the visitor pressed Send; also the entry's id. */
  key: string;
  /** Which message box owns it (its draft key): that box delivers it, also after a reload. */
  box: string;
  message: MessageRequest;
  /** Set after a failure that needs the visitor (Retry); such entries are not re-sent by themselves. */
  hold?: boolean;
  /** Set after a 401: re-sent by itself (with the same key) once the visitor has signed in again. */
  signIn?: boolean;
  /** The id of the signed-in visitor who sent it: after a 401 it is re-sent only for the same one. */
  user?: string;
}

let store: UseStore | undefined;
const db = () => (store ??= createStore('hearth-outbox', 'messages'));
const memory = new Map<string, OutboxEntry>();

/** Adds or replaces an entry. Never rejects: without IndexedDB the entry is kept in memory. */
export async function putEntry(entry: OutboxEntry): Promise<void> {
  memory.set(entry.key, entry);
  await set(entry.key, entry, db()).catch(() => undefined);
}

/** Removes an entry (after the server confirmed it, or rejected it for good). */
export async function removeEntry(key: string): Promise<void> {
  memory.delete(key);
  await del(key, db()).catch(() => undefined);
}

/** The entries a message box owns, oldest first as stored. */
export async function entriesOf(box: string): Promise<OutboxEntry[]> {
  const stored = await values<OutboxEntry>(db()).catch(() => []);
  const all = new Map([...memory, ...stored.map((e) => [e.key, e] as const)]);
  return [...all.values()].filter((e) => e.box === box);
}

/**
 * Empties the outbox (a site's "forget this device"), or only the entries of the boxes `only`
 * accepts (tests of one kind of element, beside others sharing the origin's storage).
 */
export async function clearOutbox(only?: (box: string) => boolean): Promise<void> {
  if (!only) {
    memory.clear();
    await clear(db()).catch(() => undefined);
    return;
  }
  const stored = await values<OutboxEntry>(db()).catch(() => []);
  for (const entry of [...memory.values(), ...stored]) if (only(entry.box)) await removeEntry(entry.key);
}

/** A new Idempotency-Key: a random UUID (also outside secure contexts, where randomUUID is missing). */
export const newKey = (): string =>
  crypto.randomUUID?.() ?? [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
