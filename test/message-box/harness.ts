/** What the message box's tests share: finding its parts, typing into it, waiting until it is ready. */
import { waitUntil } from '@open-wc/testing';
import type { HearthMessageBox } from '../../src/message-box/message-box.js';
import type { HearthLoginGate } from '../../src/login-gate/login-gate.js';

export const root = (el: HearthMessageBox): ShadowRoot => el.shadowRoot!;
export const gate = (el: HearthMessageBox): HearthLoginGate => root(el).querySelector<HearthLoginGate>('hearth-login-gate')!;
export const textarea = (el: HearthMessageBox): HTMLTextAreaElement => root(el).querySelector<HTMLTextAreaElement>('textarea')!;
export const sendButton = (el: HearthMessageBox): HTMLButtonElement | null => root(el).querySelector<HTMLButtonElement>('[type=submit]');

/** Types `text` into the message (or the subject), as the visitor does: the value, then an input event. */
export function type(el: HearthMessageBox, text: string, field: 'textarea' | 'input' = 'textarea'): void {
  const target = root(el).querySelector<HTMLTextAreaElement | HTMLInputElement>(field)!;
  target.value = text;
  target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Waits until the gate shows its content (the Send button) to a signed-in visitor, and the outbox has been read. */
export const ready = (el: HearthMessageBox): Promise<void> =>
  waitUntil(() => gate(el)?.signedIn && sendButton(el) && !sendButton(el)!.hasAttribute('aria-disabled'), 'signed in and ready');
