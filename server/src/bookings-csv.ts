// The bookings export (GET /api/clinic/bookings.csv): RFC 4180 text for the clinic's own records.
//  - a header row, then one row per booking; lines end in CRLF; a field holding a comma, a double
//    quote, CR or LF is quoted, its quotes doubled;
//  - no formula injection: a cell that a spreadsheet would read as a formula (starting with
//    = + - @, or a tab or CR that some strip first) gets a leading apostrophe, so it stays text;
//  - never the note or the reason for cancelling: the export leaves the care team's hands more
//    easily than the desk does;
//  - UTF-8 with a byte order mark, so that spreadsheet programs read names in any script.
import { statusOf, type StaffBookingRow } from './store/bookings-staff.js';

export const CSV_COLUMNS = ['id', 'specialist', 'service', 'start', 'end', 'status', 'name', 'email', 'phone', 'timeZone', 'createdAt', 'cancelledBy'] as const;

/** One cell: defused when it would start a formula, quoted when it must be. */
export function csvCell(value: string | null): string {
  let s = value ?? '';
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const cellsOf = (b: StaffBookingRow): Array<string | null> => [
  b.id,
  b.specialistName,
  b.service?.name ?? null,
  b.start,
  b.end,
  statusOf(b),
  b.name,
  b.email,
  b.phone,
  b.timeZone,
  b.createdAt,
  b.cancelledBy,
];

export function bookingsCsv(bookings: readonly StaffBookingRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...bookings.map((b) => cellsOf(b).map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
