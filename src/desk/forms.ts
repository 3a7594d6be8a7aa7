/**
 * Pieces the desk's lazy sections share (a chunk of their own, loaded with the first of them):
 * labelled fields with their errors, dialogs whose form submits once per Idempotency-Key, texts for
 * failures, and the sections' styles.
 */
import type { TemplateResult } from 'lit-html';
import { isHearthError } from '../core/errors.js';
import { adoptStyles } from '../core/styles.js';
import type { DeskContext, Kit } from './section.js';
import { sectionStyles } from './section.styles.js';

// What the sections share with the inbox (lit-html, msg, …) they take from the desk's kit (see Kit in
// section.ts), set here when the first section starts; they import it from this module.
export let html: Kit['html'], nothing: Kit['nothing'], msg: Kit['msg'], str: Kit['str'], newKey: Kit['newKey'];
export let wellFormed: Kit['wellFormed'], dateLocale: Kit['dateLocale'], problemText: Kit['problemText'];


/** Takes the desk's kit and adopts the sections' styles into its shadow root (once). */
export function start(desk: DeskContext): void {
  ({ html, nothing, msg, str, newKey, wellFormed, dateLocale, problemText } = desk.kit);
  adoptStyles(desk.host.renderRoot, sectionStyles);
}

/** A 422's messages per field, or undefined for any other failure. */
export const fieldErrorsOf = (error: unknown): Record<string, string[]> | undefined =>
  isHearthError(error) && error.kind == 'validation' && Object.keys(error.fieldErrors).length ? error.fieldErrors : undefined;

/** What went wrong with a request of a section (not-found and conflict said for any record, not a conversation). */
export function sectionProblem(error: unknown): string {
  if (isHearthError(error) && error.kind == 'not-found') return msg('It is no longer there: someone may have changed it. Reload the list.', { id: 'desk.problem.gone' });
  if (isHearthError(error) && error.kind == 'conflict') return msg('It changed meanwhile. Reload the list and try again.', { id: 'desk.problem.conflict' });
  return problemText(error);
}

/** A label, a control and the control's error message (empty until there is one). */
export function field(id: string, label: string, errors: string[] | undefined, control: (describedBy: string, invalid: boolean) => unknown, hint?: string): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>${hint ? html`<span class="note" id=${`${id}-hint`}>${hint}</span>` : nothing}
    ${control(hint ? `${id}-hint ${id}-error` : `${id}-error`, !!errors?.length)}
    <p id=${`${id}-error`} part="error">${errors?.join(' ')}</p>
  </div>`;
}

/** A loading state: a skeleton and a status for screen readers. */
export const loadingView = (text: string): TemplateResult =>
  html`<div role="status" aria-busy="true" class="state">
    <span class="vh">${text}</span>${[1, 2].map(() => html`<span part="skeleton" aria-hidden="true"></span>`)}
  </div>`;

/** A failed load: what happened, what to do, and Retry. */
export const errorView = (text: string, error: unknown, retry: () => void): TemplateResult =>
  html`<div class="state" part="error">
    <p>${text} ${sectionProblem(error)}</p>
    <button type="button" part="button" @click=${retry}>${msg('Retry', { id: 'desk.retry' })}</button>
  </div>`;

/**
 * A modal dialog with one form: the Idempotency-Key is made at the first submit and kept until the
 * form changes or the write succeeds (a submit again after a timeout writes once); a 422's messages
 * for known fields show next to them (focus goes to the first), anything else under the form.
 */
export class FormDialog {
  pending = false;
  errors: Record<string, string[]> = {};
  error?: unknown;
  #key?: string;

  constructor(
    readonly desk: DeskContext,
    readonly id: string,
  ) {}

  get dialog(): HTMLDialogElement | null {
    return this.desk.host.renderRoot.querySelector<HTMLDialogElement>(`#${this.id}`);
  }

  /** Opens it empty of errors, with a new key; `reset` clears the form. */
  open(reset = true): void {
    this.errors = {};
    this.error = undefined;
    this.#key = undefined;
    const dialog = this.dialog;
    if (reset) dialog?.querySelector('form')?.reset();
    dialog?.showModal();
    this.desk.host.requestUpdate();
  }

  close(): void {
    this.dialog?.close();
  }

  /** A field changed: another request, and its error goes. */
  changed(event: Event): void {
    this.#key = undefined;
    delete this.errors[(event.target as HTMLInputElement).name];
    this.desk.host.requestUpdate();
  }

  /** Shows errors found before sending. */
  async invalid(errors: Record<string, string[]>): Promise<void> {
    this.errors = errors;
    this.desk.host.requestUpdate();
    await this.desk.host.updateComplete;
    this.dialog?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  /** Runs the write with the form's key; true when it was stored (the dialog then closes). */
  async submit(write: (key: string) => Promise<unknown>, fields: readonly string[]): Promise<boolean> {
    if (this.pending) return false;
    const key = (this.#key ??= newKey());
    this.pending = true;
    this.error = undefined;
    this.desk.host.requestUpdate();
    try {
      await write(key);
      this.#key = undefined;
      this.close();
      return true;
    } catch (error) {
      this.desk.failed(error);
      const errors = fieldErrorsOf(error);
      if (errors) this.#key = undefined; // nothing was stored: the corrected form is a new request
      const known = Object.fromEntries(fields.filter((f) => errors && Object.hasOwn(errors, f)).map((f) => [f, errors![f]]));
      if (Object.keys(known).length) void this.invalid(known);
      else this.error = error;
      return false;
    } finally {
      this.pending = false;
      this.desk.host.requestUpdate();
    }
  }

  /** The dialog's failure tied to no field, and its submit and close buttons. */
  actions(submit: string, submitting: string, close: string): TemplateResult {
    return html`<div role="status" part="error">${this.error ? sectionProblem(this.error) : ''}</div>
      <div class="actions">
        <button type="submit" part="button" aria-disabled=${this.pending ? 'true' : nothing}>${this.pending ? submitting : submit}</button>
        <button type="button" part="button" class="secondary" @click=${() => this.close()}>${close}</button>
      </div>`;
  }
}

/** Text inputs trimmed and made well-formed. */
export const value = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();
