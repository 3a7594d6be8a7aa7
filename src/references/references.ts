import { html, nothing, type TemplateResult } from 'lit-html';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import type { CslItem } from '../core/backend.js';
import { HearthElement } from '../core/hearth-element.js';
import { getJson, getText } from '../core/api-backend.js';
import { HearthError, isHearthError, noBackend } from '../core/errors.js';
import { msg, str } from '../core/localization.js';
import { parseSafeMarkup, type MarkupNode } from '../core/safe-markup.js';
import { adoptStyles } from '../core/styles.js';
import { normalizeItems, sortItems, type Run } from './format/common.js';
import type { CitationStyle } from './format/style.js';
import { formatOf, parseText, SCRIPT_TYPES, type InputIssue, type Parsed } from './input.js';
import { kit, lists, type CiteLink } from './links.js';
import { referencesStyles } from './references.styles.js';
import { markupInto, runsInto } from './render.js';
import { STYLES, styleNamed } from './style-loader.js';
import { oneOf } from '../core/attributes.js';

/** One entry of the list. */
export interface Entry {
  /** The element id, `ref-<key>`. */
  id: string;
  key: string;
  item: CslItem;
  /** Its number: order of first citation in the page, then the uncited ones in the order given. */
  n: number;
  citation: Run[];
  /** A numeric style's label ("[1]"), else ''. */
  label: string;
  annotation: MarkupNode[];
  /** The ids of the citations of this entry, in page order (its back-links). */
  cited: string[];
  /** The entry's text (`span.citation`) and annotation (`span.annotation`) as DOM, built once. */
  text: HTMLElement;
  note?: HTMLElement;
}

/** List orders (see `sort`); readers choose among the first four with `controls`. */
export type Sort = 'author' | 'year' | 'cited' | 'type' | 'none';
const SORTS: readonly Sort[] = ['author', 'year', 'type', 'cited', 'none'];

/**
 * The lazy module with the reader tools (copy, cite, download, the sort control, year and type
 * order) and the machine-readable data (COinS, JSON-LD). It loads after the list first shows.
 */
type Tools = typeof import('./tools.js');
let tools: Promise<Tools> | undefined;
const loadTools = () => (tools ??= import('./tools.js'));

/**
 * An annotated references list for the end of an essay.
 *
 * The list renders into the light DOM, not a shadow root, on purpose: it is part of the essay.
 * A link to `#ref-fromm1956` must find the entry (fragment navigation does not look inside shadow
 * roots), readers select, copy and print it, and reader modes and reference managers (Zotero reads
 * the COinS span of each entry) read it. Its styles are adopted into the page with zero
 * specificity, so the page's own CSS wins.
 *
 * Data, in order of precedence: the `.items` property; a child `<script type="application/json">`
 * (CSL-JSON), `type="application/x-bibtex"` (BibTeX/BibLaTeX) or
 * `type="application/x-research-info-systems"` (RIS); `src` (CSL-JSON, or BibTeX/RIS by its `.bib` /
 * `.ris` extension or `format`); `list` (CSL-JSON through the backend: `api`, `.backend` or a provider).
 * Entries that cannot be read are left out and reported once, in a notice and a `hearth-error` event.
 *
 * `<hearth-cite key="…">` elements in the page cite its entries: see `HearthCite`.
 *
 * @summary Annotated references list: six citation styles, CSL-JSON/BibTeX/RIS in, in-text citations, copy and export.
 * @customElement hearth-references
 *
 * @event {CustomEvent<ReferencesLoadedDetail>} hearth-references-loaded - The list rendered; `detail.count` is the number of entries.
 * @event {CustomEvent<HearthErrorDetail & { issues?: ParseIssue[] }>} hearth-error - Loading or reading the data failed (`detail.error` says why; the list shows the error and a Retry button), or some entries could not be read (`detail.error.kind` is `malformed` and `detail.issues` lists them; the others are shown).
 *
 * @cssproperty --hearth-font - Font of the list (default: inherited).
 * @cssproperty --hearth-color-text - Text colour (default: inherited).
 * @cssproperty --hearth-color-muted - Colour of annotations, notices and reader tools.
 * @cssproperty --hearth-color-accent - Colour of links and focus outlines.
 * @cssproperty --hearth-color-danger - Border of the error notice.
 * @cssproperty --hearth-color-highlight - Background of the entry a link points at.
 * @cssproperty --hearth-color-skeleton - Colour of the loading placeholder.
 * @cssproperty --hearth-color-surface - Background of citation previews and the Cite dialog (default: Canvas).
 * @cssproperty --hearth-radius - Corner radius of the citation previews and the Cite dialog (default: 4px).
 * @cssproperty --hearth-surface-radius - The same, when set (a page that sets `--hearth-control-radius` for pill buttons leaves them as they are).
 * @cssproperty --hearth-space - Space between entries.
 */
export class HearthReferences extends HearthElement {
  static override properties: PropertyDeclarations = {
    items: { attribute: false },
    src: {},
    list: {},
    format: {},
    citationStyle: { attribute: 'citation-style' },
    sort: {},
    onlyCited: { attribute: 'only-cited', type: Boolean },
    controls: {},
    jsonLd: { attribute: 'json-ld' },
    tools: {},
    inline: { state: true },
    remote: { state: true },
  };

  /** CSL-JSON items; wins over every other source. */
  declare items?: unknown;

  /** URL of a CSL-JSON, BibTeX (`.bib`) or RIS (`.ris`) file. */
  declare src?: string;

  /** Id of a references list on the backend (`GET /references/{list}`). */
  declare list?: string;

  /** Format of the inline data or `src`: `csl-json`, `bibtex` or `ris` (default: from the script type or the file extension). */
  declare format?: string;

  /** Citation style: `apa` (APA 7, default), `mla` (MLA 9), `chicago` (Chicago 17 author-date), `ieee`, `vancouver`, `harvard` (Cite Them Right). */
  citationStyle = 'apa';

  /**
   * Order: `author` (author, year, title), `year`, `cited` (order of first citation in the page, then
   * the rest as given), `type` (grouped by type), `none` (as given). Default: `cited` for the numeric
   * styles (ieee, vancouver), else `author`.
   */
  declare sort?: Sort;

  /** Shows only the entries cited in the page by `<hearth-cite>`. */
  onlyCited = false;

  /**
   * Controls for readers, separated by spaces: `sort` (sort or group the list: by author, year, order
   * cited, type) and `style` (the citation style). The attribute alone means `sort`.
   */
  declare controls?: string;

  /**
   * `off` leaves the page's structured data alone (a CMS may write its own): no JSON-LD script in
   * the head. (COinS stay in the entries for reference managers.)
   */
  declare jsonLd?: string;

  /** `none` hides the reader tools (Copy citation and Cite per entry, Download for the list). */
  declare tools?: string;

  /** Data read from a child script, or the error reading it. */
  private declare inline?: { data?: unknown; error?: unknown; issues?: InputIssue[] };


  #inlineText?: string;
  #observer?: MutationObserver;
  #announced?: unknown;
  /** What the last render showed: [data] when loaded, [key, error] when failed, [] otherwise. */
  #outcome: unknown[] = [];
  /** What #entries were built from. */
  #entriesFor: unknown[] = [];
  #entries: Entry[] = [];
  /** Formatted entries of the current style and language, by item. */
  #formatted = new WeakMap<object, Run[]>();
  #formattedBy?: CitationStyle;
  #style?: CitationStyle;
  /** Loading the style's chunk failed (offline): shown as an error with Retry. */
  #styleError?: HearthError;
  /** The data's unreadable entries (parser issues and CSL-JSON items without an id). */
  #issues: InputIssue[] = [];

  /** This list's citations in page order, the ids of each key's citations (in order of first citation) and a key of both. */
  #cites: CiteLink[] = [];
  #citedIds = new Map<string, string[]>();
  #citesKey = '';

  /** The lazy tools module once loaded (COinS and JSON-LD render then). */
  #tools?: Tools;
  #asked?: boolean;
  #jsonLd?: HTMLScriptElement;

  /** The state of the `src` or `list` fetch. */
  private declare remote?: { data?: unknown; error?: unknown; issues?: InputIssue[] };
  #fetching?: AbortController;
  #fetchedFor?: readonly unknown[];

  /**
   * Fetches `src` or `list` when they (or the backend, or the format) change and no local data wins;
   * a newer fetch or disconnecting aborts the older one, whose late answer is then ignored. (A few
   * lines instead of @lit/task, which would cost a tenth of this element's size budget.)
   */
  #fetchIfNeeded(): void {
    const local = this.items !== undefined || this.inline !== undefined;
    const args = [local, this.src, this.list, this.effectiveBackend, this.format] as const;
    if (args.every((arg, i) => arg === this.#fetchedFor?.[i])) return;
    this.#fetchedFor = args;
    this.#fetching?.abort();
    const [, src, list, backend] = args;
    if (local || (!src && !list)) {
      this.remote = undefined;
      return;
    }
    const { signal } = (this.#fetching = new AbortController());
    const format = formatOf(this.format, undefined, src);
    this.remote = {};
    (src
      ? format == 'csl-json'
        ? getJson(src, signal).then((data) => ({ data }))
        : getText(src, signal).then((text) => parseText(text, format))
      : backend
        ? backend.getReferences(list!, { signal }).then((data) => ({ data }))
        : Promise.reject(noBackend(this, 'getReferences'))
    ).then(
      (parsed: Parsed) => signal.aborted || (this.remote = parsed),
      (error) => signal.aborted || (this.remote = { error }),
    );
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles(this, referencesStyles);
    lists.add(this);
    this.#readInline();
    // Inline data may be parsed after the element upgrades, or be replaced later by a script.
    this.#observer = new MutationObserver(() => this.#readInline());
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    this.requestUpdate(); // fetches again if a fetch was cut short by a disconnect
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    lists.delete(this);
    this.#fetching?.abort();
    this.#fetchedFor = undefined;
    this.#observer?.disconnect();
    this.#jsonLd?.remove();
    this.#jsonLd = undefined;
  }

  /** Loads the data again (what the Retry button does). */
  retry(): void {
    this.#styleError = undefined;
    this.#inlineText = undefined;
    this.#fetchedFor = undefined;
    this.#readInline();
    this.requestUpdate();
  }

  #readInline(): void {
    const script = [...this.children].find((c): c is HTMLScriptElement => c instanceof HTMLScriptElement && !!SCRIPT_TYPES[c.type]);
    const text = script?.textContent ?? undefined;
    const format = formatOf(this.format, script?.type);
    if (text === this.#inlineText) return;
    this.#inlineText = text;
    if (text === undefined) {
      this.inline = undefined;
      return;
    }
    const done = (inline: typeof this.inline) => text === this.#inlineText && (this.inline = inline);
    try {
      const parsed = parseText(text, format);
      if ('then' in parsed) {
        this.inline = {};
        parsed.then(done, (error) => done({ error }));
      } else {
        this.inline = parsed;
      }
    } catch (error) {
      this.inline = { error };
    }
  }

  get #source(): { data?: unknown; error?: unknown; issues?: InputIssue[] } | undefined {
    if (this.items !== undefined) return { data: this.items };
    return this.inline ?? this.remote;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#fetchIfNeeded();
    this.#linkCites();
    // The style for the data, asked for once there is data (APA with rare types is a chunk of its own,
    // see style-loader.ts). Until its chunk arrives the list keeps showing the previous style (or the skeleton).
    const data = this.#source?.data;
    const style = this.#styleError || data === undefined ? undefined : styleNamed(oneOf(this, 'citation-style', this.citationStyle?.toLowerCase(), STYLES), data);
    if (style && 'entry' in style) this.#style = style;
    else
      style?.then(
        () => this.requestUpdate(),
        (cause) => {
          this.#styleError = new HearthError('offline', String(cause), { cause });
          this.requestUpdate();
        },
      );
  }

  /**
   * Links this list's citations. The `<hearth-cite>` chunk does it: it loads when the page has a
   * citation (a page without citations never loads it).
   */
  #linkCites(): void {
    if (!kit.link && this.ownerDocument.querySelector('hearth-cite')) import('../define/hearth-cite.js');
    [this.#cites, this.#citedIds, this.#citesKey] = kit.link?.(this) ?? [[], new Map(), ''];
  }

  #entriesOf(data: unknown, style: CitationStyle): Entry[] {
    const key = [data, this.locale, style, this.#citesKey];
    if (key.every((part, i) => part === this.#entriesFor[i])) return this.#entries;
    // Formatted anew in another style or language (the styles' terms: "p.", "et al.").
    if (style != this.#formattedBy || this.locale != this.#entriesFor[1]) this.#formatted = new WeakMap();
    this.#formattedBy = style;
    const { items, skipped } = normalizeItems(data);
    this.#issues = (this.#source?.issues ?? []).concat(
      skipped ? [{ line: 0, message: `${skipped} without an id` }] : [],
    );
    const byKey = new Map<string, Entry>();
    for (const item of items) {
      const key = String(item.id).replace(/\s/g, '-'); // normalizeItems trimmed it
      if (byKey.has(key)) continue;
      let citation = this.#formatted.get(item);
      if (!citation) this.#formatted.set(item, (citation = style.entry(item)));
      const id = `ref-${key}`;
      const annotation = parseSafeMarkup(item.annotation);
      byKey.set(key, {
        id,
        key,
        item,
        n: 0,
        citation,
        label: '',
        annotation,
        cited: this.#citedIds.get(key) ?? [],
        text: runsInto(Object.assign(document.createElement('span'), { className: 'citation', id: id + '-text' }), citation),
        note: annotation[0] ? markupInto(Object.assign(document.createElement('span'), { className: 'annotation' }), annotation) : undefined,
      });
    }
    // Numbers: cited entries by first citation, then the rest in the order given.
    let n = 0;
    for (const k of this.#citedIds.keys()) {
      const entry = byKey.get(k);
      if (entry) entry.n = ++n;
    }
    for (const entry of byKey.values()) {
      entry.n ||= ++n;
      entry.label = style.label?.(entry.n) ?? '';
    }
    this.#entries = [...byKey.values()];
    this.#entriesFor = key;
    return this.#entries;
  }

  /** True once the list shows its entries; `<hearth-cite>` renders from then on. */
  get ready(): boolean {
    return this.#outcome.length == 1;
  }

  /** The entries, in the order of the data (empty until `ready`). */
  get entries(): readonly Entry[] {
    return this.#entries;
  }

  /** The citation style in use (for `<hearth-cite>`; undefined until it has loaded). */
  get formatter(): CitationStyle | undefined {
    return this.#style;
  }

  /** The entries in the order the list shows them (year and type: sorted by the tools chunk). */
  #ordered(entries: Entry[], sort: Sort, tools?: Tools): Entry[] {
    if (this.onlyCited) entries = entries.filter((e) => e.cited.length);
    if (sort == 'none') return entries;
    if (sort == 'cited') return [...entries].sort((a, b) => a.n - b.n);
    const order = new Map(sortItems(entries.map((e) => e.item), this.locale).map((item, i) => [item, i]));
    entries = [...entries].sort((a, b) => order.get(a.item)! - order.get(b.item)!);
    return tools ? tools.order(entries, sort) : entries;
  }

  protected override render(): TemplateResult {
    const source = this.#source;
    this.#outcome = [];
    if (!source) return html``;
    const { data, error = this.#styleError } = source;
    const style = this.#style;
    const sort = this.sort ? oneOf(this, 'sort', this.sort, SORTS) : style?.label ? 'cited' : 'author';
    const tools = this.#tools;
    if (error !== undefined) return this.#renderError(error, error);
    if (data === undefined || !style) return this.#renderLoading();
    let entries: Entry[];
    try {
      entries = this.#entriesOf(data, style);
    } catch (cause) {
      return this.#renderError(data, new HearthError('malformed', String(cause), { cause }));
    }
    this.#outcome = [data];
    const issues = this.#issues.length;
    const entry = (e: Entry) => this.#renderEntry(e);
    const ordered = this.#ordered(entries, sort, tools);
    return html`${this.controls != null && tools ? tools.controls(this, sort, entries.length) : nothing}
      ${entries.length
        ? sort == 'type' && tools
          ? tools.grouped(ordered, entry, this.id)
          : html`<ul role="list" aria-label=${msg('References', { id: 'references.label' })} tabindex="-1">
              ${ordered.map(entry)}
            </ul>`
        : html`<p role="status" tabindex="-1">${msg('No references', { id: 'references.empty' })}</p>`}
      ${issues
        ? html`<p role="status" class="notice">
            ${msg(str`Some entries could not be read and are not shown (${issues}).`, { id: 'references.issues' })}
          </p>`
        : nothing}
      ${entries.length ? tools?.listTools(this.#entries, this) : nothing}`;
  }

  #renderEntry(entry: Entry): TemplateResult {
    return html`<li id=${entry.id} tabindex="-1">
      ${entry.label ? html`<span class="label">${entry.label}</span> ` : nothing}${entry.text}
      ${entry.cited.length ? kit.backlinks!(entry.cited) : nothing}
      ${entry.note ?? nothing}
      ${this.#tools?.entryTools(entry, this)}
    </li>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div role="status" aria-busy="true" tabindex="-1">
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

  /**
   * When a render removes the focused control (Retry), focus goes to what took its place, never to
   * <body>: Retry again, the loading status, or the list (these have tabindex="-1").
   */
  protected override update(changed: PropertyValues<this>): void {
    const focused = document.activeElement;
    const inside = this.contains(focused);
    super.update(changed);
    if (inside && !focused!.isConnected) this.querySelector<HTMLElement>('[role=alert] button, [tabindex="-1"]')?.focus();
  }

  /**
   * Announces what the last render showed, once per data or failure: loaded (and, when some entries
   * could not be read, `hearth-error` with them), or `hearth-error`. Citations render again.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#cites.forEach((cite) => cite.requestUpdate());
    const [key, error] = this.#outcome;
    if (this.ready && !this.#tools && !this.#asked) {
      // The reader tools, the year and type orders and the machine-readable data (COinS per entry,
      // JSON-LD) load once the list has shown, when the browser is idle (at the latest a second
      // later): their render never delays the list's first paint. (Until then a list sorted by year or type shows in author order.)
      this.#asked = true;
      (self.requestIdleCallback || setTimeout)(() =>
        loadTools().then(
          (t) => {
            this.#tools = t;
            t.adopt(this);
            t.focusTarget(this);
            this.requestUpdate();
          },
          () => (tools = this.#asked = undefined), // offline: the list works without them; tried again at the next update
        ),
        { timeout: 1000 }, // a page that is never idle still gets them within a second (setTimeout reads this as 0)
      );
    }
    if (this.ready && this.#tools) this.#jsonLd = this.#tools.jsonLd(this, this.#jsonLd);
    if (key === undefined || key === this.#announced) return;
    this.#announced = key;
    if (error) {
      this.emit('hearth-error', { error });
    } else {
      this.emit('hearth-references-loaded', { count: this.#entries.length });
      const issues = this.#issues;
      if (issues.length) {
        const error = new HearthError('malformed', issues.map((i) => (i.line ? `line ${i.line}: ` : '') + i.message).join('; '));
        this.emit('hearth-error', { error, issues });
      }
      this.#tools?.focusTarget(this);
    }
  }
}


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
