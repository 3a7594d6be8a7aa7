// What a booking needs to know about its specialist (issue 13), shared by availability, booking and
// nextFree: the specialist (active), the service (given, else their first active one), their hours
// and notice, the free slots of a range, and whether one start can be booked now.
//
// Rules are read from the database and kept per process until the specialist's availability
// generation moves (every invalidation, local or from another process: hours, specialist and
// service changes, bookings) or 60 s pass, so a repeated availability question costs no query.
import type { Deps } from './http.js';
import { conflictsWithBookings, freeSlots, isBookableSlot, MAX_RANGE_DAYS, type Slot } from './availability.js';
import { availabilityKey } from './availability-cache.js';
import type { FieldErrors } from './problem.js';
import type { ClinicSpecialist, Repositories, ServiceRecord, SpecialistHours } from './store/index.js';
import { iso } from './time.js';

export interface Bookable {
  specialist: ClinicSpecialist;
  service: ServiceRecord;
  hours: SpecialistHours;
  /** The specialist's notice, else the server's default. */
  minNoticeMinutes: number;
}

const DAY = 86_400_000;
const RULES_TTL_MS = 60_000;
/** Bookings this far around a range are read: local days (±14 h), buffers (≤ 4 h) and lengths (≤ 2 h) fit. */
const BUSY_MARGIN_MS = 2 * DAY;

const hasControl = (s: string) => /[\u0000-\u001f]/.test(s);

interface RulesEntry {
  generation: number;
  expires: number;
  specialist: ClinicSpecialist | undefined;
  services: ServiceRecord[];
  hours: SpecialistHours;
}
const rulesCaches = new WeakMap<Deps, Map<string, RulesEntry>>();

/** The specialist's record, active services and hours: from the database in a transaction, else the per-process cache. */
async function rulesOf(deps: Deps, id: string, repos?: Repositories): Promise<RulesEntry> {
  const load = async (r: Repositories, generation: number): Promise<RulesEntry> => ({
    generation,
    expires: Date.now() + RULES_TTL_MS,
    specialist: await r.clinic.getSpecialist(id),
    services: await r.clinic.listServices(id),
    hours: await r.clinic.getHours(id),
  });
  if (repos) return load(repos, -1);
  let cache = rulesCaches.get(deps);
  if (!cache) rulesCaches.set(deps, (cache = new Map()));
  const generation = deps.availability.generation(id);
  const hit = cache.get(id);
  if (hit && hit.generation === generation && hit.expires > Date.now()) return hit;
  const entry = await load(deps.store, generation);
  if (cache.size > 1000) cache.clear();
  // Stored only when nothing invalidated the specialist while reading.
  if (deps.availability.generation(id) === generation) cache.set(id, entry);
  return entry;
}

/**
 * The active specialist named (or the only active one) and the service named (or their first
 * active one); field errors on `specialist` / `service` otherwise. A deactivated specialist is
 * unknown here (history elsewhere still names them).
 */
export async function pickBookable(deps: Deps, q: { specialist?: string; service?: string }, repos?: Repositories): Promise<{ ok: Bookable } | { errors: FieldErrors }> {
  let id = q.specialist;
  if (!id) {
    const active = (await (repos ?? deps.store).clinic.listSpecialists()).filter((s) => s.active);
    if (active.length !== 1) return { errors: { specialist: ['Choose a specialist'] } };
    id = active[0]!.id;
  }
  if (hasControl(id) || id.length > 100) return { errors: { specialist: ['Unknown specialist'] } };
  const rules = await rulesOf(deps, id, repos);
  if (!rules.specialist?.active) return { errors: { specialist: ['Unknown specialist'] } };
  let service: ServiceRecord | undefined;
  if (q.service) service = rules.services.find((s) => s.id === q.service);
  else service = rules.services[0];
  if (!service) return { errors: { service: [q.service ? 'Unknown service: use one of GET /api/specialists/{id}/services' : 'This specialist offers no service yet'] } };
  const minNoticeMinutes = rules.hours.minNoticeMinutes ?? Math.round(deps.config.minNoticeHours * 60);
  return { ok: { specialist: rules.specialist, service, hours: rules.hours, minNoticeMinutes } };
}

const rulesInput = (b: Bookable) => ({
  schedule: b.hours.weekly,
  timeZone: b.specialist.timeZone,
  durationMinutes: b.service.durationMinutes,
  overrides: b.hours.overrides,
  timeOff: b.hours.timeOff,
});

/** The cache key of a range's slots for this specialist and service. */
export const slotsKey = (b: Bookable, from: Date, to: Date, now: Date) =>
  availabilityKey({ specialistId: b.specialist.id, service: b.service.id, from: iso(from), to: iso(to), earliest: now.getTime() + b.minNoticeMinutes * 60_000 });

/** Free slots of [from, to): computed once per range, service and notice bucket until the next invalidation (cache). */
export function slotsOf(deps: Deps, b: Bookable, from: Date, to: Date, now: Date): Promise<Slot[]> {
  return deps.availability.getOrCompute(slotsKey(b, from, to, now), async () => {
    const busy = await deps.store.clinic.bookedIntervals(b.specialist.id, iso(from.getTime() - BUSY_MARGIN_MS), iso(to.getTime() + BUSY_MARGIN_MS));
    return freeSlots({
      ...rulesInput(b),
      from,
      to,
      now,
      minNoticeMinutes: b.minNoticeMinutes,
      busy,
      bufferMinutes: b.hours.bufferMinutes,
      maxPerDay: b.hours.maxPerDay,
    });
  });
}

/** The start of the next free slot of the service within 62 days of now, or null (cached like any range). */
export async function nextFreeOf(deps: Deps, b: Bookable, now: Date): Promise<string | null> {
  // The range starts on a 15-minute boundary, so that one cache entry serves a quarter of an hour.
  const from = new Date(Math.floor(now.getTime() / 900_000) * 900_000);
  const to = new Date(from.getTime() + MAX_RANGE_DAYS * DAY);
  return (await slotsOf(deps, b, from, to, now))[0]?.start ?? null;
}

/** True when `start` is a slot the hours offer for this service (bookings aside): window, grid, time off, notice. */
export const isOfferedStart = (b: Bookable, start: Date, now: Date) => isBookableSlot({ ...rulesInput(b), start, now, minNoticeMinutes: b.minNoticeMinutes });

/**
 * Whether `start` can be booked now, inside the booking's transaction: 'invalid' when it is not an
 * offered slot (hours, grid, time off, notice), 'taken' when bookings keep it (overlap, buffer,
 * daily cap), else 'ok'. Takes the specialist's booking lock first (PostgreSQL; SQLite writers are
 * serialized already), so the check and the insert that follows are one step for every process.
 */
export async function checkStart(tx: Repositories, b: Bookable, start: Date, now: Date, except?: string): Promise<'ok' | 'invalid' | 'taken'> {
  if (!isOfferedStart(b, start, now)) return 'invalid';
  await tx.clinic.lockBookings(b.specialist.id);
  const busy = (await tx.clinic.bookedIntervals(b.specialist.id, iso(start.getTime() - BUSY_MARGIN_MS), iso(start.getTime() + BUSY_MARGIN_MS))).filter(
    (x) => except === undefined || x.id !== except,
  );
  const taken = conflictsWithBookings({
    timeZone: b.specialist.timeZone,
    start,
    durationMinutes: b.service.durationMinutes,
    busy,
    bufferMinutes: b.hours.bufferMinutes,
    maxPerDay: b.hours.maxPerDay,
  });
  return taken ? 'taken' : 'ok';
}
