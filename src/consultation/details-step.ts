/** The details step: name, email, phone, a note, consent; each field labelled, with its hint and error. */
import { html, nothing, type TemplateResult } from 'lit-html';
import { msg } from '../core/localization.js';
import { safeUrl } from '../core/safe-markup.js';
import type { Details } from './details.js';
import type { Flow } from './flow.js';
import { backButton } from './parts.js';

/** One labelled field, its hint and its error, linked by aria-describedby. */
function field(f: Flow, name: keyof Details, label: string, control: (described: string, invalid: string) => TemplateResult, hint?: string): TemplateResult {
  const error = f.errors[name];
  const described = [hint && `${name}-hint`, error && `${name}-err`].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${name}>${label}</label>
    ${control(described, error ? 'true' : 'false')}
    ${hint ? html`<span id="${name}-hint" class="muted">${hint}</span>` : nothing}
    ${error ? html`<span id="${name}-err" class="error">${error}</span>` : nothing}
  </div>`;
}

export function details(f: Flow): TemplateResult {
  const d = f.details;
  const privacy = safeUrl(f.host.privacyUrl);
  const optional = msg('optional', { id: 'booking.optional' });
  // Required unless it has a hint: the one field with a hint is the phone, marked optional there.
  const text = (name: 'name' | 'email' | 'phone', type: string, label: string, max: number, autocomplete: string, hint?: string) =>
    field(
      f,
      name,
      label,
      (described, invalid) =>
        html`<input id=${name} name=${name} type=${type} maxlength=${max} autocomplete=${autocomplete} ?required=${!hint} .value=${d[name]} @input=${f.input} aria-invalid=${invalid} aria-describedby=${described || nothing} />`,
      hint,
    );
  return html`<form novalidate @submit=${f.submitDetails}>
    ${text('name', 'text', msg('Name', { id: 'booking.name' }), 100, 'name')}
    ${text('email', 'email', msg('Email', { id: 'booking.email' }), 254, 'email')}
    ${text('phone', 'tel', msg('Phone', { id: 'booking.phone' }), 40, 'tel', `${optional} · ${msg('digits, spaces and + ( ) -', { id: 'booking.phone.hint' })}`)}
    ${field(
      f,
      'note',
      msg('Anything you would like the specialist to know', { id: 'booking.note' }),
      (described, invalid) =>
        html`<textarea id="note" name="note" rows="3" maxlength="1000" .value=${d.note} @input=${f.input} aria-invalid=${invalid} aria-describedby=${described}></textarea>`,
      `${optional} · ${d.note.length} / 1000`,
    )}
    <div class="field check">
      <input
        id="consent"
        name="consent"
        type="checkbox"
        required
        .checked=${d.consent}
        @change=${f.input}
        aria-invalid=${f.errors.consent ? 'true' : 'false'}
        aria-describedby=${f.errors.consent ? 'consent-err' : nothing}
      />
      <label for="consent">${msg('I agree that my details are stored and used to arrange this consultation.', { id: 'booking.consent' })}</label>
      ${privacy ? html`<a href=${privacy} target="_blank" rel="noopener">${msg('Privacy notice', { id: 'booking.privacy' })}</a>` : nothing}
      ${f.errors.consent ? html`<span id="consent-err" class="error">${f.errors.consent}</span>` : nothing}
    </div>
    <div class="actions">${backButton(f)}<button part="primary-action">${msg('Continue', { id: 'booking.continue' })}</button></div>
  </form>`;
}
