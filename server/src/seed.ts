// Demo data, added once per database (the first demo start; recorded as meta 'demo_seeded', so
// whatever an admin removes or deactivates later never comes back): the demo visitor, two staff
// accounts (an admin, and Dr. Olena Kovalenko as a specialist), two specialists in different time
// zones with their hours and default service, and the demo essay's references list (from
// demo/refs.json). Only in demo mode (main.ts); a production start (HEARTH_DEMO=0) adds none.
import { readFileSync } from 'node:fs';
import type { Store, Specialist, ClinicSpecialist } from './store/index.js';
import { DEFAULT_SERVICE } from './routes/clinic.js';
import { hashPasswordSync } from './passwords.js';
import { iso } from './time.js';

export const DEMO_USER = { id: 'demo-visitor', email: 'demo@example.com', password: 'demo1234', name: 'Demo Visitor' };
export const DEMO_ADMIN = { id: 'demo-admin', email: 'admin@example.com', password: 'demo1234', name: 'Demo Admin', role: 'admin' as const, specialistId: null };
export const DEMO_SPECIALIST_USER = {
  id: 'demo-olena',
  email: 'olena@example.com',
  password: 'demo1234',
  name: 'Dr. Olena Kovalenko',
  role: 'specialist' as const,
  specialistId: 'olena-kovalenko',
};
/** Every demo account: the visitor and the staff. */
export const DEMO_ACCOUNTS = [{ ...DEMO_USER, role: 'visitor' as const, specialistId: null }, DEMO_ADMIN, DEMO_SPECIALIST_USER];

const weekdays = (days: Array<1 | 2 | 3 | 4 | 5>, windows: Array<[string, string]>) =>
  days.flatMap((weekday) => windows.map(([start, end]) => ({ weekday, start, end })));

export const DEMO_SPECIALISTS: Array<Specialist & Omit<ClinicSpecialist, 'active'>> = [
  {
    id: 'olena-kovalenko',
    name: 'Dr. Olena Kovalenko',
    title: 'Clinical psychologist',
    timeZone: 'Europe/Kyiv',
    schedule: weekdays([1, 2, 3, 4, 5], [['09:00', '13:00'], ['14:00', '18:00']]),
    bio: 'Works with anxiety, burnout and grief; sessions in Ukrainian or English.',
    languages: ['uk', 'en'],
    photoUrl: null,
    email: 'olena@example.com',
  },
  {
    id: 'sam-rivera',
    name: 'Sam Rivera, LCSW',
    title: 'Licensed clinical social worker',
    timeZone: 'America/New_York',
    schedule: weekdays([1, 2, 3, 4], [['10:00', '16:00']]),
    bio: 'Supports families and young adults through change.',
    languages: ['en', 'es'],
    photoUrl: null,
    email: null,
  },
];

/** The meta key recording that this database has had its demo data. */
export const DEMO_SEEDED = 'demo_seeded';

export const DEMO_REFS_URL = new URL('../../demo/refs.json', import.meta.url);

// The demo password's hash, computed once per process (scrypt is slow on purpose; tests seed often).
let demoHash: string | undefined;

export async function seedDemoData(store: Store, now = new Date()): Promise<void> {
  const refs = JSON.parse(readFileSync(DEMO_REFS_URL, 'utf8')) as unknown[];
  await store.transaction(async (tx) => {
    // Once per database: a second start (or a second process starting at the same time, which
    // waits on the claim) finds the row and adds nothing.
    if (!(await tx.clinic.claimMeta(DEMO_SEEDED, iso(now)))) return;
    // Specialists first: a specialist account refers to its specialist.
    const existing = new Set((await tx.specialists.list()).map((s) => s.id));
    for (const { schedule, ...s } of DEMO_SPECIALISTS) {
      if (existing.has(s.id)) continue;
      await tx.clinic.createSpecialist({ ...s, active: true });
      await tx.clinic.putHours(s.id, { weekly: schedule, overrides: [], timeOff: [], minNoticeMinutes: null, bufferMinutes: 0, maxPerDay: null });
      await tx.clinic.createService({ id: `${s.id}-initial`, specialistId: s.id, ...DEFAULT_SERVICE, active: true });
    }
    for (const a of DEMO_ACCOUNTS) {
      if (await tx.accounts.findUserByEmail(a.email)) continue;
      demoHash ??= hashPasswordSync(DEMO_USER.password);
      await tx.accounts.createUser({ id: a.id, email: a.email, name: a.name, passwordHash: demoHash, createdAt: iso(now), role: a.role, specialistId: a.specialistId });
    }
    if (!(await tx.references.get('essay'))) await tx.references.put('essay', refs);
  });
}
