import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { HearthBackend, HearthLiveEvent } from '../core/backend.js';

/**
 * One live event stream (`watchEvents`) while the desk is connected and shows the inbox: started by
 * `watch(backend)` (again only when the backend changes), aborted by `stop()` and on disconnect.
 *
 * @internal
 */
export class Live implements ReactiveController {
  /** What the stream last said of itself; `reconnecting` shows a small note. */
  state?: 'live' | 'reconnecting' | 'closed';
  #backend?: HearthBackend;
  #abort?: AbortController;

  constructor(
    readonly host: ReactiveControllerHost,
    readonly onEvent: (event: HearthLiveEvent) => void,
    /** The stream is live again after reconnecting (events missed meanwhile arrive too). */
    readonly onBack: () => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  watch(backend: HearthBackend | undefined): void {
    if (backend === this.#backend && this.#abort) return;
    this.stop();
    if (!backend?.watchEvents) return;
    const abort = (this.#abort = new AbortController());
    this.#backend = backend;
    const live = (fn: () => void) => () => abort.signal.aborted || fn();
    backend
      .watchEvents(
        {
          event: (event) => live(() => this.onEvent(event))(),
          state: (state) =>
            live(() => {
              const was = this.state;
              this.state = state;
              if (state == 'live' && was == 'reconnecting') this.onBack();
              if (state != was && (state == 'reconnecting' || was == 'reconnecting')) this.host.requestUpdate();
            })(),
        },
        { signal: abort.signal },
      )
      .catch(
        live(() => {
          this.state = 'closed';
          this.host.requestUpdate();
        }),
      );
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = this.#backend = undefined;
    this.state = undefined;
  }
}
