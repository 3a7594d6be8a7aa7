/** The last steps: what is about to be booked (Confirm), and what was booked (done). */
import { html, nothing, type TemplateResult } from 'lit-html';
import { msg, str } from '../core/localization.js';
import { safeUrl } from '../core/safe-markup.js';
import type { Flow } from './flow.js';
import { backButton, describeError, serviceLine, when, zoneName } from './parts.js';
import type { Variant } from './steps.js';

export function confirm(f: Flow, _dialog: boolean, v?: Variant): TemplateResult {
  const { selected, service } = f;
  const d = f.details;
  const row = (term: string, value?: string) => (value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing);
  return html`<dl class="summary">
      ${row(msg('When', { id: 'booking.when' }), `${when(f, selected!)} (${zoneName(f)})`)}
      ${row(msg('With', { id: 'booking.withLabel' }), f.specialist?.name)}
      ${row(msg('Service', { id: 'booking.serviceLabel' }), service && serviceLine(f, service))} ${row(msg('Name', { id: 'booking.name' }), d.name)}
      ${row(msg('Email', { id: 'booking.email' }), d.email)} ${row(msg('Phone', { id: 'booking.phone' }), d.phone)}
      ${row(msg('Note', { id: 'booking.noteLabel' }), d.note)}
    </dl>
    ${service ? nothing : html`<p class="muted">${msg('Free · 30 minutes · no obligation', { id: 'booking.terms' })}</p>`}
    ${f.bookError ? html`<div role="alert" part="notice" class="problem"><p>${describeError(f, f.bookError)}</p></div>` : nothing}
    <div class="actions">
      ${backButton(f)}
      <button part="primary-action" type="button" aria-disabled=${f.pending ? 'true' : 'false'} @click=${f.confirm}>
        ${f.pending
          ? msg('Booking…', { id: 'booking.pending' })
          : f.bookError
            ? msg('Try again', { id: 'booking.retry' })
            : (v?.confirm ?? msg('Confirm booking', { id: 'booking.confirm' }))}
      </button>
    </div>`;
}

export function booked(f: Flow, dialog: boolean, v?: Variant): TemplateResult {
  const close = dialog ? html`<div class="actions"><button type="button" @click=${f.host.close}>${msg('Close', { id: 'booking.close' })}</button></div>` : nothing;
  if (v) return html`<p class="booked">${v.said}</p>${close}`;
  const b = f.booking!;
  const ics = safeUrl(b.icsUrl);
  const manage = safeUrl(b.manageUrl);
  return html`<p class="booked"><strong>${when(f, b)}</strong> (${zoneName(f)})</p>
    <div class="actions">
      ${ics ? html`<a part="primary-action" href=${ics} download="consultation.ics">${msg('Add to calendar', { id: 'booking.ics' })}</a>` : nothing}
      ${manage ? html`<a href=${manage} target="_blank" rel="noopener">${msg('Manage or cancel this booking', { id: 'booking.manage' })}</a>` : nothing}
    </div>
    <h4>${msg('What happens next', { id: 'booking.next' })}</h4>
    <p>
      ${msg(str`The clinic will contact you at ${f.details.email} with how to join. To change or cancel, use the link above; the calendar entry holds it too.`, {
        id: 'booking.next.text',
      })}
    </p>
    ${close}`;
}
