// X (Twitter): POST /2/tweets with twitter-api-v2, OAuth 1.0a user context. X takes no
// idempotency key; it refuses a tweet whose text repeats a recent one of the same account
// (403 "duplicate content"), and since our text is deterministic, that answer to a resend means
// an earlier attempt went through: it is recorded as posted, without an id.
import { Agent as HttpAgent } from 'node:http';
import { ApiRequestError, ApiResponseError, TwitterApi } from 'twitter-api-v2';
import { isRetryableStatus, parseResetTime, parseRetryAfter, transportError } from './http';
import { ChannelError, type Announcement, type ChannelClient, type Posted } from './types';

export interface XOptions {
  apiKey: string;
  apiSecret: string;
  accessToken: string;
  accessSecret: string;
  /** The v2 API prefix (X_API_URL), default https://api.x.com/2/. An http:// one is for tests. */
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => number;
}

export const X_DEFAULT_BASE_URL = 'https://api.x.com/2/';
/** What `postId` says when X refused a resend as a duplicate: the tweet exists, its id is unknown. */
export const X_DUPLICATE_POST_ID = 'unknown: X refused a resend as duplicate content, so an earlier attempt was posted';

export function xClient(options: XOptions): ChannelClient {
  const { timeoutMs = 15_000, now = Date.now } = options;
  const prefix = (options.baseUrl ?? X_DEFAULT_BASE_URL).replace(/\/?$/, '/');
  // twitter-api-v2 sends with node's https.request; the prefix can point elsewhere, and a plain
  // http:// prefix works when it is given an http agent.
  const httpAgent = prefix.startsWith('http:') ? new HttpAgent() : undefined;
  const api = new TwitterApi(
    { appKey: options.apiKey, appSecret: options.apiSecret, accessToken: options.accessToken, accessSecret: options.accessSecret },
    httpAgent ? { httpAgent } : undefined,
  );

  return {
    channel: 'x',
    async send(a: Announcement): Promise<Posted> {
      // The library takes no AbortSignal; the announcer stops waiting on abort, and the timeout ends the request.
      try {
        const res = (await api.v2.post('tweets', { text: a.text.text }, { prefix, timeout: timeoutMs })) as { data?: { id?: string } };
        const id = res.data?.id;
        if (!id) throw new ChannelError('the answer has no tweet id', { retryable: true });
        return { postId: id, url: `https://x.com/i/web/status/${id}` };
      } catch (err) {
        if (err instanceof ApiResponseError) {
          if (err.code === 403 && isDuplicate(err)) return { postId: X_DUPLICATE_POST_ID };
          const header = (name: string) => {
            const v = err.headers?.[name];
            return Array.isArray(v) ? v[0] : v;
          };
          const retryAfterMs =
            parseRetryAfter(header('retry-after'), now()) ?? (err.code === 429 ? parseResetTime(header('x-rate-limit-reset'), now()) : undefined);
          const detail = err.data?.detail ?? err.data?.title ?? err.message;
          throw new ChannelError(`HTTP ${err.code}: ${String(detail).slice(0, 500)}`, {
            retryable: isRetryableStatus(err.code),
            retryAfterMs,
            status: err.code,
            cause: err,
          });
        }
        if (err instanceof ApiRequestError) throw transportError(err.requestError);
        if (err instanceof ChannelError) throw err;
        throw transportError(err);
      }
    },
  };
}

function isDuplicate(err: ApiResponseError): boolean {
  const said = [err.data?.detail, err.data?.title, ...(err.data?.errors ?? []).map((e) => ('message' in e ? e.message : ''))];
  return said.some((s) => typeof s === 'string' && /duplicate content/i.test(s)) || err.hasErrorCode(187);
}
