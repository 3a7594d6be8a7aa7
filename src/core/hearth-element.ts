import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { HearthBackend } from './backend.js';
import { backendContext } from './context.js';
import { apiBackend } from './api-backend.js';
import { isLocaleReady, loadLocale, localeOf, onLangChange, withLocale } from './localization.js';

/**
 * The base of every hearth element: where the backend comes from, and which language it speaks.
 *
 * Backend precedence: the element's `.backend` property, then its `api` attribute, then the
 * backend of the nearest enclosing `<hearth-provider>`.
 */
export class HearthElement extends LitElement {
  /** Base URL of a server that speaks the hearth HTTP contract, e.g. `https://example.org/api`. */
  @property({ reflect: true }) api?: string;

  /** A `HearthBackend` object (an adapter for a site's own API); wins over `api` and any provider. */
  @property({ attribute: false }) backend?: HearthBackend;

  @consume({ context: backendContext, subscribe: true })
  @state()
  private providedBackend?: HearthBackend;

  /** The language this element renders in, from the nearest `lang` attribute. */
  @state() protected locale = 'en';

  private stopLangWatch?: () => void;

  /** The backend this element calls, or undefined when none is configured. */
  protected get effectiveBackend(): HearthBackend | undefined {
    return this.backend ?? (this.api ? apiBackend(this.api) : this.providedBackend);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.followLang();
    this.stopLangWatch = onLangChange(() => this.followLang());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLangWatch?.();
  }

  private followLang(): void {
    const locale = localeOf(this);
    if (isLocaleReady(locale)) {
      this.locale = locale;
    } else {
      void loadLocale(locale).then(() => {
        if (localeOf(this) === locale) this.locale = locale;
      });
    }
  }

  /** Renders with `msg()` answering in this element's language. */
  protected override update(changed: PropertyValues): void {
    withLocale(this.locale, () => super.update(changed));
  }

  /** Dispatches a bubbling, composed `hearth-*` event. */
  protected emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
  }
}
