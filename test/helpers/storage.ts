/**
 * Test files run side by side in pages of one origin and share its localStorage and IndexedDB, so a
 * file cleans up only what its own element stores: clearing everything would wipe another file's
 * draft or outbox entry in the middle of its test.
 */
import { clearOutbox } from '../../src/core/outbox.js';

/**
 * Removes the outbox entries of the boxes `only` accepts, and their drafts: the localStorage keys
 * `keyPrefix + box` (a message box's draft key is its box) for the boxes `only` accepts.
 */
export async function forgetStored(only: (box: string) => boolean, keyPrefix: string): Promise<void> {
  await clearOutbox(only);
  for (const key of Object.keys(localStorage)) if (key.startsWith(keyPrefix) && only(key.slice(keyPrefix.length))) localStorage.removeItem(key);
}
