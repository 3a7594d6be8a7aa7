// Free consultation slots from a specialist's hours, in the specialist's IANA time zone.
//
// Pure and dependency-free: zone offsets come from Intl.DateTimeFormat. For each request we build a
// small table of the zone's UTC offsets over the range (one sample a day plus a binary search at each
// change), then convert local wall times to real instants with that table:
//  - a local time in a spring-forward gap has no instant and is skipped;
//  - a local time in a fall-back overlap has two instants, and each is offered once;
//  - a slot lasts the service's duration (30 real minutes by default) and is offered only when every
//    instant in it has a local time inside the window (so a slot never straddles the window's end
//    through a transition);
//  - slots never overlap one another and never repeat (overlapping windows, odd-sized transitions).
//
// The grid (issue 13): slots start every `durationMinutes` from each window's start (a 60-minute
// service in 09:00–12:00 offers 09:00, 10:00, 11:00), like Cal.com's default, so a day is filled
// without gaps when nothing is booked. Not a fixed 15-minute grid: that would offer a visitor 12
// overlapping starts an hour and leave unusable gaps between bookings. On top of the windows:
//  - a date override replaces that local date's weekly windows (no windows: closed that day);
//  - time off (local [from, to)) removes every slot with any instant whose local time is inside it;
//  - `busy` intervals (active bookings of any service) widened by `bufferMinutes` on both sides
//    remove every slot overlapping them;
//  - a local day with `maxPerDay` bookings (counted by their start's local day) offers nothing more;
//  - slots starting before now + minNoticeMinutes are not offered.

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

export interface FreeSlotsInput extends HoursRules {
  schedule: readonly WeeklyWindow[];
  /** IANA zone, e.g. "Europe/Kyiv". Unknown zones throw a RangeError; validate with isValidTimeZone first. */
  timeZone: string;
  /** The requested range [from, to). */
  from: Date;
  to: Date;
  now: Date;
  /** Slots starting before now + minNoticeMinutes are excluded (negative values count as 0). */
  minNoticeMinutes: number;
  /** Start instants already booked, as ISO 8601 strings (exactly these starts are left out; see `busy` for intervals). */
  booked?: ReadonlySet<string>;
}

/** A local date's windows, replacing that weekday's ("YYYY-MM-DD"; no windows: closed). */
export interface DateOverride {
  date: string;
  windows: ReadonlyArray<{ start: string; end: string }>;
}

/** A local [from, to) in the specialist's zone, "YYYY-MM-DDTHH:MM". */
export interface LocalRange {
  from: string;
  to: string;
}

/** A UTC interval [start, end) as ISO 8601 strings. */
export interface Interval {
  start: string;
  end: string;
}

/** The specialist's rules beyond the weekly windows (all optional: none means the plain week). */
export interface HoursRules {
  /** Slot length and grid step (default 30). */
  durationMinutes?: number;
  overrides?: readonly DateOverride[];
  timeOff?: readonly LocalRange[];
  /** Active bookings of any service. */
  busy?: readonly Interval[];
  /** Free minutes kept before and after every busy interval (default 0). */
  bufferMinutes?: number;
  /** Most bookings per local day (null/undefined: no cap). */
  maxPerDay?: number | null;
}

export interface BookableSlotInput extends Omit<HoursRules, 'busy' | 'bufferMinutes' | 'maxPerDay'> {
  schedule: readonly WeeklyWindow[];
  timeZone: string;
  start: Date;
  now: Date;
  minNoticeMinutes: number;
}

export interface SlotConflictInput {
  timeZone: string;
  start: Date;
  durationMinutes: number;
  busy: readonly Interval[];
  bufferMinutes?: number;
  maxPerDay?: number | null;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
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

/** True when every instant of [t, t + len) has a local wall time in [lo, hi). */
function slotWithin(table: OffsetTable, t: number, len: number, lo: number, hi: number): boolean {
  const { starts, offsets } = table;
  const e = t + len;
  for (let i = 0; i < starts.length; i++) {
    const a = Math.max(t, starts[i]!);
    const b = Math.min(e, i + 1 < starts.length ? starts[i + 1]! : Infinity);
    if (a >= b) continue;
    if (a + offsets[i]! < lo || b + offsets[i]! > hi) return false;
  }
  return true;
}

/** True when some instant of [t, t + len) has a local wall time in [lo, hi). */
function slotTouches(table: OffsetTable, t: number, len: number, lo: number, hi: number): boolean {
  const { starts, offsets } = table;
  const e = t + len;
  for (let i = 0; i < starts.length; i++) {
    const a = Math.max(t, starts[i]!);
    const b = Math.min(e, i + 1 < starts.length ? starts[i + 1]! : Infinity);
    if (a >= b) continue;
    if (a + offsets[i]! < hi && b + offsets[i]! > lo) return true;
  }
  return false;
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

/** A window as [startMinute, endMinute), or null when malformed or shorter than `minutes`. */
function windowOf(w: { start?: unknown; end?: unknown } | null | undefined, minutes: number): [number, number] | null {
  if (!w) return null;
  const start = minutesOf(w.start, false);
  const end = minutesOf(w.end, true);
  return start === null || end === null || end - start < minutes ? null : [start, end];
}

/** Windows as [startMinute, endMinute) per ISO weekday (index 1..7). Malformed windows are ignored. */
function windowsByWeekday(schedule: readonly WeeklyWindow[], minutes: number): Array<Array<[number, number]>> {
  const byDay: Array<Array<[number, number]>> = Array.from({ length: 8 }, () => []);
  if (!Array.isArray(schedule)) return byDay;
  for (const w of schedule) {
    if (!w || !Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) continue;
    const win = windowOf(w, minutes);
    if (win) byDay[w.weekday]!.push(win);
  }
  return byDay;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Day number (days since 1970-01-01) of a real calendar date "YYYY-MM-DD", or null. */
export function dayNumberOf(date: unknown): number | null {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
  const d = new Date(t);
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! ? t / DAY : null;
}

/** A local "YYYY-MM-DDTHH:MM" as wall-clock ms (as if UTC), or null when not a real date and time. */
export function localWallOf(s: unknown): number | null {
  const m = typeof s === 'string' ? LOCAL_RE.exec(s) : null;
  if (!m) return null;
  const day = dayNumberOf(`${m[1]}-${m[2]}-${m[3]}`);
  if (day === null || +m[4]! > 23 || +m[5]! > 59) return null;
  return day * DAY + (+m[4]! * 60 + +m[5]!) * MINUTE;
}

/** Overrides as day number → windows (later entries of one date win). */
function overridesByDay(overrides: readonly DateOverride[] | undefined, minutes: number): Map<number, Array<[number, number]>> {
  const out = new Map<number, Array<[number, number]>>();
  for (const o of Array.isArray(overrides) ? overrides : []) {
    const day = dayNumberOf(o?.date);
    if (day === null) continue;
    const windows = (Array.isArray(o.windows) ? o.windows : []).map((w: Parameters<typeof windowOf>[0]) => windowOf(w, minutes)).filter((w: [number, number] | null): w is [number, number] => w !== null);
    out.set(day, windows);
  }
  return out;
}

/** Time off as wall-clock [lo, hi) pairs (malformed or empty ranges ignored). */
function wallRanges(timeOff: readonly LocalRange[] | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of Array.isArray(timeOff) ? timeOff : []) {
    const lo = localWallOf(r?.from);
    const hi = localWallOf(r?.to);
    if (lo !== null && hi !== null && hi > lo) out.push([lo, hi]);
  }
  return out;
}

const durationOf = (minutes: unknown) =>
  typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 5 && minutes <= 24 * 60 ? minutes : SLOT_MINUTES;

/** ISO weekday of a day number (days since 1970-01-01, a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Every slot the hours yield for local days around [lo, hi): sorted start instants, no duplicates,
 * no overlaps, none touching time off. Not yet filtered by range, notice or bookings.
 */
function candidateStarts(
  schedule: readonly WeeklyWindow[],
  timeZone: string,
  lo: number,
  hi: number,
  rules: HoursRules = {},
  table?: OffsetTable,
): number[] {
  const f = formatterFor(timeZone);
  const minutes = durationOf(rules.durationMinutes);
  const len = minutes * MINUTE;
  const byDay = windowsByWeekday(schedule, minutes);
  const overrides = overridesByDay(rules.overrides, minutes);
  if (byDay.every((w) => w.length === 0) && [...overrides.values()].every((w) => w.length === 0)) return [];
  const off = wallRanges(rules.timeOff);
  table ??= offsetTable(f, lo - MARGIN, hi + MARGIN);
  const firstDay = Math.floor((lo + offsetFromTable(table, lo)) / DAY) - 1;
  const lastDay = Math.floor((hi + offsetFromTable(table, hi)) / DAY) + 1;
  const starts: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day * DAY; // local wall clock, as if it were UTC
    for (const [startMin, endMin] of overrides.get(day) ?? byDay[isoWeekday(day)]!) {
      const wStart = midnight + startMin * MINUTE;
      const wEnd = midnight + endMin * MINUTE;
      for (let wall = wStart; wall + len <= wEnd; wall += len) {
        for (const t of instantsOf(table, wall)) {
          if (slotWithin(table, t, len, wStart, wEnd) && !off.some(([a, b]) => slotTouches(table!, t, len, a, b))) starts.push(t);
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
      busyUntil = t + len;
    }
  }
  return out;
}

/** Busy intervals as [start − buffer, end + buffer) in ms, and bookings per local day (of their start). */
function busyOf(busy: readonly Interval[] | undefined, bufferMinutes: unknown, table: OffsetTable | null) {
  const buffer = typeof bufferMinutes === 'number' && bufferMinutes > 0 ? bufferMinutes * MINUTE : 0;
  const blocks: Array<[number, number]> = [];
  const perDay = new Map<number, number>();
  for (const b of Array.isArray(busy) ? busy : []) {
    const s = Date.parse(b?.start);
    const e = Date.parse(b?.end);
    if (!Number.isFinite(s) || !Number.isFinite(e)) continue;
    blocks.push([s - buffer, Math.max(e, s) + buffer]);
    if (table) {
      const day = Math.floor((s + offsetFromTable(table, s)) / DAY);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  }
  return { blocks, perDay };
}

/** True when [t, t + len) is kept free by a busy block, or its local day is full. */
function blocked(t: number, len: number, busy: ReturnType<typeof busyOf>, maxPerDay: unknown, table: OffsetTable): boolean {
  if (busy.blocks.some(([a, b]) => t < b && t + len > a)) return true;
  if (typeof maxPerDay === 'number' && maxPerDay >= 0) {
    const day = Math.floor((t + offsetFromTable(table, t)) / DAY);
    if ((busy.perDay.get(day) ?? 0) >= maxPerDay) return true;
  }
  return false;
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
 * Free slots (of `durationMinutes`, default 30) starting within [from, to) (with `to` clamped to
 * `from` + 62 days), sorted by start. A slot is offered when it lies fully inside a window (the
 * date's override, else the weekday's), touches no time off, starts at or after
 * now + minNoticeMinutes, its start is not in `booked`, it overlaps no `busy` interval widened by
 * `bufferMinutes`, and its local day has fewer than `maxPerDay` busy intervals. `busy` should hold
 * the bookings of the local days around the range (the daily cap counts them). Invalid dates
 * give []; an unknown time zone throws a RangeError.
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
  for (const b of input.booked ?? new Set<string>()) {
    const t = typeof b === 'string' ? Date.parse(b) : NaN;
    if (Number.isFinite(t)) booked.add(t);
  }

  const len = durationOf(input.durationMinutes) * MINUTE;
  const table = offsetTable(formatterFor(input.timeZone), lo - MARGIN, to + MARGIN);
  const busy = busyOf(input.busy, input.bufferMinutes, table);
  const slots: Slot[] = [];
  for (const t of candidateStarts(input.schedule, input.timeZone, lo, to, input, table)) {
    if (t < lo || t >= to || booked.has(t) || blocked(t, len, busy, input.maxPerDay, table)) continue;
    slots.push({ start: iso(t), end: iso(t + len) });
  }
  return slots;
}

/**
 * True when `start` is exactly the start of a slot freeSlots would offer, bookings aside: inside a
 * window (override or weekly), aligned to its grid, clear of time off, and at or after
 * now + minNoticeMinutes. Unknown zones throw a RangeError.
 */
export function isBookableSlot(input: BookableSlotInput): boolean {
  const start = validTime(input.start);
  const now = validTime(input.now);
  if (start === null || now === null) return false;
  formatterFor(input.timeZone);
  const notBefore = earliestStart(now, input.minNoticeMinutes);
  if (notBefore === null || start < notBefore) return false;
  if (start % 1000 !== 0) return false;
  return candidateStarts(input.schedule, input.timeZone, start - DAY, start + DAY, input).includes(start);
}

/**
 * True when bookings keep [start, start + durationMinutes) from being booked: it overlaps a busy
 * interval widened by the buffer, or its local day has maxPerDay busy intervals already. Give it
 * the bookings of the local days around `start`. Unknown zones throw a RangeError.
 */
export function conflictsWithBookings(input: SlotConflictInput): boolean {
  const start = validTime(input.start);
  if (start === null) return true;
  const table = offsetTable(formatterFor(input.timeZone), start - MARGIN, start + MARGIN);
  return blocked(start, durationOf(input.durationMinutes) * MINUTE, busyOf(input.busy, input.bufferMinutes, table), input.maxPerDay, table);
}
