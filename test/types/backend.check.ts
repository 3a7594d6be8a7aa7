/**
 * Compile-time checks (run by `npm run typecheck`): the `api` backend (a Proxy that loads the HTTP
 * client on first call) forwards every method of HearthBackend. A method whose name has no known
 * verb would come back undefined at run time; here it fails to compile instead.
 */
import type { HearthBackend } from '../../src/core/backend.js';
import type { Forwarded } from '../../src/core/api-backend.js';

type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;

export type EveryMethodIsForwarded = Assert<Extends<keyof HearthBackend, Forwarded>>;
// The check has teeth: a name without a known verb, or a verb without a capital after it, is not forwarded.
export type UnknownVerb = Assert<Extends<Extends<'fetchReferences', Forwarded>, false>>;
export type NoCapital = Assert<Extends<Extends<'getreferences', Forwarded>, false>>;
