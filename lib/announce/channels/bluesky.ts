// Bluesky: com.atproto.repo.putRecord with a record key derived from the entry. Writing the same
// key again replaces that one post, so a retry cannot make a second one. The session is made once
// (createSession is strictly rate-limited) and refreshed by the agent when it expires.
import { AtpAgent, XRPCError } from '@atproto/api';
import { blueskyRkey } from '../keys';
import { isRetryableStatus, parseResetTime, parseRetryAfter, transportError, withTimeout } from './http';
import { ChannelError, type Announcement, type ChannelClient, type Posted } from './types';

export interface BlueskyOptions {
  /** The PDS or entryway (BLUESKY_SERVICE), default https://bsky.social. */
  service?: string;
  /** BLUESKY_HANDLE (or the account's DID). */
  identifier: string;
  /** An app password (BLUESKY_APP_PASSWORD), never the account password. */
  password: string;
  timeoutMs?: number;
  now?: () => number;
}

export const BLUESKY_DEFAULT_SERVICE = 'https://bsky.social';
const COLLECTION = 'app.bsky.feed.post';

export function blueskyClient({ service = BLUESKY_DEFAULT_SERVICE, identifier, password, timeoutMs = 15_000, now = Date.now }: BlueskyOptions): ChannelClient {
  const agent = new AtpAgent({
    service,
    fetch: (input, init) => fetch(input, { ...init, signal: withTimeout(init?.signal ?? undefined, timeoutMs) }),
  });
  let login: Promise<unknown> | undefined;
  const session = async (signal: AbortSignal) => {
    if (agent.hasSession) return agent.session!;
    login ??= agent.login({ identifier, password }).finally(() => (login = undefined));
    await login;
    signal.throwIfAborted();
    return agent.session!;
  };

  return {
    channel: 'bluesky',
    async send(a: Announcement, signal: AbortSignal): Promise<Posted> {
      const rkey = blueskyRkey(a.entryId, a.loggedAt);
      try {
        const { did } = await session(signal);
        const res = await agent.com.atproto.repo.putRecord(
          { repo: did, collection: COLLECTION, rkey, record: postRecord(a, new Date(now()).toISOString()) },
          { signal },
        );
        return { postId: res.data.uri, url: `https://bsky.app/profile/${did}/post/${rkey}` };
      } catch (err) {
        throw asChannelError(err, now());
      }
    },
  };
}

/** The post, with the shown (short) link made clickable by a facet (byte offsets in UTF-8). */
function postRecord(a: Announcement, createdAt: string) {
  const { text, link } = a.text;
  const record: Record<string, unknown> = { $type: COLLECTION, text, createdAt };
  if (link) {
    const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
    const byteStart = bytes(text.slice(0, link.start));
    record.facets = [
      {
        index: { byteStart, byteEnd: byteStart + bytes(text.slice(link.start, link.end)) },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: link.uri }],
      },
    ];
  }
  return record;
}

function asChannelError(err: unknown, now: number): ChannelError {
  if (err instanceof ChannelError) return err;
  if (err instanceof XRPCError && err.status >= 400) {
    const header = (name: string) => err.headers?.[name];
    const retryAfterMs = parseRetryAfter(header('retry-after'), now) ?? (err.status === 429 ? parseResetTime(header('ratelimit-reset'), now) : undefined);
    return new ChannelError(`HTTP ${err.status}: ${err.error}${err.message && err.message !== err.error ? `: ${err.message}` : ''}`.slice(0, 600), {
      retryable: isRetryableStatus(err.status),
      retryAfterMs,
      status: err.status,
      cause: err,
    });
  }
  // No HTTP answer (XRPC's status 1 "Unknown"), a timeout, a refused connection.
  return transportError(err instanceof XRPCError && err.cause ? err.cause : err);
}
