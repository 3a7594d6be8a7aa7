// Specialists, free slots, bookings and the booking's manage link (JSON or, for a browser, the
// manage page; cancel by DELETE or by the page's form; .ics).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Slot } from '../availability.js';
import { bookingIcs } from '../ics.js';
import { checkIdempotencyKey, idempotentWrite } from '../idempotency.js';
import { fieldErrorsOf, problem, validationProblem, type Answer, type FieldErrors } from '../problem.js';
import { SlotTakenError, type Booking } from '../store/index.js';
import { clientIp, ownOrigin, prefersHtml, readJsonBody, send, type Ctx, type Deps, type Router } from '../http.js';
import { html, readForm } from '../forms.js';
import { bookingNotFoundPage, managePage } from '../pages.js';
import { pageLanguage } from '../page-language.js';
import { hashToken, newToken } from '../sessions.js';
import { addMinutes, iso, parseDateOrInstant, parseInstant } from '../time.js';
import { cleanName } from '../text-rules.js';
import { checkStart, isOfferedStart, nextFreeOf, pickBookable, slotsOf, type Bookable } from '../booking-rules.js';
import { notify } from '../notify.js';
import { EMAIL_LIKE, NO_NUL, noNul, optional, requiredText, slotStart, timeZone, TOKEN } from '../validation.js';
import { managedBookingOf } from './reschedule.js';

/** The consent text version recorded with each booking; bump it when the widget's consent text changes. */
export const CONSENT_VERSION = 'consent-v1';
export const MAX_RANGE_DAYS = 62;

export const bookingSchema = z.object({
  specialist: optional(z.string().max(100, 'Unknown specialist')),
  service: optional(z.string({ invalid_type_error: 'Unknown service' }).max(100, 'Unknown service')),
  start: slotStart(),
  name: requiredText('Enter your name').max(100, 'Use at most 100 characters').superRefine(cleanName),
  email: requiredText('Enter your email address').max(254, 'Use at most 254 characters').email(EMAIL_LIKE),
  phone: optional(
    z
      .string()
      .trim()
      .max(40, 'Use at most 40 characters')
      .regex(/^[0-9 +()-]*$/, 'Use only digits, spaces and + ( ) -'),
  ),
  note: optional(z.string().trim().max(1000, 'Use at most 1,000 characters').refine(noNul, NO_NUL)),
  consent: z.literal(true, { errorMap: () => ({ message: 'Agree to the processing of your data to book' }) }),
  timeZone: timeZone('Missing time zone'),
});

export function consultationRoutes(r: Router, deps: Deps): void {
  const { store, config } = deps;

  // Active specialists only, with their next free slot of their default service (cached per
  // specialist like any availability range, so the list costs no slot computation when warm).
  r.on('GET', '/api/specialists', async () => {
    const now = deps.now();
    const body = [];
    for (const s of (await store.clinic.listSpecialists()).filter((x) => x.active)) {
      const picked = await pickBookable(deps, { specialist: s.id });
      const nextFree = 'ok' in picked ? await nextFreeOf(deps, picked.ok, now) : null;
      body.push({ id: s.id, name: s.name, title: s.title, timeZone: s.timeZone, bio: s.bio, languages: s.languages, photoUrl: s.photoUrl, nextFree });
    }
    return send({ status: 200, body }, { 'Cache-Control': 'public, max-age=60' });
  });

  // A cached week is answered again and again: its JSON is written once.
  const json = new WeakMap<Slot[], string>();
  const slotsAnswer = (slots: Slot[], durationMinutes: number) => {
    let body = json.get(slots);
    if (body === undefined) json.set(slots, (body = JSON.stringify({ durationMinutes, slots })));
    return new Response(body, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
  };

  r.on('GET', '/api/consultations/availability', async (c) => {
    const errors: FieldErrors = {};
    const q = { specialist: c.req.query('specialist'), from: c.req.query('from'), to: c.req.query('to'), service: c.req.query('service') };
    const from = q.from ? parseDateOrInstant(q.from) : undefined;
    const to = q.to ? parseDateOrInstant(q.to) : undefined;
    const now = deps.now();
    // The specialist's rules come from a per-process cache and the slots from the availability
    // cache: a repeated question is answered without the database (booking-rules.ts).
    const picked = await pickBookable(deps, { specialist: q.specialist || undefined, service: q.service || undefined });
    if ('errors' in picked) Object.assign(errors, picked.errors);
    const dateMsg = 'Use an ISO 8601 date (2026-03-30) or date-time with a zone (2026-03-30T09:00:00Z)';
    if (!from) errors.from = [q.from ? dateMsg : 'Required'];
    if (!to) errors.to = [q.to ? dateMsg : 'Required'];
    else if (from && to <= from) errors.to = ['Must be after from'];
    else if (from && to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) errors.to = [`Must be at most ${MAX_RANGE_DAYS} days after from`];
    if (Object.keys(errors).length || 'errors' in picked || !from || !to) return send(validationProblem(errors, 'The availability query is not valid.'));
    return slotsAnswer(await slotsOf(deps, picked.ok, from, to, now), picked.ok.service.durationMinutes);
  });

  r.on('POST', '/api/consultations', async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const key = c.req.header('idempotency-key');
    const keyProblem = checkIdempotencyKey(key);
    if (keyProblem) return send(keyProblem);
    const ip = clientIp(c, config);
    const { user } = c.get('auth');
    const own = ownOrigin(c, config);

    const scope = `POST /api/consultations\n${user ? `user:${user.id}` : `ip:${ip}`}`;
    let bookedFor: string | undefined; // set when this request (not a replay) booked
    const answer = await idempotentWrite(deps, { scope, key: key!, body: body.value, text: body.text }, async (tx): Promise<Answer> => {
      const parsed = bookingSchema.safeParse(body.value);
      const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
      const raw = (body.value && typeof body.value === 'object' ? body.value : {}) as Record<string, unknown>;
      const named = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
      const picked = await pickBookable(deps, { specialist: named(raw.specialist), service: named(raw.service) }, tx);
      if ('errors' in picked) for (const [k, v] of Object.entries(picked.errors)) errors[k] ??= v;
      const bookable: Bookable | undefined = 'ok' in picked ? picked.ok : undefined;
      const specialist = bookable?.specialist;
      const start = typeof raw.start === 'string' ? parseInstant(raw.start) : undefined;
      if (!errors.start && !start) errors.start = ['Use an ISO 8601 date-time with a zone, e.g. 2026-03-30T07:00:00Z'];
      const now = deps.now();
      if (!errors.start && start && bookable && !isOfferedStart(bookable, start, now)) errors.start = ['This time cannot be booked: pick one of the offered times'];
      if (!parsed.success || Object.keys(errors).length || !bookable || !specialist || !start)
        return validationProblem(errors, 'The booking could not be made: check the fields.');
      const data = parsed.data;
      // Bookings of any service that overlap it (with the buffer), or a full day: taken. The
      // specialist's booking lock is held from here to the commit (booking-rules.ts).
      if ((await checkStart(tx, bookable, start, now)) !== 'ok')
        return problem(409, 'Someone has just booked this time. Pick another time.', { name: 'slot-taken', title: 'Slot taken' });

      // Only successful bookings count: the hit is taken inside the write's transaction, which any
      // answer but a 201 rolls back (a taken slot included), so it is given back with it; the keys
      // stay locked until the end of the transaction, so concurrent requests cannot pass the quota.
      const quotaKeys = [`bookings-email\n${data.email.toLowerCase()}`, `bookings-ip\n${ip}`];
      const limit = await tx.limits.take(quotaKeys.map((k) => [k, config.bookingsPerHour] as const), 3_600_000, now.getTime());
      if (!limit.ok)
        return problem(429, `Too many bookings from you in the last hour: try again in ${Math.ceil(limit.retryAfter / 60)} minutes.`, {
          name: 'rate-limited',
          headers: { 'Retry-After': String(limit.retryAfter) },
        });

      const id = randomUUID();
      const secret = newToken();
      const b = { id, start: iso(start), end: iso(addMinutes(start, bookable.service.durationMinutes)) };
      try {
        await tx.bookings.insert({
          ...b,
          specialistId: specialist.id,
          name: data.name,
          email: data.email,
          phone: data.phone,
          note: data.note === undefined ? undefined : deps.box.seal(data.note, 'booking-note'), // encrypted at rest
          timeZone: data.timeZone,
          consentAt: iso(now),
          consentVersion: CONSENT_VERSION,
          manageHash: hashToken(secret),
          createdAt: iso(now),
        });
        await tx.clinic.setBookingService(id, bookable.service.id);
        bookedFor = specialist.id;
      } catch (e) {
        if (!(e instanceof SlotTakenError)) throw e;
        return problem(409, 'Someone has just booked this time. Pick another time.', { name: 'slot-taken', title: 'Slot taken' });
      }
      const manageUrl = `${own}/api/consultations/manage/${secret}`;
      // The visitor's and the specialist's mails and the webhook, committed with the booking (notify.ts).
      await notify(deps, tx, { type: 'booking.created', bookingId: id, manageUrl, origin: own });
      return { status: 201, body: { ...b, manageUrl, icsUrl: `${manageUrl}/ics` } };
    });
    // After the commit: every process forgets this specialist's computed slots.
    if (bookedFor && answer.status === 201) await deps.availability.invalidate(bookedFor);
    return send(answer);
  });

  const notFound = (headers: Record<string, string> = {}) =>
    send(problem(404, 'No booking has this link. It may have been mistyped.', { name: 'booking-not-found', title: 'Booking not found' }), headers);
  const findBooking = async (token: string) => (TOKEN.test(token) ? store.bookings.findByManageHash(hashToken(token)) : undefined);
  /** Cancels (once) and, in the same transaction, has the visitor and the specialist told (notify.ts). */
  const cancel = async (b: Booking, c: Ctx, token: string) => {
    if (b.cancelledAt) return;
    const origin = ownOrigin(c, config);
    const cancelled = await store.transaction(async (tx) => {
      if (!(await tx.bookings.cancel(b.id, iso(deps.now())))) return false;
      await notify(deps, tx, { type: 'booking.cancelled', bookingId: b.id, by: 'visitor', manageUrl: `${origin}${managePath(token)}`, origin });
      return true;
    });
    if (cancelled) await deps.availability.invalidate(b.specialistId);
  };
  const managePath = (token: string) => `/api/consultations/manage/${token}`;

  // One URL for the widget (JSON) and for the visitor's browser (the manage page): negotiated on Accept.
  r.on('GET', '/api/consultations/manage/:token', async (c) => {
    const token = c.req.param('token') ?? '';
    const b = await findBooking(token);
    const page = prefersHtml(c.req.header('accept'));
    const lang = pageLanguage(c);
    const vary = { Vary: 'Accept' }; // html() adds Accept-Language
    if (!b) return page ? html(bookingNotFoundPage(lang), 404, vary) : notFound(vary);
    const s = await store.specialists.get(b.specialistId);
    // With attendance (attended / no-show) and the service: ManagedBooking as the reschedule answers it.
    const full = await store.staffBookings.get(b.id);
    if (!full) return page ? html(bookingNotFoundPage(lang), 404, vary) : notFound(vary);
    const managed = managedBookingOf(full);
    const { status } = managed;
    const movable = status === 'confirmed' && b.start > iso(deps.now());
    if (page) return html(managePage({ token, start: b.start, end: b.end, specialistName: s?.name ?? '', timeZone: s?.timeZone, status, movable }, lang), 200, vary);
    return send({ status: 200, body: managed }, vary);
  });

  r.on('DELETE', '/api/consultations/manage/:token', async (c) => {
    const token = c.req.param('token') ?? '';
    const b = await findBooking(token);
    if (!b) return notFound();
    await cancel(b, c, token);
    return send({ status: 204, body: undefined });
  });

  // The manage page's "Cancel this booking" form: same effect as DELETE, then back to the page (303).
  r.on('POST', '/api/consultations/manage/:token/cancel', async (c) => {
    const token = c.req.param('token') ?? '';
    const back = TOKEN.test(token) ? { href: managePath(token), text: 'Back to the booking' } : { href: '/', text: 'Go to the home page' };
    const form = await readForm(c, deps, back);
    if (form instanceof Response) return form;
    const b = await findBooking(token);
    if (!b) return html(bookingNotFoundPage(pageLanguage(c)), 404);
    await cancel(b, c, token);
    return new Response(null, { status: 303, headers: { Location: managePath(token), 'Cache-Control': 'no-store' } });
  });

  r.on('GET', '/api/consultations/manage/:token/ics', async (c) => {
    const token = c.req.param('token') ?? '';
    const b = await findBooking(token);
    if (!b) return notFound();
    if (b.cancelledAt) return send(problem(410, 'This booking was cancelled.', { name: 'booking-cancelled', title: 'Booking cancelled' }));
    const name = (await store.specialists.get(b.specialistId))?.name ?? 'hearth';
    const ics = bookingIcs({ id: b.id, start: b.start, end: b.end, specialistName: name, manageUrl: `${ownOrigin(c, config)}/api/consultations/manage/${token}` });
    return new Response(ics, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'attachment; filename="consultation.ics"',
        'Cache-Control': 'no-store',
      },
    });
  });
}
