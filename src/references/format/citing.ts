/**
 * Helpers of in-text citations shared by several styles. Only the lazy style chunks import this
 * module (the list imports apa.ts and common.ts only): esbuild shares code between chunks by module,
 * so what lives here never adds to the list's bytes.
 */
import { dateParts, pageLabel, pageRange, asText } from './common.js';
import type { Cite } from './style.js';

/**
 * The pages of a page locator as the writer typed it ("p. 12" -> "12", "pp. 3-5" -> "3–5", "12" -> "12",
 * "xii"), or '' when it names something else ("chap. 2", "fig. 3"), which styles print as typed.
 */
export const pageLocator = (loc: string): string =>
  pageRange(/^(?:pp?\.?|pages?)?\s*([\divxlc]+(\s*[-–—,&]+\s*[\divxlc]+)*)$/i.exec(asText(loc))?.[1] || '');

/** A locator as APA, Harvard and IEEE print it: a page locator as "p. 12" / "pp. 12–14", any other as typed. */
export function pagesOrAsTyped(locator: unknown): string {
  const loc = asText(locator);
  const page = pageLocator(loc);
  return page ? pageLabel(page) : loc;
}

/**
 * A numeric citation's cites in order of their numbers (a stable sort), as groups of indices into
 * `cites`: `[first, last]` for a run of three or more consecutive numbers, else `[index]`. A cite for
 * which `alone` is true is never part of a run (IEEE: one with a locator).
 */
export function numbered(cites: Cite[], alone: (c: Cite) => unknown = () => 0): number[][] {
  const n = (i: number) => +cites[i].n;
  const seqs: number[][] = [];
  for (const i of cites.map((_, i) => i).sort((a, b) => n(a) - n(b) || 0)) {
    const seq = seqs[seqs.length - 1];
    const last = seq?.[seq.length - 1];
    if (seq && !alone(cites[i]) && !alone(cites[last]) && n(i) == n(last) + 1) seq.push(i);
    else seqs.push([i]);
  }
  return seqs.flatMap((s) => (s.length < 3 ? s.map((i) => [i]) : [[s[0], s[s.length - 1]]]));
}

/** The end of a date range (a second date in `date-parts`) as `dateParts` reads it, or undefined. */
export function rangeEnd(v: unknown): number[] | undefined {
  const dp = (Object(v) as Record<string, unknown>)['date-parts'];
  const end = Array.isArray(dp) && Array.isArray(dp[1]) ? dateParts({ 'date-parts': [dp[1]] }) : '';
  return typeof end == 'string' ? undefined : end;
}
