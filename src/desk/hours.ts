/**
 * The desk's Hours section (a lazy chunk): when a specialist works, in their time zone. A specialist
 * edits their own; an admin picks whom. Weekly windows per weekday (several a day), date overrides
 * (a date with its own windows, or none: closed), time off (from/to local date-times, a note for the
 * team), minimum notice, buffer and the most sessions a day. Saved in one PUT whose Idempotency-Key
 * is kept until the form changes; a 422's messages show next to their fields; leaving with unsaved
 * changes asks first (another section, another specialist, or the page).
 *
 * @internal
 */
import type { TemplateResult } from 'lit-html';
import { dateLocale, errorView, field, fieldErrorsOf, html, loadingView, msg, newKey, nothing, sectionProblem, start, str } from './forms.js';
import type { Hours, SpecialistDetail } from '../core/backend.js';
import { check, normalize, setPath, weekdayName, type Errors } from './hours-model.js';
import type { DeskContext, Section } from './section.js';

type Window = { start: string; end: string };

export const section = (desk: DeskContext): Section => new HoursSection(desk);

class HoursSection implements Section {
  specialists?: SpecialistDetail[];
  /** Whose hours (a specialist id); '' until chosen. */
  who = '';
  state: 'choose' | 'loading' | 'ready' | 'error' = 'choose';
  error?: unknown;
  /** As stored, and as edited. */
  saved?: Hours;
  form?: Hours;
  errors: Errors = {};
  saving = false;
  saveError?: unknown;
  savedNow = false;
  #key?: string;
  #generation = 0;
  #leaving?: (leave: boolean) => void;
  /** The error paths shown next to a field in this render (the rest show under the form). */
  #shown = new Set<string>();

  constructor(readonly desk: DeskContext) {
    start(desk);
    const user = desk.user();
    const own = user?.role == 'specialist' ? user.specialist : undefined;
    if (own) this.#choose(own);
    void desk
      .backend()
      ?.listClinicSpecialists?.()
      .then((list) => {
        this.specialists = list;
        // A specialist whose session does not say which specialist they are: the one of their name.
        if (!this.who) this.#choose(list.find((s) => s.name == user?.name)?.id ?? (user?.role == 'admin' ? (list.find((s) => s.active) ?? list[0])?.id : undefined));
      }, desk.failed)
      .finally(() => desk.host.requestUpdate());
    addEventListener('beforeunload', (event) => {
      if (this.#dirty && desk.host.isConnected) event.preventDefault();
    });
  }

  get #dirty(): boolean {
    return !!this.form && JSON.stringify(this.form) != JSON.stringify(this.saved);
  }

  /** An admin picks whom; so does a specialist whose session does not say which specialist they are. */
  get #picker(): boolean {
    const user = this.desk.user();
    return user?.role == 'admin' || !user?.specialist;
  }


  #choose(id: string | undefined): void {
    if (!id) return;
    this.who = id;
    void this.#load();
  }

  async #load(): Promise<void> {
    const { desk } = this;
    const generation = ++this.#generation;
    Object.assign(this, { state: 'loading', form: undefined, saved: undefined, errors: {}, saveError: undefined, savedNow: false });
    this.#key = undefined;
    desk.host.requestUpdate();
    try {
      const backend = desk.backend();
      if (!backend?.getHours) throw new Error('hearth-desk: the backend has no getHours');
      const hours = await backend.getHours(this.who);
      if (generation != this.#generation) return;
      this.saved = normalize(hours);
      this.form = normalize(this.saved);
      this.state = 'ready';
    } catch (error) {
      if (generation != this.#generation) return;
      desk.failed(error);
      Object.assign(this, { state: 'error', error });
    }
    desk.host.requestUpdate();
  }

  /** Resolves false when the person keeps their unsaved changes; true (changes dropped) when they leave. */
  leave(): Promise<boolean> {
    const dialog = this.#dialog;
    if (!this.#dirty || !dialog) return Promise.resolve(true);
    dialog.showModal();
    return new Promise((resolve) => (this.#leaving = resolve));
  }

  get #dialog(): HTMLDialogElement | null {
    return this.desk.host.renderRoot.querySelector('#leave-dialog');
  }

  #decide(leave: boolean): void {
    const resolve = this.#leaving;
    this.#leaving = undefined;
    this.#dialog?.close();
    if (leave && this.saved) {
      this.form = normalize(this.saved);
      this.errors = {};
    }
    resolve?.(leave);
    this.desk.host.requestUpdate();
  }

  async #pick(event: Event): Promise<void> {
    const select = event.target as HTMLSelectElement;
    const id = select.value;
    if (!(await this.leave())) {
      select.value = this.who;
      return;
    }
    this.#choose(id);
  }

  // —— editing ——

  #changed(): void {
    this.#key = undefined; // another request
    this.savedNow = false;
    this.desk.host.requestUpdate();
  }

  #input(event: Event): void {
    const target = event.target as HTMLInputElement;
    const path = target.dataset.path;
    if (!path || !this.form) return;
    setPath(this.form, path, target.value);
    delete this.errors[path];
    this.#changed();
  }

  async #focus(selector: string): Promise<void> {
    await this.desk.host.updateComplete;
    this.desk.host.renderRoot.querySelector<HTMLElement>(`.hours ${selector}`)?.focus();
  }

  /** Adds a row and focuses its first field; indexes move, so field errors go. */
  #add<T>(list: T[], item: T, path: (index: number) => string): void {
    list.push(item);
    this.errors = {};
    this.#changed();
    void this.#focus(`[data-path="${path(list.length - 1)}"]`);
  }

  /** Removes a row; focus goes to the button that adds one there. */
  #remove(list: unknown[], index: number, add: string): void {
    list.splice(index, 1);
    this.errors = {};
    this.#changed();
    void this.#focus(`[data-add="${add}"]`);
  }

  async #invalid(errors: Errors): Promise<void> {
    this.errors = errors;
    this.desk.host.requestUpdate();
    await this.desk.host.updateComplete;
    const root = this.desk.host.renderRoot;
    (root.querySelector<HTMLElement>('.hours [aria-invalid=true]') ?? root.querySelector<HTMLElement>('#hours-error'))?.focus();
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { desk, form, who } = this;
    if (this.saving || !form) return;
    const errors = check(form);
    if (Object.keys(errors).length) return this.#invalid(errors);
    const key = (this.#key ??= newKey());
    const sent = JSON.stringify(form);
    Object.assign(this, { saving: true, saveError: undefined, savedNow: false });
    desk.host.requestUpdate();
    try {
      const backend = desk.backend();
      if (!backend?.putHours) throw new Error('hearth-desk: the backend has no putHours');
      const stored = await backend.putHours(who, JSON.parse(sent) as Hours, { idempotencyKey: key });
      if (who != this.who) return;
      this.saved = normalize(stored);
      // What the server stored, unless it was edited meanwhile.
      if (JSON.stringify(this.form) == sent) this.form = normalize(this.saved);
      this.#key = undefined;
      this.savedNow = true;
      desk.announce(msg('Hours saved', { id: 'desk.hours.saved' }));
      desk.host.emit('hearth-desk-hours-saved', { specialist: who });
    } catch (error) {
      desk.failed(error);
      const fields = fieldErrorsOf(error);
      if (fields) {
        this.#key = undefined; // nothing was stored: the corrected form is a new request
        void this.#invalid({ ...fields });
      } else this.saveError = error;
    } finally {
      this.saving = false;
      desk.host.requestUpdate();
    }
  }

  // —— rendering ——

  /** The messages for a row (its own path and its fields'), marked as shown. */
  #rowErrors(path: string, fields: string[]): string[] {
    return [path, ...fields.map((f) => `${path}.${f}`)].flatMap((p) => {
      const errors = this.errors[p];
      if (errors) this.#shown.add(p);
      return errors ?? [];
    });
  }

  #bad(path: string, row: string): boolean {
    return !!(this.errors[path] ?? this.errors[row]);
  }

  #window(list: Window[], index: number, path: string, context: string, add: string): TemplateResult {
    const w = list[index];
    const row = `${path}.${index}`;
    const id = row.replaceAll('.', '-');
    const errors = this.#rowErrors(row, ['start', 'end']);
    return html`<div class="row">
      <label
        >${msg('From', { id: 'desk.hours.from' })}
        <input type="time" data-path=${`${row}.start`} .value=${w.start} required aria-invalid=${this.#bad(`${row}.start`, row)} aria-describedby="${id}-error ${context}"
      /></label>
      <label
        >${msg('To', { id: 'desk.hours.to' })}
        <input type="time" data-path=${`${row}.end`} .value=${w.end} required aria-invalid=${this.#bad(`${row}.end`, row)} aria-describedby="${id}-error ${context}"
      /></label>
      <button type="button" part="button" class="secondary" aria-describedby=${context} @click=${() => this.#remove(list, index, add)}>
        ${msg('Remove', { id: 'desk.hours.remove' })}
      </button>
      <p id="${id}-error" part="error">${errors.join(' ')}</p>
    </div>`;
  }

  #addButton(add: string, context: string, label: string, run: () => void): TemplateResult {
    return html`<div><button type="button" part="button" class="secondary" data-add=${add} aria-describedby=${context} @click=${run}>${label}</button></div>`;
  }

  #weekly(form: Hours, locale: string | undefined): TemplateResult {
    const addHours = msg('Add hours', { id: 'desk.hours.addWindow' });
    const closed = html`<p class="note">${msg('Closed', { id: 'desk.hours.closed' })}</p>`;
    return html`<fieldset>
      <legend>${msg('Weekly hours', { id: 'desk.hours.weekly' })}</legend>
      ${[1, 2, 3, 4, 5, 6, 7].map((day) => {
        const heading = `weekday-${day}`;
        const indexes = form.weekly.flatMap((w, i) => (w.weekday == day ? [i] : []));
        return html`<div class="day" role="group" aria-labelledby=${heading}>
          <h3 id=${heading}>${weekdayName(day, locale)}</h3>
          ${indexes.length ? indexes.map((i) => this.#window(form.weekly, i, 'weekly', heading, `weekly-${day}`)) : closed}
          ${this.#addButton(`weekly-${day}`, heading, addHours, () =>
            this.#add(form.weekly, { weekday: day, start: '09:00', end: '17:00' }, (i) => `weekly.${i}.start`),
          )}
        </div>`;
      })}
    </fieldset>`;
  }

  #overrides(form: Hours): TemplateResult {
    return html`<fieldset>
      <legend>${msg('Dates with other hours', { id: 'desk.hours.overrides' })}</legend>
      <p class="note">${msg('A date’s hours replace its weekly hours; a date without hours is closed.', { id: 'desk.hours.overridesHint' })}</p>
      ${form.overrides.map((o, i) => {
        const row = `overrides.${i}`;
        const label = `overrides-${i}-label`;
        const errors = this.#rowErrors(row, ['date', 'windows']);
        return html`<div class="day">
          <div class="row">
            <label id=${label}
              >${msg('Date', { id: 'desk.hours.date' })}
              <input type="date" data-path="${row}.date" .value=${o.date} required aria-invalid=${this.#bad(`${row}.date`, row)} aria-describedby="overrides-${i}-error"
            /></label>
            <button type="button" part="button" class="secondary" aria-describedby=${label} @click=${() => this.#remove(form.overrides, i, 'overrides')}>
              ${msg('Remove date', { id: 'desk.hours.removeDate' })}
            </button>
          </div>
          <p id="overrides-${i}-error" part="error">${errors.join(' ')}</p>
          ${o.windows.length
            ? o.windows.map((_, j) => this.#window(o.windows, j, `${row}.windows`, label, `overrides-${i}`))
            : html`<p class="note">${msg('Closed all day', { id: 'desk.hours.closedDay' })}</p>`}
          ${this.#addButton(`overrides-${i}`, label, msg('Add hours', { id: 'desk.hours.addWindow' }), () =>
            this.#add(o.windows, { start: '09:00', end: '17:00' }, (j) => `${row}.windows.${j}.start`),
          )}
        </div>`;
      })}
      ${this.#addButton('overrides', '', msg('Add a date', { id: 'desk.hours.addDate' }), () => this.#add(form.overrides, { date: '', windows: [] }, (i) => `overrides.${i}.date`))}
    </fieldset>`;
  }

  #timeOff(form: Hours): TemplateResult {
    return html`<fieldset>
      <legend>${msg('Time off', { id: 'desk.hours.timeOff' })}</legend>
      ${form.timeOff.map((t, i) => {
        const row = `timeOff.${i}`;
        const errors = this.#rowErrors(row, ['from', 'to', 'note']);
        const describedBy = `timeOff-${i}-error`;
        return html`<div class="row day" role="group" aria-label=${msg(str`Time off ${i + 1}`, { id: 'desk.hours.timeOffRow' })}>
          <label
            >${msg('From', { id: 'desk.hours.from' })}
            <input type="datetime-local" data-path="${row}.from" .value=${t.from} required aria-invalid=${this.#bad(`${row}.from`, row)} aria-describedby=${describedBy}
          /></label>
          <label
            >${msg('To', { id: 'desk.hours.to' })}
            <input type="datetime-local" data-path="${row}.to" .value=${t.to} required aria-invalid=${this.#bad(`${row}.to`, row)} aria-describedby=${describedBy}
          /></label>
          <label
            >${msg('Note for the team (optional)', { id: 'desk.hours.note' })}
            <input data-path="${row}.note" .value=${t.note ?? ''} maxlength="200" aria-invalid=${this.#bad(`${row}.note`, row)} aria-describedby=${describedBy}
          /></label>
          <button type="button" part="button" class="secondary" @click=${() => this.#remove(form.timeOff, i, 'timeOff')}>${msg('Remove', { id: 'desk.hours.remove' })}</button>
          <p id=${describedBy} part="error">${errors.join(' ')}</p>
        </div>`;
      })}
      ${this.#addButton('timeOff', '', msg('Add time off', { id: 'desk.hours.addTimeOff' }), () => this.#add(form.timeOff, { from: '', to: '', note: null }, (i) => `timeOff.${i}.from`))}
    </fieldset>`;
  }

  #number(name: 'minNoticeMinutes' | 'bufferMinutes' | 'maxPerDay', label: string, hint: string, value: number | null): TemplateResult {
    const errors = this.errors[name];
    if (errors) this.#shown.add(name);
    return field(
      `hours-${name}`,
      label,
      errors,
      (d, i) => html`<input id="hours-${name}" type="number" inputmode="numeric" min="0" data-path=${name} .value=${value === null ? '' : String(value)} aria-describedby=${d} aria-invalid=${i} />`,
      hint,
    );
  }

  #rules(form: Hours): TemplateResult {
    return html`<fieldset>
      <legend>${msg('Booking rules', { id: 'desk.hours.rules' })}</legend>
      <div class="grid">
        ${this.#number('minNoticeMinutes', msg('Minimum notice (minutes)', { id: 'desk.hours.notice' }), msg('Sooner times are not offered.', { id: 'desk.hours.noticeHint' }), form.minNoticeMinutes)}
        ${this.#number('bufferMinutes', msg('Buffer between sessions (minutes)', { id: 'desk.hours.buffer' }), msg('Kept free before and after each session.', { id: 'desk.hours.bufferHint' }), form.bufferMinutes)}
        ${this.#number('maxPerDay', msg('Most sessions a day', { id: 'desk.hours.max' }), msg('Empty: no limit.', { id: 'desk.hours.maxHint' }), form.maxPerDay)}
      </div>
    </fieldset>`;
  }

  render(): TemplateResult {
    const locale = dateLocale(this.desk.host);
    const who = this.specialists?.find((s) => s.id == this.who);
    let body: unknown;
    if (this.state == 'error') body = errorView(msg('The hours could not be loaded.', { id: 'desk.hours.error' }), this.error, () => void this.#load());
    else if (this.state == 'loading' || (!this.who && !this.specialists)) body = loadingView(msg('Loading hours…', { id: 'desk.hours.loading' }));
    else if (!this.form) body = html`<p class="state">${msg('Choose a specialist to see their hours.', { id: 'desk.hours.choose' })}</p>`;
    else body = this.#form(this.form, locale, who);
    return html`<section part="section" class="pane hours" aria-labelledby="hours-title">
      <div class="bar">
        <h2 id="hours-title">${msg('Hours', { id: 'desk.hours' })}</h2>
        ${this.#picker
          ? html`<label class="assign"
              >${msg('Specialist', { id: 'desk.role.specialist' })}
              <select @change=${(e: Event) => this.#pick(e)}>
                ${this.who ? nothing : html`<option value="">${msg('Choose…', { id: 'desk.invite.choose' })}</option>`}
                ${this.specialists?.map((s) => html`<option value=${s.id} ?selected=${s.id == this.who}>${s.name}</option>`)}
              </select></label
            >`
          : nothing}
      </div>
      ${body}
      <dialog id="leave-dialog" part="dialog" aria-labelledby="leave-title" @close=${() => this.#leaving && this.#decide(false)}>
        <h2 id="leave-title">${msg('Leave without saving?', { id: 'desk.hours.leave.title' })}</h2>
        <p>${msg('The changes to the hours are not saved yet.', { id: 'desk.hours.leave.text' })}</p>
        <div class="actions">
          <button type="button" part="button" @click=${() => this.#decide(false)}>${msg('Stay', { id: 'desk.hours.leave.stay' })}</button>
          <button type="button" part="button" class="secondary" @click=${() => this.#decide(true)}>${msg('Leave without saving', { id: 'desk.hours.leave.go' })}</button>
        </div>
      </dialog>
    </section>`;
  }

  #form(form: Hours, locale: string | undefined, who: SpecialistDetail | undefined): TemplateResult {
    this.#shown.clear();
    const parts = [this.#weekly(form, locale), this.#overrides(form), this.#timeOff(form), this.#rules(form)];
    const rest = Object.entries(this.errors).flatMap(([path, errors]) => (this.#shown.has(path) ? [] : errors));
    const dirty = this.#dirty;
    return html`<form novalidate @submit=${(e: SubmitEvent) => this.#save(e)} @input=${(e: Event) => this.#input(e)} @change=${(e: Event) => this.#input(e)}>
      <div class="stack">
        ${who ? html`<p class="note">${msg(str`Times are in ${who.timeZone}, ${who.name}’s time zone.`, { id: 'desk.hours.zone' })}</p>` : nothing}
        ${parts}
        <div id="hours-error" role="status" part="error" tabindex="-1">
          ${rest.length ? rest.join(' ') : ''}${this.saveError ? html`${msg('The hours were not saved.', { id: 'desk.hours.saveError' })} ${sectionProblem(this.saveError)}` : ''}
        </div>
        <div class="actions">
          <button type="submit" part="button" aria-disabled=${this.saving ? 'true' : nothing}>
            ${this.saving ? msg('Saving…', { id: 'desk.hours.saving' }) : msg('Save hours', { id: 'desk.hours.save' })}
          </button>
          <span role="status" class="note">
            ${this.savedNow ? msg('Saved', { id: 'desk.hours.savedShort' }) : dirty ? msg('Unsaved changes', { id: 'desk.hours.unsaved' }) : ''}
          </span>
        </div>
      </div>
    </form>`;
  }
}
