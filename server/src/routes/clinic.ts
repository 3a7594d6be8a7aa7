// The clinic's side (issue 13): specialists, their hours and their services, for the care team.
//   GET   /api/clinic/specialists                every specialist with staff-only fields (staff: specialists read, admins too)
//   POST  /api/clinic/specialists                adds one (admin), with the default service
//   PATCH /api/clinic/specialists/:id            edits or (de)activates one (admin)
//   GET   /api/clinic/specialists/:id/hours      their hours (themself, or an admin)
//   PUT   /api/clinic/specialists/:id/hours      replaces them; availability follows at once, in every process
//   GET   /api/clinic/specialists/:id/services   their services, inactive too (themself, or an admin)
//   POST  /api/clinic/specialists/:id/services   adds one (themself, or an admin)
//   PATCH /api/clinic/services/:id               edits or (de)activates one (its specialist, or an admin)
//   GET   /api/specialists/:id/services          an active specialist's active services (public)
// and, when not in demo mode, GET / : a plain page pointing to the desk (no demo page in production).
// Writes but PUT (which is idempotent itself) take an Idempotency-Key like every other write.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { localWallOf, dayNumberOf } from '../availability.js';
import { html } from '../forms.js';
import { checkIdempotencyKey, idempotentWrite } from '../idempotency.js';
import { layout } from '../pages.js';
import { fieldErrorsOf, problem, validationProblem, type Answer, type FieldErrors } from '../problem.js';
import { readJsonBody, send, type Ctx, type Deps, type Router } from '../http.js';
import type { Account, ClinicSpecialist, ServiceRecord, SpecialistHours } from '../store/index.js';
import { cleanName } from '../text-rules.js';
import { EMAIL_LIKE, invalid, requiredText, timeZone } from '../validation.js';

export const DEFAULT_SERVICE = { name: 'Free initial consultation', durationMinutes: 30, price: 'free' } as const;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const HHMM_END = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

const text = (label: string, max: number) => requiredText(`Enter ${label}`).max(max, `Use at most ${max} characters`).superRefine(cleanName);
const nullableText = (max: number, check?: (s: string) => string | undefined) =>
  z
    .string({ invalid_type_error: 'Use text or null' })
    .trim()
    .max(max, `Use at most ${max} characters`)
    .nullable()
    .transform((v) => (v === '' ? null : v))
    .superRefine((v, ctx) => {
      if (v === null) return;
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(v)) ctx.addIssue({ code: 'custom', message: 'Remove the control characters' });
      const message = check?.(v);
      if (message) ctx.addIssue({ code: 'custom', message });
    });
const httpsUrl = (v: string) => {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' && !u.username && !u.password ? undefined : 'Use an https:// address';
  } catch {
    return 'Use an https:// address';
  }
};
const email = (v: string) => (z.string().email().safeParse(v).success ? undefined : EMAIL_LIKE);

const specialistFields = {
  name: text('their name', 100),
  title: text('their title', 100),
  timeZone: timeZone('Choose a time zone'),
  bio: nullableText(600),
  languages: z
    .array(z.string().regex(LANGUAGE, 'Use language tags such as uk, en or pt-BR'), { invalid_type_error: 'Use a list of language tags such as ["uk", "en"]' })
    .max(10, 'Use at most 10 languages'),
  photoUrl: nullableText(2000, httpsUrl),
  email: nullableText(254, email),
};
const specialistInput = z
  .object({ id: z.string({ invalid_type_error: 'Use lowercase letters, digits and dashes' }).max(60, 'Use at most 60 characters').regex(SLUG, 'Use lowercase letters, digits and dashes (olena-kovalenko)').optional(), ...specialistFields })
  .partial({ bio: true, languages: true, photoUrl: true, email: true });
const specialistUpdate = z.object({ ...specialistFields, active: z.boolean({ invalid_type_error: 'Use true or false' }) }).partial();

const serviceInput = z.object({
  name: text('a name', 100),
  durationMinutes: z
    .number({ required_error: 'Enter the length in minutes', invalid_type_error: 'Enter the length in minutes' })
    .int('Use whole minutes')
    .min(15, 'Use 15 to 120 minutes')
    .max(120, 'Use 15 to 120 minutes')
    .refine((n) => n % 5 === 0, 'Use a multiple of 5 minutes'),
  price: nullableText(40),
  active: z.boolean({ invalid_type_error: 'Use true or false' }),
});

/** "Olena Kovalenko, PhD" → "olena-kovalenko-phd" (letters without accents; at most 60 characters). */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || `specialist-${randomBytes(3).toString('hex')}`;
}

/** SpecialistDetail of the contract. */
const detailOf = (s: ClinicSpecialist) => ({
  id: s.id,
  name: s.name,
  title: s.title,
  timeZone: s.timeZone,
  bio: s.bio,
  languages: s.languages,
  photoUrl: s.photoUrl,
  email: s.email,
  active: s.active,
});

/** Service of the contract. */
export const serviceOf = (s: ServiceRecord) => ({ id: s.id, specialist: s.specialistId, name: s.name, durationMinutes: s.durationMinutes, price: s.price, active: s.active });

const noStore = { 'Cache-Control': 'no-store' };
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Hours

const minutes = (hhmm: string) => (hhmm === '24:00' ? 1440 : Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)));

/** Checks windows (format, end after start, no overlaps) under `path`; returns them sorted. */
function checkWindows(list: unknown, path: string, errors: FieldErrors, max: number): Array<{ start: string; end: string }> {
  if (!Array.isArray(list)) {
    errors[path] = ['Use a list of windows'];
    return [];
  }
  if (list.length > max) errors[path] = [`Use at most ${max} windows`];
  const ok: Array<{ start: string; end: string; at: string }> = [];
  list.forEach((w, i) => {
    const at = `${path}.${i}`;
    if (!isObject(w)) return void (errors[at] = ['Use {start: "09:00", end: "13:00"}']);
    const extra = Object.keys(w).filter((k) => !['start', 'end', 'weekday'].includes(k));
    if (extra.length) errors[at] = [`Unknown field ${extra[0]}`];
    if (typeof w.start !== 'string' || !HHMM.test(w.start)) errors[`${at}.start`] = ['Use a local time such as 09:00'];
    if (typeof w.end !== 'string' || !HHMM_END.test(w.end)) errors[`${at}.end`] = ['Use a local time such as 17:30 (24:00 for midnight)'];
    else if (typeof w.start === 'string' && HHMM.test(w.start) && minutes(w.end) <= minutes(w.start)) errors[`${at}.end`] = ['End after the start'];
    else if (typeof w.start === 'string' && HHMM.test(w.start)) ok.push({ start: w.start, end: w.end, at });
  });
  ok.sort((a, b) => minutes(a.start) - minutes(b.start));
  for (let i = 1; i < ok.length; i++)
    if (minutes(ok[i]!.start) < minutes(ok[i - 1]!.end)) (errors[ok[i]!.at] ??= []).push(`Overlaps ${ok[i - 1]!.start}–${ok[i - 1]!.end}`);
  return ok.map(({ start, end }) => ({ start, end }));
}

const intIn = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** Hours from a PUT body, or the errors per field ("weekly.3.end", "overrides.0.date", …). */
export function parseHours(body: unknown): { ok: SpecialistHours } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!isObject(body)) return { errors: { '': ['Send the hours as a JSON object'] } };
  const known = ['weekly', 'overrides', 'timeOff', 'minNoticeMinutes', 'bufferMinutes', 'maxPerDay'];
  for (const k of Object.keys(body)) if (!known.includes(k)) errors[k] = ['Unknown field'];
  for (const k of known) if (!(k in body)) errors[k] = ['Required'];

  const weekly: SpecialistHours['weekly'] = [];
  if (Array.isArray(body.weekly)) {
    if (body.weekly.length > 50) errors.weekly = ['Use at most 50 windows'];
    const byDay = new Map<number, Array<[number, unknown]>>();
    body.weekly.forEach((w, i) => {
      if (!isObject(w) || !intIn(w.weekday, 1, 7)) return void (errors[`weekly.${i}.weekday`] = ['Use an ISO weekday, 1 (Monday) to 7 (Sunday)']);
      const list = byDay.get(w.weekday as number) ?? [];
      list.push([i, w]);
      byDay.set(w.weekday as number, list);
    });
    for (const [weekday, entries] of byDay) {
      const local: FieldErrors = {};
      const windows = checkWindows(entries.map(([, w]) => w), 'w', local, 50);
      // Report under the entries' own indexes.
      for (const [k, v] of Object.entries(local)) {
        const m = /^w\.(\d+)(.*)$/.exec(k);
        errors[m ? `weekly.${entries[Number(m[1])]![0]}${m[2]}` : 'weekly'] = v;
      }
      for (const w of windows) weekly.push({ weekday: weekday as SpecialistHours['weekly'][number]['weekday'], ...w });
    }
    weekly.sort((a, b) => a.weekday - b.weekday || minutes(a.start) - minutes(b.start));
  } else if ('weekly' in body) errors.weekly = ['Use a list of weekly windows'];

  const overrides: SpecialistHours['overrides'] = [];
  if (Array.isArray(body.overrides)) {
    if (body.overrides.length > 366) errors.overrides = ['Use at most 366 dates'];
    const seen = new Set<string>();
    body.overrides.forEach((o, i) => {
      const at = `overrides.${i}`;
      if (!isObject(o)) return void (errors[at] = ['Use {date: "2026-12-24", windows: […]}']);
      const date = o.date;
      if (typeof date !== 'string' || dayNumberOf(date) === null) errors[`${at}.date`] = ['Use a date such as 2026-12-24'];
      else if (seen.has(date)) errors[`${at}.date`] = ['This date is overridden twice'];
      else seen.add(date);
      const windows = checkWindows(o.windows, `${at}.windows`, errors, 10);
      if (typeof date === 'string' && dayNumberOf(date) !== null) overrides.push({ date, windows });
    });
    overrides.sort((a, b) => (a.date < b.date ? -1 : 1));
  } else if ('overrides' in body) errors.overrides = ['Use a list of date overrides'];

  const timeOff: SpecialistHours['timeOff'] = [];
  if (Array.isArray(body.timeOff)) {
    if (body.timeOff.length > 366) errors.timeOff = ['Use at most 366 ranges'];
    body.timeOff.forEach((x, i) => {
      const at = `timeOff.${i}`;
      if (!isObject(x)) return void (errors[at] = ['Use {from: "2026-12-24T00:00", to: "2026-12-27T00:00"}']);
      const from = localWallOf(x.from);
      const to = localWallOf(x.to);
      if (from === null) errors[`${at}.from`] = ['Use a local date and time such as 2026-12-24T00:00'];
      if (to === null) errors[`${at}.to`] = ['Use a local date and time such as 2026-12-27T00:00'];
      else if (from !== null && to <= from) errors[`${at}.to`] = ['End after the start'];
      const note = x.note;
      if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 200)) errors[`${at}.note`] = ['Use at most 200 characters'];
      if (from !== null && to !== null && to > from)
        timeOff.push({ from: x.from as string, to: x.to as string, note: typeof note === 'string' && note.trim() ? note.trim() : null });
    });
    timeOff.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  } else if ('timeOff' in body) errors.timeOff = ['Use a list of time-off ranges'];

  if ('minNoticeMinutes' in body && !intIn(body.minNoticeMinutes, 0, 43200)) errors.minNoticeMinutes = ['Use 0 to 43,200 minutes (30 days)'];
  if ('bufferMinutes' in body && !intIn(body.bufferMinutes, 0, 240)) errors.bufferMinutes = ['Use 0 to 240 minutes'];
  if ('maxPerDay' in body && body.maxPerDay !== null && !intIn(body.maxPerDay, 1, 48)) errors.maxPerDay = ['Use 1 to 48, or null for no cap'];
  if (Object.keys(errors).length) return { errors };
  return {
    ok: {
      weekly,
      overrides,
      timeOff,
      minNoticeMinutes: body.minNoticeMinutes as number,
      bufferMinutes: body.bufferMinutes as number,
      maxPerDay: (body.maxPerDay as number | null) ?? null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Routes

export function clinicRoutes(r: Router, deps: Deps): void {
  const { store, config } = deps;
  const defaultNotice = () => Math.round(config.minNoticeHours * 60);
  const hoursAnswer = (h: SpecialistHours) => ({ ...h, minNoticeMinutes: h.minNoticeMinutes ?? defaultNotice() });

  const signedOut = () => send(problem(401, 'Sign in to manage the clinic.', { name: 'unauthorized', title: 'Sign-in required' }));
  const notAllowed = (what: string) => send(problem(403, what, { name: 'not-allowed', title: 'Not allowed' }));
  const noSpecialist = () => send(problem(404, 'There is no specialist with this id.', { name: 'not-found', title: 'Not found' }));

  /** Any staff account (specialist or admin), or the 401/403 answer. */
  const staff = (c: Ctx): Account | Response => {
    const user = c.get('auth').user;
    if (!user) return signedOut();
    if (user.role === 'visitor') return notAllowed('Only the care team may see this.');
    return user;
  };
  const admin = (c: Ctx): Account | Response => {
    const user = staff(c);
    if (user instanceof Response) return user;
    return user.role === 'admin' ? user : notAllowed('Only an administrator may add or change specialists.');
  };
  /** An admin, or the specialist `id` themself; else 401/403. */
  const selfOrAdmin = (c: Ctx, id: string): Account | Response => {
    const user = staff(c);
    if (user instanceof Response) return user;
    return user.role === 'admin' || user.specialistId === id ? user : notAllowed('Only this specialist or an administrator may do this.');
  };

  /** Reads the JSON body and the Idempotency-Key; the answer when either is wrong. */
  const writeInput = async (c: Ctx) => {
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    const key = c.req.header('idempotency-key');
    const keyProblem = checkIdempotencyKey(key);
    if (keyProblem) return send(keyProblem);
    return { body, key: key! };
  };

  if (!config.demo)
    r.on('GET', '/', () =>
      html(
        layout(
          'hearth',
          `<main><h1>hearth</h1><p>This server answers hearth's widgets (API under <code>/api</code>).</p><p><a href="/desk">Open the care team's desk</a></p></main>`,
        ),
      ),
    );

  r.on('GET', '/api/clinic/specialists', async (c) => {
    const user = staff(c);
    if (user instanceof Response) return user;
    return send({ status: 200, body: (await store.clinic.listSpecialists()).map(detailOf) }, noStore);
  });

  r.on('POST', '/api/clinic/specialists', async (c) => {
    const user = admin(c);
    if (user instanceof Response) return user;
    const input = await writeInput(c);
    if (input instanceof Response) return input;
    const { body, key } = input;
    const answer = await idempotentWrite(deps, { scope: `POST /api/clinic/specialists\n${user.id}`, key, body: body.value, text: body.text }, async (tx): Promise<Answer> => {
      const parsed = specialistInput.safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error, 'The specialist was not added: check the fields.');
      const d = parsed.data;
      const id = d.id ?? slugOf(d.name);
      if (await tx.clinic.getSpecialist(id))
        return validationProblem({ [d.id ? 'id' : 'name']: [`The id ${id} is taken: choose another id`] }, 'The specialist was not added: check the fields.');
      const s: ClinicSpecialist = {
        id,
        name: d.name,
        title: d.title,
        timeZone: d.timeZone,
        bio: d.bio ?? null,
        languages: d.languages ?? [],
        photoUrl: d.photoUrl ?? null,
        email: d.email ?? null,
        active: true,
      };
      await tx.clinic.createSpecialist(s);
      await tx.clinic.createService({ id: `${id}-initial`, specialistId: id, ...DEFAULT_SERVICE, active: true });
      return { status: 201, body: detailOf(s) };
    });
    return send(answer);
  });

  r.on('PATCH', '/api/clinic/specialists/:id', async (c) => {
    const user = admin(c);
    if (user instanceof Response) return user;
    const id = c.req.param('id') ?? '';
    const input = await writeInput(c);
    if (input instanceof Response) return input;
    const { body, key } = input;
    let changed = false;
    const answer = await idempotentWrite(deps, { scope: `PATCH /api/clinic/specialists/${id}\n${user.id}`, key, body: body.value, text: body.text }, async (tx): Promise<Answer> => {
      const before = await tx.clinic.getSpecialist(id);
      if (!before) return problem(404, 'There is no specialist with this id.', { name: 'not-found', title: 'Not found' });
      const raw = isObject(body.value) ? body.value : undefined;
      const unknown = raw ? Object.keys(raw).filter((k) => !(k in specialistUpdate.shape)) : [];
      const parsed = specialistUpdate.safeParse(body.value);
      const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
      for (const k of unknown) errors[k] = [k === 'id' ? 'The id cannot change' : 'Unknown field'];
      if (!parsed.success || Object.keys(errors).length) return validationProblem(errors, 'The specialist was not changed: check the fields.');
      await tx.clinic.updateSpecialist(id, parsed.data);
      changed = true;
      return { status: 200, body: detailOf((await tx.clinic.getSpecialist(id))!) };
    });
    // Deactivation, a new time zone: the slots change (after the commit, in every process).
    if (changed && answer.status === 200) await deps.availability.invalidate(id);
    return send(answer);
  });

  r.on('GET', '/api/clinic/specialists/:id/hours', async (c) => {
    const id = c.req.param('id') ?? '';
    const user = selfOrAdmin(c, id);
    if (user instanceof Response) return user;
    if (!(await store.clinic.getSpecialist(id))) return noSpecialist();
    return send({ status: 200, body: hoursAnswer(await store.clinic.getHours(id)) }, noStore);
  });

  r.on('PUT', '/api/clinic/specialists/:id/hours', async (c) => {
    const id = c.req.param('id') ?? '';
    const user = selfOrAdmin(c, id);
    if (user instanceof Response) return user;
    const body = await readJsonBody(c);
    if (!body.ok) return body.response;
    if (!(await store.clinic.getSpecialist(id))) return noSpecialist();
    const parsed = parseHours(body.value);
    if ('errors' in parsed) return send(validationProblem(parsed.errors, 'The hours were not saved: check the fields.'));
    const saved = await store.transaction(async (tx) => {
      await tx.clinic.putHours(id, parsed.ok);
      return tx.clinic.getHours(id);
    });
    // After the commit: every process forgets this specialist's computed slots.
    await deps.availability.invalidate(id);
    return send({ status: 200, body: hoursAnswer(saved) }, noStore);
  });

  r.on('GET', '/api/specialists/:id/services', async (c) => {
    const id = c.req.param('id') ?? '';
    const s = /[\u0000-\u001f]/.test(id) ? undefined : await store.clinic.getSpecialist(id);
    if (!s?.active) return noSpecialist();
    return send({ status: 200, body: (await store.clinic.listServices(id)).map(serviceOf) }, { 'Cache-Control': 'public, max-age=60' });
  });

  r.on('GET', '/api/clinic/specialists/:id/services', async (c) => {
    const id = c.req.param('id') ?? '';
    const user = selfOrAdmin(c, id);
    if (user instanceof Response) return user;
    if (!(await store.clinic.getSpecialist(id))) return noSpecialist();
    return send({ status: 200, body: (await store.clinic.listServices(id, true)).map(serviceOf) }, noStore);
  });

  r.on('POST', '/api/clinic/specialists/:id/services', async (c) => {
    const id = c.req.param('id') ?? '';
    const user = selfOrAdmin(c, id);
    if (user instanceof Response) return user;
    const input = await writeInput(c);
    if (input instanceof Response) return input;
    const { body, key } = input;
    const answer = await idempotentWrite(deps, { scope: `POST /api/clinic/specialists/${id}/services\n${user.id}`, key, body: body.value, text: body.text }, async (tx): Promise<Answer> => {
      if (!(await tx.clinic.getSpecialist(id))) return problem(404, 'There is no specialist with this id.', { name: 'not-found', title: 'Not found' });
      const parsed = serviceInput.partial({ price: true, active: true }).safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error, 'The service was not added: check the fields.');
      const s: ServiceRecord = { id: `svc-${randomBytes(8).toString('hex')}`, specialistId: id, name: parsed.data.name, durationMinutes: parsed.data.durationMinutes, price: parsed.data.price ?? null, active: parsed.data.active ?? true };
      await tx.clinic.createService(s);
      return { status: 201, body: serviceOf(s) };
    });
    return send(answer);
  });

  r.on('PATCH', '/api/clinic/services/:id', async (c) => {
    const user = staff(c);
    if (user instanceof Response) return user;
    const id = c.req.param('id') ?? '';
    const input = await writeInput(c);
    if (input instanceof Response) return input;
    const { body, key } = input;
    let specialistId: string | undefined;
    const answer = await idempotentWrite(deps, { scope: `PATCH /api/clinic/services/${id}\n${user.id}`, key, body: body.value, text: body.text }, async (tx): Promise<Answer> => {
      const before = /[\u0000-\u001f]/.test(id) ? undefined : await tx.clinic.getService(id);
      if (!before) return problem(404, 'There is no service with this id.', { name: 'not-found', title: 'Not found' });
      if (user.role !== 'admin' && user.specialistId !== before.specialistId)
        return problem(403, 'Only this service’s specialist or an administrator may change it.', { name: 'not-allowed', title: 'Not allowed' });
      const parsed = serviceInput.partial().safeParse(body.value);
      if (!parsed.success) return invalid(parsed.error, 'The service was not changed: check the fields.');
      if (parsed.data.active === false && before.active && (await tx.clinic.listServices(before.specialistId)).length <= 1)
        return validationProblem({ active: ['A specialist keeps at least one active service: add or activate another first'] }, 'The service was not changed.');
      await tx.clinic.updateService(id, parsed.data);
      specialistId = before.specialistId;
      return { status: 200, body: serviceOf((await tx.clinic.getService(id))!) };
    });
    if (specialistId && answer.status === 200) await deps.availability.invalidate(specialistId);
    return send(answer);
  });
}
