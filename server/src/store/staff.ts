// The care team's accounts and their invitations (issue 12), written once for both databases like
// conversations.ts (`?` placeholders; each store runs it on its connection or transaction).
//
// An invited account exists from the invitation on, with an empty password hash: nothing verifies
// against it (passwords.ts), so it cannot sign in until its owner has chosen a password through the
// emailed link. Only the link token's SHA-256 is stored; taking it (DELETE … RETURNING) uses it once,
// even for racing requests.
import type { Sql } from './conversations.js';

/** A staff account as the desk lists it. */
export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  role: 'specialist' | 'admin';
  specialistId: string | null;
  /** True until they have chosen a password. */
  invited: boolean;
}

export interface StaffInviteRow {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface StaffStore {
  /** Every specialist and admin account (in no particular order: the route sorts by name). */
  list(): Promise<StaffAccount[]>;
  insertInvite(i: StaffInviteRow): Promise<void>;
  /** The unexpired invitation of a token hash, with its account's email (the page names it), without using it. */
  findInvite(tokenHash: string, now: string): Promise<(StaffInviteRow & { email: string }) | undefined>;
  /** Removes and returns an unexpired invitation (once, even for racing requests). */
  takeInvite(tokenHash: string, now: string): Promise<StaffInviteRow | undefined>;
  /** Sets the password of an account still waiting for one; false when it has one already. */
  choosePassword(userId: string, passwordHash: string): Promise<boolean>;
}

const INVITE_COLUMNS = 'i.token_hash AS "tokenHash", i.user_id AS "userId", i.created_at AS "createdAt", i.expires_at AS "expiresAt"';

export function staffRepository(sql: Sql): StaffStore {
  return {
    list: async () =>
      (
        await sql.rows<Omit<StaffAccount, 'invited'> & { invited: number | boolean }>(
          `SELECT id, name, email, role, specialist_id AS "specialistId", CASE WHEN password_hash = '' THEN 1 ELSE 0 END AS invited
           FROM users WHERE role IN ('specialist', 'admin')`,
          [],
        )
      ).map((r) => ({ ...r, specialistId: r.specialistId ?? null, invited: Number(r.invited) === 1 })),
    insertInvite: async (i) =>
      void (await sql.run('INSERT INTO staff_invites (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [i.tokenHash, i.userId, i.createdAt, i.expiresAt])),
    findInvite: async (tokenHash, now) =>
      (
        await sql.rows<StaffInviteRow & { email: string }>(
          `SELECT ${INVITE_COLUMNS}, u.email FROM staff_invites i JOIN users u ON u.id = i.user_id WHERE i.token_hash = ? AND i.expires_at > ?`,
          [tokenHash, now],
        )
      )[0],
    takeInvite: async (tokenHash, now) =>
      (
        await sql.rows<StaffInviteRow>(
          `DELETE FROM staff_invites WHERE token_hash = ? AND expires_at > ?
           RETURNING token_hash AS "tokenHash", user_id AS "userId", created_at AS "createdAt", expires_at AS "expiresAt"`,
          [tokenHash, now],
        )
      )[0],
    choosePassword: async (userId, passwordHash) => (await sql.run(`UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ''`, [passwordHash, userId])) > 0,
  };
}
