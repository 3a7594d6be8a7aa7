// The clinic's side of specialists (issue 13): their public profile and staff-only fields, their
// hours (weekly windows, date overrides, time off, notice, buffer, daily cap), their services, the
// booked intervals availability needs, and the `meta` facts (demo seeded once). Written once for
// both databases like conversations.ts (`?` placeholders; booleans are INTEGER 0/1 in both).
//
// specialists.schedule (the JSON of migration 1) is kept as a copy of the weekly windows, written
// with them, so older readers (`specialists.get`) still see the week.
import type { WeeklyWindow } from '../availability.js';
import type { Sql } from './conversations.js';

export interface ClinicSpecialist {
  id: string;
  name: string;
  title: string;
  timeZone: string;
  bio: string | null;
  /** BCP 47 tags. */
  languages: string[];
  photoUrl: string | null;
  email: string | null;
  active: boolean;
}

export interface LocalWindow {
  start: string;
  end: string;
}

export interface DateOverride {
  /** Local "YYYY-MM-DD". */
  date: string;
  /** [] closes the day. */
  windows: LocalWindow[];
}

export interface TimeOff {
  /** Local "YYYY-MM-DDTHH:MM" in the specialist's zone; `to` exclusive. */
  from: string;
  to: string;
  note: string | null;
}

export interface SpecialistHours {
  weekly: WeeklyWindow[];
  overrides: DateOverride[];
  timeOff: TimeOff[];
  /** null: the server's default (HEARTH_MIN_NOTICE_HOURS). */
  minNoticeMinutes: number | null;
  bufferMinutes: number;
  maxPerDay: number | null;
}

export interface ServiceRecord {
  id: string;
  specialistId: string;
  name: string;
  durationMinutes: number;
  price: string | null;
  active: boolean;
}

export interface BookedInterval {
  id: string;
  start: string;
  end: string;
}

export interface ClinicStore {
  /** Every specialist (inactive too): active first, then display order. */
  listSpecialists(): Promise<ClinicSpecialist[]>;
  getSpecialist(id: string): Promise<ClinicSpecialist | undefined>;
  /** Adds a specialist (last in display order) without hours. */
  createSpecialist(s: ClinicSpecialist): Promise<void>;
  /** Changes the given fields (id never). False when there is no such specialist. */
  updateSpecialist(id: string, patch: Partial<Omit<ClinicSpecialist, 'id'>>): Promise<boolean>;
  /** The specialist's hours (empty ones when unknown). */
  getHours(id: string): Promise<SpecialistHours>;
  /** Replaces the specialist's hours. */
  putHours(id: string, h: SpecialistHours): Promise<void>;
  /** A specialist's services in display order (active only, unless `all`). */
  listServices(specialistId: string, all?: boolean): Promise<ServiceRecord[]>;
  getService(id: string): Promise<ServiceRecord | undefined>;
  /** Adds a service, last in the specialist's display order. */
  createService(s: ServiceRecord): Promise<void>;
  updateService(id: string, patch: Partial<Pick<ServiceRecord, 'name' | 'durationMinutes' | 'price' | 'active'>>): Promise<void>;
  /**
   * Serializes the specialist's booking writes until the transaction ends (PostgreSQL: the same
   * advisory lock the overlap trigger takes; SQLite: nothing to do, writers are serialized).
   */
  lockBookings(specialistId: string): Promise<void>;
  /** Active bookings of a specialist overlapping [from, to), by start. */
  bookedIntervals(specialistId: string, from: string, to: string): Promise<BookedInterval[]>;
  /** The service of each booking id given (for ManagedBooking.service). */
  serviceOfBooking(bookingId: string): Promise<ServiceRecord | undefined>;
  /** Sets a booking's service (right after inserting it). */
  setBookingService(bookingId: string, serviceId: string): Promise<void>;
  getMeta(key: string): Promise<string | undefined>;
  /** Inserts a meta row unless the key exists; true when this call inserted it (waits for a concurrent claim). */
  claimMeta(key: string, value: string): Promise<boolean>;
}

type SpecialistRow = Omit<ClinicSpecialist, 'languages' | 'active'> & { languages: string; active: number | string };
const SPECIALIST_COLUMNS =
  'id, name, title, time_zone AS "timeZone", bio, languages, photo_url AS "photoUrl", email, active';
const specialistOf = (r: SpecialistRow): ClinicSpecialist => ({
  id: r.id,
  name: r.name,
  title: r.title,
  timeZone: r.timeZone,
  bio: r.bio ?? null,
  languages: JSON.parse(r.languages || '[]') as string[],
  photoUrl: r.photoUrl ?? null,
  email: r.email ?? null,
  active: Number(r.active) === 1,
});

type ServiceRow = Omit<ServiceRecord, 'active' | 'durationMinutes'> & { active: number | string; durationMinutes: number | string };
const SERVICE_COLUMNS = 'id, specialist_id AS "specialistId", name, duration_minutes AS "durationMinutes", price, active';
const serviceOf = (r: ServiceRow): ServiceRecord => ({
  id: r.id,
  specialistId: r.specialistId,
  name: r.name,
  durationMinutes: Number(r.durationMinutes),
  price: r.price ?? null,
  active: Number(r.active) === 1,
});

/** Column of each patchable field. */
const SPECIALIST_FIELDS: Record<keyof Omit<ClinicSpecialist, 'id'>, string> = {
  name: 'name',
  title: 'title',
  timeZone: 'time_zone',
  bio: 'bio',
  languages: 'languages',
  photoUrl: 'photo_url',
  email: 'email',
  active: 'active',
};
const SERVICE_FIELDS = { name: 'name', durationMinutes: 'duration_minutes', price: 'price', active: 'active' } as const;

const dbValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : Array.isArray(v) ? JSON.stringify(v) : v);

export function clinicRepository(sql: Sql, dialect: 'sqlite' | 'postgres'): ClinicStore {
  const one = async <R>(q: string, params: unknown[]) => (await sql.rows<R>(q, params))[0];
  return {
    listSpecialists: async () =>
      (await sql.rows<SpecialistRow>(`SELECT ${SPECIALIST_COLUMNS} FROM specialists ORDER BY active DESC, sort_order, id`, [])).map(specialistOf),
    getSpecialist: async (id) => {
      const r = await one<SpecialistRow>(`SELECT ${SPECIALIST_COLUMNS} FROM specialists WHERE id = ?`, [id]);
      return r && specialistOf(r);
    },
    createSpecialist: async (s) =>
      void (await sql.run(
        `INSERT INTO specialists (id, name, title, time_zone, schedule, sort_order, bio, languages, photo_url, email, active)
         VALUES (?, ?, ?, ?, '[]', (SELECT COALESCE(MAX(sort_order), -1) + 1 FROM specialists), ?, ?, ?, ?, ?)`,
        [s.id, s.name, s.title, s.timeZone, s.bio, JSON.stringify(s.languages), s.photoUrl, s.email, s.active ? 1 : 0],
      )),
    updateSpecialist: async (id, patch) => {
      const keys = (Object.keys(patch) as Array<keyof typeof patch>).filter((k) => k in SPECIALIST_FIELDS && patch[k] !== undefined);
      if (!keys.length) return (await sql.rows('SELECT 1 AS x FROM specialists WHERE id = ?', [id])).length > 0;
      const set = keys.map((k) => `${SPECIALIST_FIELDS[k]} = ?`).join(', ');
      return (await sql.run(`UPDATE specialists SET ${set} WHERE id = ?`, [...keys.map((k) => dbValue(patch[k])), id])) > 0;
    },
    getHours: async (id) => {
      const [weekly, overrides, timeOff, rules] = [
        await sql.rows<{ weekday: number | string; start: string; end: string }>(
          'SELECT weekday, start_time AS start, end_time AS "end" FROM specialist_weekly_hours WHERE specialist_id = ? ORDER BY weekday, start_time, end_time',
          [id],
        ),
        await sql.rows<{ date: string; windows: string }>('SELECT day AS date, windows FROM specialist_date_overrides WHERE specialist_id = ? ORDER BY day', [id]),
        await sql.rows<TimeOff>('SELECT from_local AS "from", to_local AS "to", note FROM specialist_time_off WHERE specialist_id = ? ORDER BY from_local, to_local', [id]),
        await one<{ minNotice: number | null; buffer: number; maxPerDay: number | null }>(
          'SELECT min_notice_minutes AS "minNotice", buffer_minutes AS buffer, max_per_day AS "maxPerDay" FROM specialists WHERE id = ?',
          [id],
        ),
      ];
      const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
      return {
        weekly: weekly.map((w) => ({ weekday: Number(w.weekday) as WeeklyWindow['weekday'], start: w.start, end: w.end })),
        overrides: overrides.map((o) => ({ date: o.date, windows: JSON.parse(o.windows) as LocalWindow[] })),
        timeOff: timeOff.map((x) => ({ from: x.from, to: x.to, note: x.note ?? null })),
        minNoticeMinutes: num(rules?.minNotice),
        bufferMinutes: Number(rules?.buffer ?? 0),
        maxPerDay: num(rules?.maxPerDay),
      };
    },
    putHours: async (id, h) => {
      for (const table of ['specialist_weekly_hours', 'specialist_date_overrides', 'specialist_time_off'])
        await sql.run(`DELETE FROM ${table} WHERE specialist_id = ?`, [id]);
      for (const w of h.weekly)
        await sql.run('INSERT INTO specialist_weekly_hours (specialist_id, weekday, start_time, end_time) VALUES (?, ?, ?, ?)', [id, w.weekday, w.start, w.end]);
      for (const o of h.overrides)
        await sql.run('INSERT INTO specialist_date_overrides (specialist_id, day, windows) VALUES (?, ?, ?)', [id, o.date, JSON.stringify(o.windows)]);
      for (const x of h.timeOff)
        await sql.run('INSERT INTO specialist_time_off (specialist_id, from_local, to_local, note) VALUES (?, ?, ?, ?)', [id, x.from, x.to, x.note]);
      const schedule = JSON.stringify(h.weekly.map(({ weekday, start, end }) => ({ weekday, start, end })));
      await sql.run('UPDATE specialists SET schedule = ?, min_notice_minutes = ?, buffer_minutes = ?, max_per_day = ? WHERE id = ?', [
        schedule,
        h.minNoticeMinutes,
        h.bufferMinutes,
        h.maxPerDay,
        id,
      ]);
    },
    listServices: async (specialistId, all = false) =>
      (
        await sql.rows<ServiceRow>(
          `SELECT ${SERVICE_COLUMNS} FROM services WHERE specialist_id = ?${all ? '' : ' AND active = 1'} ORDER BY sort_order, id`,
          [specialistId],
        )
      ).map(serviceOf),
    getService: async (id) => {
      const r = await one<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services WHERE id = ?`, [id]);
      return r && serviceOf(r);
    },
    createService: async (s) =>
      void (await sql.run(
        `INSERT INTO services (id, specialist_id, name, duration_minutes, price, active, sort_order)
         VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(sort_order), -1) + 1 FROM services WHERE specialist_id = ?))`,
        [s.id, s.specialistId, s.name, s.durationMinutes, s.price, s.active ? 1 : 0, s.specialistId],
      )),
    updateService: async (id, patch) => {
      const keys = (Object.keys(patch) as Array<keyof typeof patch>).filter((k) => k in SERVICE_FIELDS && patch[k] !== undefined);
      if (!keys.length) return;
      await sql.run(`UPDATE services SET ${keys.map((k) => `${SERVICE_FIELDS[k]} = ?`).join(', ')} WHERE id = ?`, [...keys.map((k) => dbValue(patch[k])), id]);
    },
    lockBookings: async (specialistId) => {
      if (dialect === 'postgres') await sql.rows("SELECT pg_advisory_xact_lock(hashtext('hearth_bookings'), hashtext(?))", [specialistId]);
    },
    bookedIntervals: (specialistId, from, to) =>
      sql.rows<BookedInterval>(
        'SELECT id, start, "end" FROM bookings WHERE specialist_id = ? AND cancelled_at IS NULL AND start < ? AND "end" > ? ORDER BY start',
        [specialistId, to, from],
      ),
    serviceOfBooking: async (bookingId) => {
      const r = await one<ServiceRow>(
        `SELECT s.id, s.specialist_id AS "specialistId", s.name, s.duration_minutes AS "durationMinutes", s.price, s.active
         FROM bookings b JOIN services s ON s.id = b.service_id WHERE b.id = ?`,
        [bookingId],
      );
      return r && serviceOf(r);
    },
    setBookingService: async (bookingId, serviceId) => void (await sql.run('UPDATE bookings SET service_id = ? WHERE id = ?', [serviceId, bookingId])),
    getMeta: async (key) => (await one<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value,
    claimMeta: async (key, value) => (await sql.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, value])) > 0,
  };
}
