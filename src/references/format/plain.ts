import type { Run } from './common.js';

/**
 * The text of the runs, without formatting. A module of its own, not in common.ts: only the tools
 * chunk (copying an entry) and the package's API use it, so the list's first load does not ship it.
 */
export const toPlainText = (runs: Run[]): string => runs.map((r) => r.text).join('');
