// The visitor moves their booking (issue 13):
//   POST /api/consultations/manage/:token/reschedule  {start, timeZone?}  (Idempotency-Key)
// In one transaction the booking (held against concurrent changes) gets the new time: the old one
// is free and the new one taken together, or nothing changes. The new start must be a slot that
// the availability answer would offer (checked as POST /api/consultations checks it), for the same
// specialist and the same length. The manage link stays the same. Answers: 200 ManagedBooking; 404
// unknown token; 409 /problems/booking-cancelled, /problems/booking-past (it has started), or
// /problems/slot-taken (someone has the new time: the booking keeps its own); 422 on `start`;
// 429 (the booking's rate limits: per email and per client address per hour, counted together
// with new bookings).
import { z } from 'zod';
import { checkStart, pickBookable } from '../booking-rules.js';
import { checkIdempotencyKey, idempotentWrite } from '../idempotency.js';
import { notify } from '../notify.js';
import { fieldErrorsOf, problem, validationProblem, type Answer, type FieldErrors } from '../problem.js';
import { clientIp, ownOrigin, readJsonBody, send, type Deps, type Router } from '../http.js';
import { hashToken } from '../sessions.js';
import { SlotTakenError, type StaffBookingRow } from '../store/index.js';
import { statusOf } from '../store/bookings-staff.js';
import { iso, parseInstant } from '../time.js';
import { slotStart, timeZone, TOKEN } from '../validation.js';

const rescheduleSchema = z.object({
  start: slotStart(),
  timeZone: timeZone().nullish(),
});

/** ManagedBooking of the contract: nothing personal. */
export const managedBookingOf = (b: StaffBookingRow) => ({
  id: b.id,
  start: b.start,
  end: b.end,
  specialist: { id: b.specialistId, name: b.specialistName },
  status: statusOf(b),
  ...(b.service ? { service: b.service } : {}),
});

const notFound = () => problem(404, 'No booking has this link. It may have been mistyped.', { name: 'booking-not-found', title: 'Booking not found' });
const cancelled = () => problem(409, 'This booking is cancelled: book a new time instead.', { name: 'booking-cancelled', title: 'Booking cancelled' });
const slotTaken = () => problem(409, 'Someone has just booked this time. Pick another time.', { name: 'slot-taken', title: 'Slot taken' });

export function rescheduleRoutes(r: Router, deps: Deps): void {
  const { store, config } = deps;

  r.on('POST', '/api/consultations/manage/:token/reschedule', async (c) => {
    const token = c.req.param('token') ?? '';
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const key = c.req.header('idempotency-key');
    const keyProblem = checkIdempotencyKey(key);
    if (keyProblem) return send(keyProblem);
    const found = TOKEN.test(token) ? await store.staffBookings.byManageHash(hashToken(token)) : undefined;
    if (!found) return send(notFound());
    const ip = clientIp(c, config);
    const own = ownOrigin(c, config);

    let moved = false; // set when this request (not a replay) moved it
    let answer: Answer;
    try {
      answer = await idempotentWrite(deps, { scope: `POST /api/consultations/manage/reschedule\n${found.id}`, key: key!, body: body.value, text: body.text }, async (tx) => {
        const b = await tx.staffBookings.lock(found.id);
        if (!b) return notFound();
        if (b.cancelledAt) return cancelled();
        const now = deps.now();
        if (b.start <= iso(now))
          return problem(409, 'This consultation has started or is over: it can no longer be moved.', { name: 'booking-past', title: 'Booking past' });

        const parsed = rescheduleSchema.safeParse(body.value);
        const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
        const raw = (body.value && typeof body.value === 'object' ? body.value : {}) as Record<string, unknown>;
        const start = typeof raw.start === 'string' ? parseInstant(raw.start) : undefined;
        if (!errors.start && !start) errors.start = ['Use an ISO 8601 date-time with a zone, e.g. 2026-03-30T07:00:00Z'];
        // The same specialist and service (so the same length), under the rules a new booking meets.
        const picked = await pickBookable(deps, { specialist: b.specialistId, service: b.service?.id }, tx);
        if ('errors' in picked) errors.start ??= ['This specialist or service takes no new bookings: cancel this booking and book another'];
        if (!errors.start && start && iso(start) === b.start) errors.start = ['This is the booking’s time already: pick another time'];
        if (!parsed.success || Object.keys(errors).length || !start || 'errors' in picked)
          return validationProblem(errors, 'The booking could not be moved: check the fields.');
        const bookable = picked.ok;
        // Hours, grid, notice ('invalid'), then the other bookings with the buffer and the daily cap
        // ('taken'), this booking aside: under the specialist's booking lock, taken before the rate
        // limits' locks as POST /api/consultations takes them (the same order: no deadlock).
        const check = await checkStart(tx, bookable, start, now, b.id);
        if (check === 'invalid') return validationProblem({ start: ['This time cannot be booked: pick one of the offered times'] }, 'The booking could not be moved: check the fields.');
        if (check === 'taken') return slotTaken();

        // The booking's limits, counted with new bookings; only a move that commits counts (any
        // other answer rolls the hit back with the transaction).
        const quotaKeys = [`bookings-email\n${b.email.toLowerCase()}`, `bookings-ip\n${ip}`];
        const limit = await tx.limits.take(quotaKeys.map((k) => [k, config.bookingsPerHour] as const), 3_600_000, now.getTime());
        if (!limit.ok)
          return problem(429, `Too many bookings from you in the last hour: try again in ${Math.ceil(limit.retryAfter / 60)} minutes.`, {
            name: 'rate-limited',
            headers: { 'Retry-After': String(limit.retryAfter) },
          });

        const next = { start: iso(start), end: iso(start.getTime() + bookable.service.durationMinutes * 60_000) };
        // Throws SlotTakenError (the whole transaction rolls back) when the new time is taken.
        if (!(await tx.staffBookings.reschedule(b.id, next.start, next.end, parsed.data.timeZone ?? undefined))) return cancelled();
        const manageUrl = `${own}/api/consultations/manage/${token}`;
        await notify(deps, tx, { type: 'booking.rescheduled', bookingId: b.id, previousStart: b.start, previousEnd: b.end, manageUrl, origin: own });
        moved = true;
        return { status: 200, body: managedBookingOf({ ...b, ...next }) };
      });
    } catch (e) {
      if (!(e instanceof SlotTakenError)) throw e;
      answer = slotTaken();
    }
    // After the commit: every process forgets this specialist's computed slots (old and new time).
    if (moved && answer.status === 200) await deps.availability.invalidate(found.specialistId);
    return send(answer);
  });
}
