import type { HearthBackend } from './backend.js';

const backends = new Map<string, HearthBackend>();

/**
 * The backend for an `api="…"` attribute. Its HTTP client (http-backend.ts) is a lazy chunk,
 * loaded on the first call: a page whose elements get their data inline never downloads it.
 * One instance per base URL, so every element with the same `api` shares it.
 */
export function apiBackend(baseUrl: string): HearthBackend {
  let backend = backends.get(baseUrl);
  if (!backend) {
    const client = () => import('./http-backend.js').then((m) => m.httpBackend(baseUrl));
    backend = {
      getReferences: async (listId, options) => (await client()).getReferences(listId, options),
    };
    backends.set(baseUrl, backend);
  }
  return backend;
}

/** GETs a JSON document by URL (e.g. `<hearth-references src>`) with the HTTP client's timeout, retries and typed errors. */
export async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const { httpBackend } = await import('./http-backend.js');
  return httpBackend(url).request<unknown>('GET', '', { signal });
}
