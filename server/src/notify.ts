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
    await tx.deliveries.insert({ id, kind, payload: JSON.stringify(payload), createdAt, nextAttemptAt: createdAt });
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
