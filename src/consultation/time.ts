/**
 * Dates in the visitor's time zone, without a date library: a day is a calendar date key
 * (`2026-03-30`) in a given zone, and calendar arithmetic happens on those keys in UTC, where days
 * are always 24 hours long. So a week across a daylight-saving change still has seven days, each
 * holding the slots whose local date it is.
 */
import type { Slot } from '../core/contract.js';

const DAY = 864e5;

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function dayKey(instant: number | string, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const { type, value } of new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(instant),
  ))
    parts[type] = value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The date key `n` days after `key`. */
export const addDays = (key: string, n: number): string => new Date(Date.parse(key) + n * DAY).toISOString().slice(0, 10);

/** True for a time zone this browser knows. */
export function isTimeZone(zone: string): boolean {
  try {
    return !!zone && !!new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
}

/** The visitor's own time zone. */
export const visitorZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface Day {
  /** `YYYY-MM-DD` in the zone. */
  key: string;
  slots: Slot[];
}

/** The seven days from `start` in `timeZone`, each with its slots (in order), leaving out days without any. */
export function groupByDay(slots: Slot[], start: string, timeZone: string): Day[] {
  const days: Day[] = [...Array(7)].map((_, i) => ({ key: addDays(start, i), slots: [] }));
  for (const slot of slots) days.find((day) => day.key == dayKey(slot.start, timeZone))?.slots.push(slot);
  return days.filter((day) => day.slots.length);
}

/**
 * The UTC range to ask the server for a week of local days: a day more on each side covers every
 * zone (UTC−12 to UTC+14); slots outside the week are dropped by `groupByDay`.
 */
export const weekQuery = (start: string): { from: string; to: string } => ({ from: addDays(start, -1), to: addDays(start, 8) });
