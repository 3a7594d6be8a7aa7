/**
 * The draft of a message box, saved in localStorage as it is typed (synchronously, so a crash or
 * a full-page sign-in loses nothing) and removed only when the server has confirmed the message.
 */
export interface Draft {
  subject: string;
  body: string;
  /** When the visitor started writing (ms since the epoch); 0 for an empty draft. */
  at: number;
}

const KEY = 'hearth.draft:';
export const emptyDraft = (): Draft => ({ subject: '', body: '', at: 0 });

export function readBoxDraft(key: string): Draft {
  try {
    return { ...emptyDraft(), ...JSON.parse(localStorage.getItem(KEY + key) ?? '{}') };
  } catch {
    return emptyDraft();
  }
}

export function saveBoxDraft(key: string, draft: Draft): void {
  try {
    if (draft.body || draft.subject) localStorage.setItem(KEY + key, JSON.stringify(draft));
    else localStorage.removeItem(KEY + key);
  } catch {
    // storage full or disabled: the text stays in the form
  }
}
