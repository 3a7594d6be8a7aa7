// Bookings for the care team (issue 13):
//   GET   /api/clinic/bookings?when=upcoming|past&specialist=&before=&limit=
//             a specialist's own (naming another specialist: 403); an admin's all or one specialist's
//   GET   /api/clinic/bookings.csv          every booking (admins), without notes or reasons
//   PATCH /api/clinic/bookings/:id          {status: attended|no-show}, once the booking has started
//   POST  /api/clinic/bookings/:id/cancel   {reason}, while it has not started: frees the slot, tells the visitor
// Signed out: 401; a visitor: 403 (whatever the id, so nothing is learnt of which exist); a
// specialist and another specialist's booking: 403; an unknown id: 404. The note and the reason
// are opened for staff only, here; nothing here logs a name, an email, a note or a reason (the
// request log has the route pattern only).
import { z } from 'zod';
import { checkIdempotencyKey, idempotentWrite } from '../idempotency.js';
import { notify } from '../notify.js';
import { problem, validationProblem, type Answer } from '../problem.js';
import { BAD_CURSOR, DEFAULT_PAGE, ID, invalid, NO_NUL, noNul, oneOf, pageLimit, queryOf, requiredText } from '../validation.js';
import { ownOrigin, readJsonBody, send, type Ctx, type Deps, type Router } from '../http.js';
import type { Account, Repositories, StaffBookingRow } from '../store/index.js';
import { statusOf } from '../store/bookings-staff.js';
import { iso } from '../time.js';
import { bookingsCsv } from '../bookings-csv.js';

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const listQuerySchema = z.object({
  when: oneOf(['upcoming', 'past'], 'Use upcoming or past').default('upcoming'),
  specialist: z.string().min(1, 'Use a specialist id').max(100, 'Use a specialist id (at most 100 characters)').optional(),
  before: z.string().optional(),
  limit: pageLimit(),
});

const attendanceSchema = z.object({
  status: oneOf(['attended', 'no-show'], 'Use attended or no-show'),
});

const cancelSchema = z.object({
  reason: requiredText('Say why it is cancelled (for the care team’s records)').max(500, 'Use at most 500 characters').refine(noNul, NO_NUL),
});

/** The opaque `before` cursor: base64url of "<start> <id>". */
const cursorOf = (b: Pick<StaffBookingRow, 'start' | 'id'>) => Buffer.from(`${b.start} ${b.id}`).toString('base64url');
function parseCursor(raw: string): { start: string; id: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return undefined;
  const [start, id, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split(' ');
  return start && id && !rest.length && INSTANT_RE.test(start) && ID.test(id) ? { start, id } : undefined;
}

const unauthorized = () => send(problem(401, 'Sign in to see the bookings.', { name: 'unauthorized', title: 'Sign-in required' }));
const notAllowed = (detail: string) => problem(403, detail, { name: 'not-allowed', title: 'Not allowed' });
const notFound = () => problem(404, 'There is no such booking.', { name: 'booking-not-found', title: 'Booking not found' });

export function bookingStaffRoutes(r: Router, deps: Deps): void {
  const { store, box } = deps;

  /** The signed-in specialist or admin, or the 401/403 answer. */
  const staff = (c: Ctx): Account | Response => {
    const user = c.get('auth').user;
    if (!user) return unauthorized();
    if (user.role !== 'specialist' && user.role !== 'admin') return send(notAllowed('Only the care team may see bookings.'));
    return user;
  };
  const mayHandle = (user: Account, b: StaffBookingRow) => user.role === 'admin' || b.specialistId === user.specialistId;

  /** StaffBooking of the contract: the note and the reason opened (the caller is staff). */
  const staffBookingOf = (b: StaffBookingRow) => ({
    id: b.id,
    specialist: { id: b.specialistId, name: b.specialistName },
    service: b.service,
    start: b.start,
    end: b.end,
    status: statusOf(b),
    name: b.name,
    email: b.email,
    phone: b.phone,
    note: b.note === null ? null : box.open(b.note, 'booking-note'),
    timeZone: b.timeZone,
    createdAt: b.createdAt,
    cancelReason: b.cancelReason === null ? null : box.open(b.cancelReason, 'booking-cancel-reason'),
    cancelledBy: b.cancelledBy,
  });

  r.on('GET', '/api/clinic/bookings', async (c) => {
    const user = staff(c);
    if (user instanceof Response) return user;
    const parsed = listQuerySchema.safeParse(queryOf(c, listQuerySchema));
    if (!parsed.success) return send(invalid(parsed.error, 'Check the filters.'));
    const q = parsed.data;
    if (user.role === 'specialist' && q.specialist !== undefined && q.specialist !== user.specialistId)
      return send(notAllowed('You may see your own bookings only.'));
    const before = q.before === undefined ? undefined : parseCursor(q.before);
    if (q.before !== undefined && !before) return send(validationProblem(BAD_CURSOR, 'Check the filters.'));
    if (user.role === 'admin' && q.specialist !== undefined && !(await store.specialists.get(q.specialist)))
      return send(validationProblem({ specialist: ['There is no specialist with this id'] }, 'Check the filters.'));
    // A specialist account always sees its own (one without a specialist: none).
    const specialistId = user.role === 'specialist' ? (user.specialistId ?? '') : q.specialist;
    const limit = q.limit ?? DEFAULT_PAGE;
    const rows = await store.staffBookings.list({ specialistId, when: q.when, now: iso(deps.now()), before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return send({ status: 200, body: { items: page.map(staffBookingOf), next: rows.length > limit ? cursorOf(page[page.length - 1]!) : null } });
  });

  r.on('GET', '/api/clinic/bookings.csv', async (c) => {
    const user = staff(c);
    if (user instanceof Response) return user;
    if (user.role !== 'admin') return send(notAllowed('Only an administrator may export the bookings.'));
    const all: StaffBookingRow[] = [];
    for (let after: StaffBookingRow | undefined; ; ) {
      const rows = await store.staffBookings.all(after, 1000);
      all.push(...rows);
      if (rows.length < 1000) break;
      after = rows[rows.length - 1];
    }
    return new Response(bookingsCsv(all), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="hearth-bookings-${iso(deps.now()).slice(0, 10)}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  /**
   * The write routes' common part: staff, a valid key and JSON body, then in one idempotent
   * transaction the booking (held), its access check, and `change`.
   */
  const write = (method: 'PATCH' | 'POST', path: string, change: (b: StaffBookingRow, body: unknown, tx: Repositories, c: Ctx) => Promise<Answer>) =>
    r.on(method, path, async (c) => {
      const user = staff(c);
      if (user instanceof Response) return user;
      const id = c.req.param('id') ?? '';
      const body = await readJsonBody(c);
      if (!body.ok) return body.response;
      const key = c.req.header('idempotency-key');
      const keyProblem = checkIdempotencyKey(key);
      if (keyProblem) return send(keyProblem);
      let changed: StaffBookingRow | undefined;
      const scope = `${method} ${path.replace(':id', id)}\n${user.id}`;
      const answer = await idempotentWrite(deps, { scope, key: key!, body: body.value, text: body.text }, async (tx) => {
        const b = ID.test(id) ? await tx.staffBookings.lock(id) : undefined;
        if (!b) return notFound();
        if (!mayHandle(user, b)) return notAllowed('This is another specialist’s booking.');
        const a = await change(b, body.value, tx, c);
        if (a.status === 200) changed = b;
        return a;
      });
      // After the commit: every process forgets this specialist's computed slots.
      if (changed && !answer.headers?.['Idempotent-Replayed']) await deps.availability.invalidate(changed.specialistId);
      return send(answer);
    });

  write('PATCH', '/api/clinic/bookings/:id', async (b, value, tx) => {
    const parsed = attendanceSchema.safeParse(value);
    if (!parsed.success) return invalid(parsed.error, 'Use attended or no-show.');
    if (b.cancelledAt) return problem(409, 'This booking is cancelled.', { name: 'booking-cancelled', title: 'Booking cancelled' });
    if (b.start > iso(deps.now()))
      return validationProblem({ status: ['The consultation has not started yet: mark it once it has begun'] }, 'The booking has not started yet.');
    await tx.staffBookings.setAttendance(b.id, parsed.data.status);
    return { status: 200, body: staffBookingOf({ ...b, attendance: parsed.data.status }) };
  });

  write('POST', '/api/clinic/bookings/:id/cancel', async (b, value, tx, c) => {
    const parsed = cancelSchema.safeParse(value);
    if (!parsed.success) return invalid(parsed.error, 'Say why the booking is cancelled.');
    if (b.cancelledAt) return problem(409, 'This booking is cancelled already.', { name: 'booking-cancelled', title: 'Booking cancelled' });
    const now = iso(deps.now());
    if (b.start <= now) return problem(409, 'This consultation has started or is over: it can no longer be cancelled.', { name: 'booking-past', title: 'Booking past' });
    const reason = box.seal(parsed.data.reason, 'booking-cancel-reason');
    if (!(await tx.staffBookings.cancel(b.id, { at: now, now, by: 'staff', reason })))
      return problem(409, 'This booking is cancelled already.', { name: 'booking-cancelled', title: 'Booking cancelled' });
    // The visitor is told (by mail, without the reason) and the platform (webhook), in this transaction.
    await notify(deps, tx, { type: 'booking.cancelled', bookingId: b.id, by: 'staff', origin: ownOrigin(c, deps.config) });
    return { status: 200, body: staffBookingOf({ ...b, cancelledAt: now, cancelledBy: 'staff', cancelReason: reason }) };
  });
}
