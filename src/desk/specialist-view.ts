/** The Specialists section's forms and service rows. @internal */
import type { TemplateResult } from 'lit-html';
import { field, html, msg, nothing, str, type FormDialog } from './forms.js';
import type { Service, SpecialistDetail } from '../core/backend.js';

export const SPECIALIST_FIELDS = ['name', 'title', 'timeZone', 'bio', 'languages', 'email', 'photoUrl'] as const;
export const SERVICE_FIELDS = ['name', 'durationMinutes', 'price'] as const;

let zones: string[] | undefined;
/** The IANA time zones this browser knows (and `current`, should it not be among them). */
function timeZones(current?: string): string[] {
  zones ??= (Intl as { supportedValuesOf?(key: string): string[] }).supportedValuesOf?.('timeZone') ?? [];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The add / edit form of a specialist: its defaults are the specialist's (form.reset() brings them back). */
export function specialistDialog(form: FormDialog, s: SpecialistDetail | undefined, submit: (event: SubmitEvent) => void): TemplateResult {
  const e = form.errors;
  const zone = s?.timeZone ?? browserZone();
  const input = (name: string, value: string | null | undefined, type = 'text', more = '') => (d: string, i: boolean) =>
    html`<input id="sp-${name}" name=${name} type=${type} value=${value ?? ''} autocomplete="off" aria-describedby=${d} aria-invalid=${i} inputmode=${more || nothing} />`;
  return html`<dialog id="specialist-dialog" part="dialog" aria-labelledby="specialist-title" @close=${() => form.desk.host.requestUpdate()}>
    <form novalidate @submit=${submit} @input=${(ev: Event) => form.changed(ev)} @change=${(ev: Event) => form.changed(ev)}>
      <h2 id="specialist-title">${s ? msg(str`Edit ${s.name}`, { id: 'desk.specialists.editTitle' }) : msg('Add a specialist', { id: 'desk.specialists.add' })}</h2>
      ${field('sp-name', msg('Name', { id: 'desk.invite.name' }), e.name, input('name', s?.name))}
      ${field('sp-title', msg('Title', { id: 'desk.specialists.title' }), e.title, input('title', s?.title))}
      ${field(
        'sp-bio',
        msg('Short bio', { id: 'desk.specialists.bioLabel' }),
        e.bio,
        (d, i) => html`<textarea id="sp-bio" name="bio" maxlength="1000" .defaultValue=${s?.bio ?? ''} aria-describedby=${d} aria-invalid=${i}></textarea>`,
      )}
      ${field(
        'sp-languages',
        msg('Languages', { id: 'desk.specialists.languages' }),
        e.languages,
        input('languages', s?.languages.join(', ')),
        msg('Language tags, separated by commas: uk, en', { id: 'desk.specialists.languagesHint' }),
      )}
      ${field(
        'sp-timeZone',
        msg('Time zone', { id: 'desk.specialists.timeZone' }),
        e.timeZone,
        (d, i) => html`<select id="sp-timeZone" name="timeZone" aria-describedby=${d} aria-invalid=${i}>
          ${timeZones(zone).map((z) => html`<option ?selected=${z == zone}>${z}</option>`)}
        </select>`,
      )}
      ${field(
        'sp-email',
        msg('Email for notifications (optional)', { id: 'desk.specialists.emailLabel' }),
        e.email,
        input('email', s?.email, 'email', 'email'),
        msg('Empty: the team address.', { id: 'desk.specialists.emailHint' }),
      )}
      ${field('sp-photoUrl', msg('Photo URL (optional)', { id: 'desk.specialists.photo' }), e.photoUrl, input('photoUrl', s?.photoUrl, 'url', 'url'))}
      ${form.actions(
        s ? msg('Save', { id: 'desk.specialists.save' }) : msg('Add', { id: 'desk.specialists.addShort' }),
        msg('Saving…', { id: 'desk.hours.saving' }),
        msg('Cancel', { id: 'desk.cancel' }),
      )}
    </form>
  </dialog>`;
}

export function serviceDialog(form: FormDialog, service: Service | undefined, submit: (event: SubmitEvent) => void): TemplateResult {
  const e = form.errors;
  return html`<dialog id="service-dialog" part="dialog" aria-labelledby="service-title" @close=${() => form.desk.host.requestUpdate()}>
    <form novalidate @submit=${submit} @input=${(ev: Event) => form.changed(ev)}>
      <h2 id="service-title">${service ? msg(str`Edit ${service.name}`, { id: 'desk.specialists.editTitle' }) : msg('Add a service', { id: 'desk.services.add' })}</h2>
      ${field(
        'sv-name',
        msg('Name', { id: 'desk.invite.name' }),
        e.name,
        (d, i) => html`<input id="sv-name" name="name" value=${service?.name ?? ''} autocomplete="off" aria-describedby=${d} aria-invalid=${i} />`,
      )}
      ${field(
        'sv-duration',
        msg('Duration (minutes)', { id: 'desk.services.duration' }),
        e.durationMinutes,
        (d, i) =>
          html`<input id="sv-duration" name="durationMinutes" type="number" min="15" max="120" step="5" value=${service?.durationMinutes ?? 30} aria-describedby=${d} aria-invalid=${i} />`,
        msg('15 to 120, in steps of 5.', { id: 'desk.services.durationHint' }),
      )}
      ${field(
        'sv-price',
        msg('Price (optional)', { id: 'desk.services.price' }),
        e.price,
        (d, i) => html`<input id="sv-price" name="price" value=${service?.price ?? ''} autocomplete="off" aria-describedby=${d} aria-invalid=${i} />`,
        msg('“free”, or a price such as €60. No payment is taken.', { id: 'desk.services.priceHint' }),
      )}
      ${form.actions(
        service ? msg('Save', { id: 'desk.specialists.save' }) : msg('Add', { id: 'desk.specialists.addShort' }),
        msg('Saving…', { id: 'desk.hours.saving' }),
        msg('Cancel', { id: 'desk.cancel' }),
      )}
    </form>
  </dialog>`;
}

/** One service: name, duration, price, active or not; Edit and (de)activate. */
export function serviceRow(service: Service, pending: boolean, edit: () => void, toggle: () => void): TemplateResult {
  const id = `sv-${service.id}`;
  return html`<li part="service" class="card ${service.active ? '' : 'off'}">
    <h3 id=${id}>${service.name}</h3>
    <p>
      ${msg(str`${service.durationMinutes} min`, { id: 'desk.services.minutes' })} · ${service.price ?? msg('No price', { id: 'desk.services.noPrice' })} ·
      ${service.active ? msg('Active', { id: 'desk.specialists.active' }) : msg('Inactive', { id: 'desk.specialists.inactive' })}
    </p>
    <div class="actions">
      <button type="button" part="button" class="secondary" aria-describedby=${id} @click=${edit}>${msg('Edit', { id: 'desk.edit' })}</button>
      <button type="button" part="button" class="secondary" aria-describedby=${id} aria-disabled=${pending ? 'true' : nothing} @click=${toggle}>
        ${service.active ? msg('Deactivate', { id: 'desk.specialists.deactivate.confirm' }) : msg('Activate', { id: 'desk.services.activate' })}
      </button>
    </div>
  </li>`;
}
