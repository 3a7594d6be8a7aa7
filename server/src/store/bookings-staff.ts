// Bookings as the care team sees them (issue 13): the list per specialist or for everyone, the
// CSV export, attendance, cancelling with a reason, and the visitor's reschedule. Written once for
// both databases like conversations.ts (`?` placeholders; each store runs it on its connection or
// transaction).
//
// A booking's status is derived, never stored twice: cancelled when cancelled_at is set (the slot
// invariant reads only that), else its attendance once marked (attended / no-show), else confirmed.
// note and cancel_reason are stored sealed (crypto-box.ts): this file never opens them.
//
// Rescheduling moves one row (its id and manage link stay): the new time is checked against the
// specialist's other active bookings, and the database arbitrates racing writers (the unique index
// on active slots, and from migration 9 the overlap trigger): the loser's UPDATE fails, which
// becomes SlotTakenError and rolls its whole transaction back (in PostgreSQL the failed statement
// aborts it anyway).
import type { Sql } from './conversations.js';
import { SlotTakenError } from './types.js';

export type BookingStatus = 'confirmed' | 'cancelled' | 'attended' | 'no-show';
export type Attendance = 'attended' | 'no-show';
export type CancelledBy = 'visitor' | 'staff';

export interface StaffBookingRow {
  id: string;
  specialistId: string;
  specialistName: string;
  /** null until bookings have services. */
  service: { id: string; name: string; durationMinutes: number } | null;
  start: string;
  end: string;
  name: string;
  email: string;
  phone: string | null;
  /** Sealed. */
  note: string | null;
  timeZone: string;
  createdAt: string;
  cancelledAt: string | null;
  attendance: Attendance | null;
  /** Sealed. */
  cancelReason: string | null;
  cancelledBy: CancelledBy | null;
}

export interface StaffBookingQuery {
  /** One specialist's; undefined: everyone's. */
  specialistId?: string;
  /** upcoming: end > now, soonest first; past: end ≤ now, latest first. */
  when: 'upcoming' | 'past';
  now: string;
  /** Keyset: strictly after this (start, id) in the list's order. */
  before?: { start: string; id: string };
  limit: number;
}

export interface StaffBookingStore {
  list(q: StaffBookingQuery): Promise<StaffBookingRow[]>;
  /** Every booking by (start, id), after `after`, at most `limit` (the CSV export pages through them). */
  all(after: { start: string; id: string } | undefined, limit: number): Promise<StaffBookingRow[]>;
  get(id: string): Promise<StaffBookingRow | undefined>;
  byManageHash(hash: string): Promise<StaffBookingRow | undefined>;
  /**
   * Reads a booking and holds it for the rest of the transaction (PostgreSQL: its row lock, taken
   * by a no-op UPDATE, so a concurrent change of the same booking waits and then reads the result).
   */
  lock(id: string): Promise<StaffBookingRow | undefined>;
  /** Marks attendance of an active booking; false when it is cancelled (or unknown). */
  setAttendance(id: string, attendance: Attendance): Promise<boolean>;
  /** Cancels an active booking that has not started by `now`; false otherwise. */
  cancel(id: string, c: { at: string; now: string; by: CancelledBy; reason: string | null }): Promise<boolean>;
  /**
   * Moves an active booking to [start, end). Throws SlotTakenError when another active booking of
   * the specialist overlaps it (checked here, and by the unique index for racing writers); false
   * when the booking is cancelled (or unknown).
   */
  reschedule(id: string, start: string, end: string, timeZone?: string): Promise<boolean>;
}

export const statusOf = (b: Pick<StaffBookingRow, 'cancelledAt' | 'attendance'>): BookingStatus => (b.cancelledAt ? 'cancelled' : (b.attendance ?? 'confirmed'));

// The booking's service (migration 9: bookings.service_id; older rows got the default service).
const SERVICE_COLUMNS = 'v.id AS "serviceId", v.name AS "serviceName", v.duration_minutes AS "serviceMinutes"';
const SERVICE_JOIN = 'LEFT JOIN services v ON v.id = b.service_id';

const COLUMNS = `b.id, b.specialist_id AS "specialistId", s.name AS "specialistName", ${SERVICE_COLUMNS},
  b.start, b."end", b.name, b.email, b.phone, b.note, b.time_zone AS "timeZone", b.created_at AS "createdAt",
  b.cancelled_at AS "cancelledAt", b.attendance, b.cancel_reason AS "cancelReason", b.cancelled_by AS "cancelledBy"`;
const FROM = `bookings b JOIN specialists s ON s.id = b.specialist_id ${SERVICE_JOIN}`;

type Row = Omit<StaffBookingRow, 'service'> & { serviceId: string | null; serviceName: string | null; serviceMinutes: number | string | null };
const rowOf = ({ serviceId, serviceName, serviceMinutes, ...r }: Row): StaffBookingRow => ({
  ...r,
  service: serviceId ? { id: serviceId, name: serviceName ?? '', durationMinutes: Number(serviceMinutes) } : null,
});

/**
 * Another active booking has the time: the unique slot index (SQLite, PostgreSQL 23505) or the
 * overlap trigger of migration 9 (SQLite's RAISE 'hearth_booking_overlap', PostgreSQL 23P01).
 * On a booking's times nothing else can raise these.
 */
const isSlotConflict = (e: unknown) => {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  if (code === '23505' || code === '23P01') return true;
  if (typeof code !== 'string') return false;
  return code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || (code.startsWith('SQLITE_CONSTRAINT') && String(message).includes('hearth_booking_overlap'));
};

/** Longer than any booking (services last at most 120 minutes): lets `end > now` use the start index. */
const LONGEST_MS = 24 * 3_600_000;

export function staffBookingRepository(sql: Sql): StaffBookingStore {
  const rows = async (q: string, params: unknown[]) => (await sql.rows<Row>(q, params)).map(rowOf);
  return {
    async list(q) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.specialistId !== undefined) {
        where.push('b.specialist_id = ?');
        params.push(q.specialistId);
      }
      const upcoming = q.when === 'upcoming';
      if (upcoming) {
        where.push('b."end" > ?', 'b.start > ?');
        params.push(q.now, new Date(Date.parse(q.now) - LONGEST_MS).toISOString().replace(/\.\d{3}Z$/, 'Z'));
      } else {
        where.push('b."end" <= ?');
        params.push(q.now);
      }
      if (q.before) {
        const op = upcoming ? '>' : '<';
        where.push(`(b.start ${op} ? OR (b.start = ? AND b.id ${op} ?))`);
        params.push(q.before.start, q.before.start, q.before.id);
      }
      const dir = upcoming ? 'ASC' : 'DESC';
      params.push(q.limit);
      return rows(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY b.start ${dir}, b.id ${dir} LIMIT ?`, params);
    },
    all: (after, limit) =>
      rows(
        `SELECT ${COLUMNS} FROM ${FROM} ${after ? 'WHERE (b.start > ? OR (b.start = ? AND b.id > ?))' : ''} ORDER BY b.start, b.id LIMIT ?`,
        after ? [after.start, after.start, after.id, limit] : [limit],
      ),
    get: async (id) => (await rows(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.id = ?`, [id]))[0],
    byManageHash: async (hash) => (await rows(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.manage_hash = ?`, [hash]))[0],
    async lock(id) {
      // A column no trigger watches (migration 9's overlap check fires on times and cancelled_at).
      if (!(await sql.run('UPDATE bookings SET attendance = attendance WHERE id = ?', [id]))) return undefined;
      return (await rows(`SELECT ${COLUMNS} FROM ${FROM} WHERE b.id = ?`, [id]))[0];
    },
    setAttendance: async (id, attendance) => (await sql.run('UPDATE bookings SET attendance = ? WHERE id = ? AND cancelled_at IS NULL', [attendance, id])) > 0,
    cancel: async (id, c) =>
      (await sql.run('UPDATE bookings SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ? AND cancelled_at IS NULL AND start > ?', [
        c.at,
        c.by,
        c.reason,
        id,
        c.now,
      ])) > 0,
    async reschedule(id, start, end, timeZone) {
      const clash = await sql.rows<{ id: string }>(
        `SELECT o.id FROM bookings o JOIN bookings b ON b.id = ? AND o.specialist_id = b.specialist_id
         WHERE o.id <> b.id AND o.cancelled_at IS NULL AND o.start < ? AND o."end" > ? LIMIT 1`,
        [id, end, start],
      );
      if (clash.length) throw new SlotTakenError('slot taken');
      try {
        return (
          (await sql.run('UPDATE bookings SET start = ?, "end" = ?, time_zone = COALESCE(?, time_zone) WHERE id = ? AND cancelled_at IS NULL', [start, end, timeZone ?? null, id])) > 0
        );
      } catch (e) {
        if (isSlotConflict(e)) throw new SlotTakenError('slot taken', { cause: e });
        throw e;
      }
    },
  };
}
