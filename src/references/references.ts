import { nothing, type TemplateResult } from 'lit-html';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { HearthElement } from '../core/hearth-element.js';
import { HearthError } from '../core/errors.js';
import { withLocale } from '../core/localization.js';
import { adoptStyles } from '../core/styles.js';
import { oneOf } from '../core/attributes.js';
import type { CitationStyle } from './format/style.js';
import type { InputIssue } from './input.js';
import { kit, lists, type CiteLink } from './links.js';
import { referencesStyles } from './references.styles.js';
import { buildEntries, orderEntries, type Entry, type Sort } from './entries.js';
import { ReferencesSource } from './source.js';
import { errorView, listView, loadingView } from './views.js';

export type { Entry, Sort };
const SORTS: readonly Sort[] = ['author', 'year', 'type', 'cited', 'none'];

/**
 * The lazy module with the reader tools (copy, cite, download, the sort control, year and type
 * order) and the machine-readable data (COinS, JSON-LD). It loads after the list first shows.
 */
export type Tools = typeof import('./tools.js');
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

  #source = new ReferencesSource(this);
  /**
   * What the list shows, worked out in `willUpdate`: undefined without a data source, [] while
   * loading, [key, error] on a failure (`key` identifies it, so `hearth-error` fires once for it),
   * [data] when the entries show.
   */
  #outcome?: unknown[];
  #announced?: unknown;
  #entries: Entry[] = [];
  /** What #entries were built from: data, language, style, citations. */
  #builtFrom?: unknown[];
  /** The data's unreadable entries (parser issues and CSL-JSON items without an id). */
  #issues!: InputIssue[];
  /** The order shown, and the entries in that order. */
  #sort!: Sort;
  #ordered!: Entry[];

  /** This list's citations in page order, the ids of each key's citations (in order of first citation) and a key of both. */
  #cites!: CiteLink[];
  #citedIds!: Map<string, string[]>;
  #citesKey!: string;

  /** The lazy tools module once loaded (COinS and JSON-LD render then). */
  #tools?: Tools;
  #asked?: boolean;
  #jsonLd?: HTMLScriptElement;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles(this, referencesStyles);
    lists.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    lists.delete(this);
    this.#jsonLd?.remove();
    this.#jsonLd = undefined;
  }

  /** Loads the data again (what the Retry button does). */
  retry(): void {
    this.#source.retry();
  }

  /** True once the list shows its entries; `<hearth-cite>` renders from then on. */
  get ready(): boolean {
    return this.#outcome?.length == 1;
  }

  /** The entries, in the order of the data (empty until `ready`). */
  get entries(): readonly Entry[] {
    return this.#entries;
  }

  /** The citation style in use (for `<hearth-cite>`; undefined until it has loaded). */
  get formatter(): CitationStyle | undefined {
    return this.#source.style;
  }

  /** Works out what `render` shows: the source's state, or the entries in their order. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#linkCites();
    const source = this.#source.read();
    const { data, error, style } = source ?? {};
    try {
      this.#outcome = !source ? undefined : error !== undefined ? [error, error] : data === undefined || !style ? [] : this.#build(data, style, source.issues);
    } catch (cause) {
      this.#outcome = [data, new HearthError('malformed', String(cause), { cause })];
    }
  }

  /**
   * Links this list's citations. The `<hearth-cite>` chunk does it: it loads when the page has a
   * citation (a page without citations never loads it).
   */
  #linkCites(): void {
    if (!kit.link && this.ownerDocument.querySelector('hearth-cite')) import('../define/hearth-cite.js');
    [this.#cites, this.#citedIds, this.#citesKey] = kit.link?.(this) ?? [[], new Map(), ''];
  }

  /** The entries (built again only when their data, language, style or citations changed), in the order shown; throws when the data is not a list. */
  #build(data: unknown, style: CitationStyle, issues: InputIssue[] = []): unknown[] {
    const { locale } = this;
    const from = [data, locale, style, this.#citesKey];
    if (from.some((part, i) => part !== this.#builtFrom?.[i])) {
      const { entries, skipped } = withLocale(locale, () => buildEntries(data, style, this.#citedIds));
      this.#issues = issues.concat(skipped ? [{ line: 0, message: `${skipped} without an id` }] : []);
      this.#entries = entries;
      this.#builtFrom = from;
    }
    const sort = (this.#sort = this.sort ? oneOf(this, 'sort', this.sort, SORTS) : style.label ? 'cited' : 'author');
    // Year and type order come with the tools chunk (until then, author order).
    this.#ordered = orderEntries(this.#entries, sort, this.onlyCited, locale, this.#tools?.order);
    return [data];
  }

  protected override render(): TemplateResult | typeof nothing {
    const outcome = this.#outcome;
    if (!outcome) return nothing;
    if (outcome.length > 1) return errorView(outcome[1], this.retry);
    if (!outcome.length) return loadingView();
    return listView(this, this.#entries, this.#ordered, this.#sort, this.#issues.length, this.#tools);
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
    const [key, error] = this.#outcome ?? [];
    if (this.ready) {
      if (this.#tools) this.#jsonLd = this.#tools.jsonLd(this, this.#jsonLd);
      else if (!this.#asked) {
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
    }
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
