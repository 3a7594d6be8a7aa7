// Outgoing mail through a real SMTP server inside the test process (smtp-server), and the demo's
// console mailer. The sign-up mails carry a link and nothing about health.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { consoleMailer, sendLater, smtpMailer } from '../../server/src/mail.js';
import { createTestApp, ORIGIN } from './helpers.js';
import { createApp } from '../../server/src/app.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

describe('mail', () => {
  const received: Received[] = [];
  let smtp: SMTPServer;
  let port = 0;
  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  test('SMTP: a sign-up’s link reaches the mailbox, from HEARTH_MAIL_FROM, with nothing but the link', async () => {
    const t = await createTestApp();
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 'hearth <no-reply@care.example>');
    const app = createApp({ store: t.store, config: t.config, now: () => t.clock.now, mailer, log: () => {} });
    const res = await app.request(
      '/signup',
      {
        method: 'POST',
        body: new URLSearchParams({ name: 'Mia Reader', email: 'mia@example.org', password: 'a long enough passphrase' }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      },
      { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
    );
    assert.equal(res.status, 200);
    for (let i = 0; i < 100 && !received.length; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(received.length, 1);
    const [mail] = received;
    assert.equal(mail!.from, 'no-reply@care.example');
    assert.deepEqual(mail!.to, ['mia@example.org']);
    assert.match(mail!.data, /Subject: Finish creating your account/);
    // The body is quoted-printable: soft line breaks and =3D for "=".
    const text = mail!.data.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    assert.match(text, /http:\/\/localhost\/signup\/confirm\?token=[\w-]{43}\r\n/);
    assert.doesNotMatch(mail!.data, /Mia Reader|passphrase/, 'neither the name nor the password is mailed');
  });

  test('a mail that cannot be sent is logged without address or contents, and the answer does not wait for it', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (line: string) => void errors.push(line);
    try {
      sendLater(smtpMailer('smtp://127.0.0.1:1', 'x@example.org'), { to: 'secret@example.org', subject: 'Private subject', text: 'Private text' });
      for (let i = 0; i < 200 && !errors.length; i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      console.error = original;
    }
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /a mail could not be sent/);
    assert.doesNotMatch(errors[0]!, /secret@example\.org|Private/);
  });

  test('the demo’s console mailer prints the mail, indented, for the terminal', async () => {
    let out = '';
    await consoleMailer((text) => (out += text)).send({ to: 'a@example.org', subject: 'Finish creating your account', text: 'Open:\nhttp://x/signup/confirm?token=t' });
    assert.match(out, /Demo mail to a@example\.org: Finish creating your account/);
    assert.match(out, /\n {3}http:\/\/x\/signup\/confirm\?token=t/);
  });
});
