// Free consultation slots from a specialist's weekly schedule, in the specialist's IANA time zone.
//
// Pure and dependency-free: zone offsets come from Intl.DateTimeFormat. For each request we build a
// small table of the zone's UTC offsets over the range (one sample a day plus a binary search at each
// change), then convert local wall times to real instants with that table:
//  - a local time in a spring-forward gap has no instant and is skipped;
//  - a local time in a fall-back overlap has two instants, and each is offered once;
//  - a slot is 30 real minutes and is offered only when every instant in it has a local time inside
//    the window (so a slot never straddles the window's end through a transition);
//  - slots never overlap one another and never repeat (overlapping windows, odd-sized transitions).

/** ISO weekday (1 = Monday) and local "HH:MM" times in the specialist's zone; `end` is exclusive and may be "24:00". */
import { iso } from './time.js';

export interface WeeklyWindow {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  start: string;
  end: string;
}

/** UTC ISO 8601 with "Z" at second precision, e.g. "2026-03-29T07:00:00Z". */
export interface Slot {
  start: string;
  end: string;
}

export const SLOT_MINUTES = 30;

/** The longest range freeSlots looks at: `to` is clamped to `from` + 62 days. */
export const MAX_RANGE_DAYS = 62;

export interface FreeSlotsInput {
  schedule: readonly WeeklyWindow[];
  /** IANA zone, e.g. "Europe/Kyiv". Unknown zones throw a RangeError; validate with isValidTimeZone first. */
  timeZone: string;
  /** The requested range [from, to). */
  from: Date;
  to: Date;
  now: Date;
  /** Slots starting before now + minNoticeMinutes are excluded (negative values count as 0). */
  minNoticeMinutes: number;
  /** Start instants already booked, as ISO 8601 strings. */
  booked: ReadonlySet<string>;
}

export interface BookableSlotInput {
  schedule: readonly WeeklyWindow[];
  timeZone: string;
  start: Date;
  now: Date;
  minNoticeMinutes: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const SLOT = SLOT_MINUTES * MINUTE;
/** How far around a range the offset table reaches: more than any zone offset plus a day of windows. */
const MARGIN = 3 * DAY;
/** Instants this far from the epoch are refused, so the margins stay inside Date's ±8.64e15 ms. */
const LIMIT = 8.64e15 - 10 * DAY;

// ---------------------------------------------------------------------------------------------
// Time zones

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)} (expected an IANA name such as "Europe/Kyiv")`);
    }
    if (formatters.size > 500) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `tz` is a time zone this runtime knows (IANA names such as "Europe/Kyiv", or "UTC"). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 100) return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

const OFFSET_RE = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;

/** The zone's UTC offset in ms at instant `t` (local wall time = t + offset). */
function offsetAt(f: Intl.DateTimeFormat, t: number): number {
  const name = f.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = OFFSET_RE.exec(name);
  if (!m) throw new RangeError(`Cannot read the UTC offset of ${f.resolvedOptions().timeZone} from "${name}"`);
  if (!m[1]) return 0;
  const ms = (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

/** Piecewise-constant offsets: offsets[i] applies from starts[i] (starts[0] = -Infinity) to starts[i + 1]. */
interface OffsetTable {
  starts: number[];
  offsets: number[];
}

/** The zone's offsets over [lo, hi], assuming at most one change per day (true of every modern zone). */
function offsetTable(f: Intl.DateTimeFormat, lo: number, hi: number): OffsetTable {
  lo = Math.floor(lo / 1000) * 1000; // whole seconds, so that the search below halves cleanly
  hi = Math.ceil(hi / 1000) * 1000;
  const starts = [-Infinity];
  const offsets = [offsetAt(f, lo)];
  let prevT = lo;
  let prevOffset = offsets[0]!;
  for (let t = lo; t < hi; ) {
    t = Math.min(t + DAY, hi);
    const o = offsetAt(f, t);
    if (o !== prevOffset) {
      // The change is in (prevT, t]: find its first instant to the second.
      let a = prevT;
      let b = t;
      while (b - a > 1000) {
        const mid = a + Math.floor((b - a) / 2000) * 1000;
        if (offsetAt(f, mid) === o) b = mid;
        else a = mid;
      }
      starts.push(b);
      offsets.push(o);
      prevOffset = o;
    }
    prevT = t;
  }
  return { starts, offsets };
}

function offsetFromTable(table: OffsetTable, t: number): number {
  let i = table.starts.length - 1;
  while (t < table.starts[i]!) i--;
  return table.offsets[i]!;
}

/** Every real instant whose local wall time is `wall` (0 in a gap, 2 in an overlap), ascending. */
function instantsOf(table: OffsetTable, wall: number): number[] {
  const out: number[] = [];
  const { starts, offsets } = table;
  for (let i = 0; i < starts.length; i++) {
    const t = wall - offsets[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : Infinity;
    if (t >= starts[i]! && t < end && !out.includes(t)) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

/** True when every instant of [t, t + SLOT) has a local wall time in [lo, hi). */
function slotWithin(table: OffsetTable, t: number, lo: number, hi: number): boolean {
  const { starts, offsets } = table;
  const e = t + SLOT;
  for (let i = 0; i < starts.length; i++) {
    const a = Math.max(t, starts[i]!);
    const b = Math.min(e, i + 1 < starts.length ? starts[i + 1]! : Infinity);
    if (a >= b) continue;
    if (a + offsets[i]! < lo || b + offsets[i]! > hi) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Schedule

const HHMM = /^(\d{2}):(\d{2})$/;

function minutesOf(hhmm: unknown, isEnd: boolean): number | null {
  if (typeof hhmm !== 'string') return null;
  const m = HHMM.exec(hhmm);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (isEnd && h === 24 && min === 0) return 24 * 60;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** Windows as [startMinute, endMinute) per ISO weekday (index 1..7). Malformed windows are ignored. */
function windowsByWeekday(schedule: readonly WeeklyWindow[]): Array<Array<[number, number]>> {
  const byDay: Array<Array<[number, number]>> = Array.from({ length: 8 }, () => []);
  if (!Array.isArray(schedule)) return byDay;
  for (const w of schedule) {
    if (!w || !Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) continue;
    const start = minutesOf(w.start, false);
    const end = minutesOf(w.end, true);
    if (start === null || end === null || end - start < SLOT_MINUTES) continue;
    byDay[w.weekday]!.push([start, end]);
  }
  return byDay;
}

/** ISO weekday of a day number (days since 1970-01-01, a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Every slot the schedule yields for local days around [lo, hi): sorted start instants, no duplicates,
 * no overlaps. Not yet filtered by range, notice or bookings.
 */
function candidateStarts(schedule: readonly WeeklyWindow[], timeZone: string, lo: number, hi: number): number[] {
  const f = formatterFor(timeZone);
  const byDay = windowsByWeekday(schedule);
  if (byDay.every((w) => w.length === 0)) return [];
  const table = offsetTable(f, lo - MARGIN, hi + MARGIN);
  const firstDay = Math.floor((lo + offsetFromTable(table, lo)) / DAY) - 1;
  const lastDay = Math.floor((hi + offsetFromTable(table, hi)) / DAY) + 1;
  const starts: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * DAY; // local wall clock, as if it were UTC
    for (const [startMin, endMin] of byDay[isoWeekday(day)]!) {
      const wStart = midnight + startMin * MINUTE;
      const wEnd = midnight + endMin * MINUTE;
      for (let wall = wStart; wall + SLOT <= wEnd; wall += SLOT) {
        for (const t of instantsOf(table, wall)) {
          if (slotWithin(table, t, wStart, wEnd)) starts.push(t);
        }
      }
    }
  }
  starts.sort((a, b) => a - b);
  // Drop duplicates and overlaps, keeping the earliest.
  const out: number[] = [];
  let busyUntil = -Infinity;
  for (const t of starts) {
    if (t >= busyUntil) {
      out.push(t);
      busyUntil = t + SLOT;
    }
  }
  return out;
}

function validTime(d: unknown): number | null {
  if (!(d instanceof Date)) return null;
  const t = d.getTime();
  return Number.isFinite(t) && Math.abs(t) <= LIMIT ? t : null;
}

function earliestStart(now: number, minNoticeMinutes: number): number | null {
  if (typeof minNoticeMinutes !== 'number' || Number.isNaN(minNoticeMinutes)) return null;
  return now + Math.max(0, minNoticeMinutes) * MINUTE; // Infinity when the notice is infinite
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * Free 30-minute slots starting within [from, to) (with `to` clamped to `from` + 62 days), sorted by
 * start. A slot is offered when it lies fully inside a schedule window, starts at or after
 * now + minNoticeMinutes, and its start is not in `booked`. Invalid dates give []; an unknown
 * time zone throws a RangeError.
 */
export function freeSlots(input: FreeSlotsInput): Slot[] {
  const from = validTime(input.from);
  let to = validTime(input.to);
  const now = validTime(input.now);
  if (from === null || to === null || now === null) return [];
  formatterFor(input.timeZone); // unknown zones throw even when the range is empty
  const notBefore = earliestStart(now, input.minNoticeMinutes);
  if (notBefore === null) return [];
  to = Math.min(to, from + MAX_RANGE_DAYS * DAY);
  const lo = Math.max(from, notBefore);
  if (!(lo < to)) return [];

  const booked = new Set<number>();
  for (const b of input.booked ?? []) {
    const t = typeof b === 'string' ? Date.parse(b) : NaN;
    if (Number.isFinite(t)) booked.add(t);
  }

  const slots: Slot[] = [];
  for (const t of candidateStarts(input.schedule, input.timeZone, lo, to)) {
    if (t < lo || t >= to || booked.has(t)) continue;
    slots.push({ start: iso(t), end: iso(t + SLOT) });
  }
  return slots;
}

/**
 * True when `start` is exactly the start of a slot freeSlots would offer, bookings aside: inside a
 * schedule window, aligned to it, and at or after now + minNoticeMinutes. Unknown zones throw a RangeError.
 */
export function isBookableSlot(input: BookableSlotInput): boolean {
  const start = validTime(input.start);
  const now = validTime(input.now);
  if (start === null || now === null) return false;
  formatterFor(input.timeZone);
  const notBefore = earliestStart(now, input.minNoticeMinutes);
  if (notBefore === null || start < notBefore) return false;
  if (start % 1000 !== 0) return false;
  return candidateStarts(input.schedule, input.timeZone, start - DAY, start + DAY).includes(start);
}
