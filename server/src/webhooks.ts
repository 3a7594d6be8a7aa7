// Webhooks for platforms (issue 13): POST HEARTH_WEBHOOK_URL with a JSON body
//   {"type": "booking.created", "id": "<delivery uuid>", "createdAt": "…Z", "data": {ids and times}}
// and the headers
//   Hearth-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under HEARTH_WEBHOOK_SECRET>
//   Hearth-Delivery: <the same uuid on every retry of one delivery>
// Any 2xx is success; anything else, a network error or no answer within the timeout is a failure
// that the outbox retries (deliveries.ts). The body is fixed when the event happens (notify.ts), so
// every retry sends the same bytes, with a fresh timestamp and signature.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The Hearth-Signature header value for `body` at `t` (unix seconds). */
export function signature(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * Checks a Hearth-Signature header (what a receiver does; tests use it): the HMAC matches and the
 * timestamp is within `toleranceSeconds` of `now`.
 */
export function verifySignature(secret: string, header: string | undefined, body: string, now = Date.now(), toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const got = Buffer.from(parts.v1);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export class WebhookError extends Error {
  override name = 'WebhookError';
}

/** POSTs one delivery; resolves on a 2xx, else throws a WebhookError saying only the status or the failure's kind. */
export async function postWebhook(o: { url: string; secret: string; deliveryId: string; body: string; timeoutMs: number; now?: () => number }): Promise<void> {
  const t = Math.floor((o.now?.() ?? Date.now()) / 1000);
  let res: Response;
  try {
    res = await fetch(o.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'hearth-webhooks',
        'Hearth-Signature': signature(o.secret, t, o.body),
        'Hearth-Delivery': o.deliveryId,
      },
      body: o.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(o.timeoutMs),
    });
  } catch (e) {
    const name = (e as Error)?.name;
    throw new WebhookError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network error');
  }
  // The answer's body is not needed: drop it so the connection can be reused.
  await res.body?.cancel().catch(() => undefined);
  if (res.status < 200 || res.status > 299) throw new WebhookError(`HTTP ${res.status}`);
}
