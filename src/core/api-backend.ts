import type { HearthBackend } from './backend.js';

/** The HTTP client for a base URL, from a lazy chunk: pages whose data is inline never load it. */
const client = (baseUrl: string) => import('./http-backend.js').then((m) => m.httpBackend(baseUrl));
const backends: Record<string, HearthBackend> = {};

/**
 * The backend for an `api="…"` attribute, one per base URL (so every element with the same `api`
 * shares it, and an element sees the same object on every render). The HTTP client loads on the
 * first call.
 */
export const apiBackend = (baseUrl: string): HearthBackend =>
  (backends[baseUrl] ??= new Proxy({} as HearthBackend, {
    // The HearthBackend methods, forwarded to the client once it has loaded. Any other property
    // (`then`, symbols, lit-html's `_$litDirective$` probe, …) is undefined, like on a plain object.
    get: (_, name) =>
      METHOD.test(String(name)) ? async (...args: unknown[]) => ((await client(baseUrl)) as unknown as Record<string, (...a: unknown[]) => unknown>)[name as string](...args) : undefined,
  }));

/** The base URL of an `api` backend; undefined for a site's own adapter object. */
export const apiBaseOf = (backend: HearthBackend): string | undefined => Object.keys(backends).find((url) => backends[url] === backend);

/**
 * HearthBackend's methods, by the verb their name begins with: get… (getReferences, getSession,
 * getHours, …), list…, create…, update…, put…, cancel…, reschedule…, export…, sendMessage,
 * bookConsultation, replyToConversation, markConversationRead, inviteStaff, watchEvents; and logout.
 * Verbs rather than every name: measured in docs/architecture.md (Kept tricks). Two checks keep it
 * exhaustive: `Forwarded` (the same verbs as a type) must cover every HearthBackend method at compile
 * time (test/types/backend.check.ts), and the HTTP client's every method must pass this pattern
 * (test/core/http-backend.test.ts): a new method can no longer come back undefined.
 */
const METHOD = /^((get|list|create|update|put|cancel|reschedule|export|send|book|reply|mark|invite|watch)[A-Z]\w+|logout)$/;

/** The names the `api` backend forwards to the HTTP client (METHOD, as a type). */
export type Forwarded =
  | `${'get' | 'list' | 'create' | 'update' | 'put' | 'cancel' | 'reschedule' | 'export' | 'send' | 'book' | 'reply' | 'mark' | 'invite' | 'watch'}${Capitalize<string>}`
  | 'logout';

/** GETs a JSON document by URL (e.g. `<hearth-references src>`) with the HTTP client's timeout, retries and typed errors. */
export const getJson = async (url: string, signal?: AbortSignal): Promise<unknown> =>
  (await client(url)).request<unknown>('GET', '', { signal });

/** GETs a text document by URL (e.g. a BibTeX file for `<hearth-references src>`), whatever its content type. */
export const getText = async (url: string, signal?: AbortSignal): Promise<string> =>
  (await client(url)).request<string>('GET', '', { signal, text: true });
