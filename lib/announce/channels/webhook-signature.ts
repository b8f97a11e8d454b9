// The webhook's signature: HMAC-SHA256 of the raw body with the shared secret, as
// `Shelf-Signature: sha256=<hex>`. The body carries the event id and the time, so both are signed.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'shelf-signature';
export const EVENT_ID_HEADER = 'shelf-event-id';
export const TIMESTAMP_HEADER = 'shelf-timestamp';

export function signWebhookBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** What a receiver runs on the raw request body (before parsing it) and the Shelf-Signature header. */
export function verifyWebhookSignature(secret: string, rawBody: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, rawBody));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
