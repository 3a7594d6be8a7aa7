/** The Hours section's data: a copy to edit, edits by path, and the checks made before saving. @internal */
import { msg } from './forms.js';
import type { Hours } from '../core/backend.js';

export type Errors = Record<string, string[]>;

/** A copy with every list present and the weekly windows in day and time order. */
export function normalize(hours: Partial<Hours>): Hours {
  const copy = structuredClone({ weekly: [], overrides: [], timeOff: [], minNoticeMinutes: 0, bufferMinutes: 0, maxPerDay: null, ...hours }) as Hours;
  copy.weekly.sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  return copy;
}

const NUMBERS = new Set(['minNoticeMinutes', 'bufferMinutes', 'maxPerDay']);

/** Sets the value at a dotted path (`weekly.2.start`, `maxPerDay`) from an input's text. */
export function setPath(hours: Hours, path: string, text: string): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let target = hours as unknown as Record<string, unknown>;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (!NUMBERS.has(last)) target[last] = last == 'note' ? text || null : text;
  else target[last] = text === '' ? (last == 'maxPerDay' ? null : 0) : Number(text);
}

/** The local name of an ISO weekday (1 = Monday). */
export const weekdayName = (weekday: number, locale: string | undefined): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday))); // 1 January 2024 was a Monday

/** What must be fixed before saving, by the same paths the server's 422 uses. */
export function check(hours: Hours): Errors {
  const errors: Errors = {};
  const add = (path: string, text: string) => (errors[path] ??= []).push(text);
  const missing = () => msg('Enter a time', { id: 'desk.hours.error.time' });
  const order = () => msg('It must end after it starts', { id: 'desk.hours.error.order' });
  const windows = (list: { start: string; end: string }[], path: string) =>
    list.forEach((w, i) => {
      if (!w.start) add(`${path}.${i}.start`, missing());
      if (!w.end) add(`${path}.${i}.end`, missing());
      else if (w.start && w.end <= w.start) add(`${path}.${i}.end`, order());
    });
  windows(hours.weekly, 'weekly');
  hours.overrides.forEach((o, i) => {
    if (!o.date) add(`overrides.${i}.date`, msg('Enter a date', { id: 'desk.hours.error.date' }));
    windows(o.windows, `overrides.${i}.windows`);
  });
  hours.timeOff.forEach((t, i) => {
    if (!t.from) add(`timeOff.${i}.from`, missing());
    if (!t.to) add(`timeOff.${i}.to`, missing());
    else if (t.from && t.to <= t.from) add(`timeOff.${i}.to`, order());
  });
  const whole = (n: number | null) => n === null || (Number.isInteger(n) && n >= 0);
  for (const name of ['minNoticeMinutes', 'bufferMinutes'] as const)
    if (!whole(hours[name])) add(name, msg('Enter a whole number of minutes (0 or more)', { id: 'desk.hours.error.minutes' }));
  if (!whole(hours.maxPerDay) || hours.maxPerDay === 0) add('maxPerDay', msg('Enter a whole number (1 or more), or leave it empty', { id: 'desk.hours.error.max' }));
  return errors;
}
