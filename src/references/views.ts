import { html, nothing, type TemplateResult } from 'lit-html';
import { isHearthError } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import type { Entry, Sort } from './entries.js';
import { kit } from './links.js';
import type { HearthReferences, Tools } from './references.js';

/** The views of `<hearth-references>`: functions of what they are given, no state of their own. */

/**
 * The list: the reader's controls, the entries (`ordered`; grouped by type with the tools), a
 * notice of the entries that could not be read, and the Download tools.
 */
export function listView(host: HearthReferences, entries: readonly Entry[], ordered: Entry[], sort: Sort, issues: number, tools?: Tools): TemplateResult {
  const { length } = entries;
  const entry = (e: Entry) => entryView(e, tools?.entryTools(e, host));
  return html`${host.controls != null && tools ? tools.controls(host, sort, length) : nothing}
    ${length
      ? sort == 'type' && tools
        ? tools.grouped(ordered, entry, host.id)
        : html`<ul role="list" aria-label=${msg('References', { id: 'references.label' })} tabindex="-1">
            ${ordered.map(entry)}
          </ul>`
      : html`<p role="status" tabindex="-1">${msg('No references', { id: 'references.empty' })}</p>`}
    ${issues
      ? html`<p role="status" class="notice">
          ${msg(str`Some entries could not be read and are not shown (${issues}).`, { id: 'references.issues' })}
        </p>`
      : nothing}
    ${length ? tools?.listTools(entries as Entry[], host) : nothing}`;
}

/**
 * An entry: its label, text, back-links, annotation and (once loaded) reader tools. No whitespace
 * between the parts that are not inline text: fewer nodes to clone and lay out in a long list.
 */
export const entryView = (entry: Entry, tools: unknown): TemplateResult =>
  html`<li id=${entry.id} tabindex="-1">${entry.label ? html`<span class="label">${entry.label}</span> ` : nothing}${entry.text} ${entry.cited.length ? kit.backlinks!(entry.cited) : nothing}${entry.note}${tools}</li>`;

/** While the data or its style loads: a status for screen readers and a skeleton. */
export const loadingView = (): TemplateResult =>
  html`<div role="status" aria-busy="true" tabindex="-1">
    <span class="hearth-sr">${msg('Loading references…', { id: 'references.loading' })}</span>
    <span class="skeleton" aria-hidden="true"></span>
  </div>`;

/** What went wrong, and a Retry button (`retry` is called with the list as `this`, as lit-html calls listeners). */
export const errorView = (error: unknown, retry: () => void): TemplateResult =>
  html`<p role="alert">
    ${describeError(error)}
    <button type="button" @click=${retry}>${msg('Retry', { id: 'common.retry' })}</button>
  </p>`;

/** What the reader is told, by what went wrong. */
function describeError(error: unknown): string {
  const kind = isHearthError(error) && error.kind;
  return kind == 'offline'
    ? msg('You seem to be offline. Check your connection, then try again.', { id: 'references.error.offline' })
    : kind == 'unreachable'
      ? msg('Could not reach the service. Try again later.', { id: 'references.error.unreachable' })
      : kind == 'not-found'
        ? msg('This references list was not found.', { id: 'references.error.notFound' })
        : kind == 'malformed'
          ? msg('The references data could not be read.', { id: 'references.error.malformed' })
          : msg('The references could not be loaded. Try again.', { id: 'references.error.generic' });
}
