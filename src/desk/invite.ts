import { html, nothing, type TemplateResult } from 'lit-html';
import type { ReactiveController } from '@lit/reactive-element';
import type { HearthBackend, SpecialistDetail, StaffInvite, StaffMember } from '../core/backend.js';
import type { HearthElement } from '../core/hearth-element.js';
import { isHearthError, type HearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import { newKey } from '../core/outbox.js';
import { wellFormed } from '../core/text.js';
import { problemText } from './problems.js';

const FIELDS = ['email', 'name', 'role', 'specialist'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The admin's "Invite staff" dialog (`POST /staff`): email, name, role and, for a specialist, which
 * specialist. The Idempotency-Key is made at a submit and kept while the form is unchanged, so
 * submitting again after a timeout invites once; a 422's messages show next to their fields. An
 * invitation sent is announced (`hearth-desk-staff-invited`), and focus returns to "Invite staff".
 * Also the lists the desk names people from: the specialists (recipients) and the staff (Assign to).
 *
 * @internal
 */
export class Invite implements ReactiveController {
  role: StaffInvite['role'] = 'specialist';
  pending = false;
  fieldErrors: Partial<Record<Field, string[]>> = {};
  /** A failure tied to no field. */
  error?: unknown;
  specialists?: SpecialistDetail[];
  specialistsError?: unknown;
  /** The staff to assign conversations to (admins only); empty while it loads. */
  staff?: StaffMember[];
  #key?: string;
  #loading?: Promise<void>;

  constructor(
    readonly host: HearthElement,
    readonly backend: () => HearthBackend | undefined,
    readonly failed: (error: unknown) => void,
    readonly announce: (text: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  /** Opens the dialog (modal: focus moves into it, Escape closes it). */
  show(): void {
    this.fieldErrors = {};
    this.error = undefined;
    this.#dialog?.showModal();
    this.loadSpecialists(true);
    this.host.requestUpdate();
  }

  /**
   * Reads the specialists (also the desk's names of recipients): once, again after a failure, and
   * `fresh` each time the dialog opens (one may have been added in Specialists since), keeping the
   * list shown meanwhile. The staff's list (`GET /clinic/specialists`): never cached, and with the
   * deactivated ones, whose names still show as recipients but who are not offered here.
   */
  loadSpecialists(fresh = false): void {
    if ((this.specialists && !fresh) || this.#loading) return;
    this.specialistsError = undefined;
    this.#loading = this.backend()
      ?.listClinicSpecialists?.()
      .then(
        (list) => void (this.specialists = list),
        (error) => void (this.specialistsError = error),
      )
      .finally(() => {
        this.#loading = undefined;
        this.host.requestUpdate();
      });
  }

  /** Reads the staff: once, and `fresh` after an invitation. */
  loadStaff(fresh = false): void {
    if (this.staff && !fresh) return;
    this.staff = [];
    void this.backend()
      ?.listStaff?.()
      .then((staff) => (this.staff = staff), this.failed)
      .finally(() => this.host.requestUpdate());
  }

  close(): void {
    this.#dialog?.close();
  }

  async #invited(member: StaffMember, email: string): Promise<void> {
    this.announce(msg(str`Invitation sent to ${email}`, { id: 'desk.invite.sent' }));
    this.host.emit('hearth-desk-staff-invited', { id: member.id, role: member.role });
    this.loadStaff(true);
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.invite')?.focus();
  }

  #input(event: Event): void {
    const { name, value } = event.target as HTMLInputElement;
    this.#key = undefined; // another invitation
    if (name == 'role') this.role = value as StaffInvite['role'];
    delete this.fieldErrors[name as Field];
    this.host.requestUpdate();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.pending) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: Field) => wellFormed(String(data.get(name) ?? '').trim());
    const invite: StaffInvite = { email: value('email'), name: value('name'), role: this.role };
    if (this.role == 'specialist') invite.specialist = value('specialist');
    const errors: Partial<Record<Field, string[]>> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(invite.email)) errors.email = [msg('Enter an email address, like name@example.org', { id: 'desk.invite.error.email' })];
    if (!invite.name) errors.name = [msg('Enter their name', { id: 'desk.invite.error.name' })];
    if (this.role == 'specialist' && !invite.specialist) errors.specialist = [msg('Choose which specialist they are', { id: 'desk.invite.error.specialist' })];
    this.error = undefined;
    if (Object.keys(errors).length) return this.#invalid(errors);
    const key = (this.#key ??= newKey());
    this.pending = true;
    this.host.requestUpdate();
    try {
      const backend = this.backend();
      if (!backend?.inviteStaff) throw new Error('hearth-desk: the backend has no inviteStaff');
      const member = await backend.inviteStaff(invite, { idempotencyKey: key });
      this.#key = undefined;
      form.reset();
      this.role = 'specialist';
      this.close();
      void this.#invited(member, invite.email);
    } catch (error) {
      if (isHearthError(error) && error.kind == 'validation') {
        const fields = (error as HearthError).fieldErrors;
        const known = Object.fromEntries(FIELDS.filter((f) => Object.hasOwn(fields, f)).map((f) => [f, fields[f]]));
        this.#key = undefined; // nothing was stored: the corrected form is a new request
        if (Object.keys(known).length) return this.#invalid(known);
      }
      this.error = error;
    } finally {
      this.pending = false;
      this.host.requestUpdate();
    }
  }

  async #invalid(errors: Partial<Record<Field, string[]>>): Promise<void> {
    this.fieldErrors = errors;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid=true]')?.focus();
  }

  #field(name: Field, label: string, control: (describedBy: string, invalid: boolean) => TemplateResult): TemplateResult {
    const errors = this.fieldErrors[name];
    return html`<div class="field">
      <label for=${`invite-${name}`}>${label}</label>${control(`invite-${name}-error`, !!errors)}
      <p id=${`invite-${name}-error`} part="error">${errors?.join(' ')}</p>
    </div>`;
  }

  render(): TemplateResult {
    const specialist = this.role == 'specialist';
    return html`<dialog part="dialog" aria-labelledby="invite-title" @close=${() => this.host.requestUpdate()}>
      <form novalidate @submit=${(e: SubmitEvent) => this.#submit(e)} @input=${(e: Event) => this.#input(e)} @change=${(e: Event) => this.#input(e)}>
        <h2 id="invite-title">${msg('Invite staff', { id: 'desk.invite' })}</h2>
        ${this.#field(
          'email',
          msg('Email', { id: 'desk.invite.email' }),
          (d, i) => html`<input id="invite-email" name="email" type="email" autocomplete="off" aria-describedby=${d} aria-invalid=${i} />`,
        )}
        ${this.#field('name', msg('Name', { id: 'desk.invite.name' }), (d, i) => html`<input id="invite-name" name="name" autocomplete="off" aria-describedby=${d} aria-invalid=${i} />`)}
        ${this.#field(
          'role',
          msg('Role', { id: 'desk.invite.role' }),
          (d, i) => html`<select id="invite-role" name="role" aria-describedby=${d} aria-invalid=${i}>
            <option value="specialist" ?selected=${specialist}>${msg('Specialist', { id: 'desk.role.specialist' })}</option>
            <option value="admin" ?selected=${!specialist}>${msg('Admin', { id: 'desk.role.admin' })}</option>
          </select>`,
        )}
        ${specialist
          ? this.#field(
              'specialist',
              msg('Specialist', { id: 'desk.role.specialist' }),
              (d, i) => html`<select id="invite-specialist" name="specialist" aria-describedby=${d} aria-invalid=${i}>
                <option value="">${this.specialists ? msg('Choose…', { id: 'desk.invite.choose' }) : msg('Loading…', { id: 'desk.loading' })}</option>
                ${this.specialists?.filter((s) => s.active).map((s) => html`<option value=${s.id}>${s.name}</option>`)}
              </select>`,
            )
          : nothing}
        <div role="status" part="error">
          ${this.specialistsError && specialist ? msg('The list of specialists could not be loaded. Close and open this form to try again.', { id: 'desk.invite.specialistsError' }) : ''}
          ${this.error ? problemText(this.error) : ''}
        </div>
        <div class="actions">
          <button type="submit" part="button" aria-disabled=${this.pending ? 'true' : nothing}>
            ${this.pending ? msg('Sending…', { id: 'desk.invite.sending' }) : msg('Send invitation', { id: 'desk.invite.send' })}
          </button>
          <button type="button" part="button" class="secondary" @click=${() => this.close()}>${msg('Cancel', { id: 'desk.cancel' })}</button>
        </div>
      </form>
    </dialog>`;
  }
}
