import { html, nothing, type TemplateResult } from 'lit-html';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import type { CslItem } from '../core/backend.js';
import { HearthElement } from '../core/hearth-element.js';
import { getJson } from '../core/api-backend.js';
import { HearthError, isHearthError } from '../core/errors.js';
import { msg } from '../core/localization.js';
import { parseSafeMarkup, type MarkupNode } from '../core/safe-markup.js';
import { adoptStyles } from '../core/styles.js';
import { formatApa } from './format/apa.js';
import { normalizeItems, sortItems, type Run } from './format/common.js';
import { referencesStyles } from './references.styles.js';
import type { ReferencesLoadedDetail, HearthErrorDetail } from '../events.js';

interface Entry {
  id: string;
  citation: Run[];
  annotation: MarkupNode[];
}

const INLINE_DATA = 'script[type="application/json"]';

/**
 * An annotated references list for the end of an essay.
 *
 * The list renders into the light DOM, not a shadow root, on purpose: it is part of the essay.
 * A link to `#ref-fromm1956` must find the entry (fragment navigation does not look inside shadow
 * roots), readers select, copy and print it, and reader modes and reference managers read it.
 * Its styles are adopted into the page with zero specificity, so the page's own CSS wins.
 *
 * Data, in order of precedence: the `.items` property; a child `<script type="application/json">`;
 * `src` (a CSL-JSON file); `list` (fetched through the backend: `api`, `.backend` or a provider).
 *
 * @summary Annotated references list (CSL-JSON in, APA 7 out).
 * @customElement hearth-references
 *
 * @event hearth-references-loaded - The list rendered; `detail.count` is the number of entries.
 * @event hearth-error - Loading or reading the data failed; `detail.error` says why. The list shows the error and a Retry button.
 *
 * @cssproperty --hearth-font - Font of the list (default: inherited).
 * @cssproperty --hearth-color-text - Text colour (default: inherited).
 * @cssproperty --hearth-color-muted - Colour of annotations and notices.
 * @cssproperty --hearth-color-accent - Colour of links and focus outlines.
 * @cssproperty --hearth-color-danger - Border of the error notice.
 * @cssproperty --hearth-color-highlight - Background of the entry a link points at.
 * @cssproperty --hearth-color-skeleton - Colour of the loading placeholder.
 * @cssproperty --hearth-radius - Corner radius.
 * @cssproperty --hearth-space - Space between entries.
 */
export class HearthReferences extends HearthElement {
  static override styles = referencesStyles;
  static override properties: PropertyDeclarations = {
    items: { attribute: false },
    src: {},
    list: {},
    citationStyle: { attribute: 'citation-style' },
    sort: {},
    inline: { state: true },
    remote: { state: true },
  };

  /** CSL-JSON items; wins over every other source. */
  declare items?: unknown;

  /** URL of a CSL-JSON file. */
  declare src?: string;

  /** Id of a references list on the backend (`GET /references/{list}`). */
  declare list?: string;

  /** Citation style: `apa` (APA 7). More styles arrive later; until then every value renders APA. */
  citationStyle = 'apa';

  /** `author` (author, year, title: the APA order) or `none` (the order given). */
  sort: 'author' | 'none' = 'author';

  /** Data read from a child `<script type="application/json">`, or the error reading it. */
  private declare inline?: { data?: unknown; error?: unknown };

  #inlineText?: string;
  #observer?: MutationObserver;
  #announced?: unknown;
  /** What the last render showed: [data] when loaded, [key, error] when failed, [] otherwise. */
  #outcome: unknown[] = [];
  /** What #entries were built from: [data, sort, locale]. */
  #entriesFor: unknown[] = [];
  #entries: Entry[] = [];

  /** The state of the `src` or `list` fetch. */
  private declare remote?: { data?: unknown; error?: unknown };
  #fetching?: AbortController;
  #fetchedFor?: readonly unknown[];

  /**
   * Fetches `src` or `list` when they (or the backend) change and no local data wins; a newer fetch
   * or disconnecting aborts the older one, whose late answer is then ignored. (A few lines instead
   * of @lit/task, which would cost a tenth of this element's size budget.)
   */
  #fetchIfNeeded(): void {
    const local = this.items !== undefined || this.inline !== undefined;
    const args = [local, this.src, this.list, this.effectiveBackend] as const;
    if (args.every((arg, i) => arg === this.#fetchedFor?.[i])) return;
    this.#fetchedFor = args;
    this.#fetching?.abort();
    const [, src, list, backend] = args;
    if (local || (!src && !list)) {
      this.remote = undefined;
      return;
    }
    const { signal } = (this.#fetching = new AbortController());
    this.remote = {};
    (src
      ? getJson(src, signal)
      : backend
        ? backend.getReferences(list!, { signal })
        : Promise.reject(new HearthError('bad-request', 'No backend: set api or .backend, or use <hearth-provider>'))
    ).then(
      (data) => signal.aborted || (this.remote = { data }),
      (error) => signal.aborted || (this.remote = { error }),
    );
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles(this, referencesStyles);
    this.#readInline();
    // Inline JSON may be parsed after the element upgrades, or be replaced later by a script.
    this.#observer = new MutationObserver(() => this.#readInline());
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    addEventListener('hashchange', this.#onHashChange);
    this.requestUpdate(); // fetches again if a fetch was cut short by a disconnect
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#fetching?.abort();
    this.#fetchedFor = undefined;
    this.#observer?.disconnect();
    removeEventListener('hashchange', this.#onHashChange);
  }

  /** Loads the data again (what the Retry button does). */
  retry(): void {
    this.#inlineText = undefined;
    this.#fetchedFor = undefined;
    this.#readInline();
    this.requestUpdate();
  }

  #readInline(): void {
    const script = this.querySelector<HTMLScriptElement>(`:scope > ${INLINE_DATA}`);
    const text = script?.textContent ?? undefined;
    if (text === this.#inlineText) return;
    this.#inlineText = text;
    if (text === undefined) {
      this.inline = undefined;
      return;
    }
    try {
      this.inline = { data: JSON.parse(text) };
    } catch (cause) {
      this.inline = { error: new HearthError('malformed', `Inline JSON: ${cause}`, { cause }) };
    }
  }

  get #source(): { data?: unknown; error?: unknown } | undefined {
    if (this.items !== undefined) return { data: this.items };
    return this.inline ?? this.remote;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#fetchIfNeeded();
  }

  #entriesOf(data: unknown): Entry[] {
    const key = [data, this.sort, this.locale];
    if (key.every((part, i) => part === this.#entriesFor[i])) return this.#entries;
    const { items } = normalizeItems(data);
    const ordered = this.sort === 'none' ? items : sortItems(items, this.locale);
    const seen = new Set<string>();
    this.#entries = [];
    for (const item of ordered as CslItem[]) {
      const id = `ref-${String(item.id).replace(/\s/g, '-')}`; // normalizeItems trimmed it
      if (seen.has(id)) continue;
      seen.add(id);
      this.#entries.push({ id, citation: formatApa(item), annotation: parseSafeMarkup(item.annotation) });
    }
    this.#entriesFor = key;
    return this.#entries;
  }

  protected override render(): TemplateResult {
    const source = this.#source;
    this.#outcome = [];
    if (!source) return html``;
    const { data, error } = source;
    if (error !== undefined) return this.#renderError(error, error);
    if (data === undefined) return this.#renderLoading();
    let entries: Entry[];
    try {
      entries = this.#entriesOf(data);
    } catch (cause) {
      return this.#renderError(data, new HearthError('malformed', String(cause), { cause }));
    }
    this.#outcome = [data];
    if (!entries.length) return html`<p role="status">${msg('No references', { id: 'references.empty' })}</p>`;
    return html`<ul role="list" aria-label=${msg('References', { id: 'references.label' })}>
      ${entries.map(
        (entry) => html`<li id=${entry.id} tabindex="-1">
          <span class="citation">${entry.citation.map(renderRun)}</span>
          ${entry.annotation.length ? html`<span class="annotation">${renderMarkup(entry.annotation)}</span>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div role="status" aria-busy="true">
      <span class="hearth-sr">${msg('Loading references…', { id: 'references.loading' })}</span>
      <span class="skeleton" aria-hidden="true"></span>
    </div>`;
  }

  /** The error state; `key` identifies this failure so `hearth-error` fires once for it. */
  #renderError(key: unknown, error: unknown): TemplateResult {
    this.#outcome = [key, error];
    return html`<p role="alert">
      ${describeError(error)}
      <button type="button" @click=${this.retry}>${msg('Retry', { id: 'common.retry' })}</button>
    </p>`;
  }

  /** Announces what the last render showed, once per data or failure: loaded, or `hearth-error`. */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const [key, error] = this.#outcome;
    if (key === undefined || key === this.#announced) return;
    this.#announced = key;
    if (error) {
      this.emit<HearthErrorDetail>('hearth-error', { error });
    } else {
      this.emit<ReferencesLoadedDetail>('hearth-references-loaded', { count: this.#entries.length });
      this.#focusTarget();
    }
  }

  #onHashChange = (): void => this.#focusTarget();

  /** Scrolls to and focuses the entry named in the page URL (`#ref-…`): it may not exist at page load. */
  #focusTarget(): void {
    let id: string;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    if (!id.startsWith('ref-')) return;
    const target = this.ownerDocument.getElementById(id);
    if (!target || !this.contains(target)) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }
}

function renderRun(run: Run): TemplateResult | string {
  const text = run.italic ? html`<i>${run.text}</i>` : run.text;
  return run.href ? html`<a href=${run.href}>${text}</a>` : (text as TemplateResult | string);
}

function renderMarkup(nodes: MarkupNode[]): unknown[] {
  return nodes.map((node) => {
    if (typeof node === 'string') return node;
    const children = renderMarkup(node.children);
    switch (node.tag) {
      case 'i':
        return html`<i>${children}</i>`;
      case 'em':
        return html`<em>${children}</em>`;
      case 'b':
        return html`<b>${children}</b>`;
      case 'strong':
        return html`<strong>${children}</strong>`;
      default:
        return node.href ? html`<a href=${node.href} rel="noopener">${children}</a>` : children;
    }
  });
}

/** What the reader is told, by what went wrong. */
function describeError(error: unknown): string {
  switch (isHearthError(error) && error.kind) {
    case 'offline':
      return msg('You seem to be offline. Check your connection, then try again.', { id: 'references.error.offline' });
    case 'timeout':
      return msg('The server took too long to answer. Try again.', { id: 'references.error.timeout' });
    case 'not-found':
      return msg('This references list was not found.', { id: 'references.error.notFound' });
    case 'malformed':
      return msg('The references data could not be read.', { id: 'references.error.malformed' });
    default:
      return msg('The references could not be loaded. Try again.', { id: 'references.error.generic' });
  }
}
