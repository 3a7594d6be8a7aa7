import { ReactiveElement, type PropertyDeclarations, type PropertyValues } from '@lit/reactive-element';
import { css } from '../core/css.js';
import { ContextProvider } from '@lit/context';
import type { HearthBackend } from '../core/backend.js';
import { backendContext } from '../core/context.js';
import { apiBackend } from '../core/api-backend.js';

/**
 * Gives every hearth element inside it one backend: configure once, use many tags.
 * An element's own `api` attribute or `.backend` property wins over the provider's.
 *
 * ```html
 * <hearth-provider api="https://example.org/api">
 *   <hearth-references list="essay"></hearth-references>
 * </hearth-provider>
 * ```
 *
 * @summary Shares one backend with the hearth elements inside it.
 * @customElement hearth-provider
 * @slot - Any content; hearth elements inside use this provider's backend.
 */
export class HearthProvider extends ReactiveElement {
  // ReactiveElement, like every hearth element (see HearthElement), not LitElement: a page that loads
  // dist/hearth.js would otherwise pay for LitElement for this one slot.
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties: PropertyDeclarations = {
    api: {},
    backend: { attribute: false },
  };

  /** Base URL of a server that speaks the hearth HTTP contract. */
  declare api?: string;

  /** A `HearthBackend` object; wins over `api`. */
  declare backend?: HearthBackend;

  private readonly provider = new ContextProvider(this, { context: backendContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('backend')) {
      this.provider.setValue(this.backend ?? (this.api ? apiBackend(this.api) : undefined));
    }
  }

  /** A shadow root holding one slot: the content shows as it is (`display: contents`). */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.append(document.createElement('slot'));
    return root;
  }
}
