// A generic webhook: a signed JSON POST. The Shelf-Event-Id header (and the body's `id`) is the
// same on every attempt for an entry, so a receiver that remembers ids sees each entry once.
import { announcementKey } from '../keys';
import { bodyExcerpt, httpError, transportError, withTimeout } from './http';
import type { Announcement, ChannelClient, Posted } from './types';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './webhook-signature';

export interface WebhookOptions {
  url: string;
  secret: string;
  timeoutMs?: number;
  now?: () => number;
}

/** The JSON body a receiver gets. */
export interface WebhookBody {
  type: 'media.finished';
  /** Stable per entry: deduplicate on it. */
  id: string;
  /** When this attempt was sent (ISO 8601); signed with the rest, so receivers can refuse old replays. */
  timestamp: string;
  text: string;
  entry: Announcement['entry'];
}

export function webhookClient({ url, secret, timeoutMs = 10_000, now = Date.now }: WebhookOptions): ChannelClient {
  return {
    channel: 'webhook',
    async send(a: Announcement, signal: AbortSignal): Promise<Posted> {
      const id = announcementKey(a.entryId, 'webhook');
      const sentAt = now();
      const body: WebhookBody = { type: 'media.finished', id, timestamp: new Date(sentAt).toISOString(), text: a.text.text, entry: a.entry };
      const raw = JSON.stringify(body);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Shelf-Announcer',
            [EVENT_ID_HEADER]: id,
            [TIMESTAMP_HEADER]: String(Math.floor(sentAt / 1000)),
            [SIGNATURE_HEADER]: signWebhookBody(secret, raw),
          },
          body: raw,
          signal: withTimeout(signal, timeoutMs),
        });
      } catch (err) {
        throw transportError(err);
      }
      if (!res.ok) throw httpError(res.status, await bodyExcerpt(res), res.headers, now());
      await res.body?.cancel();
      return { postId: id };
    },
  };
}
