/** The thread pane's pieces that only show data: the header with its actions, the messages, the composer. */
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import type { ConversationDetail, ConversationMessage, StaffMember } from '../core/backend.js';
import type { HearthError } from '../core/errors.js';
import { isOnline } from '../core/connectivity.js';
import { msg, str } from '../core/localization.js';
import { problemText } from './problems.js';
import { REPLY_MAX, type ReplyState } from './reply-delivery.js';
import { shortTime } from './format.js';
import { noSubject, statusName, visitorName } from './views.js';

export interface ConversationView {
  detail: ConversationDetail;
  locale?: string;
  /** The recipient's name (a specialist's, or the care team). */
  recipient: string;
  /** The staff to assign to (admins only; undefined hides Assign to). */
  staff?: StaffMember[];
  /** A change is being saved. */
  pending: boolean;
  actionError?: unknown;
  toggleStatus(): void;
  assign(event: Event): void;
  composer: TemplateResult;
}

/** The open conversation: who, what, to whom, assigned to whom, its status and actions, its messages, the composer. */
export function conversationView(v: ConversationView): TemplateResult {
  const { detail, staff, pending } = v;
  const handled = detail.status == 'handled';
  const assignee = detail.assignee;
  return html`<header class="head">
      <h2 id="thread-title" tabindex="-1">${visitorName(detail)}</h2>
      <p class="subject">${detail.subject || noSubject()}</p>
      <dl>
        <div><dt>${msg('To', { id: 'desk.thread.to' })}</dt><dd>${v.recipient}</dd></div>
        <div><dt>${msg('Assigned to', { id: 'desk.thread.assignee' })}</dt><dd>${assignee?.name ?? msg('Unassigned', { id: 'desk.unassigned' })}</dd></div>
        <div><dt>${msg('Status', { id: 'desk.thread.status' })}</dt><dd>${statusName(detail.status)}</dd></div>
      </dl>
      <div class="actions">
        <button type="button" part="button" class="secondary" aria-disabled=${pending ? 'true' : nothing} @click=${v.toggleStatus}>
          ${handled ? msg('Reopen', { id: 'desk.reopen' }) : msg('Mark handled', { id: 'desk.markHandled' })}
        </button>
        ${staff
          ? html`<label class="assign"
              >${msg('Assign to', { id: 'desk.assign' })}
              <select aria-disabled=${pending ? 'true' : nothing} @change=${v.assign}>
                <option value="" ?selected=${!assignee}>${msg('Unassigned', { id: 'desk.unassigned' })}</option>
                ${assignee && !staff.some((s) => s.id == assignee.id) ? html`<option value=${assignee.id} selected>${assignee.name}</option>` : nothing}
                ${staff.map((s) => html`<option value=${s.id} ?selected=${s.id == assignee?.id}>${s.name}</option>`)}
              </select></label
            >`
          : nothing}
      </div>
      <p role="status" part="error" class="action-status">
        ${pending ? msg('Saving…', { id: 'desk.saving' }) : v.actionError ? `${msg('The change was not saved.', { id: 'desk.notSaved' })} ${problemText(v.actionError)}` : ''}
      </p>
    </header>
    <ol class="messages" aria-label=${msg('Messages', { id: 'desk.messages' })}>
      ${detail.messages.map((m) => message(m, v.locale))}
    </ol>
    ${v.composer}`;
}

/** One message of a thread: who wrote it (the care team's replies marked as such), when, and the text. */
export function message(m: ConversationMessage, locale: string | undefined): TemplateResult {
  const staff = m.author.role != 'visitor';
  return html`<li part=${staff ? 'message staff' : 'message visitor'}>
    <p class="meta">
      <span class="author">${m.author.name}</span>${staff ? html` <span class="team">${msg('Care team', { id: 'desk.careTeam' })}</span>` : nothing}
      <time datetime=${m.createdAt}>${shortTime(m.createdAt, locale, true)}</time>
    </p>
    <p class="body">${m.body}</p>
  </li>`;
}

/** What the composer's status line says. */
export function replyStatus(state: ReplyState, online: boolean): string {
  const error = state.error as HearthError | undefined;
  switch (state.phase) {
    case 'sending':
      return msg('Sending your reply…', { id: 'desk.reply.sending' });
    case 'sent':
      return msg('Your reply has been sent', { id: 'desk.reply.sent' });
    case 'queued':
      return error?.kind == 'offline' || !online
        ? msg('No internet connection — your reply is saved and will be sent when you are back online', { id: 'desk.reply.offline' })
        : msg('The server could not be reached — your reply is saved and will be sent automatically', { id: 'desk.reply.retrying' });
    case 'signin':
      return msg('Your sign-in has ended. Sign in again and your reply will be sent: it is kept here.', { id: 'desk.reply.signIn' });
    case 'failed':
      return `${problemText(error)} ${msg('Your reply is kept here: try again, or edit it.', { id: 'desk.reply.failed' })}`;
  }
  return '';
}

/** Why the reply cannot go as written. */
export function replyInvalid(state: ReplyState, locale: string | undefined): string {
  const invalid = state.invalid;
  if (!invalid) return '';
  if (invalid == 'empty') return msg('Write a reply first', { id: 'desk.reply.empty' });
  if (invalid == 'long') return msg(str`Use at most ${REPLY_MAX.toLocaleString(locale)} characters`, { id: 'desk.reply.tooLong' });
  return invalid.length ? invalid.join(' ') : msg('The server did not accept this reply. It is kept here: change it, then send it again.', { id: 'desk.reply.refused' });
}

export interface ComposerView {
  visitor: string;
  state: ReplyState;
  text: string;
  /** Nothing of it waits in the outbox (else read-only: the waiting reply keeps its key). */
  editable: boolean;
  locale?: string;
  send(event: Event): void;
  input(event: Event): void;
  key(event: KeyboardEvent): void;
  retry(): void;
  edit(): void;
}

/** The reply form: the text (read-only while its reply waits), why it cannot go, what happens to it, Send (or Retry / Edit). */
export function composerView(v: ComposerView): TemplateResult {
  const { state, editable } = v;
  const invalid = replyInvalid(state, v.locale);
  return html`<form part="composer" class="composer" novalidate @submit=${v.send}>
    <label for="reply">${msg(str`Reply to ${v.visitor}`, { id: 'desk.reply.label' })}</label>
    <textarea id="reply" rows="4" .value=${live(v.text)} ?readonly=${!editable} aria-invalid=${!!invalid}
      aria-describedby="reply-error reply-status" @input=${v.input} @keydown=${v.key}></textarea>
    <p id="reply-error" part="error">${invalid}</p>
    <p id="reply-status" role="status">${replyStatus(state, isOnline())}</p>
    <div class="actions">
      ${state.phase == 'failed'
        ? html`<button type="button" part="button" @click=${v.retry}>${msg('Retry', { id: 'desk.retry' })}</button
            ><button type="button" part="button" class="secondary" @click=${v.edit}>${msg('Edit', { id: 'desk.edit' })}</button>`
        : html`<button type="submit" part="button" aria-disabled=${editable ? nothing : 'true'}>${msg('Send reply', { id: 'desk.reply.send' })}</button>`}
    </div>
  </form>`;
}
