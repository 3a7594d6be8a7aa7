// The availability engine's hours beyond the week (issue 13): date overrides, time off (a day, a
// range, part of a day), buffers, daily caps, services of different lengths, across DST
// (Europe/Kyiv spring-forward and fall-back, America/New_York).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conflictsWithBookings, freeSlots, isBookableSlot, type FreeSlotsInput, type Slot, type WeeklyWindow } from '../../server/src/availability.js';

const EPOCH = new Date(0);
const week = (start: string, end: string, days: number[] = [1, 2, 3, 4, 5]): WeeklyWindow[] =>
  days.map((weekday) => ({ weekday: weekday as WeeklyWindow['weekday'], start, end }));
const slots = (over: Omit<Partial<FreeSlotsInput>, 'from' | 'to'> & { from: string; to: string }): Slot[] =>
  freeSlots({ schedule: week('09:00', '12:00'), timeZone: 'Europe/Kyiv', now: EPOCH, minNoticeMinutes: 0, ...over, from: new Date(over.from), to: new Date(over.to) });
const starts = (l: Slot[]) => l.map((s) => s.start);
/** Monday 8 June 2026 in Kyiv (UTC+3): 09:00 local is 06:00Z. */
const MON = { from: '2026-06-08T00:00:00Z', to: '2026-06-09T00:00:00Z' };
const MON_TUE = { from: '2026-06-08T00:00:00Z', to: '2026-06-10T00:00:00Z' };
const monday = ['06:00', '06:30', '07:00', '07:30', '08:00', '08:30'].map((t) => `2026-06-08T${t}:00Z`);

test('a date override replaces that date’s weekly windows; no windows closes the day; other dates keep the week', () => {
  const moved = slots({ ...MON_TUE, overrides: [{ date: '2026-06-08', windows: [{ start: '14:00', end: '15:00' }] }] });
  assert.deepEqual(starts(moved).slice(0, 2), ['2026-06-08T11:00:00Z', '2026-06-08T11:30:00Z']);
  assert.equal(moved.length, 2 + 6, 'Tuesday keeps its weekly hours');
  const closed = slots({ ...MON_TUE, overrides: [{ date: '2026-06-08', windows: [] }] });
  assert.ok(starts(closed).every((s) => s.startsWith('2026-06-09')));
  // A Sunday without weekly hours opens by an override.
  const sunday = slots({ from: '2026-06-07T00:00:00Z', to: '2026-06-08T00:00:00Z', overrides: [{ date: '2026-06-07', windows: [{ start: '10:00', end: '11:00' }] }] });
  assert.deepEqual(starts(sunday), ['2026-06-07T07:00:00Z', '2026-06-07T07:30:00Z']);
});

test('time off: a whole day, a range of days, part of a day (any slot touching it goes)', () => {
  const day = slots({ ...MON_TUE, timeOff: [{ from: '2026-06-08T00:00', to: '2026-06-09T00:00' }] });
  assert.ok(day.length === 6 && starts(day).every((s) => s.startsWith('2026-06-09')));
  const range = slots({ from: '2026-06-08T00:00:00Z', to: '2026-06-13T00:00:00Z', timeOff: [{ from: '2026-06-08T00:00', to: '2026-06-11T00:00' }] });
  assert.deepEqual([...new Set(starts(range).map((s) => s.slice(0, 10)))], ['2026-06-11', '2026-06-12']);
  const part = slots({ ...MON, timeOff: [{ from: '2026-06-08T10:15', to: '2026-06-08T10:45' }] });
  assert.deepEqual(starts(part), [monday[0], monday[1], monday[4], monday[5]], '10:00 and 10:30 touch 10:15–10:45');
  const edge = slots({ ...MON, timeOff: [{ from: '2026-06-08T10:00', to: '2026-06-08T10:30' }] });
  assert.deepEqual(starts(edge), monday.filter((s) => s !== monday[2]), 'only the slot inside it; the ends are exclusive');
});

test('buffers keep time free before and after every booking', () => {
  const busy = [{ start: '2026-06-08T07:00:00Z', end: '2026-06-08T07:30:00Z' }]; // 10:00–10:30 local
  assert.deepEqual(starts(slots({ ...MON, busy })), monday.filter((s) => s !== monday[2]));
  // 15 minutes: 09:30 (ends 10:00, inside 09:45–10:45) and 10:30 go too.
  assert.deepEqual(starts(slots({ ...MON, busy, bufferMinutes: 15 })), [monday[0], monday[4], monday[5]]);
  assert.equal(conflictsWithBookings({ timeZone: 'Europe/Kyiv', start: new Date(monday[3]!), durationMinutes: 30, busy, bufferMinutes: 15 }), true);
  assert.equal(conflictsWithBookings({ timeZone: 'Europe/Kyiv', start: new Date(monday[4]!), durationMinutes: 30, busy, bufferMinutes: 15 }), false);
});

test('a daily cap counts bookings by their local day (Kyiv), however many slots are left', () => {
  // 23:30Z on Sunday is 02:30 on Monday in Kyiv: it counts for Monday.
  const busy = [{ start: '2026-06-07T23:30:00Z', end: '2026-06-08T00:00:00Z' }];
  const capped = slots({ ...MON_TUE, busy, maxPerDay: 1 });
  assert.ok(capped.length === 6 && starts(capped).every((s) => s.startsWith('2026-06-09')));
  assert.equal(slots({ ...MON_TUE, busy, maxPerDay: 2 }).length, 12);
  assert.equal(conflictsWithBookings({ timeZone: 'Europe/Kyiv', start: new Date(monday[0]!), durationMinutes: 30, busy, maxPerDay: 1 }), true);
});

test('services of different lengths: the grid is the service’s length from each window’s start; bookings of any length block what they overlap', () => {
  const hour = slots({ ...MON, durationMinutes: 60 });
  assert.deepEqual(starts(hour), ['2026-06-08T06:00:00Z', '2026-06-08T07:00:00Z', '2026-06-08T08:00:00Z']);
  assert.ok(hour.every((s) => Date.parse(s.end) - Date.parse(s.start) === 3_600_000));
  // A 60-minute booking at 09:00 blocks two 30-minute slots.
  const long = [{ start: '2026-06-08T06:00:00Z', end: '2026-06-08T07:00:00Z' }];
  assert.deepEqual(starts(slots({ ...MON, busy: long })), monday.slice(2));
  // A 30-minute booking at 10:30 blocks the 60-minute slot at 10:00 (10:00–11:00).
  const short = [{ start: '2026-06-08T07:30:00Z', end: '2026-06-08T08:00:00Z' }];
  assert.deepEqual(starts(slots({ ...MON, durationMinutes: 60, busy: short })), ['2026-06-08T06:00:00Z', '2026-06-08T08:00:00Z']);
  // A 45-minute service in 09:00–12:00: 09:00, 09:45, 10:30, 11:15 (ends 12:00).
  assert.deepEqual(starts(slots({ ...MON, durationMinutes: 45 })).map((s) => s.slice(11, 16)), ['06:00', '06:45', '07:30', '08:15']);
  // isBookableSlot follows the service's grid.
  const bookable = (start: string, durationMinutes: number) =>
    isBookableSlot({ schedule: week('09:00', '12:00'), timeZone: 'Europe/Kyiv', start: new Date(start), now: EPOCH, minNoticeMinutes: 0, durationMinutes });
  assert.equal(bookable('2026-06-08T06:30:00Z', 30), true);
  assert.equal(bookable('2026-06-08T06:30:00Z', 60), false);
  assert.equal(bookable('2026-06-08T06:45:00Z', 45), true);
  assert.equal(bookable('2026-06-08T08:30:00Z', 60), false, 'would end after the window');
});

test('Europe/Kyiv spring forward (29 March 2026, 03:00 → 04:00): 60-minute slots skip the gap; time off in local time', () => {
  const base = { schedule: week('02:00', '05:00', [7]), timeZone: 'Europe/Kyiv', from: '2026-03-29T00:00:00Z', to: '2026-03-30T00:00:00Z', durationMinutes: 60 };
  // 02:00 EET = 00:00Z (to 03:00 local = 04:00 EEST: every instant is inside 02:00–05:00); 03:00 does not exist; 04:00 EEST = 01:00Z.
  assert.deepEqual(starts(slots(base)), ['2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z']);
  assert.deepEqual(starts(slots({ ...base, timeOff: [{ from: '2026-03-29T04:00', to: '2026-03-29T05:00' }] })), ['2026-03-29T00:00:00Z']);
  // A buffer in real minutes: a booking 00:00Z–01:00Z with 30 minutes keeps 01:00Z–02:00Z (04:00 local) from being offered.
  assert.deepEqual(starts(slots({ ...base, busy: [{ start: '2026-03-29T00:00:00Z', end: '2026-03-29T01:00:00Z' }], bufferMinutes: 30 })), []);
});

test('Europe/Kyiv fall back (25 October 2026, 04:00 → 03:00): the repeated hour is offered twice, each slot 60 real minutes', () => {
  const base = { schedule: week('02:00', '05:00', [7]), timeZone: 'Europe/Kyiv', from: '2026-10-24T12:00:00Z', to: '2026-10-25T12:00:00Z', durationMinutes: 60 };
  assert.deepEqual(starts(slots(base)), ['2026-10-24T23:00:00Z', '2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z']);
  // Time off 03:00–04:00 local covers both of its instants.
  assert.deepEqual(starts(slots({ ...base, timeOff: [{ from: '2026-10-25T03:00', to: '2026-10-25T04:00' }] })), ['2026-10-24T23:00:00Z', '2026-10-25T02:00:00Z']);
  // The daily cap counts a booking of that Sunday in local time.
  assert.deepEqual(starts(slots({ ...base, busy: [{ start: '2026-10-25T20:00:00Z', end: '2026-10-25T20:30:00Z' }], maxPerDay: 1 })), []);
});

test('America/New_York spring forward (8 March 2026) with a date override and part-day time off', () => {
  const base = {
    schedule: [] as WeeklyWindow[],
    timeZone: 'America/New_York',
    from: '2026-03-08T00:00:00Z',
    to: '2026-03-09T00:00:00Z',
    durationMinutes: 60,
    overrides: [{ date: '2026-03-08', windows: [{ start: '01:00', end: '04:00' }] }],
  };
  // 01:00 EST = 06:00Z (to 07:00Z = 03:00 EDT); 02:00 does not exist; 03:00 EDT = 07:00Z.
  assert.deepEqual(starts(slots(base)), ['2026-03-08T06:00:00Z', '2026-03-08T07:00:00Z']);
  assert.deepEqual(starts(slots({ ...base, timeOff: [{ from: '2026-03-08T03:30', to: '2026-03-08T03:45' }] })), ['2026-03-08T06:00:00Z']);
  // 30-minute service on the same override: 01:00, 01:30, 03:00, 03:30 local.
  assert.deepEqual(starts(slots({ ...base, durationMinutes: 30 })), ['2026-03-08T06:00:00Z', '2026-03-08T06:30:00Z', '2026-03-08T07:00:00Z', '2026-03-08T07:30:00Z']);
});

test('malformed rules are ignored rather than trusted', () => {
  const plain = slots(MON);
  assert.deepEqual(
    slots({ ...MON, overrides: [{ date: '2026-02-30', windows: [] }], timeOff: [{ from: 'soon', to: 'later' }, { from: '2026-06-08T12:00', to: '2026-06-08T09:00' }], busy: [{ start: 'x', end: 'y' }] }),
    plain,
  );
});
