/** The inbox's pieces that only show data: names, filters, empty states, a row. */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { ConversationItem } from '../core/backend.js';
import { msg, str } from '../core/localization.js';
import type { Filter } from './inbox.js';
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
  return html`<li role="option" part=${selected ? 'row selected' : 'row'} class=${unread ? 'unread' : ''} data-id=${item.id} aria-selected=${selected} tabindex=${active ? 0 : -1}>
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
