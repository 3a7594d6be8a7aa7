/**
 * Reply drafts of the desk, one per staff account and conversation, saved in localStorage as they
 * are typed (synchronously: a crash or a reload loses nothing) and removed only once the server has
 * confirmed the reply. Keyed by account too: a shared work computer never shows one colleague's
 * unsent words to another.
 */
const PREFIX = 'hearth.desk-draft:';
const keyOf = (user: string | undefined, conversation: string) => `${PREFIX}${user ?? ''}|${conversation}`;

export function readDraft(user: string | undefined, conversation: string): string {
  try {
    return localStorage.getItem(keyOf(user, conversation)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(user: string | undefined, conversation: string, text: string): void {
  try {
    if (text) localStorage.setItem(keyOf(user, conversation), text);
    else localStorage.removeItem(keyOf(user, conversation));
  } catch {
    // storage full or disabled: the text stays in the composer
  }
}
