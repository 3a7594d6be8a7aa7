/** The desk's pieces that only show data: a row of the inbox, a message of a thread, the composer's status. */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { ConversationItem, ConversationMessage } from '../core/backend.js';
import type { HearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import type { Filter } from './inbox.js';
import { problemText } from './problems.js';
import { REPLY_MAX, type ReplyState } from './reply-delivery.js';
import { shortTime } from './format.js';

export const noSubject = (): string => msg('No subject', { id: 'desk.noSubject' });
export const visitorName = (item: { visitor?: { name: string } }): string => item.visitor?.name || msg('Visitor', { id: 'desk.visitor' });
export const statusName = (status: 'open' | 'handled'): string =>
  status == 'open' ? msg('Open', { id: 'desk.status.open' }) : msg('Handled', { id: 'desk.status.handled' });

export const filterName = (filter: Filter): string =>
  ({
    open: () => msg('Open', { id: 'desk.status.open' }),
    handled: () => msg('Handled', { id: 'desk.status.handled' }),
    mine: () => msg('Mine', { id: 'desk.filter.mine' }),
    all: () => msg('All', { id: 'desk.filter.all' }),
  })[filter]();

export const emptyText = (filter: Filter): string =>
  ({
    open: () => msg('No open conversations', { id: 'desk.empty.open' }),
    handled: () => msg('No handled conversations', { id: 'desk.empty.handled' }),
    mine: () => msg('No open conversations are assigned to you', { id: 'desk.empty.mine' }),
    all: () => msg('No conversations yet', { id: 'desk.empty.all' }),
  })[filter]();

/** One option of the inbox listbox. Text only: an option holds nothing interactive. */
export function row(item: ConversationItem, selected: boolean, active: boolean, locale: string | undefined): TemplateResult {
  const unread = item.unread > 0;
  return html`<li role="option" part="row" class=${unread ? 'unread' : ''} data-id=${item.id} aria-selected=${selected} tabindex=${active ? 0 : -1}>
    <span class="line"
      ><span class="who">${visitorName(item)}</span
      ><time datetime=${item.lastActivityAt}>${shortTime(item.lastActivityAt, locale)}</time></span
    >
    <span class="subject">${item.subject || noSubject()}</span>
    <span class="preview">${item.preview}</span>
    <span class="line"
      ><span class="status ${item.status}">${statusName(item.status)}</span
      >${unread
        ? html`<span class="badge" part="badge" aria-hidden="true">${item.unread.toLocaleString(locale)}</span
            ><span class="vh">${msg(str`${item.unread.toLocaleString(locale)} unread`, { id: 'desk.unread' })}</span>`
        : nothing}</span
    >
  </li>`;
}

/** One message of a thread: who wrote it (the care team's replies marked as such), when, and the text. */
export function message(m: ConversationMessage, locale: string | undefined): TemplateResult {
  const staff = m.author.role != 'visitor';
  return html`<li part="message" class=${staff ? 'staff' : 'visitor'}>
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
