import { afterEach, describe, expect, it } from 'vitest';
import { announcementKey, blueskyRkey } from '../keys';
import { renderAnnouncement } from '../template';
import { BLUESKY_DID, blueskyNetwork, mastodonNetwork, webhookNetwork, xNetwork, type Network } from '../testing/stand-in';
import { channelsFromEnv } from './from-env';
import { parseResetTime, parseRetryAfter } from './http';
import { ChannelError, type Announcement } from './types';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';
import { X_DUPLICATE_POST_ID } from './x';

const NOW = Date.parse('2026-11-23T08:00:00.000Z');
const now = () => NOW;
const signal = new AbortController().signal;
const entry = { id: 'e1', kind: 'book', title: 'Dune', creator: 'Frank Herbert', url: 'https://example.com/dune', rating: 4, finishedOn: '2026-11-20' };
const announcement = (channel: Announcement['channel']): Announcement => ({
  entryId: 'e1',
  channel,
  loggedAt: '2026-11-23T07:59:00.000Z',
  text: renderAnnouncement(channel, { kind: 'book', title: 'Dune', creator: 'Frank Herbert', url: entry.url, rating: 4 }),
  entry,
});

let open: Network[] = [];
const start = async (make: () => Promise<Network>) => {
  const net = await make();
  open.push(net);
  return net;
};
afterEach(async () => {
  await Promise.all(open.map((n) => n.close()));
  open = [];
});

describe('Mastodon', () => {
  it('posts the text with a bearer token and an Idempotency-Key derived from the entry', async () => {
    const net = await start(mastodonNetwork);
    const posted = await net.client(now).send(announcement('mastodon'), signal);
    const [req] = net.requests;
    expect(req!.headers.authorization).toBe('Bearer test-token');
    expect(req!.headers['idempotency-key']).toBe(announcementKey('e1', 'mastodon'));
    expect(req!.json).toEqual({ status: 'Finished reading Dune by Frank Herbert ★★★★☆ https://example.com/dune' });
    expect(posted).toEqual({ postId: expect.any(String), url: `https://mastodon.example/@owner/${posted.postId}` });
  });

  it('reads a 429 with X-RateLimit-Reset as the wait, and a 422 as final', async () => {
    const net = await start(mastodonNetwork);
    net.plan.push({ status: 429, headers: { 'x-ratelimit-reset': new Date(NOW + 90_000).toISOString() } }, { status: 422, body: { error: 'Text too long' } });
    const client = net.client(now);
    await expect(client.send(announcement('mastodon'), signal)).rejects.toMatchObject({ retryable: true, retryAfterMs: 90_000, status: 429 });
    await expect(client.send(announcement('mastodon'), signal)).rejects.toMatchObject({ retryable: false, status: 422, message: 'HTTP 422: Text too long' });
  });

  it('treats a refused connection as worth a retry', async () => {
    const net = await start(mastodonNetwork);
    const client = net.client(now);
    await net.close();
    const err = await client.send(announcement('mastodon'), signal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect(err).toMatchObject({ retryable: true });
    // The cause in words, with where, and not the channel's name (the status line already says it).
    expect((err as Error).message).toMatch(/^connection refused \(127\.0\.0\.1:\d+\)$/);
  });

  it('keeps the HTTP status and a short body of a failed answer', async () => {
    const net = await start(mastodonNetwork);
    net.plan.push({ status: 503, body: 'upstream   is\n down' });
    const err = await net.client(now).send(announcement('mastodon'), signal).catch((e: unknown) => e);
    expect(err).toMatchObject({ retryable: true, status: 503, message: 'HTTP 503: upstream is down' });
  });
});

describe('webhook', () => {
  it('signs the raw JSON body with HMAC-SHA256 and sends a stable event id and a timestamp', async () => {
    const net = await start(() => webhookNetwork('s3cret'));
    const client = net.client(now);
    const first = await client.send(announcement('webhook'), signal);
    await client.send(announcement('webhook'), signal);
    const [a, b] = net.requests;
    expect(verifyWebhookSignature('s3cret', a!.body, a!.headers['shelf-signature'] as string)).toBe(true);
    expect(verifyWebhookSignature('wrong', a!.body, a!.headers['shelf-signature'] as string)).toBe(false);
    expect(verifyWebhookSignature('s3cret', a!.body.replace('Dune', 'Dune!'), a!.headers['shelf-signature'] as string)).toBe(false);
    expect(a!.headers['shelf-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(a!.headers['shelf-event-id']).toBe(announcementKey('e1', 'webhook'));
    expect(b!.headers['shelf-event-id']).toBe(a!.headers['shelf-event-id']);
    expect(a!.headers['shelf-timestamp']).toBe(String(NOW / 1000));
    expect(a!.json).toEqual({
      type: 'media.finished',
      id: announcementKey('e1', 'webhook'),
      timestamp: '2026-11-23T08:00:00.000Z',
      text: 'Finished reading Dune by Frank Herbert ★★★★☆ https://example.com/dune',
      entry,
    });
    expect(first.postId).toBe(announcementKey('e1', 'webhook'));
    expect(net.posts.size).toBe(1);
  });

  it('verifies the documented format', () => {
    const body = '{"a":1}';
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac key
    expect(signWebhookBody('key', body)).toBe('sha256=88a67f24bbcdaed0e6c997404bb79a743baf44c6bab2f4c27328e3009d22e342');
    expect(verifyWebhookSignature('key', body, 'sha256=88a67f24bbcdaed0e6c997404bb79a743baf44c6bab2f4c27328e3009d22e342')).toBe(true);
    expect(verifyWebhookSignature('key', body, undefined)).toBe(false);
    expect(verifyWebhookSignature('key', body, 'sha256=00')).toBe(false);
  });

  it('gives up waiting after its timeout', async () => {
    const net = await start(() => webhookNetwork());
    net.afterAccept = () => new Promise((r) => setTimeout(r, 2_000));
    const { webhookClient } = await import('./webhook');
    const client = webhookClient({ url: `${net.url}/hook`, secret: 'test-secret', timeoutMs: 100, now });
    await expect(client.send(announcement('webhook'), signal)).rejects.toMatchObject({ retryable: true, message: 'timed out' });
  });
});

describe('Bluesky', () => {
  it('logs in once and puts the post under a record key derived from the entry, with a link facet', async () => {
    const net = await start(blueskyNetwork);
    const client = net.client(now);
    const a = announcement('bluesky');
    const posted = await client.send(a, signal);
    await client.send(a, signal);
    const rkey = blueskyRkey('e1', a.loggedAt);
    expect(net.requests.map((r) => r.json.rkey)).toEqual([rkey, rkey]);
    expect(net.posts.size).toBe(1);
    const { json } = net.requests[0]!;
    expect(json).toMatchObject({ repo: BLUESKY_DID, collection: 'app.bsky.feed.post', rkey });
    expect(json.record).toEqual({
      $type: 'app.bsky.feed.post',
      text: 'Finished reading Dune by Frank Herbert ★★★★☆ example.com/dune',
      createdAt: '2026-11-23T08:00:00.000Z',
      facets: [{ index: { byteStart: 55, byteEnd: 71 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/dune' }] }],
    });
    // The facet's byte range covers exactly the shown link (the stars are 3 bytes each).
    expect(Buffer.from(json.record.text).subarray(55, 71).toString()).toBe('example.com/dune');
    expect(posted).toEqual({ postId: `at://${BLUESKY_DID}/app.bsky.feed.post/${rkey}`, url: `https://bsky.app/profile/${BLUESKY_DID}/post/${rkey}` });
  });

  it('derives a valid TID per entry, the same every time', () => {
    const tid = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
    const a = blueskyRkey('0b6c6f1e-8d4e-4a55-9a52-8c1c3b0f2a11', '2026-11-23T08:00:00.000Z');
    expect(a).toMatch(tid);
    expect(blueskyRkey('0b6c6f1e-8d4e-4a55-9a52-8c1c3b0f2a11', '2026-11-23T08:00:00.000Z')).toBe(a);
    expect(blueskyRkey('another-entry', '2026-11-23T08:00:00.000Z')).not.toBe(a);
    // Later entries sort later, as TIDs do.
    expect(blueskyRkey('x', '2026-11-23T08:00:01.000Z') > blueskyRkey('y', '2026-11-23T08:00:00.000Z')).toBe(true);
  });

  it('reads a 429 with ratelimit-reset as the wait', async () => {
    const net = await start(blueskyNetwork);
    net.plan.push({ status: 429, headers: { 'ratelimit-reset': String(NOW / 1000 + 300) }, body: { error: 'RateLimitExceeded', message: 'slow down' } });
    await expect(net.client(now).send(announcement('bluesky'), signal)).rejects.toMatchObject({ retryable: true, retryAfterMs: 300_000, status: 429 });
  });
});

describe('X', () => {
  it('posts through twitter-api-v2 with OAuth 1.0a to a configurable base URL', async () => {
    const net = await start(xNetwork);
    const posted = await net.client(now).send(announcement('x'), signal);
    const [req] = net.requests;
    expect(req!.headers.authorization).toMatch(/^OAuth .*oauth_consumer_key="k".*oauth_signature_method="HMAC-SHA1".*oauth_token="t"/);
    expect(req!.json).toEqual({ text: 'Finished reading Dune by Frank Herbert ★★★★☆ https://example.com/dune' });
    expect(posted).toEqual({ postId: expect.stringMatching(/^\d+$/), url: `https://x.com/i/web/status/${posted.postId}` });
  });

  it('takes "duplicate content" for a resend of a post that went through', async () => {
    const net = await start(xNetwork);
    const client = net.client(now);
    await client.send(announcement('x'), signal);
    expect(await client.send(announcement('x'), signal)).toEqual({ postId: X_DUPLICATE_POST_ID });
    expect(net.posts.size).toBe(1);
  });

  it('reads a 429 with x-rate-limit-reset as the wait, and a 401 as final', async () => {
    const net = await start(xNetwork);
    net.plan.push({ status: 429, headers: { 'x-rate-limit-reset': String(NOW / 1000 + 600) } }, { status: 401, body: { title: 'Unauthorized', detail: 'Unauthorized' } });
    const client = net.client(now);
    await expect(client.send(announcement('x'), signal)).rejects.toMatchObject({ retryable: true, retryAfterMs: 600_000, status: 429 });
    await expect(client.send(announcement('x'), signal)).rejects.toMatchObject({ retryable: false, status: 401 });
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(new Date(NOW + 45_000).toUTCString(), NOW)).toBe(45_000);
    expect(parseRetryAfter(new Date(NOW - 45_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseResetTime(String(NOW / 1000 + 10), NOW)).toBe(10_000);
    expect(parseResetTime(new Date(NOW + 10_000).toISOString(), NOW)).toBe(10_000);
  });
});

describe('configuration', () => {
  it('turns on each channel whose variables are all set and says which half-configured ones stay off', () => {
    const { clients, warnings } = channelsFromEnv({
      MASTODON_URL: 'https://mastodon.example',
      MASTODON_TOKEN: 't',
      ANNOUNCE_WEBHOOK_URL: 'https://hooks.example/shelf',
      ANNOUNCE_WEBHOOK_SECRET: 's',
      X_API_KEY: 'k',
      BLUESKY_HANDLE: 'me.example',
      BLUESKY_APP_PASSWORD: 'p',
      BLUESKY_SERVICE: 'not a url',
    });
    expect(clients.map((c) => c.channel)).toEqual(['mastodon', 'webhook']);
    expect(warnings).toEqual([
      'announcer: x is off: X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET are not set',
      'announcer: BLUESKY_SERVICE is not an http(s) URL, so its channel is off',
    ]);
    expect(channelsFromEnv({}).clients).toEqual([]);
    expect(channelsFromEnv({}).warnings).toEqual([]);
  });
});
