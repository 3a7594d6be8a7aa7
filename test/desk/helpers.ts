import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/hearth-desk.js';
import type { HearthDesk } from '../../src/desk/desk.js';
import type { HearthBackend } from '../../src/core/backend.js';
/** A desk on `backend`; listeners go on `parent` before it connects (a stub answers at once). */
export async function desk(backend: HearthBackend, options: { width?: string; parent?: HTMLElement; lang?: string } = {}): Promise<HearthDesk> {
  const parent = options.parent ?? document.createElement('div');
  if (!parent.isConnected) document.body.append(parent);
  if (options.width) parent.style.width = options.width;
  return fixture<HearthDesk>(html`<hearth-desk .backend=${backend} .retryDelay=${20} lang=${options.lang ?? 'en'}></hearth-desk>`, { parentNode: parent });
}

export const root = (el: HearthDesk) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: HearthDesk, selector: string) => root(el).querySelector<T & HTMLElement>(selector);
export const rows = (el: HearthDesk) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')];
export const focused = (el: HearthDesk) => root(el).activeElement as HTMLElement | null;
export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const button = (el: HearthDesk, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) == name);
export const textarea = (el: HearthDesk) => $<HTMLTextAreaElement>(el, '#reply')!;
export const replyStatus = (el: HearthDesk) => text($(el, '#reply-status'));
export const announced = (el: HearthDesk) => text($(el, '.desk > .vh[role=status]'));

/** Waits until the list shows (rows, or the empty or error state). */
export const listed = (el: HearthDesk) => waitUntil(() => rows(el).length || $(el, '.inbox p.state') || $(el, '.inbox [part~=error].state'), 'the list shows');

/** Waits until a thread is open and its composer may be used. */
export const threadReady = (el: HearthDesk) =>
  waitUntil(() => $(el, '#thread-title') && $(el, '[type=submit]') && !$(el, '[type=submit]')!.hasAttribute('aria-disabled'), 'the thread is open');

export function type(el: HearthDesk, value: string): void {
  const area = textarea(el);
  area.value = value;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export async function openRow(el: HearthDesk, index = 0): Promise<void> {
  await listed(el);
  rows(el)[index].click();
  await threadReady(el);
}

export function setOnline(online: boolean): void {
  if (online) delete (navigator as { onLine?: boolean }).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}
