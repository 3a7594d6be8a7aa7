// lit-html and ReactiveElement, not the 'lit' index: importing it keeps LitElement in every bundle.
import { ReactiveElement, type PropertyDeclarations, type PropertyValues } from '@lit/reactive-element';
import { render, type RootPart } from 'lit-html';
import { ContextEvent } from '@lit/context';
import type { HearthBackend } from './backend.js';
import { backendContext } from './context.js';
import { apiBackend } from './api-backend.js';
import type { HearthEventMap } from '../events.js';
import { loadLocale, localeOf, onLangChange, withLocale } from './localization.js';

/**
 * The base of every hearth element: where the backend comes from, and which language it speaks.
 *
 * Backend precedence: the element's `.backend` property, then its `api` attribute, then the
 * backend of the nearest enclosing `<hearth-provider>`.
 *
 * It extends Lit's `ReactiveElement` and renders with lit-html itself (what `LitElement` adds on top
 * of `ReactiveElement` is exactly these few lines): `render()` returns a template as in any Lit
 * element, and `static styles` and shadow roots work as in Lit (why not `LitElement`:
 * docs/architecture.md, Bundles).
 */
export class HearthElement extends ReactiveElement {
  // Reactive properties are declared with `static properties`, Lit's documented alternative to
  // decorators (why: docs/architecture.md, Kept tricks).
  static override properties: PropertyDeclarations = {
    api: {},
    backend: { attribute: false },
    providedBackend: { state: true },
    locale: { state: true },
  };

  /** Base URL of a server that speaks the hearth HTTP contract, e.g. `https://example.org/api`. */
  declare api?: string;

  /** A `HearthBackend` object (an adapter for a site's own API); wins over `api` and any provider. */
  declare backend?: HearthBackend;

  /** The backend of the nearest `<hearth-provider>`, through the @lit/context protocol. @internal */
  private declare providedBackend?: HearthBackend;
  #unsubscribeBackend?: () => void;

  /** The language this element renders in, from the nearest `lang` attribute. @internal */
  protected locale = 'en';

  #stopLangWatch?: () => void;

  /** The backend this element calls, or undefined when none is configured (read by its controllers too). @internal */
  get effectiveBackend(): HearthBackend | undefined {
    return this.backend ?? (this.api ? apiBackend(this.api) : this.providedBackend);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#part?.setConnected(true);
    // A context request by hand rather than @consume's controller: same protocol, a quarter of the bytes.
    this.dispatchEvent(
      new ContextEvent(
        backendContext,
        this,
        (value, unsubscribe) => {
          if (unsubscribe !== this.#unsubscribeBackend) this.#unsubscribeBackend?.();
          this.#unsubscribeBackend = unsubscribe;
          this.providedBackend = value;
        },
        true,
      ),
    );
    this.#followLang();
    this.#stopLangWatch = onLangChange(() => this.#followLang());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#part?.setConnected(false);
    this.#stopLangWatch?.();
    this.#unsubscribeBackend?.();
    this.#unsubscribeBackend = undefined;
  }

  #followLang(): void {
    const locale = localeOf(this);
    void loadLocale(locale).then(() => {
      if (localeOf(this) === locale) this.locale = locale;
    });
  }

  #part?: RootPart;

  /** What the element shows: any value lit-html renders. */
  protected render(): unknown {
    return undefined;
  }

  /**
   * Renders with `msg()` answering in this element's language: in `render()` and in what lit-html
   * calls while it renders the result (a `repeat` or `guard` callback, a directive).
   *
   * Then marks what it rendered with the language it is in (the language of parts): on a page in a
   * language hearth has no words for, the English text would otherwise claim the page's `lang`, and
   * be read out with that language's voice. `lang` and `dir` go on the top-level elements of the
   * render root (text at the top level, as in <hearth-cite>, keeps the host's), not on the host:
   * its `lang` is the author's, what `localeOf` and date-locale.ts read, so dates still follow the
   * page's language.
   */
  protected override update(changed: PropertyValues): void {
    const { locale } = this;
    withLocale(locale, () => {
      const value = this.render();
      super.update(changed); // reflects attributes and marks the update done
      this.#part = render(value, this.renderRoot, { host: this });
    });
    for (const child of (this.renderRoot as HTMLElement).children as HTMLCollectionOf<HTMLElement>) {
      child.lang = locale;
      child.dir = locale === 'ar' ? 'rtl' : 'ltr';
    }
  }

  /**
   * Dispatches a bubbling, composed `hearth-*` event, its detail typed by `HearthEventMap`; false when
   * a listener cancelled a `cancelable` one. Public so that an element's controllers fire its events
   * as the element would. @internal
   */
  emit<K extends keyof HearthEventMap>(type: K, detail: HearthEventMap[K]['detail'], cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }
}
