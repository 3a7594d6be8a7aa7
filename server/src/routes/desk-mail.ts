// GET /desk/mail (issue 13): the demo's mail folder (mail-files.ts), so a newcomer sees what the
// server sent. Staff only (cookie session), demo only, and only when the mails go to a folder
// (demo mode without SMTP, on a database file): otherwise 404.
//   GET /desk/mail          the list: subject, recipient, time, newest first (escaped)
//   GET /desk/mail/:name    one mail as it would travel (text/plain, the raw MIME message)
import { isStaff } from '../conversation-access.js';
import { notForVisitorsPage } from '../desk-pages.js';
import { html } from '../forms.js';
import { send, type Ctx, type Deps, type Router } from '../http.js';
import { listMailFiles, readMailFile } from '../mail-files.js';
import { esc, layout } from '../pages.js';
import { problem } from '../problem.js';
import { pageLanguage } from '../page-language.js';

export function deskMailRoutes(r: Router, deps: Deps, mailDir: string | undefined): void {
  if (!deps.config.demo || !mailDir) return;
  const dir = mailDir;

  /** The staff account, or the answer for anyone else. */
  const staffOnly = (c: Ctx, back: string) => {
    const { user, via } = c.get('auth');
    if (!user || via !== 'cookie') return new Response(null, { status: 303, headers: { Location: `/login?return=${encodeURIComponent(back)}`, 'Cache-Control': 'no-store' } });
    if (!isStaff(user)) return html(notForVisitorsPage({ name: user.name }, pageLanguage(c)), 403);
    return undefined;
  };

  r.on('GET', '/desk/mail', (c) => {
    const refused = staffOnly(c, '/desk/mail');
    if (refused) return refused;
    const mails = listMailFiles(dir);
    const rows = mails
      .map((m) => `<li><a href="/desk/mail/${esc(m.name)}">${esc(m.subject || '(no subject)')}</a> — to ${esc(m.to)}, <time>${esc(m.date)}</time></li>`)
      .join('\n');
    const body = `<h1>Demo mail</h1>
<p>The demo has no mail server: these are the mails it would have sent (files in the <code>mail</code> folder beside the database). Set HEARTH_SMTP_URL to send them.</p>
${mails.length ? `<ul>\n${rows}\n</ul>` : '<p>No mail yet.</p>'}
<p><a href="/desk">Back to the desk</a></p>`;
    return html(layout('Demo mail', body));
  });

  r.on('GET', '/desk/mail/:name', (c) => {
    const name = c.req.param('name') ?? '';
    const refused = staffOnly(c, '/desk/mail');
    if (refused) return refused;
    const text = readMailFile(dir, name);
    if (text === undefined) return send(problem(404, 'There is no such mail.'));
    return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Disposition': 'inline' } });
  });
}
