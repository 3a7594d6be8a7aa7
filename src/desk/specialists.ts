/**
 * The desk's Specialists section (a lazy chunk, admins only): every specialist, active or not; add
 * and edit one (name, title, bio, languages, time zone, email for notifications, photo URL);
 * deactivate or reactivate with a confirmation (a deactivated specialist keeps their history and
 * takes no new bookings); and each specialist's services (name, 15–120 minutes, a price label),
 * added, edited, activated or deactivated. Every write carries an Idempotency-Key kept per form.
 *
 * @internal
 */
import type { TemplateResult } from 'lit-html';
import { errorView, FormDialog, html, loadingView, msg, newKey, nothing, sectionProblem, start, str, wellFormed } from './forms.js';
import type { Service, ServiceInput, SpecialistDetail, SpecialistInput } from '../core/backend.js';
import { serviceDialog, serviceRow, specialistDialog, SPECIALIST_FIELDS, SERVICE_FIELDS } from './specialist-view.js';
import type { DeskContext, Section } from './section.js';

type Services = { state: 'loading' | 'ready' | 'error'; items: Service[]; error?: unknown; pending?: string; actionError?: unknown };

export const section = (desk: DeskContext): Section => new Specialists(desk);

const isEmail = (s: string) => /^[^\s@]+@[^\s@]+$/.test(s);

class Specialists implements Section {
  list: SpecialistDetail[] = [];
  state: 'loading' | 'ready' | 'error' = 'loading';
  error?: unknown;
  /** Whose services are shown, and each one's services. */
  open = new Set<string>();
  services = new Map<string, Services>();
  /** The specialist the form edits (undefined: a new one), the one to (de)activate, the service edited. */
  editing?: SpecialistDetail;
  confirming?: SpecialistDetail;
  serviceFor = '';
  editingService?: Service;
  specialistForm: FormDialog;
  confirmForm: FormDialog;
  serviceForm: FormDialog;
  #generation = 0;

  constructor(readonly desk: DeskContext) {
    start(desk);
    this.specialistForm = new FormDialog(desk, 'specialist-dialog');
    this.confirmForm = new FormDialog(desk, 'confirm-dialog');
    this.serviceForm = new FormDialog(desk, 'service-dialog');
    void this.load();
  }

  get #backend() {
    const backend = this.desk.backend();
    if (!backend?.listClinicSpecialists) throw new Error('hearth-desk: the backend has no clinic calls (listClinicSpecialists …)');
    return backend;
  }


  async load(): Promise<void> {
    const generation = ++this.#generation;
    this.state = 'loading';
    this.desk.host.requestUpdate();
    try {
      const list = await this.#backend.listClinicSpecialists!();
      if (generation != this.#generation) return;
      this.list = list;
      this.state = 'ready';
      for (const id of this.open) void this.#loadServices(id);
    } catch (error) {
      if (generation != this.#generation) return;
      this.desk.failed(error);
      Object.assign(this, { state: 'error', error });
    }
    this.desk.host.requestUpdate();
  }

  async #focus(selector: string): Promise<void> {
    await this.desk.host.updateComplete;
    this.desk.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // —— a specialist ——

  async #openForm(specialist?: SpecialistDetail): Promise<void> {
    this.editing = specialist;
    this.desk.host.requestUpdate();
    await this.desk.host.updateComplete; // the form's defaults are this specialist's
    this.specialistForm.open();
  }

  async #submitSpecialist(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => wellFormed(String(data.get(name) ?? '').trim());
    const input: SpecialistInput = {
      name: text('name'),
      title: text('title'),
      timeZone: text('timeZone'),
      bio: text('bio') || null,
      languages: text('languages').split(/[\s,;]+/).filter(Boolean),
      email: text('email') || null,
      photoUrl: text('photoUrl') || null,
    };
    const errors: Record<string, string[]> = {};
    if (!input.name) errors.name = [msg('Enter their name', { id: 'desk.invite.error.name' })];
    if (!input.title) errors.title = [msg('Enter their title, like Psychotherapist', { id: 'desk.specialists.error.title' })];
    if (!input.timeZone) errors.timeZone = [msg('Choose their time zone', { id: 'desk.specialists.error.timeZone' })];
    if (input.email && !isEmail(input.email)) errors.email = [msg('Enter an email address, like name@example.org', { id: 'desk.invite.error.email' })];
    if (input.photoUrl && !/^https:\/\/\S+$/.test(input.photoUrl)) errors.photoUrl = [msg('Enter an https:// address, or leave it empty', { id: 'desk.specialists.error.photo' })];
    if (Object.keys(errors).length) return this.specialistForm.invalid(errors);
    const editing = this.editing;
    let saved: SpecialistDetail | undefined;
    const done = await this.specialistForm.submit(async (idempotencyKey) => {
      const backend = this.#backend;
      saved = editing ? await backend.updateSpecialist!(editing.id, input, { idempotencyKey }) : await backend.createSpecialist!(input, { idempotencyKey });
    }, SPECIALIST_FIELDS);
    if (!done || !saved) return;
    this.#put(saved);
    this.desk.announce(editing ? msg(str`${saved.name} saved`, { id: 'desk.specialists.saved' }) : msg(str`${saved.name} added`, { id: 'desk.specialists.added' }));
    this.desk.host.emit('hearth-desk-specialist-saved', { id: saved.id, active: saved.active, created: !editing });
    if (!editing) void this.#focus(`[id="s-${CSS.escape(saved.id)}"]`);
  }

  #put(specialist: SpecialistDetail): void {
    const known = this.list.some((s) => s.id == specialist.id);
    this.list = known ? this.list.map((s) => (s.id == specialist.id ? specialist : s)) : [...this.list, specialist];
    this.desk.host.requestUpdate();
  }

  async #openConfirm(specialist: SpecialistDetail): Promise<void> {
    this.confirming = specialist;
    this.desk.host.requestUpdate();
    await this.desk.host.updateComplete;
    this.confirmForm.open();
  }

  async #submitConfirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const specialist = this.confirming;
    if (!specialist) return;
    let saved: SpecialistDetail | undefined;
    const done = await this.confirmForm.submit(async (idempotencyKey) => {
      saved = await this.#backend.updateSpecialist!(specialist.id, { active: !specialist.active }, { idempotencyKey });
    }, []);
    if (!done || !saved) return;
    this.#put(saved);
    this.desk.announce(
      saved.active ? msg(str`${saved.name} is active again`, { id: 'desk.specialists.reactivated' }) : msg(str`${saved.name} is deactivated`, { id: 'desk.specialists.deactivated' }),
    );
    this.desk.host.emit('hearth-desk-specialist-saved', { id: saved.id, active: saved.active, created: false });
    // The button changed its name; focus stays on it.
    void this.#focus(`[data-toggle="${CSS.escape(saved.id)}"]`);
  }

  // —— services ——

  #toggleServices(id: string): void {
    if (this.open.has(id)) this.open.delete(id);
    else {
      this.open.add(id);
      if (this.services.get(id)?.state != 'ready') void this.#loadServices(id);
    }
    this.desk.host.requestUpdate();
  }

  async #loadServices(id: string): Promise<void> {
    const entry: Services = { state: 'loading', items: this.services.get(id)?.items ?? [] };
    this.services.set(id, entry);
    this.desk.host.requestUpdate();
    try {
      entry.items = await this.#backend.listClinicServices!(id);
      entry.state = 'ready';
    } catch (error) {
      this.desk.failed(error);
      Object.assign(entry, { state: 'error', error });
    }
    this.desk.host.requestUpdate();
  }

  async #openService(specialist: string, service?: Service): Promise<void> {
    this.serviceFor = specialist;
    this.editingService = service;
    this.desk.host.requestUpdate();
    await this.desk.host.updateComplete;
    this.serviceForm.open();
  }

  #putService(service: Service, created: boolean): void {
    const entry = this.services.get(service.specialist) ?? { state: 'ready', items: [] };
    entry.items = created ? [...entry.items, service] : entry.items.map((s) => (s.id == service.id ? service : s));
    this.services.set(service.specialist, entry);
    this.desk.host.emit('hearth-desk-service-saved', { id: service.id, specialist: service.specialist, active: service.active, created });
    this.desk.host.requestUpdate();
  }

  async #submitService(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => wellFormed(String(data.get(name) ?? '').trim());
    const duration = Number(text('durationMinutes'));
    const input: ServiceInput = { name: text('name'), durationMinutes: duration, price: text('price') || null };
    const errors: Record<string, string[]> = {};
    if (!input.name) errors.name = [msg('Enter the service’s name', { id: 'desk.services.error.name' })];
    if (!Number.isInteger(duration) || duration < 15 || duration > 120 || duration % 5)
      errors.durationMinutes = [msg('Enter 15 to 120 minutes, in steps of 5', { id: 'desk.services.error.duration' })];
    if (Object.keys(errors).length) return this.serviceForm.invalid(errors);
    const editing = this.editingService;
    const specialist = this.serviceFor;
    let saved: Service | undefined;
    const done = await this.serviceForm.submit(async (idempotencyKey) => {
      const backend = this.#backend;
      saved = editing ? await backend.updateService!(editing.id, { ...input, active: editing.active }, { idempotencyKey }) : await backend.createService!(specialist, input, { idempotencyKey });
    }, SERVICE_FIELDS);
    if (!done || !saved) return;
    this.#putService(saved, !editing);
    this.desk.announce(msg(str`${saved.name} saved`, { id: 'desk.specialists.saved' }));
  }

  async #toggleService(service: Service): Promise<void> {
    const entry = this.services.get(service.specialist);
    if (!entry || entry.pending) return;
    entry.pending = service.id;
    entry.actionError = undefined;
    this.desk.host.requestUpdate();
    try {
      const { name, durationMinutes, price } = service;
      const saved = await this.#backend.updateService!(service.id, { name, durationMinutes, price, active: !service.active }, { idempotencyKey: newKey() });
      this.#putService(saved, false);
      this.desk.announce(
        saved.active ? msg(str`${saved.name} is active again`, { id: 'desk.specialists.reactivated' }) : msg(str`${saved.name} is deactivated`, { id: 'desk.specialists.deactivated' }),
      );
    } catch (error) {
      this.desk.failed(error);
      entry.actionError = error;
    } finally {
      entry.pending = undefined;
      this.desk.host.requestUpdate();
    }
  }

  // —— rendering ——

  render(): TemplateResult {
    let body: unknown;
    if (this.state == 'error') body = errorView(msg('The specialists could not be loaded.', { id: 'desk.specialists.error' }), this.error, () => void this.load());
    else if (this.state == 'loading' && !this.list.length) body = loadingView(msg('Loading specialists…', { id: 'desk.specialists.loading' }));
    else if (!this.list.length) body = html`<p class="state">${msg('No specialists yet', { id: 'desk.specialists.empty' })}</p>`;
    else body = html`<ul class="cards" aria-label=${msg('Specialists', { id: 'desk.specialists' })}>${this.list.map((s) => this.#card(s))}</ul>`;
    return html`<section part="section" class="pane specialists" aria-labelledby="specialists-title">
      <div class="bar">
        <h2 id="specialists-title">${msg('Specialists', { id: 'desk.specialists' })}</h2>
        <span class="note"></span>
        <button type="button" part="button" class="add-specialist" @click=${() => this.#openForm()}>${msg('Add a specialist', { id: 'desk.specialists.add' })}</button>
      </div>
      ${body}
      ${specialistDialog(this.specialistForm, this.editing, (e) => this.#submitSpecialist(e))}
      ${this.#confirmDialog()} ${serviceDialog(this.serviceForm, this.editingService, (e) => this.#submitService(e))}
    </section>`;
  }

  #card(s: SpecialistDetail): TemplateResult {
    const heading = `s-${s.id}`;
    const open = this.open.has(s.id);
    const services = this.services.get(s.id);
    let list: unknown = nothing;
    if (open && services?.state == 'error')
      list = errorView(msg('The services could not be loaded.', { id: 'desk.services.error' }), services.error, () => void this.#loadServices(s.id));
    else if (open && services?.state == 'loading') list = loadingView(msg('Loading services…', { id: 'desk.services.loading' }));
    else if (open && services)
      list = html`<ul class="cards" aria-label=${msg(str`Services of ${s.name}`, { id: 'desk.services.of' })}>
          ${services.items.map((service) =>
            serviceRow(service, services.pending == service.id, () => this.#openService(s.id, service), () => this.#toggleService(service)),
          )}
        </ul>
        <p role="status" part="error">${services.actionError ? sectionProblem(services.actionError) : ''}</p>
        <div>
          <button type="button" part="button" class="secondary" aria-describedby=${heading} @click=${() => this.#openService(s.id)}>
            ${msg('Add a service', { id: 'desk.services.add' })}
          </button>
        </div>`;
    return html`<li part="specialist" class="card ${s.active ? '' : 'off'}">
      <h3 id=${heading} tabindex="-1">${s.name} <span class="tag">${s.active ? msg('Active', { id: 'desk.specialists.active' }) : msg('Inactive', { id: 'desk.specialists.inactive' })}</span></h3>
      <dl>
        <dt>${msg('Title', { id: 'desk.specialists.title' })}</dt>
        <dd>${s.title}</dd>
        <dt>${msg('Time zone', { id: 'desk.specialists.timeZone' })}</dt>
        <dd>${s.timeZone}</dd>
        ${s.languages.length ? html`<dt>${msg('Languages', { id: 'desk.specialists.languages' })}</dt><dd>${s.languages.join(', ')}</dd>` : nothing}
        <dt>${msg('Notifications to', { id: 'desk.specialists.email' })}</dt>
        <dd>${s.email ?? msg('The team address', { id: 'desk.specialists.teamAddress' })}</dd>
        ${s.bio ? html`<dt>${msg('Bio', { id: 'desk.specialists.bio' })}</dt><dd class="body">${s.bio}</dd>` : nothing}
      </dl>
      <div class="actions">
        <button type="button" part="button" class="secondary" aria-describedby=${heading} @click=${() => this.#openForm(s)}>${msg('Edit', { id: 'desk.edit' })}</button>
        <button type="button" part="button" class="secondary" data-toggle=${s.id} aria-describedby=${heading} @click=${() => this.#openConfirm(s)}>
          ${s.active ? msg('Deactivate…', { id: 'desk.specialists.deactivate' }) : msg('Reactivate…', { id: 'desk.specialists.reactivate' })}
        </button>
        <button type="button" part="button" class="secondary" aria-expanded=${open} aria-controls="services-${s.id}" aria-describedby=${heading} @click=${() => this.#toggleServices(s.id)}>
          ${msg('Services', { id: 'desk.services' })}
        </button>
      </div>
      <div id="services-${s.id}" class="stack" ?hidden=${!open}>${list}</div>
    </li>`;
  }

  #confirmDialog(): TemplateResult {
    const s = this.confirming;
    const form = this.confirmForm;
    return html`<dialog id="confirm-dialog" part="dialog" aria-labelledby="confirm-title" @close=${() => this.desk.host.requestUpdate()}>
      <form novalidate @submit=${(e: SubmitEvent) => this.#submitConfirm(e)}>
        <h2 id="confirm-title">${s?.active ? msg(str`Deactivate ${s.name}?`, { id: 'desk.specialists.deactivate.title' }) : msg(str`Reactivate ${s?.name ?? ''}?`, { id: 'desk.specialists.reactivate.title' })}</h2>
        <p>
          ${s?.active
            ? msg('They keep their history (bookings and conversations) and take no new bookings; their booked sessions stay.', { id: 'desk.specialists.deactivate.text' })
            : msg('They can be booked again in their hours.', { id: 'desk.specialists.reactivate.text' })}
        </p>
        ${form.actions(
          s?.active ? msg('Deactivate', { id: 'desk.specialists.deactivate.confirm' }) : msg('Reactivate', { id: 'desk.specialists.reactivate.confirm' }),
          msg('Saving…', { id: 'desk.hours.saving' }),
          msg('Cancel', { id: 'desk.cancel' }),
        )}
      </form>
    </dialog>`;
  }
}
