// An iCalendar file for one confirmed booking, built with the `ics` package.
//
// Only what the caller passes ends up in the file: no visitor data is added here.
// `ics` folds lines at 75 *characters*; RFC 5545 asks for 75 *octets*, which Cyrillic names exceed,
// so the output is refolded at UTF-8 character boundaries (content is untouched).
import { createEvent } from 'ics';

export interface BookingIcsInput {
  id: string;
  /** UTC ISO 8601 instants, e.g. "2026-03-29T07:00:00Z". */
  start: string;
  end: string;
  specialistName: string;
  /** Defaults to "Free consultation with {specialistName}". */
  title?: string;
  description?: string;
  /** Where the visitor can manage or cancel the booking; also the event's URL. */
  manageUrl: string;
  organizerEmail?: string;
}

/** Text for a one-line property: control characters become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Text that may span lines: any line break becomes "\n" (which `ics` escapes), other controls go. */
function multiLine(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

function instant(value: string, name: string): number {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(t)) throw new Error(`bookingIcs: ${name} is not a valid date: ${JSON.stringify(value)}`);
  return t;
}

const encoder = new TextEncoder();

/** Refold content lines so that none exceeds 75 octets (RFC 5545 §3.1), never splitting a character. */
function foldOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: string[] = [];
  for (const line of lines) {
    let current = '';
    let size = 0;
    let limit = 75;
    for (const ch of line) {
      const n = encoder.encode(ch).length;
      if (size + n > limit) {
        out.push(current);
        current = ' ';
        size = 1;
        limit = 75;
      }
      current += ch;
      size += n;
    }
    out.push(current);
  }
  return out.join('\r\n');
}

/** The booking as an iCalendar (.ics) file. Throws an Error when the input is invalid or `ics` reports one. */
export function bookingIcs(b: BookingIcsInput): string {
  const start = instant(b.start, 'start');
  const end = instant(b.end, 'end');
  if (end <= start) throw new Error('bookingIcs: end must be after start');
  const id = oneLine(String(b.id ?? ''));
  if (!id) throw new Error('bookingIcs: id is required');
  const specialistName = oneLine(String(b.specialistName ?? ''));
  const title = b.title ? oneLine(b.title) : `Free consultation with ${specialistName}`;
  const manageUrl = String(b.manageUrl ?? '').trim();
  const manage = `Manage or cancel this booking: ${manageUrl}`;
  const description = b.description ? `${multiLine(b.description).trim()}\n\n${manage}` : manage;

  const { error, value } = createEvent({
    productId: 'hearth',
    uid: `${id}@hearth`,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end,
    endInputType: 'utc',
    endOutputType: 'utc',
    title,
    description,
    url: manageUrl,
    status: 'CONFIRMED',
    ...(b.organizerEmail ? { organizer: { name: specialistName, email: oneLine(b.organizerEmail) } } : {}),
  });
  if (error || !value) throw new Error(`bookingIcs: ${error?.message ?? 'ics returned nothing'}`, { cause: error ?? undefined });
  return foldOctets(value);
}
