// The demo's mail folder (issue 13): in demo mode without SMTP, each mail is also written as an
// .eml file (the exact MIME message an SMTP server would receive, .ics attachment included) to
// `mail/` beside the SQLite file (data/mail/ by default), and listed to staff at /desk/mail
// (routes/desk-mail.ts). An in-memory database has no folder: the console mailer alone, as before.
import nodemailer from 'nodemailer';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Mail, Mailer } from './mail.js';

/** The demo's mail folder for a SQLite path, or undefined (":memory:", file: URLs). */
export function demoMailDir(dbPath: string): string | undefined {
  return dbPath === ':memory:' || dbPath.startsWith('file:') ? undefined : join(dirname(dbPath), 'mail');
}

/** A file name of the folder: written by emlMailer only. */
export const EML_NAME = /^\d{8}T\d{9}Z-[A-Za-z0-9-]{1,64}\.eml$/;

/** Writes each mail as `<UTC time>-<delivery id or random>.eml` into `dir` (created when needed). */
export function emlMailer(dir: string, from: string): Mailer {
  const compose = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail: Mail) {
      const info = (await compose.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: mail.attachments,
        ...(mail.id ? { messageId: `<${mail.id}@hearth>` } : {}),
      })) as { message: Buffer };
      mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[-:.]/g, '');
      const id = mail.id ?? Math.random().toString(36).slice(2, 12);
      writeFileSync(join(dir, `${stamp}-${id}.eml`), info.message, { mode: 0o600 });
    },
  };
}

/** Sends through each mailer in turn (the demo: the .eml file and the terminal). */
export function bothMailers(...mailers: Mailer[]): Mailer {
  return {
    async send(mail) {
      for (const m of mailers) await m.send(mail);
    },
  };
}

export interface MailFile {
  name: string;
  subject: string;
  to: string;
  date: string;
}

/** The folder's mails, newest first (headers only). */
export function listMailFiles(dir: string, limit = 200): MailFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => EML_NAME.test(n));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .slice(0, limit)
    .map((name) => {
      const head = readFileSync(join(dir, name), 'utf8').split(/\r?\n\r?\n/, 1)[0] ?? '';
      const header = (h: string) => new RegExp(`^${h}: ?(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
      return { name, subject: header('Subject'), to: header('To'), date: header('Date') };
    });
}

/** One mail's raw text, or undefined for a name the folder does not hold. */
export function readMailFile(dir: string, name: string): string | undefined {
  if (!EML_NAME.test(name)) return undefined;
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    return undefined;
  }
}
