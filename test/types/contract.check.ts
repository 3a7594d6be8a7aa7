/**
 * Compile-time checks (run by `npm run typecheck`): the client's hand-written types agree with the
 * OpenAPI document. A line fails to compile when they drift.
 */
import type { CslItem } from '../../src/core/backend.js';
import type { ProblemDetails } from '../../src/core/errors.js';
import type { ContractCslItem, Problem } from '../../src/core/contract.js';

type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;

// Every item the server may send is something the references element reads...
export type ServerItemsAreClientItems = Assert<Extends<ContractCslItem, CslItem>>;
// ...and every problem+json body is something HearthError can carry.
export type ProblemsAreReadable = Assert<Extends<Problem, ProblemDetails>>;
