// Free consultation slots: plain weeks, daylight-saving changes, notice, bookings, clamping, bad input.
/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  freeSlots,
  isBookableSlot,
  isValidTimeZone,
  SLOT_MINUTES,
  type Slot,
  type WeeklyWindow,
} from '../../server/src/availability.js';

const DAY = 86_400_000;
const EPOCH = new Date(0);

function slots(
  schedule: WeeklyWindow[],
  timeZone: string,
  from: string,
  to: string,
  extra: { now?: string; minNoticeMinutes?: number; booked?: string[] } = {},
): Slot[] {
  return freeSlots({
    schedule,
    timeZone,
    from: new Date(from),
    to: new Date(to),
    now: extra.now ? new Date(extra.now) : EPOCH,
    minNoticeMinutes: extra.minNoticeMinutes ?? 0,
    booked: new Set(extra.booked ?? []),
  });
}

const starts = (list: Slot[]) => list.map((s) => s.start);

/** Local "YYYY-MM-DD HH:MM:SS" of an instant in a zone, straight from Intl (independent of the module). */
const localFormats = new Map<string, Intl.DateTimeFormat>();
function local(iso: string, timeZone: string): string {
  let f = localFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    localFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Every slot is 30 real minutes, in "…T…Z" second-precision form, sorted, unique and non-overlapping. */
function assertWellFormed(list: Slot[]): void {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    assert.match(s.start, iso);
    assert.match(s.end, iso);
    assert.equal(Date.parse(s.end) - Date.parse(s.start), SLOT_MINUTES * 60_000, `${s.start} lasts 30 minutes`);
    if (i > 0) assert.ok(Date.parse(s.start) >= Date.parse(list[i - 1]!.end), `${s.start} after ${list[i - 1]!.end}`);
  }
}

const weekdays = (start: string, end: string, days: number[] = [1, 2, 3, 4, 5]): WeeklyWindow[] =>
  days.map((weekday) => ({ weekday: weekday as WeeklyWindow['weekday'], start, end }));

/** Sunday 00:00–06:00: covers every DST change in Europe and North America. */
const SUNDAY_NIGHT: WeeklyWindow[] = [{ weekday: 7, start: '00:00', end: '06:00' }];

// ---------------------------------------------------------------------------------------------

test('a plain summer week in Kyiv: Mon–Fri 09:00–12:00 gives 6 slots a day at UTC+3', () => {
  const list = slots(weekdays('09:00', '12:00'), 'Europe/Kyiv', '2026-06-08T00:00:00Z', '2026-06-15T00:00:00Z');
  assertWellFormed(list);
  assert.equal(list.length, 30);
  assert.deepEqual(list.slice(0, 6), [
    { start: '2026-06-08T06:00:00Z', end: '2026-06-08T06:30:00Z' },
    { start: '2026-06-08T06:30:00Z', end: '2026-06-08T07:00:00Z' },
    { start: '2026-06-08T07:00:00Z', end: '2026-06-08T07:30:00Z' },
    { start: '2026-06-08T07:30:00Z', end: '2026-06-08T08:00:00Z' },
    { start: '2026-06-08T08:00:00Z', end: '2026-06-08T08:30:00Z' },
    { start: '2026-06-08T08:30:00Z', end: '2026-06-08T09:00:00Z' },
  ]);
  const perDay = new Map<string, number>();
  for (const s of list) perDay.set(s.start.slice(0, 10), (perDay.get(s.start.slice(0, 10)) ?? 0) + 1);
  assert.deepEqual([...perDay], [['2026-06-08', 6], ['2026-06-09', 6], ['2026-06-10', 6], ['2026-06-11', 6], ['2026-06-12', 6]]);
  assert.equal(list.at(-1)!.end, '2026-06-12T09:00:00Z');
});

test('a plain winter week in Kyiv is at UTC+2', () => {
  const list = slots(weekdays('09:00', '12:00'), 'Europe/Kyiv', '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z');
  assert.equal(list.length, 30);
  assert.equal(list[0]!.start, '2026-01-12T07:00:00Z');
  assert.equal(list.at(-1)!.start, '2026-01-16T09:30:00Z');
});

test('spring forward in Kyiv (29 March 2026): local 03:00–03:59 does not exist and is skipped', () => {
  const list = slots(SUNDAY_NIGHT, 'Europe/Kyiv', '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z');
  assertWellFormed(list);
  assert.deepEqual(starts(list), [
    // 00:00–02:30 EET (UTC+2)
    '2026-03-28T22:00:00Z', '2026-03-28T22:30:00Z', '2026-03-28T23:00:00Z',
    '2026-03-28T23:30:00Z', '2026-03-29T00:00:00Z', '2026-03-29T00:30:00Z',
    // 04:00–05:30 EEST (UTC+3)
    '2026-03-29T01:00:00Z', '2026-03-29T01:30:00Z', '2026-03-29T02:00:00Z', '2026-03-29T02:30:00Z',
  ]);
  const locals = list.map((s) => local(s.start, 'Europe/Kyiv').slice(11, 16));
  assert.deepEqual(locals, ['00:00', '00:30', '01:00', '01:30', '02:00', '02:30', '04:00', '04:30', '05:00', '05:30']);
  // The slot before the gap ends when the clocks jump: 02:30 EET + 30 min = 04:00 EEST.
  assert.equal(list[5]!.end, '2026-03-29T01:00:00Z');
});

test('spring forward in New York (8 March 2026): local 02:00–02:59 is skipped', () => {
  const list = slots(SUNDAY_NIGHT, 'America/New_York', '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z');
  assertWellFormed(list);
  assert.deepEqual(starts(list), [
    '2026-03-08T05:00:00Z', '2026-03-08T05:30:00Z', '2026-03-08T06:00:00Z', '2026-03-08T06:30:00Z', // 00:00–01:30 EST
    '2026-03-08T07:00:00Z', '2026-03-08T07:30:00Z', '2026-03-08T08:00:00Z', '2026-03-08T08:30:00Z', // 03:00–04:30 EDT
    '2026-03-08T09:00:00Z', '2026-03-08T09:30:00Z', // 05:00–05:30 EDT
  ]);
  for (const s of list) assert.doesNotMatch(local(s.start, 'America/New_York'), / 02:/);
});

test('spring forward: windows that start or end inside the gap', () => {
  // Ends inside the gap: the 01:30 EST slot still fits (its local times run 01:30–01:59).
  const endsInGap = slots([{ weekday: 7, start: '00:00', end: '02:30' }], 'America/New_York', '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
  assert.deepEqual(starts(endsInGap), ['2026-03-08T05:00:00Z', '2026-03-08T05:30:00Z', '2026-03-08T06:00:00Z', '2026-03-08T06:30:00Z']);
  // Starts inside the gap: the first real slot is 03:00 EDT.
  const startsInGap = slots([{ weekday: 7, start: '02:00', end: '04:00' }], 'America/New_York', '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
  assert.deepEqual(starts(startsInGap), ['2026-03-08T07:00:00Z', '2026-03-08T07:30:00Z']);
  // Entirely inside the gap: nothing.
  const inGap = slots([{ weekday: 7, start: '02:00', end: '03:00' }], 'America/New_York', '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
  assert.deepEqual(inGap, []);
});

test('fall back in Kyiv (25 October 2026): local 03:00–03:59 happens twice and each real slot appears once', () => {
  const list = slots(SUNDAY_NIGHT, 'Europe/Kyiv', '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z');
  assertWellFormed(list);
  assert.deepEqual(starts(list), [
    // 00:00–03:30 EEST (UTC+3)
    '2026-10-24T21:00:00Z', '2026-10-24T21:30:00Z', '2026-10-24T22:00:00Z', '2026-10-24T22:30:00Z',
    '2026-10-24T23:00:00Z', '2026-10-24T23:30:00Z', '2026-10-25T00:00:00Z', '2026-10-25T00:30:00Z',
    // 03:00–05:30 EET (UTC+2)
    '2026-10-25T01:00:00Z', '2026-10-25T01:30:00Z', '2026-10-25T02:00:00Z', '2026-10-25T02:30:00Z',
    '2026-10-25T03:00:00Z', '2026-10-25T03:30:00Z',
  ]);
  assert.equal(new Set(starts(list)).size, list.length);
  const locals = list.map((s) => local(s.start, 'Europe/Kyiv').slice(11, 16));
  assert.equal(locals.filter((l) => l === '03:00').length, 2);
  assert.equal(locals.filter((l) => l === '03:30').length, 2);
});

test('fall back in New York (1 November 2026): local 01:00–01:59 happens twice', () => {
  const list = slots(SUNDAY_NIGHT, 'America/New_York', '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z');
  assertWellFormed(list);
  const expected: string[] = [];
  for (let t = Date.parse('2026-11-01T04:00:00Z'); t <= Date.parse('2026-11-01T10:30:00Z'); t += 30 * 60_000) {
    expected.push(new Date(t).toISOString().replace('.000Z', 'Z'));
  }
  assert.deepEqual(starts(list), expected); // 7 real hours: 00:00 EDT … 05:30 EST, 14 slots
  assert.equal(list.length, 14);
});

test('fall back: windows that end inside the repeated hour', () => {
  // [00:00, 01:30) local: 01:00 EDT and 01:00 EST both fit; 01:30 either time does not.
  const list = slots([{ weekday: 7, start: '00:00', end: '01:30' }], 'America/New_York', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');
  assert.deepEqual(starts(list), ['2026-11-01T04:00:00Z', '2026-11-01T04:30:00Z', '2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z']);
  // [01:15, 03:00): 01:45 EDT would run into 01:00–01:15 EST, before the window, so it is left out.
  const offset = slots([{ weekday: 7, start: '01:15', end: '03:00' }], 'America/New_York', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');
  assertWellFormed(offset);
  assert.deepEqual(starts(offset), ['2026-11-01T05:15:00Z', '2026-11-01T06:15:00Z', '2026-11-01T06:45:00Z', '2026-11-01T07:15:00Z']);
});

test('a zone with a half-hour offset (Asia/Kolkata, UTC+5:30) and alignment to the window start', () => {
  const list = slots(
    [
      { weekday: 1, start: '09:00', end: '10:30' },
      { weekday: 2, start: '09:15', end: '10:20' }, // aligned to 09:15; 10:15 would end after 10:20
      { weekday: 7, start: '23:00', end: '24:00' },
    ],
    'Asia/Kolkata', '2026-06-08T00:00:00Z', '2026-06-15T00:00:00Z',
  );
  assertWellFormed(list);
  assert.deepEqual(starts(list), [
    '2026-06-08T03:30:00Z', '2026-06-08T04:00:00Z', '2026-06-08T04:30:00Z',
    '2026-06-09T03:45:00Z', '2026-06-09T04:15:00Z',
    '2026-06-14T17:30:00Z', '2026-06-14T18:00:00Z',
  ]);
  assert.equal(list.at(-1)!.end, '2026-06-14T18:30:00Z'); // 24:00 local
});

test('a window ending at 24:00 reaches midnight, in summer and on the fall-back day', () => {
  const summer = slots([{ weekday: 6, start: '22:00', end: '24:00' }], 'Europe/Kyiv', '2026-06-13T00:00:00Z', '2026-06-14T00:00:00Z');
  assert.deepEqual(starts(summer), ['2026-06-13T19:00:00Z', '2026-06-13T19:30:00Z', '2026-06-13T20:00:00Z', '2026-06-13T20:30:00Z']);
  assert.equal(summer.at(-1)!.end, '2026-06-13T21:00:00Z');
  // Sunday 25 October 2026 is 25 hours long in Kyiv: a 00:00–24:00 window has 50 slots.
  const longDay = slots([{ weekday: 7, start: '00:00', end: '24:00' }], 'Europe/Kyiv', '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z');
  assertWellFormed(longDay);
  assert.equal(longDay.length, 50);
  // Sunday 29 March 2026 is 23 hours long: 46 slots.
  const shortDay = slots([{ weekday: 7, start: '00:00', end: '24:00' }], 'Europe/Kyiv', '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z');
  assert.equal(shortDay.length, 46);
});

test('round-the-clock schedules tile real time exactly through a year of changes in unusual zones', () => {
  const allDay: WeeklyWindow[] = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ weekday: d as WeeklyWindow['weekday'], start: '00:00', end: '24:00' }));
  const zones = ['Europe/Kyiv', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kolkata', 'UTC'];
  for (const tz of zones) {
    let from = Date.parse('2026-01-01T00:00:00Z');
    const end = Date.parse('2027-01-01T00:00:00Z');
    let previous: Slot | undefined;
    while (from < end) {
      const to = Math.min(from + 62 * DAY, end);
      const list = freeSlots({ schedule: allDay, timeZone: tz, from: new Date(from), to: new Date(to), now: EPOCH, minNoticeMinutes: 0, booked: new Set() });
      assertWellFormed(list);
      for (const s of list) {
        if (previous) assert.equal(s.start, previous.end, `${tz}: no gap or overlap after ${previous.start}`);
        assert.match(local(s.start, tz), / \d\d:(00|30):00$/, `${tz}: ${s.start} is on a local half hour`);
        previous = s;
      }
      from = to;
    }
  }
});

test('minimum notice and the past: slots starting before now + notice are left out', () => {
  const schedule = weekdays('09:00', '12:00');
  const range = ['2026-06-08T00:00:00Z', '2026-06-15T00:00:00Z'] as const;
  // 06:10Z is 09:10 in Kyiv: the 09:00 slot has started, 09:30 is the first one left.
  const noNotice = slots(schedule, 'Europe/Kyiv', ...range, { now: '2026-06-08T06:10:00Z', minNoticeMinutes: 0 });
  assert.equal(noNotice[0]!.start, '2026-06-08T06:30:00Z');
  assert.equal(noNotice.length, 29);
  // A slot starting exactly at now + notice is offered.
  const exact = slots(schedule, 'Europe/Kyiv', ...range, { now: '2026-06-08T06:00:00Z', minNoticeMinutes: 30 });
  assert.equal(exact[0]!.start, '2026-06-08T06:30:00Z');
  // The usual 12 hours: Monday's slots are all gone, Tuesday 09:00 (06:00Z) is the first.
  const halfDay = slots(schedule, 'Europe/Kyiv', ...range, { now: '2026-06-08T06:10:00Z', minNoticeMinutes: 720 });
  assert.equal(halfDay[0]!.start, '2026-06-09T06:00:00Z');
  assert.equal(halfDay.length, 24);
  // A negative notice never brings back the past.
  const negative = slots(schedule, 'Europe/Kyiv', ...range, { now: '2026-06-08T06:10:00Z', minNoticeMinutes: -600 });
  assert.deepEqual(negative, noNotice);
  // Entirely in the past.
  assert.deepEqual(slots(schedule, 'Europe/Kyiv', ...range, { now: '2026-07-01T00:00:00Z' }), []);
});

test('booked slots are left out, whatever ISO form the booking was stored in', () => {
  const list = slots(weekdays('09:00', '12:00', [1]), 'Europe/Kyiv', '2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z', {
    booked: ['2026-06-08T06:30:00Z', '2026-06-08T07:00:00.000Z', '2026-06-08T11:00:00+03:00', 'not a date', '2026-06-08T06:45:00Z'],
  });
  assert.deepEqual(starts(list), ['2026-06-08T06:00:00Z', '2026-06-08T07:30:00Z', '2026-06-08T08:30:00Z']);
});

test('the range is [from, to): slots must start inside it, and it is clamped to 62 days', () => {
  const schedule = weekdays('09:00', '12:00', [1]);
  const within = slots(schedule, 'Europe/Kyiv', '2026-06-08T06:15:00Z', '2026-06-08T07:30:00Z');
  assert.deepEqual(starts(within), ['2026-06-08T06:30:00Z', '2026-06-08T07:00:00Z']);
  // A slot that starts inside the range but ends after it is still offered.
  assert.deepEqual(starts(slots(schedule, 'Europe/Kyiv', '2026-06-08T08:30:00Z', '2026-06-08T08:31:00Z')), ['2026-06-08T08:30:00Z']);

  const daily: WeeklyWindow[] = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ weekday: d as WeeklyWindow['weekday'], start: '12:00', end: '13:00' }));
  const from = '2026-01-01T00:00:00Z';
  const year = slots(daily, 'UTC', from, '2027-01-01T00:00:00Z');
  assert.equal(year.length, 62 * 2);
  assert.equal(year.at(-1)!.start, '2026-03-03T12:30:00Z'); // 1 January + 61 days
  assert.ok(Date.parse(year.at(-1)!.start) < Date.parse(from) + 62 * DAY);
  // An absurd range costs no more than 62 days.
  const t0 = performance.now();
  slots(daily, 'UTC', '2026-01-01T00:00:00Z', '+275000-01-01T00:00:00Z');
  assert.ok(performance.now() - t0 < 200);
});

test('invalid input: bad dates give [], unknown zones throw a RangeError, malformed windows are ignored', () => {
  const schedule = weekdays('09:00', '12:00');
  const base = { schedule, timeZone: 'Europe/Kyiv', from: new Date('2026-06-08T00:00:00Z'), to: new Date('2026-06-15T00:00:00Z'), now: EPOCH, minNoticeMinutes: 0, booked: new Set<string>() };
  assert.equal(freeSlots(base).length, 30);
  assert.deepEqual(freeSlots({ ...base, from: new Date('nope') }), []);
  assert.deepEqual(freeSlots({ ...base, to: new Date(NaN) }), []);
  assert.deepEqual(freeSlots({ ...base, now: new Date(NaN) }), []);
  assert.deepEqual(freeSlots({ ...base, from: base.to, to: base.from }), []);
  assert.deepEqual(freeSlots({ ...base, to: base.from }), []);
  assert.deepEqual(freeSlots({ ...base, minNoticeMinutes: NaN }), []);
  assert.deepEqual(freeSlots({ ...base, minNoticeMinutes: Infinity }), []);
  assert.deepEqual(freeSlots({ ...base, schedule: [] }), []);
  assert.deepEqual(freeSlots({ ...base, from: new Date(8.64e15 - 1000), to: new Date(8.64e15) }), []);

  assert.throws(() => freeSlots({ ...base, timeZone: 'Mars/Olympus_Mons' }), (e: unknown) => e instanceof RangeError && /Unknown time zone: "Mars\/Olympus_Mons"/.test(e.message));
  assert.throws(() => freeSlots({ ...base, timeZone: 'Mars/Olympus_Mons', to: base.from }), RangeError);
  assert.throws(() => isBookableSlot({ schedule, timeZone: '', start: new Date('2026-06-08T06:00:00Z'), now: EPOCH, minNoticeMinutes: 0 }), RangeError);

  const malformed = [
    { weekday: 0, start: '09:00', end: '12:00' },
    { weekday: 8, start: '09:00', end: '12:00' },
    { weekday: 1.5, start: '09:00', end: '12:00' },
    { weekday: 1, start: '9:00', end: '12:00' },
    { weekday: 1, start: '09:00', end: '25:00' },
    { weekday: 1, start: '24:00', end: '24:00' },
    { weekday: 1, start: '12:00', end: '09:00' },
    { weekday: 1, start: '09:00', end: '09:20' },
    { weekday: 1, start: '09:60', end: '10:30' },
    { weekday: 1, start: null, end: '12:00' },
    null,
  ] as unknown as WeeklyWindow[];
  assert.deepEqual(freeSlots({ ...base, schedule: malformed }), []);
  assert.equal(freeSlots({ ...base, schedule: [...malformed, ...schedule] }).length, 30);
});

test('overlapping windows never give duplicate or overlapping slots', () => {
  const same = slots(
    [{ weekday: 1, start: '09:00', end: '11:00' }, { weekday: 1, start: '10:00', end: '12:00' }, { weekday: 1, start: '09:00', end: '11:00' }],
    'Europe/Kyiv', '2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z',
  );
  assertWellFormed(same);
  assert.equal(same.length, 6);
  const shifted = slots(
    [{ weekday: 1, start: '09:00', end: '10:15' }, { weekday: 1, start: '09:15', end: '10:00' }],
    'Europe/Kyiv', '2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z',
  );
  assertWellFormed(shifted);
  assert.deepEqual(starts(shifted), ['2026-06-08T06:00:00Z', '2026-06-08T06:30:00Z']);
});

test('isValidTimeZone', () => {
  for (const tz of ['Europe/Kyiv', 'Europe/Kiev', 'America/New_York', 'Asia/Kolkata', 'UTC']) assert.equal(isValidTimeZone(tz), true, tz);
  for (const tz of ['', 'Mars/Olympus_Mons', 'Europe/Kyiv ', 'x'.repeat(200), 42 as unknown as string, undefined as unknown as string]) {
    assert.equal(isValidTimeZone(tz), false, String(tz));
  }
});

test('isBookableSlot: exactly the starts freeSlots offers, bookings aside', () => {
  const schedule = weekdays('09:00', '12:00');
  const base = { schedule, timeZone: 'Europe/Kyiv', now: new Date('2026-06-01T00:00:00Z'), minNoticeMinutes: 720 };
  const ok = (iso: string, extra: Partial<typeof base> = {}) => isBookableSlot({ ...base, ...extra, start: new Date(iso) });
  assert.equal(ok('2026-06-08T06:00:00Z'), true);
  assert.equal(ok('2026-06-08T08:30:00Z'), true); // the last slot, ending at 12:00
  assert.equal(ok('2026-06-08T06:15:00Z'), false); // misaligned minute
  assert.equal(ok('2026-06-08T06:00:01Z'), false); // misaligned second
  assert.equal(ok('2026-06-08T06:00:00.500Z'), false);
  assert.equal(ok('2026-06-08T09:00:00Z'), false); // 12:00: outside the window
  assert.equal(ok('2026-06-08T05:30:00Z'), false); // 08:30: before the window
  assert.equal(ok('2026-06-13T06:00:00Z'), false); // Saturday
  assert.equal(ok('2026-06-01T06:00:00Z'), false); // inside the 12-hour notice
  assert.equal(ok('2026-06-01T06:00:00Z', { minNoticeMinutes: 0 }), true);
  assert.equal(ok('2026-05-25T06:00:00Z', { minNoticeMinutes: 0 }), false); // in the past
  assert.equal(ok('nope'), false);
  assert.equal(ok('2026-06-08T06:00:00Z', { now: new Date(NaN) }), false);
  // Both 03:00s of the Kyiv fall-back night; neither side of the spring-forward gap is lost.
  const night = { schedule: SUNDAY_NIGHT, now: EPOCH, minNoticeMinutes: 0 };
  assert.equal(ok('2026-10-25T00:00:00Z', night), true);
  assert.equal(ok('2026-10-25T01:00:00Z', night), true);
  assert.equal(ok('2026-03-29T00:30:00Z', night), true); // 02:30 EET
  assert.equal(ok('2026-03-29T01:00:00Z', night), true); // 04:00 EEST
  assert.equal(ok('2026-03-29T03:00:00Z', night), false); // 06:00 EEST: the window's end
});

test('isBookableSlot agrees with freeSlots at every half hour around daylight-saving changes', () => {
  const cases: Array<[string, string]> = [
    ['Europe/Kyiv', '2026-03-27T00:00:00Z'], ['Europe/Kyiv', '2026-10-23T00:00:00Z'],
    ['America/New_York', '2026-03-06T00:00:00Z'], ['America/New_York', '2026-10-30T00:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-03T00:00:00Z'], ['Asia/Kolkata', '2026-06-08T00:00:00Z'],
  ];
  const schedule: WeeklyWindow[] = [
    ...weekdays('09:00', '12:00'),
    { weekday: 6, start: '01:15', end: '03:45' },
    ...SUNDAY_NIGHT,
  ];
  for (const [timeZone, fromIso] of cases) {
    const from = Date.parse(fromIso);
    const to = from + 5 * DAY;
    const offered = new Set(freeSlots({ schedule, timeZone, from: new Date(from), to: new Date(to), now: EPOCH, minNoticeMinutes: 0, booked: new Set() }).map((s) => Date.parse(s.start)));
    assert.ok(offered.size > 0);
    for (let t = from; t < to; t += 15 * 60_000) {
      assert.equal(isBookableSlot({ schedule, timeZone, start: new Date(t), now: EPOCH, minNoticeMinutes: 0 }), offered.has(t), `${timeZone} ${new Date(t).toISOString()}`);
    }
  }
});

test('eight weeks for one specialist take well under 5 ms', () => {
  const schedule: WeeklyWindow[] = [...weekdays('09:00', '13:00'), ...weekdays('14:00', '18:00'), { weekday: 6, start: '10:00', end: '14:00' }];
  const run = () => freeSlots({
    schedule, timeZone: 'Europe/Kyiv',
    from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-04-27T00:00:00Z'), // across the March change
    now: new Date('2026-03-01T00:00:00Z'), minNoticeMinutes: 720, booked: new Set(['2026-03-03T07:00:00Z']),
  });
  for (let i = 0; i < 20; i++) run(); // warm up
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    count = run().length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[25]!;
  assert.equal(count, 8 * (5 * 16 + 8) - 1);
  assert.ok(median < 5, `median ${median.toFixed(3)} ms`);
  console.log(`# 8 weeks, ${count} slots: median ${median.toFixed(3)} ms, max ${times.at(-1)!.toFixed(3)} ms`);
});
