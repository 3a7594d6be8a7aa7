import { html, type TemplateResult } from 'lit-html';
import { msg, str } from './localization.js';

/** Where the crisis line sits in the translated sentence (split there, so that it can be a link). */
const MARK = '\u0000';

/** A crisis line's number as a tel: URL ("Samaritans 116 123" → "tel:116123"); undefined without digits. */
export function telOf(line: string): string | undefined {
  const number = /\+?\d[\d ().-]*$/.exec(line)?.[0].replace(/[^\d+]/g, '');
  return number ? `tel:${number}` : undefined;
}

/**
 * The short "Not for emergencies" notice and whom to call: the page's crisis line (`crisis-line`: a
 * number, or a name and a number, "988", "Samaritans 116 123"), its number a tel: link; without one,
 * the visitor's local emergency number (no country's number is assumed).
 */
export function crisisNotice(line?: string): TemplateResult {
  const tel = line && telOf(line);
  const [before, after] = line
    ? msg(str`Not for emergencies. In danger now? Call ${MARK} or your local emergency number.`, { id: 'crisis.line' }).split(MARK)
    : [msg('Not for emergencies. In danger now? Call your local emergency number.', { id: 'crisis' })];
  return html`<p id="crisis" part="crisis" class="crisis" role="note">${before}${line ? (tel ? html`<a href=${tel}>${line}</a>` : line) : ''}${after}</p>`;
}
