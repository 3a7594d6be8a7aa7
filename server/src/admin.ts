// `npm run admin -- <command>`: maintenance of the care team's side, on the configured database.
//
//   add-staff --email E --role admin|specialist [--specialist ID] [--name N]
//       Creates a staff account. The password is read from standard input (never from argv or the
//       environment, which other users and process listings may see): typed without echo on a
//       terminal, or the first line of a pipe. Checked like a sign-up's: 8+ characters, not common.
//
//   rotate-key
//       Re-encrypts every message body and booking note under HEARTH_DATA_KEY: values sealed under
//       HEARTH_DATA_KEY_PREVIOUS, and plaintext left by versions before encryption. In batches of
//       500, each in its own transaction; running it again does nothing more. Afterwards
//       HEARTH_DATA_KEY_PREVIOUS may be removed.
//
// Exit codes: 0 done; 1 refused (bad input, taken email, unknown specialist); 2 bad usage or configuration.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { describeDatabase, loadConfig, type Config } from './config.js';
import { hashPassword } from './passwords.js';
import { signupSchema } from './routes/signup.js';
import { EmailTakenError, openStore, type Store } from './store/index.js';
import { iso } from './time.js';
import { createBox, DataKeyError, type Purpose } from './crypto-box.js';

const USAGE = `usage:
  npm run admin -- add-staff --email E --role admin|specialist [--specialist ID] [--name N]   (password on standard input)
  npm run admin -- rotate-key   (HEARTH_DATA_KEY: the new key; HEARTH_DATA_KEY_PREVIOUS: the old one)`;

class Refusal extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
  }
}

/** One line from standard input: without echo on a terminal, the first line of a pipe. */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) {
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    return new Promise((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stderr.write('\n');
            return resolve(typed);
          }
          if (ch === '\u0003') {
            stdin.setRawMode(false);
            return reject(new Refusal('cancelled', 1));
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.on('data', onData);
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function addStaff(store: Store, args: string[], now: Date): Promise<string> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, role: { type: 'string' }, specialist: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.email) throw new Refusal(`add-staff: --email is required\n${USAGE}`, 2);
  if (values.role !== 'admin' && values.role !== 'specialist') throw new Refusal(`add-staff: --role must be admin or specialist\n${USAGE}`, 2);
  if (values.role === 'specialist' && !values.specialist) throw new Refusal('add-staff: a specialist account needs --specialist ID (see GET /api/specialists)', 2);
  if (values.role === 'admin' && values.specialist) throw new Refusal('add-staff: --specialist is only for --role specialist', 2);
  let specialistName: string | undefined;
  if (values.specialist) {
    const s = await store.specialists.get(values.specialist);
    if (!s) {
      const known = (await store.specialists.list()).map((x) => x.id).join(', ') || 'none';
      throw new Refusal(`add-staff: no specialist has the id ${JSON.stringify(values.specialist)} (known: ${known})`);
    }
    specialistName = s.name;
  }
  const password = await readPassword('Password for the new account: ');
  const parsed = signupSchema.safeParse({ name: values.name ?? specialistName ?? values.email.split('@')[0], email: values.email, password });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'input'}: ${i.message}`);
    throw new Refusal(`add-staff: refused:\n${lines.join('\n')}`);
  }
  const { name, email } = parsed.data;
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    await store.accounts.createUser({ id: randomUUID(), email, name, passwordHash, createdAt: iso(now), role: values.role, specialistId: values.specialist ?? null });
  } catch (e) {
    if (e instanceof EmailTakenError) throw new Refusal('add-staff: an account with this email exists already');
    throw e;
  }
  return `added ${values.role} ${email}${values.specialist ? ` (specialist ${values.specialist})` : ''}: they sign in at /login`;
}

const SEALED: ReadonlyArray<readonly [table: string, column: string, purpose: Purpose]> = [
  ['messages', 'body', 'message'],
  ['bookings', 'note', 'booking-note'],
  ['bookings', 'cancel_reason', 'booking-cancel-reason'],
];
const BATCH = 500;

async function rotateKey(store: Store, config: Config): Promise<string> {
  if (!config.dataKey)
    throw new Refusal('rotate-key: set HEARTH_DATA_KEY to the new key (openssl rand -base64 32) and HEARTH_DATA_KEY_PREVIOUS to the one in use until now', 2);
  const box = createBox(config.dataKey, config.dataKeyPrevious ? [config.dataKeyPrevious] : []);
  const done: string[] = [];
  for (const [table, column, purpose] of SEALED) {
    let after = '';
    let changed = 0;
    for (;;) {
      const rows = await store.query<{ id: string; value: string }>(
        `SELECT id, ${column} AS value FROM ${table} WHERE id > ? AND ${column} IS NOT NULL ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) break;
      await store.transaction(async () => {
        for (const r of rows) {
          if (!box.isStale(r.value)) continue;
          let plain: string;
          try {
            plain = box.open(r.value, purpose);
          } catch (e) {
            if (e instanceof DataKeyError) throw new Refusal(`rotate-key: a ${table}.${column} value is sealed under a key that is neither HEARTH_DATA_KEY nor HEARTH_DATA_KEY_PREVIOUS: set the right previous key and run it again`);
            throw new Refusal(`rotate-key: a ${table}.${column} value does not open under its key (damaged?); nothing more was changed`);
          }
          // Only if nobody changed it meanwhile.
          await store.query(`UPDATE ${table} SET ${column} = ? WHERE id = ? AND ${column} = ?`, [box.seal(plain, purpose), r.id, r.value]);
          changed++;
        }
      });
      after = rows[rows.length - 1]!.id;
    }
    done.push(`${changed} ${table}.${column}`);
  }
  return `rotate-key: re-encrypted ${done.join(', ')} under key ${box.keyId}; HEARTH_DATA_KEY_PREVIOUS may now be removed`;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let config: Config;
  try {
    // Only the database (and key) settings matter here: HEARTH_PUBLIC_URL need not be set.
    config = loadConfig({ ...process.env, HEARTH_PUBLIC_URL: process.env.HEARTH_PUBLIC_URL || 'http://localhost' });
  } catch (e) {
    console.error(`hearth admin: ${(e as Error).message}`);
    return 2;
  }
  if (command !== 'add-staff' && command !== 'rotate-key') {
    console.error(command ? `hearth admin: unknown command ${JSON.stringify(command)}\n${USAGE}` : USAGE);
    return 2;
  }
  const store = await openStore(config);
  try {
    console.error(`hearth admin: ${describeDatabase(config)}`);
    console.log(command === 'rotate-key' ? await rotateKey(store, config) : await addStaff(store, rest, new Date()));
    return 0;
  } catch (e) {
    if (e instanceof Refusal) {
      console.error(`hearth admin: ${e.message}`);
      return e.code;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`hearth admin: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
