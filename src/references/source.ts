import type { ReactiveController } from '@lit/reactive-element';
import { getJson, getText } from '../core/api-backend.js';
import { oneOf } from '../core/attributes.js';
import { HearthError, noBackend } from '../core/errors.js';
import type { CitationStyle } from './format/style.js';
import { formatOf, parseText, SCRIPT_TYPES, type Parsed } from './input.js';
import type { HearthReferences } from './references.js';
import { STYLES, styleNamed } from './style-loader.js';

/**
 * Where a `<hearth-references>` list's data comes from, in order of precedence: the `items`
 * property, a child `<script>` (CSL-JSON, BibTeX or RIS; watched, as it may be parsed after the
 * element upgrades or be replaced), `src`, `list` through the backend. Loads the data and its
 * citation style's chunk, keeps their failures until `retry()`, and asks the list to update when
 * something arrives.
 *
 * @internal
 */
export class ReferencesSource implements ReactiveController {
  /** What each source holds (see `Parsed`); `{}` while it loads. */
  #inline?: Parsed;
  #inlineText?: string;
  /** Inline data may be parsed after the element upgrades, or be replaced later by a script. */
  #observer = new MutationObserver(() => this.#readInline());
  #remote?: Parsed;
  #fetching?: AbortController;
  #fetchedFor?: readonly unknown[];
  /** The style of the last data (kept while the chunk of another one loads). */
  style?: CitationStyle;
  /** Loading the style's chunk failed (offline): shown as an error with Retry. */
  #styleError?: HearthError;

  constructor(readonly host: HearthReferences) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#readInline();
    this.#observer.observe(this.host, { childList: true, subtree: true, characterData: true });
    this.host.requestUpdate(); // fetches again if a fetch was cut short by a disconnect
  }

  hostDisconnected(): void {
    this.#fetching?.abort();
    this.#fetchedFor = undefined;
    this.#observer.disconnect();
  }

  /** Loads the data and the style again. */
  retry(): void {
    this.#styleError = this.#inlineText = this.#fetchedFor = undefined;
    this.#readInline();
    this.host.requestUpdate();
  }

  /**
   * The data in precedence order and the style it is shown in (called at each update of the list):
   * fetches `src` or `list`, and loads the style's chunk, when needed. Undefined without a source;
   * without `data` or `style` while loading.
   */
  read(): (Parsed & { style?: CitationStyle }) | undefined {
    const { host } = this;
    this.#fetchIfNeeded();
    const source = host.items !== undefined ? { data: host.items } : (this.#inline ?? this.#remote);
    const { data, error = this.#styleError } = source ?? {};
    // APA with rare types is a chunk of its own (see style-loader.ts). Until the chunk arrives
    // the list keeps showing the previous style (or the skeleton).
    const style = error !== undefined || data === undefined ? undefined : styleNamed(oneOf(host, 'citation-style', host.citationStyle?.toLowerCase(), STYLES), data);
    if (style && 'entry' in style) this.style = style;
    else
      style
        ?.catch((cause) => {
          this.#styleError = new HearthError('offline', String(cause), { cause });
        })
        .then(() => host.requestUpdate());
    return source && { ...source, error, style: this.style };
  }

  /**
   * Fetches `src` or `list` when they (or the backend, or the format) change and no local data wins;
   * a newer fetch or disconnecting aborts the older one, whose late answer is then ignored. (A few
   * lines instead of @lit/task, which would cost a tenth of the list's size budget.)
   */
  #fetchIfNeeded(): void {
    const { host } = this;
    const local = host.items !== undefined || this.#inline !== undefined;
    const args = [local, host.src, host.list, host.effectiveBackend, host.format] as const;
    if (args.every((arg, i) => arg === this.#fetchedFor?.[i])) return;
    this.#fetchedFor = args;
    this.#fetching?.abort();
    const [, src, list, backend] = args;
    if (local || (!src && !list)) {
      this.#remote = undefined;
      return;
    }
    const { signal } = (this.#fetching = new AbortController());
    const format = formatOf(host.format, undefined, src);
    const done = (remote: Parsed) => signal.aborted || ((this.#remote = remote), host.requestUpdate());
    this.#remote = {};
    (src
      ? format == 'csl-json'
        ? getJson(src, signal).then((data) => ({ data }))
        : getText(src, signal).then((text) => parseText(text, format))
      : backend
        ? backend.getReferences(list!, { signal }).then((data) => ({ data }))
        : Promise.reject(noBackend(host, 'getReferences'))
    ).then(done, (error) => done({ error }));
  }

  /** Reads the child script's data (again when its text changed). */
  #readInline(): void {
    const { host } = this;
    const script = [...host.children].find((c): c is HTMLScriptElement => c instanceof HTMLScriptElement && !!SCRIPT_TYPES[c.type]);
    const text = script?.textContent ?? undefined;
    if (text === this.#inlineText) return;
    this.#inlineText = text;
    const done = (inline?: Parsed) => text === this.#inlineText && ((this.#inline = inline), host.requestUpdate());
    const parsed = text === undefined ? undefined : parseText(text, formatOf(host.format, script!.type));
    if (parsed && 'then' in parsed) {
      done({});
      parsed.then(done, (error) => done({ error }));
    } else done(parsed);
  }
}
