// The booking's .ics file: built by `ics`, UTC stamps, stable UID, manage link, folded lines.
/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bookingIcs } from '../../server/src/ics.js';

const booking = {
  id: 'bk_01HZX3',
  start: '2026-03-29T07:00:00Z',
  end: '2026-03-29T07:30:00Z',
  specialistName: 'Dr Olena Shevchenko',
  manageUrl: 'https://clinic.example/booking/bk_01HZX3?token=4f1c2a9e',
};

/** Content lines after unfolding (RFC 5545 §3.1). */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}

/** Property name → values (without parameters). */
function props(ics: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of unfold(ics)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0]!;
    map.set(name, [...(map.get(name) ?? []), line.slice(colon + 1)]);
  }
  return map;
}

function one(ics: string, name: string): string {
  const values = props(ics).get(name) ?? [];
  assert.equal(values.length, 1, `exactly one ${name}`);
  return values[0]!;
}

/** "20260329T070000Z" → epoch ms. */
function parseUtcStamp(stamp: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  assert.ok(m, `UTC stamp: ${stamp}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

function assertFolded(ics: string): void {
  assert.ok(ics.endsWith('\r\n'));
  assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line breaks');
  for (const line of ics.split('\r\n')) {
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `≤ 75 octets: ${JSON.stringify(line)}`);
  }
}

test('a booking becomes one VEVENT in a VCALENDAR with UTC times, UID, URL and summary', () => {
  const ics = bookingIcs(booking);
  assertFolded(ics);
  const lines = unfold(ics);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 1);
  assert.equal(one(ics, 'VERSION'), '2.0');
  assert.equal(one(ics, 'PRODID'), 'hearth');
  assert.ok(lines.includes('DTSTART:20260329T070000Z'));
  assert.ok(lines.includes('DTEND:20260329T073000Z'));
  assert.equal(one(ics, 'UID'), 'bk_01HZX3@hearth');
  assert.equal(one(ics, 'URL'), booking.manageUrl);
  assert.equal(one(ics, 'SUMMARY'), 'Free consultation with Dr Olena Shevchenko');
  assert.equal(one(ics, 'STATUS'), 'CONFIRMED');
  assert.match(one(ics, 'DTSTAMP'), /^\d{8}T\d{6}Z$/);
  assert.ok(one(ics, 'DESCRIPTION').includes(booking.manageUrl), 'the description carries the manage link');
  assert.equal(props(ics).has('ORGANIZER'), false);
  assert.equal(props(ics).has('ATTENDEE'), false, 'nothing about the visitor');
});

test('start and end round-trip exactly, across the DST change and at other times', () => {
  for (const [start, end] of [
    ['2026-03-29T07:00:00Z', '2026-03-29T07:30:00Z'],
    ['2026-10-25T01:00:00Z', '2026-10-25T01:30:00Z'],
    ['2026-12-31T23:45:00Z', '2027-01-01T00:15:00Z'],
    ['2026-06-09T03:45:00.000Z', '2026-06-09T04:15:00+00:00'],
  ]) {
    const ics = bookingIcs({ ...booking, start: start!, end: end! });
    assert.equal(parseUtcStamp(one(ics, 'DTSTART')), Date.parse(start!));
    assert.equal(parseUtcStamp(one(ics, 'DTEND')), Date.parse(end!));
  }
});

test('the UID is stable for a booking id', () => {
  const a = bookingIcs(booking);
  const b = bookingIcs({ ...booking, title: 'Rescheduled' });
  assert.equal(one(a, 'UID'), one(b, 'UID'));
  assert.notEqual(one(a, 'UID'), one(bookingIcs({ ...booking, id: 'bk_other' }), 'UID'));
});

test('title, description and organizer are used when given, escaped by ics', () => {
  const ics = bookingIcs({
    ...booking,
    title: 'Consultation; online, video',
    description: 'Join from a quiet place.\r\nBring questions, if any; nothing else.',
    organizerEmail: 'bookings@clinic.example',
  });
  assertFolded(ics);
  assert.equal(one(ics, 'SUMMARY'), 'Consultation\\; online\\, video');
  assert.equal(
    one(ics, 'DESCRIPTION'),
    `Join from a quiet place.\\nBring questions\\, if any\\; nothing else.\\n\\nManage or cancel this booking: ${booking.manageUrl}`,
  );
  const organizer = unfold(ics).find((l) => l.startsWith('ORGANIZER'));
  assert.equal(organizer, 'ORGANIZER;CN="Dr Olena Shevchenko":MAILTO:bookings@clinic.example');
});

test('long Cyrillic text is folded at 75 octets without splitting characters', () => {
  const name = 'Олександра Володимирівна Коваленко-Шевченко';
  const description = 'Безкоштовна консультація з фахівцем із психічного здоров’я. '.repeat(4).trim();
  const ics = bookingIcs({ ...booking, specialistName: name, description, organizerEmail: 'bookings@clinic.example' });
  assertFolded(ics);
  assert.ok(!ics.includes('\uFFFD'));
  assert.equal(one(ics, 'SUMMARY'), `Free consultation with ${name}`);
  assert.ok(one(ics, 'DESCRIPTION').startsWith(description.replace(/,/g, '\\,')));
  assert.ok(unfold(ics).some((l) => l === `ORGANIZER;CN="${name}":MAILTO:bookings@clinic.example`));
  assert.ok(ics.split('\r\n').some((l) => l.startsWith(' ')), 'long lines were folded');
});

test('line breaks in names or titles cannot inject properties', () => {
  const ics = bookingIcs({ ...booking, specialistName: 'Dr X\r\nATTENDEE:mailto:evil@example', title: 'Hi\rSTATUS:CANCELLED' });
  assertFolded(ics);
  assert.equal(props(ics).has('ATTENDEE'), false);
  assert.deepEqual(props(ics).get('STATUS'), ['CONFIRMED']);
});

test('invalid bookings throw', () => {
  assert.throws(() => bookingIcs({ ...booking, start: 'tomorrow' }), /start is not a valid date/);
  assert.throws(() => bookingIcs({ ...booking, end: booking.start }), /end must be after start/);
  assert.throws(() => bookingIcs({ ...booking, id: '' }), /id is required/);
  assert.throws(() => bookingIcs({ ...booking, manageUrl: 'not a url' }), (e: unknown) => e instanceof Error && /^bookingIcs: /.test(e.message));
  assert.throws(() => bookingIcs({ ...booking, organizerEmail: 'x'.repeat(10) + ' y' }), Error);
});
