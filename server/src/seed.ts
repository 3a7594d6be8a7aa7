// Demo data, added on first start (each piece only when missing): the demo account, two
// specialists in different time zones, and the demo essay's references list (from demo/refs.json).
import { readFileSync } from 'node:fs';
import type { Store, Specialist } from './store/index.js';
import { hashPasswordSync } from './passwords.js';
import { iso } from './time.js';

export const DEMO_USER = { id: 'demo-visitor', email: 'demo@example.com', password: 'demo1234', name: 'Demo Visitor' };

const weekdays = (days: Array<1 | 2 | 3 | 4 | 5>, windows: Array<[string, string]>) =>
  days.flatMap((weekday) => windows.map(([start, end]) => ({ weekday, start, end })));

export const DEMO_SPECIALISTS: Specialist[] = [
  {
    id: 'olena-kovalenko',
    name: 'Dr. Olena Kovalenko',
    title: 'Clinical psychologist',
    timeZone: 'Europe/Kyiv',
    schedule: weekdays([1, 2, 3, 4, 5], [['09:00', '13:00'], ['14:00', '18:00']]),
  },
  {
    id: 'sam-rivera',
    name: 'Sam Rivera, LCSW',
    title: 'Licensed clinical social worker',
    timeZone: 'America/New_York',
    schedule: weekdays([1, 2, 3, 4], [['10:00', '16:00']]),
  },
];

export const DEMO_REFS_URL = new URL('../../demo/refs.json', import.meta.url);

export async function seedDemoData(store: Store, now = new Date()): Promise<void> {
  const refs = JSON.parse(readFileSync(DEMO_REFS_URL, 'utf8')) as unknown[];
  const passwordHash = (await store.accounts.findUserByEmail(DEMO_USER.email)) ? undefined : hashPasswordSync(DEMO_USER.password);
  await store.transaction(async (tx) => {
    if (passwordHash && !(await tx.accounts.findUserByEmail(DEMO_USER.email))) {
      await tx.accounts.createUser({ id: DEMO_USER.id, email: DEMO_USER.email, name: DEMO_USER.name, passwordHash, createdAt: iso(now) });
    }
    const existing = new Set((await tx.specialists.list()).map((s) => s.id));
    for (const [i, s] of DEMO_SPECIALISTS.entries()) if (!existing.has(s.id)) await tx.specialists.upsert(s, i);
    if (!(await tx.references.get('essay'))) await tx.references.put('essay', refs);
  });
}
