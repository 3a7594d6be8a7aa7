// GET /desk: the care team's page, which hosts <hearth-desk> (issue 12), and its stylesheet.
//   signed out (no cookie session)  303 to /login?return=/desk (staff land back here after signing in)
//   a visitor                       403, "This page is for the care team", with a sign-out form
//   staff                           the page (the page CSP, with Trusted Types: the desk is Lit)
import { readFileSync } from 'node:fs';
import { isStaff } from '../conversation-access.js';
import { deskPage, notForVisitorsPage } from '../desk-pages.js';
import { html } from '../forms.js';
import type { Deps, Router } from '../http.js';
import { PAGE_CSP } from '../security.js';
import { pageLanguage } from '../page-language.js';

const DESK_CSS = readFileSync(new URL('../assets/desk.css', import.meta.url));

/** The desk's CSP: the server pages' one, plus Trusted Types for the element's DOM writes. */
export const DESK_CSP = `${PAGE_CSP}; require-trusted-types-for 'script'`;

export function deskRoutes(r: Router, _deps: Deps): void {
  r.on('GET', '/desk.css', () => new Response(DESK_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' } }));

  r.on('GET', '/desk', (c) => {
    const { user, via } = c.get('auth');
    // A page is opened by navigation: only the cookie session counts (a bearer token is for the API).
    if (!user || via !== 'cookie') return new Response(null, { status: 303, headers: { Location: '/login?return=/desk', 'Cache-Control': 'no-store' } });
    if (!isStaff(user)) return html(notForVisitorsPage({ name: user.name }, pageLanguage(c)), 403);
    return html(deskPage({ name: user.name }, pageLanguage(c)), 200, { 'Content-Security-Policy': DESK_CSP });
  });
}
