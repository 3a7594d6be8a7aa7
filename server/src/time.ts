// The one instant format the server emits and stores: "YYYY-MM-DDTHH:MM:SSZ" (UTC, no milliseconds).

export const iso = (d: Date | number): string => new Date(d).toISOString().slice(0, 19) + 'Z';

export const addMinutes = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO 8601 instant with a zone ("…Z" or "…+03:00"), or undefined. */
export function parseInstant(s: string): Date | undefined {
  const m = DATE_TIME.exec(s);
  if (!m || +m[2]! < 1 || +m[2]! > 12 || +m[3]! > 31 || +m[4]! > 23 || +m[5]! > 59 || +(m[6] ?? 0) > 59) return undefined;
  const t = Date.parse(s.toUpperCase());
  return Number.isFinite(t) ? new Date(t) : undefined;
}

/** An ISO 8601 instant, or a calendar date "YYYY-MM-DD" taken as 00:00 UTC; otherwise undefined. */
export function parseDateOrInstant(s: string): Date | undefined {
  const m = DATE.exec(s);
  if (!m) return parseInstant(s);
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! ? d : undefined;
}
