/**
 * The message box's form, in parts the element puts together: a field with its character count and
 * error, the checks before Send, and what the status line says.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { HearthError, isHearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import { clampDelay } from '../core/delay.js';
import { wellFormed } from '../core/text.js';
import type { MessageRequest } from '../core/contract.js';
import type { Phase } from './delivery.js';
import type { Draft } from './draft.js';

const SUBJECT_MAX = 200;

/**
 * The subject field, or the message field with its character count, labelled, with its error.
 * `errors`: the field's messages (it is marked invalid); `readonly` while the message is not being written.
 */
export function messageField(name: 'subject' | 'body', label: string, value: string, errors: string[] | undefined, readonly: boolean, maxLength: number, locale: string): TemplateResult {
  const body = name === 'body';
  const over = value.length > maxLength;
  const describedBy = `${body ? 'crisis count ' : ''}${name}-error`;
  // A plain `.value` binding: every input event copies the field into the draft before the next
  // render, so the value rendered is always the field's own and never overwrites what is typed
  // (why not Lit's live() directive: docs/architecture.md, Kept tricks).
  return html`<label for=${name}>${label}</label>
    ${body
      ? html`<textarea id="body" name="body" part="body" rows="6" .value=${value} ?readonly=${readonly} aria-invalid=${!!errors} aria-describedby=${describedBy}></textarea>
          <span id="count" part="count" class=${over ? 'over' : ''}
            >${over
              ? msg(str`${(value.length - maxLength).toLocaleString(locale)} characters too many`, { id: 'messages.count.over' })
              : msg(str`${value.length.toLocaleString(locale)} of ${maxLength.toLocaleString(locale)} characters`, { id: 'messages.count' })}</span
          >`
      : html`<input id="subject" name="subject" part="subject" autocomplete="off" .value=${value} ?readonly=${readonly} aria-invalid=${!!errors} aria-describedby=${describedBy} />`}
    <p id=${`${name}-error`} part="error">${errors?.join(' ')}</p>`;
}

/**
 * The draft as it is sent to `to` (trimmed, well-formed: a lone surrogate would make the request
 * fail for good), or a `validation` HearthError whose fieldErrors say what to fix.
 */
export function checked(draft: Draft, maxLength: number, locale: string, to?: string): MessageRequest | HearthError {
  const body = wellFormed(draft.body.trim());
  const subject = wellFormed(draft.subject.trim());
  const errors: Record<string, string[]> = {};
  const tooLong = (max: number) => [msg(str`Use at most ${max.toLocaleString(locale)} characters`, { id: 'messages.error.tooLong' })];
  if (!body) errors.body = [msg('Write a message', { id: 'messages.error.empty' })];
  else if (body.length > maxLength) errors.body = tooLong(maxLength);
  if (subject.length > SUBJECT_MAX) errors.subject = tooLong(SUBJECT_MAX);
  if (Object.keys(errors).length) return new HearthError('validation', 'Check the fields', { fieldErrors: errors });
  const message: MessageRequest = subject ? { body, subject } : { body };
  if (to) message.to = to;
  // The page without its query or fragment: no personal data from URLs goes to the server.
  if (/^https?:$/.test(location.protocol)) message.pageUrl = location.origin + location.pathname;
  return message;
}

/**
 * What the status line says in `phase` after `error`. In compose: `logInFirst` when Send was pressed
 * signed out, `fieldsMarked` when a refusal names fields the form shows.
 */
export function statusLine(phase: Phase, error: unknown, online: boolean, logInFirst: boolean, fieldsMarked: boolean): string {
  const kind = isHearthError(error) && error.kind;
  switch (phase) {
    case 'loading':
      return msg('Loading…', { id: 'messages.status.loading' });
    case 'signin':
      return msg('Your sign-in has ended. Log in again and your message will be sent: it is kept here.', { id: 'messages.status.signIn' });
    case 'sending':
      return msg('Sending your message…', { id: 'messages.status.sending' });
    case 'sent':
      return msg('Your message has been sent', { id: 'messages.status.sent' });
    case 'queued':
      if (kind === 'rate-limited' && (error as HearthError).retryAfter !== undefined)
        return msg(str`You have sent several messages in a short time. Your message is saved and will be sent in ${clampDelay((error as HearthError).retryAfter! * 1e3) / 1e3} seconds.`, {
          id: 'messages.status.rateLimited',
        });
      return kind === 'offline' || !online
        ? msg('No internet connection — your message is saved and will be sent when you are back online', { id: 'messages.status.offline' })
        : msg('The server could not be reached — your message is saved and will be sent automatically', { id: 'messages.status.retrying' });
    case 'failed':
      return msg('Your message could not be sent. It is kept here: try again, or edit it.', { id: 'messages.status.failed' });
  }
  if (logInFirst) return msg('Log in to send your message. It is kept here.', { id: 'messages.status.logInFirst' });
  if (kind === 'validation')
    return fieldsMarked
      ? msg('Your message could not be sent: check the fields marked below.', { id: 'messages.status.invalid' })
      : msg('The server did not accept your message. It is kept here: change it, then send it again.', { id: 'messages.status.refused' });
  return '';
}

/**
 * The form's buttons in `phase`, inside the login gate: Send ("Send now" when `sendNow`) while
 * writing, there and focusable but not yet usable while the outbox is read (aria-disabled, not
 * disabled: focus stays); Retry and Edit after a refusal.
 */
export function actions(phase: Phase, sendNow: boolean, retry: () => void, edit: () => void): TemplateResult | typeof nothing {
  switch (phase) {
    case 'loading':
    case 'compose':
      return html`<button type="submit" part="button" aria-disabled=${phase === 'loading' ? 'true' : nothing}>${sendNow ? msg('Send now', { id: 'messages.sendNow' }) : msg('Send', { id: 'messages.send' })}</button>`;
    case 'failed':
      return html`<button type="button" part="button" class="retry" @click=${retry}>${msg('Retry', { id: 'common.retry' })}</button
        ><button type="button" part="button" class="secondary" @click=${edit}>${msg('Edit', { id: 'messages.edit' })}</button>`;
  }
  return nothing;
}
