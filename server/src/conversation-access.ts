// Who may do what with a conversation: checked on every row, not on routes alone.
//  - a visitor sees only their own; anyone else's answers 404, exactly like one that does not
//    exist (no existence oracle);
//  - a specialist sees those addressed to them and to the team (403 for another specialist's);
//  - an admin sees all;
//  - status: staff who may see it; assignee: admins only; a visitor may change neither (403 on
//    their own, 404 on anyone else's).
import type { Account, Conversation } from './store/index.js';

export type Access = 'ok' | 'not-found' | 'forbidden';

export const isStaff = (user: Pick<Account, 'role'>) => user.role === 'specialist' || user.role === 'admin';

/** May `user` read and reply to `c` (undefined: no such conversation)? */
export function canSee(user: Pick<Account, 'id' | 'role' | 'specialistId'>, c: Pick<Conversation, 'visitorId' | 'specialistId'> | undefined): Access {
  if (!c) return 'not-found';
  if (c.visitorId === user.id) return 'ok';
  if (user.role === 'admin') return 'ok';
  if (user.role === 'specialist') return c.specialistId === null || c.specialistId === user.specialistId ? 'ok' : 'forbidden';
  return 'not-found';
}

/** May `user` change `c`'s status (or, with `assignee`, its assignee)? */
export function canChange(user: Pick<Account, 'id' | 'role' | 'specialistId'>, c: Pick<Conversation, 'visitorId' | 'specialistId'> | undefined, what: 'status' | 'assignee'): Access {
  const seen = canSee(user, c);
  if (seen !== 'ok') return seen;
  if (what === 'assignee') return user.role === 'admin' ? 'ok' : 'forbidden';
  return isStaff(user) ? 'ok' : 'forbidden';
}
