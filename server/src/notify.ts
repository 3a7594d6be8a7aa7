// What to send for each event (issue 13): the enqueue side of the outbox.
//
//     import { notify } from '../notify.js';
//     await notify(deps, tx, { type: 'booking.cancelled', bookingId, by: 'staff', origin });
//
//   notify(deps: { box, config, now }, tx: Repositories, event: NotifyEvent): Promise<string[]>
//
// Call it INSIDE the transaction that makes the change (`tx` from store.transaction or
// idempotentWrite), after the change is written: the rows commit with it or not at all. It returns
// the delivery ids. It never sends anything itself and never throws for a missing configuration
// (no webhook URL: no webhook rows; staff mails without any address are skipped at send time).
//
// Events (ids only; `origin` is the server's own origin, ownOrigin(c, config), for links):
//   booking.created     { bookingId, manageUrl, origin }  visitor mail (+ .ics), staff mail, webhook
//   booking.rescheduled { bookingId, previousStart, previousEnd, previousBookingId?, manageUrl?, origin }
//                                                         visitor mail (+ .ics), staff mail, webhook
//   booking.cancelled   { bookingId, by: 'visitor'|'staff', manageUrl?, origin }
//                                                         visitor mail, staff mail (when the visitor
//                                                         cancelled), webhook
//   message.created     { messageId, conversationId, origin }      staff mail (link to /desk), webhook
//   reply.created       { messageId, conversationId, origin }      visitor mail "You have a reply"
//
// What is stored: the template, the ids, `origin`, and the manage link (it holds the booking's
// secret token) sealed with the data key (crypto-box.ts, purpose "delivery-link"). Addresses are
// looked up when the mail is sent (deliveries.ts). The webhook's body (ids and times only) is
// written now, so every retry sends the same bytes.
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { DataBox } from './crypto-box.js';
import type { Repositories } from './store/index.js';
import type { Mail } from './mail.js';
import { bookingIcs } from './ics.js';
import { iso } from './time.js';

export type NotifyEvent =
  | { type: 'booking.created'; bookingId: string; manageUrl: string; origin: string }
  | {
      type: 'booking.rescheduled';
      bookingId: string;
      previousStart: string;
      previousEnd: string;
      /** When the reschedule made a new booking row. */
      previousBookingId?: string;
      manageUrl?: string;
      origin: string;
    }
  | { type: 'booking.cancelled'; bookingId: string; by: 'visitor' | 'staff'; manageUrl?: string; origin: string }
  | { type: 'message.created'; messageId: string; conversationId: string; origin: string }
  | { type: 'reply.created'; messageId: string; conversationId: string; origin: string };

export type WebhookType = 'booking.created' | 'booking.rescheduled' | 'booking.cancelled' | 'message.created';
export const WEBHOOK_TYPES: readonly WebhookType[] = ['booking.created', 'booking.rescheduled', 'booking.cancelled', 'message.created'];

export type MailTemplate =
  | 'visitor.booking.created'
  | 'visitor.booking.rescheduled'
  | 'visitor.booking.cancelled'
  | 'visitor.reply'
  | 'staff.booking.created'
  | 'staff.booking.rescheduled'
  | 'staff.booking.cancelled'
  | 'staff.message';

/** A mail row's payload: ids and links, never an address or a text. */
export interface MailPayload {
  template: MailTemplate;
  origin: string;
  bookingId?: string;
  conversationId?: string;
  messageId?: string;
  /** Who cancelled (visitor.booking.cancelled). */
  by?: 'visitor' | 'staff';
  /** The manage link, sealed (purpose "delivery-link"). */
  manageUrl?: string;
}

/** A webhook row's payload: the exact body to POST (a JSON string). */
export interface WebhookPayload {
  body: string;
}

export interface NotifyDeps {
  box: DataBox;
  config: Pick<Config, 'webhookUrl'>;
  now: () => Date;
}

/** Enqueues the mails and webhook of `event` in the transaction `tx`; returns the delivery ids. */
export async function notify(deps: NotifyDeps, tx: Repositories, event: NotifyEvent): Promise<string[]> {
  const createdAt = iso(deps.now());
  const ids: string[] = [];
  const add = async (kind: 'mail' | 'webhook', payload: MailPayload | WebhookPayload, id: string = randomUUID()) => {
    await tx.deliveries.insert({ id, kind, payload: JSON.stringify(payload), createdAt, nextAttemptAt: deps.now().toISOString() });
    ids.push(id);
  };
  const sealed = (url: string | undefined) => (url ? deps.box.seal(url, 'delivery-link') : undefined);
  const { origin } = event;

  /** The webhook, when one is configured: body fixed now (ids and times), the delivery id is the event id. */
  const webhook = async (type: WebhookType, data: Record<string, unknown>) => {
    if (!deps.config.webhookUrl) return;
    const id = randomUUID();
    await add('webhook', { body: JSON.stringify({ type, id, createdAt, data }) }, id);
  };

  switch (event.type) {
    case 'booking.created':
    case 'booking.rescheduled':
    case 'booking.cancelled': {
      const b = await tx.deliveries.bookingFacts(event.bookingId);
      if (!b) throw new Error(`notify: no booking ${event.bookingId}`);
      const what = event.type.slice('booking.'.length) as 'created' | 'rescheduled' | 'cancelled';
      const times = { bookingId: b.id, specialistId: b.specialistId, start: b.start, end: b.end };
      await add('mail', {
        template: `visitor.booking.${what}`,
        origin,
        bookingId: b.id,
        manageUrl: sealed(event.manageUrl),
        ...(event.type === 'booking.cancelled' ? { by: event.by } : {}),
      });
      // The specialist hears of a cancellation only when the visitor cancelled (staff know already).
      if (event.type !== 'booking.cancelled' || event.by === 'visitor') await add('mail', { template: `staff.booking.${what}`, origin, bookingId: b.id });
      if (event.type === 'booking.created') await webhook('booking.created', times);
      else if (event.type === 'booking.rescheduled')
        await webhook('booking.rescheduled', {
          ...times,
          previousStart: event.previousStart,
          previousEnd: event.previousEnd,
          ...(event.previousBookingId ? { previousBookingId: event.previousBookingId } : {}),
        });
      else await webhook('booking.cancelled', { ...times, cancelledAt: b.cancelledAt ?? createdAt, cancelledBy: event.by });
      break;
    }
    case 'message.created': {
      const c = await tx.deliveries.conversationFacts(event.conversationId);
      await add('mail', { template: 'staff.message', origin, conversationId: event.conversationId, messageId: event.messageId });
      await webhook('message.created', { messageId: event.messageId, conversationId: event.conversationId, specialistId: c?.specialistId ?? null });
      break;
    }
    case 'reply.created':
      await add('mail', { template: 'visitor.reply', origin, conversationId: event.conversationId, messageId: event.messageId });
      break;
  }
  return ids;
}

// ---- At send time: the mail of a row (deliveries.ts calls it) ----------------------------------
//
// Plain text, no health data: never the message text, the note, the reason for the visit or the
// cancel reason, never the visitor's name in a staff mail: only that there is something, when, and
// a link. Addresses are read now: the booking's email, the visitor account's email, the
// specialist's `email` (migration 9) or else HEARTH_TEAM_EMAIL. A reply's link is the page the
// visitor last wrote from (messages.page_url) when that page is on this server's origin or an
// allowed origin (HEARTH_ALLOWED_ORIGINS), reduced to origin and path; otherwise the site's home.

export interface RenderDeps {
  store: Repositories;
  box: DataBox;
  config: Pick<Config, 'teamEmail' | 'allowedOrigins'>;
}

const SIGNATURE = '\n\n— hearth\n(This is an automatic message: please do not reply to it.)\n';

/** "Monday, 30 March 2026 at 09:00 (Europe/Kyiv)" */
export function when(instant: string, timeZone: string): string {
  let zone = timeZone;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    zone = 'UTC';
  }
  const text = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(new Date(instant));
  return `${text} (${zone})`;
}

/** The specialist's notification address, else the team's; null when there is neither. */
async function staffAddress(deps: RenderDeps, specialistId: string | null): Promise<string | null> {
  let own: string | null = null;
  if (specialistId) {
    try {
      own = await deps.store.deliveries.specialistEmail(specialistId);
    } catch {
      own = null; // specialists.email does not exist yet (before migration 9)
    }
  }
  return own || deps.config.teamEmail || null;
}

/** Where a reply's mail links: the visitor's page when it is on a known origin, else the site's home. */
export function replyLink(pageUrl: string | null, origin: string, allowed: readonly string[]): string {
  if (pageUrl) {
    try {
      const u = new URL(pageUrl);
      if (/^https?:$/.test(u.protocol) && (u.origin === origin || allowed.includes(u.origin))) return `${u.origin}${u.pathname}`;
    } catch {
      // not a URL: the home page
    }
  }
  return `${origin}/`;
}

/** The mail of an outbox row, or null when it has no recipient (no address configured, the booking or account is gone). */
export async function renderMail(deps: RenderDeps, id: string, p: MailPayload): Promise<Mail | null> {
  const desk = `${p.origin}/desk`;
  const manage = p.manageUrl ? deps.box.open(p.manageUrl, 'delivery-link') : undefined;
  const base = { id };
  if (p.template.includes('.booking.')) {
    const b = p.bookingId ? await deps.store.deliveries.bookingFacts(p.bookingId) : undefined;
    if (!b) return null;
    if (p.template.startsWith('visitor.')) {
      const at = when(b.start, b.timeZone);
      const ics = () => [
        {
          filename: 'consultation.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          content: bookingIcs({ id: b.id, start: b.start, end: b.end, specialistName: b.specialistName || 'hearth', manageUrl: manage ?? `${p.origin}/` }),
        },
      ];
      const manageLine = manage ? `See, reschedule or cancel it here:\n${manage}` : `Questions? Visit ${p.origin}/`;
      switch (p.template) {
        case 'visitor.booking.created':
          return { ...base, to: b.email, subject: 'Your consultation is booked', text: `Hello,\n\nyour consultation is booked for ${at}.\n\n${manageLine}\n\nThe calendar file is attached.${SIGNATURE}`, attachments: ics() };
        case 'visitor.booking.rescheduled':
          return { ...base, to: b.email, subject: 'Your consultation has a new time', text: `Hello,\n\nyour consultation now takes place on ${at}.\n\n${manageLine}\n\nThe updated calendar file is attached.${SIGNATURE}`, attachments: ics() };
        default: {
          const who = p.by === 'staff' ? 'The clinic had to cancel your consultation' : 'As you asked, your consultation is cancelled';
          return { ...base, to: b.email, subject: 'Your consultation is cancelled', text: `Hello,\n\n${who} (it was planned for ${at}).\n\nTo book another time, visit ${p.origin}/${SIGNATURE}` };
        }
      }
    }
    const to = await staffAddress(deps, b.specialistId);
    if (!to) return null;
    const at = when(b.start, 'UTC');
    const subject = { 'staff.booking.created': 'New booking', 'staff.booking.rescheduled': 'A booking has a new time', 'staff.booking.cancelled': 'A booking was cancelled' }[
      p.template as 'staff.booking.created'
    ];
    const what = {
      'staff.booking.created': `A consultation was booked for ${at}.`,
      'staff.booking.rescheduled': `A consultation was moved to ${at}.`,
      'staff.booking.cancelled': `The visitor cancelled the consultation of ${at}.`,
    }[p.template as 'staff.booking.created'];
    return { ...base, to, subject: subject ?? 'Bookings', text: `Hello,\n\n${what ?? 'A booking changed.'}\n\nSee it in the desk:\n${desk}${SIGNATURE}` };
  }
  const c = p.conversationId ? await deps.store.deliveries.conversationFacts(p.conversationId) : undefined;
  if (!c) return null;
  if (p.template === 'visitor.reply') {
    const link = replyLink(await deps.store.deliveries.lastPageUrl(p.conversationId!), p.origin, deps.config.allowedOrigins);
    return { ...base, to: c.visitorEmail, subject: 'You have a reply', text: `Hello,\n\nthere is a reply to your message. Sign in to read it:\n${link}${SIGNATURE}` };
  }
  const to = await staffAddress(deps, c.specialistId);
  if (!to) return null;
  return { ...base, to, subject: 'New message', text: `Hello,\n\nthere is a new message for you. Read it in the desk:\n${desk}${SIGNATURE}` };
}
