/** Clinic calls for the desk's stub backend (test/desk/stub.ts): specialists, hours, services, bookings in memory. */
import type { HearthBackend, Hours, Service, SpecialistDetail, StaffBooking } from '../../src/core/backend.js';
import { deskStub, type Role } from './stub.js';

export function booking(id: string, fields: Partial<StaffBooking> = {}): StaffBooking {
  return {
    id,
    specialist: { id: 'olena-kovalenko', name: 'Dr. Olena Kovalenko' },
    service: { id: 'free', name: 'Free initial consultation', durationMinutes: 30 },
    start: '2030-03-04T10:00:00Z',
    end: '2030-03-04T10:30:00Z',
    status: 'confirmed',
    name: `Visitor ${id}`,
    email: `${id}@example.org`,
    phone: '+380 44 123 45 67',
    note: `Note of ${id}`,
    timeZone: 'Pacific/Auckland',
    createdAt: '2030-03-01T10:00:00Z',
    cancelReason: null,
    cancelledBy: null,
    ...fields,
  };
}

export const olena: SpecialistDetail = {
  id: 'olena-kovalenko',
  name: 'Dr. Olena Kovalenko',
  title: 'Psychotherapist',
  timeZone: 'Europe/Kyiv',
  bio: null,
  languages: ['uk', 'en'],
  photoUrl: null,
  email: 'olena@example.com',
  active: true,
};

export interface Call {
  method: string;
  args: unknown[];
  key?: string;
}

/** A desk stub with the clinic's calls; `answers[method]` may hold a function run (and awaited) before the next answer. */
export function clinicStub(role: Role = 'specialist', bookings: StaffBooking[] = []) {
  const stub = deskStub(role);
  const calls: Call[] = [];
  const answers: Record<string, Array<() => unknown>> = {};
  const specialists: SpecialistDetail[] = [structuredClone(olena), { ...structuredClone(olena), id: 'taras', name: 'Taras Melnyk', title: 'Psychologist', email: null }];
  const hours: Record<string, Hours> = {
    'olena-kovalenko': { weekly: [{ weekday: 1, start: '09:00', end: '13:00' }], overrides: [], timeOff: [], minNoticeMinutes: 120, bufferMinutes: 10, maxPerDay: null },
  };
  const services: Service[] = [{ id: 'free', specialist: 'olena-kovalenko', name: 'Free initial consultation', durationMinutes: 30, price: 'free', active: true }];
  const call = async (method: string, args: unknown[], key?: string) => {
    calls.push({ method, args: structuredClone(args), key });
    const answer = answers[method]?.shift();
    if (answer) await answer();
  };
  const b = stub.backend as HearthBackend;
  Object.assign(b, {
    async listBookings(query) {
      await call('listBookings', [query]);
      const past = query.when == 'past';
      const all = bookings.filter((x) => (Date.parse(x.start) < Date.parse('2030-01-01')) == past && (!query.specialist || x.specialist.id == query.specialist));
      const start = query.before ? Number(query.before) : 0;
      const limit = query.limit ?? 20;
      return { items: all.slice(start, start + limit), next: start + limit < all.length ? String(start + limit) : null };
    },
    async cancelBookingAsStaff(id, request, options) {
      await call('cancelBookingAsStaff', [id, request], options?.idempotencyKey);
      const x = bookings.find((y) => y.id == id)!;
      Object.assign(x, { status: 'cancelled', cancelReason: request.reason, cancelledBy: 'staff' });
      return structuredClone(x);
    },
    async updateBooking(id, update, options) {
      await call('updateBooking', [id, update], options?.idempotencyKey);
      const x = bookings.find((y) => y.id == id)!;
      x.status = update.status;
      return structuredClone(x);
    },
    async exportBookings() {
      await call('exportBookings', []);
      return 'id,name\r\nb1,Ana\r\n';
    },
    async listClinicSpecialists() {
      await call('listClinicSpecialists', []);
      return structuredClone(specialists);
    },
    async createSpecialist(input, options) {
      await call('createSpecialist', [input], options?.idempotencyKey);
      const created = { id: 'new', bio: null, languages: [], photoUrl: null, email: null, ...input, active: true } as SpecialistDetail;
      specialists.push(created);
      return structuredClone(created);
    },
    async updateSpecialist(id, update, options) {
      await call('updateSpecialist', [id, update], options?.idempotencyKey);
      const s = specialists.find((x) => x.id == id)!;
      Object.assign(s, update);
      return structuredClone(s);
    },
    async getHours(id) {
      await call('getHours', [id]);
      return structuredClone(hours[id] ?? { weekly: [], overrides: [], timeOff: [], minNoticeMinutes: 0, bufferMinutes: 0, maxPerDay: null });
    },
    async putHours(id, h, options) {
      await call('putHours', [id, h], options?.idempotencyKey);
      hours[id] = structuredClone(h);
      return structuredClone(h);
    },
    async listClinicServices(id) {
      await call('listClinicServices', [id]);
      return structuredClone(services.filter((s) => s.specialist == id));
    },
    async createService(specialist, input, options) {
      await call('createService', [specialist, input], options?.idempotencyKey);
      const created = { id: `s${services.length + 1}`, specialist, price: null, active: true, ...input } as Service;
      services.push(created);
      return structuredClone(created);
    },
    async updateService(id, input, options) {
      await call('updateService', [id, input], options?.idempotencyKey);
      const s = services.find((x) => x.id == id)!;
      Object.assign(s, input);
      return structuredClone(s);
    },
  } satisfies Partial<HearthBackend>);
  const of = (method: string) => calls.filter((c) => c.method == method);
  /** The next call of `method` first runs `fn` (which may wait, or throw). */
  const answer = (method: string, fn: () => unknown) => (answers[method] ??= []).push(fn);
  return { ...stub, backend: b, calls, of, answer, specialists, hours, services, bookings };
}
