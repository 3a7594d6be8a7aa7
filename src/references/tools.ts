/**
 * The reader tools of `<hearth-references>` and its machine-readable data, in one lazy chunk: it
 * loads after the list shows, so the list's first paint never waits for it.
 *
 * - `copy`: an entry to the clipboard as plain text and as HTML (italics kept).
 * - `cite`: a modal dialog with the entry in BibTeX and RIS, each to copy or download.
 * - `download`: the whole list as BibTeX, RIS or CSL-JSON.
 * - COinS: each entry's `<span class="Z3988">`, whose `title` Zotero's translator reads.
 * - `jsonLd`: one `<script type="application/ld+json">` in the document head: the page as a
 *   schema.org `Article` whose `citation` lists the entries, for search engines.
 */
import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { CslItem } from '../core/backend.js';
import { localeOf, msg, withLocale } from '../core/localization.js';
import { css } from '../core/css.js';
import { adoptStyles } from '../core/styles.js';
import type { MarkupNode } from '../core/safe-markup.js';
import type { Entry, HearthReferences, Sort } from './references.js';
import { lists } from './links.js';
import { toBibtex } from './export/bibtex.js';
import { toRis } from './export/ris.js';
import { cat, dateParts, doiUrl, nameParts, httpUrl, asText, type Run } from './format/common.js';
import { toPlainText } from './format/plain.js';
import { runsInto } from './render.js';
import { wellFormed, wellFormedJson } from '../core/text.js';

import { coins } from './export/coins.js';

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** The entry as HTML for the clipboard: text escaped, italics as <i>, the link as <a>. */
const toHtml = (citation: Run[]) =>
  citation
    .map((r) => {
      const text = r.italic ? `<i>${escapeHtml(r.text)}</i>` : escapeHtml(r.text);
      return r.href ? `<a href="${escapeHtml(r.href)}">${text}</a>` : text;
    })
    .join('');

/** Writes to the clipboard (rich when the browser can), made well-formed; false when the page may not. */
async function write(text: string, rich?: string): Promise<boolean> {
  text = wellFormed(text);
  const html = rich && new Blob([wellFormed(rich)], { type: 'text/html' });
  if (html) {
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': html })]);
      return true;
    } catch {
      // No ClipboardItem, or rich text refused: plain text below.
    }
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Styles of the tools, the sort control, groups and the Cite dialog (zero specificity, like the list's). */
const toolStyles = css`
  :where(hearth-references .tools, hearth-references .controls) {
    color: var(--hearth-color-muted, inherit);
    font-size: 0.9em;
  }
  :where(hearth-references .controls) {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
  }
  :where(hearth-references li .tools) {
    display: block;
    text-indent: 0;
  }
  :where(hearth-references li .tools button) {
    margin: 0.25em 0.5em 0 0;
  }
  :where(hearth-references .group) {
    font-weight: bold;
    margin: 1em 0 0.5em;
  }
  :where(.hearth-dialog) {
    font: var(--hearth-font, inherit);
    color: var(--hearth-color-text, CanvasText);
    background: var(--hearth-color-surface, Canvas);
    border: 1px solid var(--hearth-color-muted, GrayText);
    border-radius: var(--hearth-surface-radius, var(--hearth-radius, 4px));
    padding: 1em 1.25em;
    max-width: min(40em, calc(100vw - 32px));
  }
  :where(.hearth-dialog pre) {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-size: 0.85em;
  }
  :where(.hearth-dialog h2) {
    font-size: 1.25em;
    margin-top: 0;
  }
  :where(.hearth-dialog button) {
    font: inherit;
    margin-right: 0.5em;
  }
`;

/**
 * Scrolls to and focuses the entry of `list` that the page URL names (`#ref-…`): called when the
 * tools arrive and when new data has shown (the entry may not have existed at page load).
 */
export function focusTarget(list: Element): void {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  const target = id.startsWith('ref-') && list.ownerDocument.getElementById(id);
  if (!target || !list.contains(target)) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

// A link to an entry followed in the page: every list checks whether it holds it.
addEventListener('hashchange', () => lists.forEach((list) => focusTarget(list)));

/** Adopts the tools' styles where the list is. */
export const adopt = (host: Element) => adoptStyles(host, toolStyles);

const SORTS = ['author', 'year', 'cited', 'type'] as const;

/** The citation styles a reader can switch between (`controls="style"`), by their usual names. */
const STYLES = { apa: 'APA 7', mla: 'MLA 9', chicago: 'Chicago (author-date)', harvard: 'Harvard (Cite Them Right)', ieee: 'IEEE', vancouver: 'Vancouver' };

/**
 * The reader's controls (`controls`: `sort`, the default, and `style`): "Sort by" (when there is
 * more than one entry) and "Citation style".
 */
export function controls(list: HearthReferences, sort: Sort, count: number): TemplateResult {
  const wanted = list.controls!.split(/\s+/);
  const style = list.citationStyle.toLowerCase();
  const select = (label: string, options: [string, string][], value: string, set: (value: string) => void) =>
    html`<label
      >${label}
      <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v == value}>${text}</option>`)}
      </select></label
    >`;
  const sorting = (wanted.includes('sort') || !wanted.includes('style')) && count > 1;
  if (!sorting && !wanted.includes('style')) return html``;
  return html`<p class="controls">
    ${sorting
      ? select(
          msg('Sort by', { id: 'references.sortBy' }),
          SORTS.map((s) => [s, sortLabel(s)]),
          sort,
          (s) => (list.sort = s as Sort),
        )
      : nothing}
    ${wanted.includes('style')
      ? select(msg('Citation style', { id: 'references.style' }), Object.entries(STYLES), style in STYLES ? style : 'apa', (s) => (list.citationStyle = s))
      : nothing}
  </p>`;
}

function sortLabel(sort: string): string {
  switch (sort) {
    case 'year':
      return msg('Year', { id: 'references.sort.year' });
    case 'cited':
      return msg('Order cited', { id: 'references.sort.cited' });
    case 'type':
      return msg('Type', { id: 'references.sort.type' });
    default:
      return msg('Author', { id: 'references.sort.author' });
  }
}

/** The groups when the list is grouped by type, in this order: [CSL types, label]. */
const GROUPS: [RegExp, () => string][] = [
  [/^(book|classic)$/, () => msg('Books', { id: 'references.type.books' })],
  [/^(chapter|entry)/, () => msg('Chapters and entries', { id: 'references.type.chapters' })],
  [/^article/, () => msg('Articles', { id: 'references.type.articles' })],
  [/^(paper-conference|speech)$/, () => msg('Conference papers and talks', { id: 'references.type.papers' })],
  [/^(report|thesis)$/, () => msg('Reports and theses', { id: 'references.type.reports' })],
  [/^(webpage|post)/, () => msg('Web pages and posts', { id: 'references.type.web' })],
  [/^(motion_picture|broadcast|song)$/, () => msg('Films and recordings', { id: 'references.type.media' })],
  [/$/, () => msg('Other', { id: 'references.type.other' })],
];

/** Entries already in author order, by `year` (oldest first, undated last); in any other order as they are. */
export function order(entries: Entry[], sort: Sort): Entry[] {
  const year = (e: Entry) => +(dateParts(e.item.issued)[0] || 1e6);
  return sort == 'year' ? [...entries].sort((a, b) => year(a) - year(b)) : entries;
}

/**
 * The list grouped by type (books, chapters, articles, papers, reports and theses, web, films,
 * other): a heading-like label and a list for each group that has entries.
 */
export function grouped(entries: Entry[], render: (entry: Entry) => unknown, id: string): unknown[] {
  return GROUPS.map(([types, label], g) => {
    const group = entries.filter((e) => types.test(asText(e.item.type)));
    entries = entries.filter((e) => !group.includes(e));
    const labelId = `hearth-${(id || 'refs').replace(/\s/g, '-')}-g${g}`;
    return group.length
      ? html`<p class="group" id=${labelId}>${label()}</p>
          <ul role="list" aria-labelledby=${labelId}>
            ${group.map(render)}
          </ul>`
      : '';
  });
}

/** What each list's polite live region says (copy results). */
const said = new WeakMap<HearthReferences, string>();
const say = (host: HearthReferences, text: string) => {
  said.set(host, text);
  host.requestUpdate();
};

/**
 * The end of an entry: its tools, Copy citation and Cite, described by the entry's text (unless the
 * list has `tools="none"`), and its COinS span.
 */
export const entryTools = (entry: Entry, host: HearthReferences): TemplateResult =>
  html`${host.tools == 'none'
      ? nothing
      : html`<span class="tools"
          ><button type="button" aria-describedby=${entry.id + '-text'} @click=${() => copy(entry.citation, (text) => say(host, text), host)}>
            ${msg('Copy citation', { id: 'references.copy' })}</button
          ><button type="button" aria-describedby=${entry.id + '-text'} @click=${() => cite(entry, host)}>
            ${msg('Cite', { id: 'references.cite' })}
          </button></span
        >`}<span class="Z3988" title=${coins(entry.item)}></span>`;

/** The list's Download group, and its live region for the tools' announcements (neither with `tools="none"`). */
export const listTools = (entries: Entry[], host: HearthReferences): TemplateResult | typeof nothing =>
  host.tools == 'none'
    ? nothing
    : html`<p class="tools" role="group" aria-label=${msg('Download all references', { id: 'references.download' })}>
          ${msg('Download:', { id: 'references.downloadAs' })}
          ${Object.keys(FORMATS).map((f) => html`<button type="button" @click=${() => download(entries, f)}>${f}</button>`)}
        </p>
        <p class="hearth-sr" role="status">${said.get(host)}</p>`;

/** "Copy citation": the formatted entry, as plain text and as HTML; `say` announces the outcome. */
export async function copy(citation: Run[], say: (text: string) => void, host: Element): Promise<void> {
  const ok = await write(toPlainText(citation), toHtml(citation));
  withLocale(localeOf(host), () =>
    say(
      ok
        ? msg('Citation copied', { id: 'references.copied' })
        : msg('Copying is not allowed here: select the text and copy it.', { id: 'references.copyFailed' }),
    ),
  );
}

/** Annotations go out as plain text (their markup subset read, tags dropped, entities decoded). */
const plainNotes = (entries: Entry[]): CslItem[] =>
  entries.map(({ item, annotation }) => (annotation.length ? { ...item, annotation: markupText(annotation) } : item));
const markupText = (nodes: MarkupNode[]): string => nodes.map((n) => (typeof n == 'string' ? n : markupText(n.children))).join('');

const FORMATS = {
  BibTeX: [(entries: Entry[]) => toBibtex(plainNotes(entries)), 'application/x-bibtex', 'bib'],
  RIS: [(entries: Entry[]) => toRis(plainNotes(entries)), 'application/x-research-info-systems', 'ris'],
  'CSL-JSON': [(entries: Entry[]) => wellFormedJson(entries.map((e) => e.item), 2) + '\n', 'application/vnd.citationstyles.csl+json', 'json'],
} as const;

/** Saves the entries as a file in that format ("BibTeX", "RIS" or "CSL-JSON"), as well-formed UTF-8. */
export function download(entries: Entry[], format: keyof typeof FORMATS | string, name = 'references'): void {
  const [serialize, type, extension] = FORMATS[format as keyof typeof FORMATS] ?? FORMATS['CSL-JSON'];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([wellFormed(serialize(entries))], { type }));
  a.download = `${name}.${extension}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1e4);
}

let dialogs = 0;

/**
 * "Cite": a modal dialog with the entry in BibTeX and RIS, each with Copy and Download. Escape or
 * Close closes it and focus returns to the button that opened it.
 */
export function cite(entry: Entry, host: Element): HTMLDialogElement {
  const { item, citation } = entry;
  const id = `hearth-cite-dialog-${++dialogs}`;
  const dialog = document.createElement('dialog');
  const opener = document.activeElement as HTMLElement | null;
  dialog.className = 'hearth-dialog';
  dialog.setAttribute('aria-labelledby', id);
  dialog.lang = localeOf(host);
  let said = '';
  const show = () =>
    withLocale(localeOf(host), () =>
      render(
        html`<h2 id=${id}>${msg('Cite this source', { id: 'references.citeTitle' })}</h2>
          ${runsInto(document.createElement('p'), citation)}
          ${(['BibTeX', 'RIS'] as const).map((format) => {
            const text = FORMATS[format][0]([entry]);
            // The text is focusable (to scroll and select it) and the dialog's first focus: a region named by its heading.
            return html`<h3 id=${`${id}-${format}`}>${format}</h3>
              <pre tabindex="0" role="region" aria-labelledby=${`${id}-${format}`}>${text}</pre>
              <p>
                <button
                  type="button"
                  @click=${async () => {
                    said = (await write(text))
                      ? withLocale(localeOf(host), () => msg('Copied', { id: 'references.copiedShort' }))
                      : withLocale(localeOf(host), () => msg('Copying is not allowed here: select the text and copy it.', { id: 'references.copyFailed' }));
                    show();
                  }}
                >
                  ${format == 'BibTeX' ? msg('Copy BibTeX', { id: 'references.copyBibtex' }) : msg('Copy RIS', { id: 'references.copyRis' })}</button
                ><button type="button" @click=${() => download([entry], format, String(item.id))}>
                  ${format == 'BibTeX' ? msg('Download .bib', { id: 'references.downloadBib' }) : msg('Download .ris', { id: 'references.downloadRis' })}
                </button>
              </p>`;
          })}
          <p role="status" class="hearth-sr">${said}</p>
          <form method="dialog"><button>${msg('Close', { id: 'references.close' })}</button></form>`,
        dialog,
      ),
    );
  show();
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener?.focus();
  });
  host.after(dialog);
  dialog.showModal();
  return dialog;
}

/** schema.org types by CSL type (CreativeWork otherwise). */
const TYPES: Record<string, string> = {
  book: 'Book',
  chapter: 'Chapter',
  'article-journal': 'ScholarlyArticle',
  'article-magazine': 'Article',
  'article-newspaper': 'NewsArticle',
  'paper-conference': 'ScholarlyArticle',
  report: 'Report',
  thesis: 'Thesis',
  webpage: 'WebPage',
  'post-weblog': 'BlogPosting',
  post: 'SocialMediaPosting',
  motion_picture: 'Movie',
  dataset: 'Dataset',
};

/** An item as a schema.org CreativeWork (the fields search engines read). */
function schema(item: CslItem): Record<string, unknown> {
  const d = dateParts(item.issued);
  const f = (k: string) => asText(item[k]) || undefined;
  const doi = doiUrl(asText(item.DOI));
  return {
    '@type': TYPES[asText(item.type)] ?? 'CreativeWork',
    name: f('title'),
    author: nameParts(item.author).map((n) =>
      n.literal ? { '@type': 'Organization', name: n.literal } : { '@type': 'Person', name: cat(' ', n.given, n.particle, n.family, n.suffix) },
    ),
    datePublished: typeof d == 'string' ? d || undefined : d.map((p, i) => (i ? String(p).padStart(2, '0') : p)).join('-'),
    isPartOf: f('container-title') && { '@type': 'CreativeWork', name: f('container-title') },
    publisher: f('publisher') && { '@type': 'Organization', name: f('publisher') },
    pagination: f('page'),
    identifier: doi || undefined,
    url: httpUrl(asText(item.URL)) || doi || undefined,
  };
}

/**
 * A Trusted Types policy for the JSON-LD text (a page that requires Trusted Types for scripts
 * reports any script text set without one, even a data block that never runs). It only ever gets
 * JSON made below. A page whose CSP names its allowed policies must allow `hearth-json-ld`; if it
 * does not, the list has no JSON-LD (COinS and the visible entries remain).
 */
let policy: { createScript(s: string): unknown } | null | undefined;
function scriptText(json: string): unknown {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes;
  if (policy === undefined) {
    try {
      policy = tt?.createPolicy('hearth-json-ld', { createScript: (s: string) => s }) ?? null;
    } catch {
      policy = null;
      return undefined;
    }
  }
  return policy ? policy.createScript(json) : tt ? undefined : json;
}

/**
 * The list's JSON-LD: one `<script type="application/ld+json">` in the document head, updated in
 * place (removed with the list); none with `json-ld="off"`.
 */
export function jsonLd(list: HearthReferences, script = document.createElement('script')): HTMLScriptElement | undefined {
  if (list.jsonLd == 'off') {
    script.remove(); // the page's structured data is the page's own
    return undefined;
  }
  const items = list.entries.map((e) => e.item);
  script.type = 'application/ld+json';
  const text = wellFormedJson({
    '@context': 'https://schema.org',
    '@type': 'Article',
    url: location.href.replace(/#.*/, ''),
    citation: items.map(schema),
  }).replace(/</g, '\\u003c');
  const value = script.textContent != text && scriptText(text);
  if (value) (script as { text: unknown }).text = value;
  if (!script.isConnected && script.text) document.head.append(script);
  return script;
}
