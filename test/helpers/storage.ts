/**
 * Test files run side by side in pages of one origin and share its localStorage and IndexedDB, so a
 * file cleans up only what its own element stores: clearing everything would wipe another file's
 * draft or outbox entry in the middle of its test.
 */
import { clearOutbox, entriesOf, removeEntry } from '../../src/core/outbox.js';
import { REPLY_BOX, type ReplyEntry } from '../../src/desk/reply-delivery.js';

/**
 * Removes the outbox entries of the boxes `only` accepts, and their drafts: the localStorage keys
 * `keyPrefix + box` (a message box's draft key is its box) for the boxes `only` accepts.
 */
export async function forgetStored(only: (box: string) => boolean, keyPrefix: string): Promise<void> {
  await clearOutbox(only);
  for (const key of Object.keys(localStorage)) if (key.startsWith(keyPrefix) && only(key.slice(keyPrefix.length))) localStorage.removeItem(key);
}

/**
 * Forgets the stored replies and drafts of these conversations only. Test files run side by side in
 * pages of one origin: forgetting every desk draft wiped another file's draft in the middle of its
 * test (reply.test.ts's 422 test failed that way in CI), so each file names its own conversations.
 */
export async function forgetReplies(...conversations: string[]): Promise<void> {
  for (const entry of (await entriesOf(REPLY_BOX)) as ReplyEntry[]) if (conversations.includes(entry.conversation)) await removeEntry(entry.key);
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('hearth.desk-draft:') && conversations.includes(key.slice(key.indexOf('|') + 1))) localStorage.removeItem(key);
  }
}
