import { html, nothing, type TemplateResult } from 'lit-html';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { HearthElement } from '../core/hearth-element.js';
import { msg, str } from '../core/localization.js';
import { css } from '../core/css.js';
import { adoptStyles } from '../core/styles.js';
import { apa } from './format/apa-style.js';
import { runs } from './format/common.js';
import { kit, lists, type CiteLink } from './links.js';
import type { Entry, HearthReferences } from './references.js';
import type { CitePiece } from './format/style.js';
import { markupInto, runsInto } from './render.js';
import type { Run } from './format/common.js';

/** The connected citations. */
const cites = new Set<CiteLink>();

let queued = false;

/** A citation came, went or changed its keys: every list re-links its citations (once per task). */
function citesChanged(): void {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    lists.forEach((list) => list.requestUpdate());
  });
}

/**
 * The list a citation belongs to: the one whose id is in `for`, else the nearest one (the first
 * `<hearth-references>` inside the citation's closest ancestor that has one).
 */
function listOf(cite: Element): Element | null {
  const id = cite.getAttribute('for');
  if (id) return (cite.getRootNode() as Document).getElementById?.(id) ?? null;
  for (let e = cite.parentElement; e; e = e.parentElement) {
    const list = e.querySelector('hearth-references');
    if (list) return list;
  }
  return null;
}

// APA's in-text citations, the linking of citations and the back-links live here, not with the
// list: a page without citations never loads them.
kit.apaCitation = apa.citation;

/**
 * Finds a list's citations (see `listOf`) in page order and gives every citation of a key its own
 * id, `cite-<key>-<k>`, for the back-links; the map's keys are in order of first citation.
 */
kit.link = (list) => {
  const mine = [...cites].filter((cite) => listOf(cite) === list);
  mine.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const ids = new Map<string, string[]>();
  for (const cite of mine) {
    cite.targets = cite.cited.map((key) => {
      const list = ids.get(key) ?? [];
      ids.set(key, list);
      list.push(`cite-${key}-${list.length + 1}`);
      return list[list.length - 1];
    });
  }
  return [mine, ids, mine.map((cite) => cite.cited.join(' ')).join('|')];
};

/** A run of a citation as text, `<i>` and/or `<a>`. */
const renderRun = (run: Run): TemplateResult | string => (run.italic ? html`<i>${run.text}</i>` : run.text);

/** Back-link letters: a … z, then aa, ab … */
const letter = (i: number): string => (i >= 26 ? letter(i / 26 - 1) : '') + String.fromCharCode(97 + (i % 26));

kit.backlinks = (ids) =>
  html`<span class="back"
    >${ids.length == 1
      ? html`<a href=${'#' + ids[0]} aria-label=${msg('Back to the citation', { id: 'references.back' })}>↩</a>`
      : html`↩${ids.map((id, i) => html` <a href=${'#' + id} aria-label=${msg(str`Back to citation ${letter(i)}`, { id: 'references.backN' })}>${letter(i)}</a>`)}`}</span
  >`;

/** The entries of a list by key (rebuilt when the list's entries change). */
const byKey = new WeakMap<readonly Entry[], Map<string, Entry>>();

/** A citation of `keys` in the list's style: the pieces for the known keys, their entries, the unknown keys. */
function citationOf(list: HearthReferences, keys: string[], locators: string[]): { pieces: CitePiece[]; entries: Entry[]; unknown: string[] } {
  const all = list.entries;
  let map = byKey.get(all);
  if (!map) byKey.set(all, (map = new Map(all.map((e) => [e.key, e]))));
  const entries: Entry[] = [];
  const unknown: string[] = [];
  keys.forEach((key) => (map.has(key) ? entries.push(map.get(key)!) : unknown.push(key)));
  const pieces = entries.length
    ? list.formatter!.citation(entries.map((entry, i) => ({ item: entry.item, n: entry.n, locator: locators[keys.indexOf(entry.key)] ?? (i ? '' : locators[0]) })))
    : [];
  return { pieces, entries, unknown };
}

/**
 * Styles of the citations and their previews (zero specificity, adopted where the citation is). A
 * citation is part of the page's text, on its background: by default it keeps the text's colour
 * (a link colour could be unreadable on a dark page) and is told apart by its dotted underline; the
 * preview sets its text and background together.
 */
const citeStyles = css`
  :where(hearth-cite .hearth-cite) {
    font: inherit;
    color: var(--hearth-color-accent, inherit);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline dotted;
    cursor: pointer;
  }
  :where(hearth-cite .hearth-nowrap) {
    white-space: nowrap;
  }
  :where(hearth-cite .hearth-nowrap > .hearth-cite) {
    white-space: normal;
  }
  :where(hearth-cite .hearth-unknown) {
    color: var(--hearth-color-danger, color-mix(in srgb, currentColor 40%, #d00));
  }
  :where(hearth-cite .hearth-preview) {
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, CanvasText);
    background: var(--hearth-color-surface, Canvas);
    border: 1px solid var(--hearth-color-muted, GrayText);
    border-radius: var(--hearth-surface-radius, var(--hearth-radius, 4px));
    box-shadow: 0 4px 16px #0003;
    padding: 0.75em 1em;
    inset: auto;
    margin: 0;
    position: fixed;
    width: min(24em, calc(100vw - 16px));
    max-height: calc(100vh - 16px);
    overflow: auto;
    box-sizing: border-box;
  }
  :where(hearth-cite .hearth-preview > *) {
    display: block;
    margin-top: 0.5em;
  }
  :where(hearth-cite .hearth-preview > :first-child) {
    margin: 0;
  }
`;

const warned = new Set<unknown>();

/**
 * The pieces of a citation, each button in a span that does not wrap together with the text that
 * touches it ("(" before it, "," or ", p. 12)" after it): a bracket never ends or starts a line
 * alone. Text without a space glues its two neighbours together.
 */
function glued(pieces: CitePiece[], button: (piece: Exclude<CitePiece, string>) => unknown): unknown[] {
  const out: unknown[] = [];
  let group: unknown[] = [];
  const close = () => group.length && out.push(html`<span class="hearth-nowrap">${group}</span>`);
  for (const piece of pieces) {
    if (typeof piece != 'string') {
      group.push(button(piece));
      continue;
    }
    const [, lead, middle, trail] = /^(\S*)(?:(\s[^]*\s|\s))?(\S*)$/.exec(piece)!;
    group.push(runs(lead!, '').map(renderRun));
    if (middle === undefined) continue;
    close();
    out.push(runs(middle, '').map(renderRun));
    group = [runs(trail!, '').map(renderRun)];
  }
  close();
  return out;
}
let ids = 0;

/** Back-links (`#cite-…`) focus the citation they point at, so keyboard users continue from there. */
const onHash = () => {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id.startsWith('cite-') && document.getElementById(id);
  if (target) {
    returning = target;
    target.focus();
    returning = undefined;
  }
};
let returning: Element | undefined;
let listening = false;

/**
 * An in-text citation: `<hearth-cite cite-key="fromm1956" locator="p. 12"></hearth-cite>` renders
 * "(Fromm, 1956, p. 12)" in the style of its references list — the nearest `<hearth-references>`
 * (the first one inside the closest ancestor that has one) or the one whose id is in `for`.
 *
 * Each cited key is a button that shows a preview of the entry: on hover (mouse), on keyboard
 * focus, and on click or tap (which pins it open). The preview is a popover with the entry and a
 * "Go to reference" link; Escape or a click outside closes it, and focus returns to the citation.
 * The list links back to every citation of an entry (↩ a b c).
 *
 * The key is `cite-key` (or `keys`, or `key` in plain HTML: React and Vue keep `key` for themselves
 * and never pass it on). Several keys: `cite-key="a b"`; their locators separated by ";" in the same order
 * (`locator="p. 12; chap. 3"`). A key the list does not have renders as "[?key]" with a console
 * warning. Until the list has loaded, the element's own content (a fallback text) stays.
 *
 * Renders in the light DOM (like the list), so the citation is part of the sentence for reader
 * modes, copy and print, and its back-link target is in the document.
 *
 * @summary In-text citation of entries of a `<hearth-references>` list, with preview and back-links.
 * @customElement hearth-cite
 */
export class HearthCite extends HearthElement {
  static override properties: PropertyDeclarations = {
    citeKey: { attribute: 'cite-key' },
    keys: {},
    key: {},
    locator: {},
    for: {},
    open: { state: true },
  };

  /** Key(s) of the cited entries (their CSL `id`), separated by spaces. */
  declare citeKey?: string;

  /** The same as `cite-key` (for frameworks where a dash in an attribute name is awkward). */
  declare keys?: string;

  /** The same as `cite-key`, for plain HTML (React and Vue reserve `key` and never set it on the element). */
  declare key?: string;

  /** Where in the work ("p. 12", "pp. 3–5", "chap. 2"); for several keys separated by ";". */
  declare locator?: string;

  /** Id of the references list, when it is not the nearest one. */
  declare for?: string;

  /** The index (in the list's view) of the entry whose preview shows, or -1. @internal */
  private declare open: number;

  /** The ids of this citation's buttons, one per key (set by the list). @internal */
  targets: string[] = [];

  #uid = `hearth-cite-${++ids}`;
  #list?: HearthReferences;
  #pinned = false;
  #hover?: ReturnType<typeof setTimeout>;
  #cleared = false;

  constructor() {
    super();
    this.open = -1;
  }

  /** The cited keys: `cite-key`, else `keys`, else `key`. */
  get cited(): string[] {
    return (this.citeKey ?? this.keys ?? this.key ?? '').split(/\s+/).filter(Boolean);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles(this, citeStyles);
    cites.add(this);
    citesChanged();
    if (!listening) addEventListener('hashchange', onHash);
    listening = true;
    this.addEventListener('focusout', this.#onFocusOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cites.delete(this);
    citesChanged();
    this.removeEventListener('focusout', this.#onFocusOut);
  }

  /** Renders once the list shows its entries; until then the element's own content stays. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (['citeKey', 'keys', 'key', 'for'].some((name) => changed.has(name as keyof HearthCite))) citesChanged();
    this.#list = listOf(this) as HearthReferences | undefined;
    return !!this.#list?.ready;
  }

  protected override update(changed: PropertyValues<this>): void {
    if (!this.#cleared) this.replaceChildren();
    this.#cleared = true;
    super.update(changed);
  }

  protected override render(): TemplateResult {
    const keys = this.cited;
    if (!keys[0] && !warned.has(this)) console.warn('hearth-cite: no key: set cite-key="…" (the CSL id of the cited entry)', this);
    warned.add(this);
    const { pieces, entries, unknown } = citationOf(this.#list!, keys, (this.locator ?? '').split(/\s*;\s*/));
    for (const key of unknown) {
      if (!warned.has(key)) console.warn(`hearth-cite: no entry "${key}" in the references list`);
      warned.add(key);
    }
    const target = (i: number) => this.targets[keys.indexOf(entries[i].key)];
    const button = (piece: Exclude<CitePiece, string>) => html`<button
            type="button"
            class="hearth-cite"
            id=${target(piece[1]) ?? nothing}
            popovertarget=${this.#uid + '-' + piece[1]}
            aria-expanded=${this.open == piece[1]}
            aria-describedby=${this.#uid + '-' + piece[1] + '-text'}
            @click=${(e: Event) => this.#onClick(e, piece[1])}
            @focus=${(e: FocusEvent) => this.#onFocus(e, piece[1])}
            @pointerenter=${(e: PointerEvent) => e.pointerType == 'mouse' && this.#hoverOpen(piece[1])}
            @pointerleave=${this.#hoverClose}
          >${runs(piece[0], '').map(renderRun)}</button
          ><span
            popover
            class="hearth-preview"
            id=${this.#uid + '-' + piece[1]}
            @toggle=${(e: ToggleEvent) => this.#onToggle(e, piece[1])}
            @pointerenter=${() => clearTimeout(this.#hover)}
            @pointerleave=${this.#hoverClose}
            ><span id=${this.#uid + '-' + piece[1] + '-text'}
              >${entries[piece[1]].label ? entries[piece[1]].label + ' ' : ''}${runsInto(document.createElement('span'), entries[piece[1]].citation)}</span
            >${entries[piece[1]].annotation.length ? markupInto(Object.assign(document.createElement('span'), { className: 'annotation' }), entries[piece[1]].annotation) : nothing}<a
              href=${'#' + entries[piece[1]].id}
              >${msg('Go to the reference', { id: 'references.goTo' })}</a
            ></span
          >`;
    return html`${glued(pieces, button)}${unknown.map((key) => html`<span class="hearth-unknown">[?${key}]</span>`)}`;
  }

  #popover(i: number): HTMLElement | null {
    return this.querySelector(`#${this.#uid}-${i}`);
  }

  #show(i: number, pinned: boolean): void {
    clearTimeout(this.#hover);
    this.#pinned = pinned;
    const popover = this.#popover(i);
    if (!popover?.showPopover || popover.matches(':popover-open')) return;
    popover.showPopover();
    this.open = i;
    this.#place();
  }

  /**
   * Puts the open preview under its citation, else above it, else as low as fits: always inside the
   * viewport (its CSS caps its height to the viewport and scrolls what does not fit).
   */
  #place = (): void => {
    const popover = this.#popover(this.open);
    const button = popover?.previousElementSibling;
    if (!button) return;
    const b = button.getBoundingClientRect();
    const { width, height } = popover!.getBoundingClientRect();
    const room = document.documentElement.clientWidth;
    popover!.style.left = Math.max(8, Math.min(b.left, room - width - 8)) + 'px';
    popover!.style.top =
      (b.bottom + height + 8 <= innerHeight ? b.bottom + 4 : b.top > height + 8 ? b.top - height - 4 : Math.max(8, innerHeight - height - 8)) + 'px';
  };

  #hide(): void {
    clearTimeout(this.#hover);
    if (this.open >= 0) this.#popover(this.open)?.hidePopover();
  }

  #onClick(e: Event, i: number): void {
    // A preview opened by hover or focus: the click pins it (instead of the button closing it).
    if (this.open == i && !this.#pinned) {
      e.preventDefault();
      this.#pinned = true;
    } else if (this.open != i) {
      // Opening by click: the browser's popovertarget shows it; this only records how.
      this.#pinned = true;
    }
  }

  #onFocus(e: FocusEvent, i: number): void {
    if (returning != e.target && (e.target as Element).matches(':focus-visible')) this.#show(i, false);
  }

  #hoverOpen(i: number): void {
    clearTimeout(this.#hover);
    this.#hover = setTimeout(() => this.#show(i, false), 250);
  }

  #hoverClose = (e: PointerEvent): void => {
    if (e.pointerType != 'mouse' || this.#pinned) return;
    clearTimeout(this.#hover);
    this.#hover = setTimeout(() => this.#hide(), 300);
  };

  #onToggle(e: ToggleEvent, i: number): void {
    if (e.newState == 'open') {
      if (this.open != i) this.open = i;
      this.#place();
      addEventListener('scroll', this.#place, { passive: true, capture: true });
      addEventListener('resize', this.#place);
      return;
    }
    if (this.open == i) this.open = -1;
    this.#pinned = false;
    removeEventListener('scroll', this.#place, { capture: true });
    removeEventListener('resize', this.#place);
    const popover = e.target as HTMLElement;
    if (popover.contains(document.activeElement)) (popover.previousElementSibling as HTMLElement).focus();
  }

  /** Focus left the citation and its preview: the preview closes. */
  #onFocusOut = (e: FocusEvent): void => {
    if (!this.contains(e.relatedTarget as Node)) this.#hide();
  };
}
