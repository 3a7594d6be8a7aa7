// `npm run admin -- add-staff …` as it really runs: a child process on a database file (or, with
// HEARTH_TEST_DB=postgres, a fresh PostgreSQL schema), the password on standard input.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { sharedTestDatabase } from './helpers.js';
import type { Store } from '../../server/src/store/index.js';
import { verifyPassword } from '../../server/src/passwords.js';

const ADMIN = new URL('../../server/src/admin.ts', import.meta.url).pathname;
let env: Record<string, string>;
let store: Store;
let cleanup: () => Promise<void>;

before(async () => {
  ({ env, store, cleanup } = await sharedTestDatabase('admin')); // seeded: the specialists a specialist account refers to
});
after(() => cleanup());

function admin(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ADMIN, ...args], {
    env: { ...process.env, HEARTH_LOG: '0', HEARTH_DEMO: '0', HEARTH_PUBLIC_URL: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run admin -- add-staff', () => {
  test('adds an admin with the password from standard input; the account signs in with it', async () => {
    const r = await admin(['add-staff', '--email', 'ines@clinic.example', '--role', 'admin', '--name', 'Inês Admin'], 'plum tractor lantern\n');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /added admin ines@clinic\.example/);
    const u = await store.accounts.findUserByEmail('ines@clinic.example');
    assert.equal(u?.role, 'admin');
    assert.equal(u?.name, 'Inês Admin');
    assert.equal(u?.specialistId, null);
    assert.ok(await verifyPassword('plum tractor lantern', u?.passwordHash));
    assert.ok(!r.stdout.includes('plum') && !r.stderr.includes('plum'), 'the password is never printed');
  });

  test('adds a specialist linked to a known specialist (named after it by default)', async () => {
    const r = await admin(['add-staff', '--email', 'sam@clinic.example', '--role', 'specialist', '--specialist', 'sam-rivera'], 'river stone garden 7\r\n');
    assert.equal(r.code, 0, r.stderr);
    const u = await store.accounts.findUserByEmail('sam@clinic.example');
    assert.equal(u?.role, 'specialist');
    assert.equal(u?.specialistId, 'sam-rivera');
    assert.equal(u?.name, 'Sam Rivera, LCSW');
  });

  test('refuses an unknown specialist id, naming the known ones (exit 1, nothing added)', async () => {
    const r = await admin(['add-staff', '--email', 'x@clinic.example', '--role', 'specialist', '--specialist', 'nobody'], 'river stone garden 7\n');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no specialist has the id "nobody" \(known: olena-kovalenko, sam-rivera\)/);
    assert.equal(await store.accounts.findUserByEmail('x@clinic.example'), undefined);
  });

  test('refuses short and common passwords like a sign-up (exit 1)', async () => {
    for (const pw of ['short', 'password123', '']) {
      const r = await admin(['add-staff', '--email', 'y@clinic.example', '--role', 'admin'], `${pw}\n`);
      assert.equal(r.code, 1, pw);
      assert.match(r.stderr, /password: /, pw);
    }
    assert.equal(await store.accounts.findUserByEmail('y@clinic.example'), undefined);
  });

  test('refuses a taken email (exit 1) and a bad email', async () => {
    const taken = await admin(['add-staff', '--email', 'ADMIN@example.com', '--role', 'admin'], 'plum tractor lantern\n');
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /exists already/);
    const bad = await admin(['add-staff', '--email', 'not-an-email', '--role', 'admin'], 'plum tractor lantern\n');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /email: /);
  });

  test('usage errors exit 2: no role, a bad role, a specialist without --specialist, a password on the command line, no command', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['add-staff', '--email', 'z@clinic.example'], /--role must be admin or specialist/],
      [['add-staff', '--email', 'z@clinic.example', '--role', 'visitor'], /--role must be admin or specialist/],
      [['add-staff', '--email', 'z@clinic.example', '--role', 'specialist'], /needs --specialist/],
      [['add-staff', '--email', 'z@clinic.example', '--role', 'admin', '--password', 'plum tractor lantern'], /Unknown option '--password'/],
      [['add-staff', '--role', 'admin'], /--email is required/],
      [[], /usage:/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const r = await admin(args, 'plum tractor lantern\n');
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
    assert.equal(await store.accounts.findUserByEmail('z@clinic.example'), undefined);
  });
});
