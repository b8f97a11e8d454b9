// Mastodon: POST /api/v1/statuses. The Idempotency-Key (derived from the entry) makes the server
// return the first status for a repeated request instead of posting again; Mastodon keeps
// these keys for one hour.
import { announcementKey } from '../keys';
import { bodyExcerpt, httpError, transportError, withTimeout } from './http';
import type { Announcement, ChannelClient, Posted } from './types';

export interface MastodonOptions {
  /** The instance, e.g. https://mastodon.social (MASTODON_URL). */
  baseUrl: string;
  /** An access token with the write:statuses scope (MASTODON_TOKEN). */
  token: string;
  timeoutMs?: number;
  now?: () => number;
}

export function mastodonClient({ baseUrl, token, timeoutMs = 15_000, now = Date.now }: MastodonOptions): ChannelClient {
  const endpoint = new URL('api/v1/statuses', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  return {
    channel: 'mastodon',
    async send(a: Announcement, signal: AbortSignal): Promise<Posted> {
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': announcementKey(a.entryId, 'mastodon'),
          },
          body: JSON.stringify({ status: a.text.text }),
          signal: withTimeout(signal, timeoutMs),
        });
      } catch (err) {
        throw transportError(err);
      }
      if (!res.ok) throw httpError(res.status, await bodyExcerpt(res), res.headers, now(), 'x-ratelimit-reset');
      const status = (await res.json()) as { id?: unknown; url?: unknown; uri?: unknown };
      if (typeof status.id !== 'string') throw transportError(new Error('the answer has no status id'));
      return { postId: status.id, url: typeof status.url === 'string' ? status.url : typeof status.uri === 'string' ? status.uri : undefined };
    },
  };
}
