// Email that leaves the server. Mails carry no health data: only "there is something for you" and a
// link. Three mailers:
//  - SMTP (HEARTH_SMTP_URL, e.g. smtp://user:pass@mail.example:587) through nodemailer;
//  - the demo's console mailer (demo mode without SMTP): prints each mail, so a newcomer can follow
//    the sign-up link from the terminal;
//  - none (a production start without SMTP): mails are dropped, with one startup warning.
// Sending never blocks or fails the request that causes it (and its timing does not depend on
// whether a mail went out): failures are logged without addresses or contents.
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Files attached (a booking's .ics). */
  attachments?: { filename: string; content: string; contentType: string }[];
  /** The outbox delivery id (deliveries.ts): the Message-ID is <id@hearth>, the same on every retry. */
  id?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** An SMTP mailer for a `smtp://` or `smtps://` URL, sending from `from`. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: mail.attachments,
        ...(mail.id ? { messageId: `<${mail.id}@hearth>` } : {}),
      });
    },
  };
}

/** Prints each mail to `write` (the demo's terminal). */
export function consoleMailer(write: (text: string) => void = (t) => process.stdout.write(t)): Mailer {
  return {
    async send(mail) {
      write(`\n✉  Demo mail to ${mail.to}: ${mail.subject}\n${mail.text.replace(/^/gm, '   ')}\n\n`);
    },
  };
}

/** Keeps every mail in `sent` (tests). */
export function memoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    sent,
    async send(mail) {
      sent.push(mail);
    },
  };
}

export const noMailer: Mailer = { send: async () => {} };

/** Sends without waiting; a failure is logged without the address or the contents. */
export function sendLater(mailer: Mailer, mail: Mail): void {
  mailer.send(mail).catch((e: unknown) => console.error(`hearth: a mail could not be sent (${(e as Error)?.name ?? 'error'})`));
}
