// Names derived from the entry alone, so that every retry and every restart sends the same one:
// the networks that deduplicate (Mastodon's Idempotency-Key, Bluesky's record key, the webhook's
// event id) then see one post, however many times the announcer had to send it.
import { createHash } from 'node:crypto';
import type { Channel } from './events';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** `shelf-mastodon-<32 hex>`: Mastodon's Idempotency-Key, the webhook's Shelf-Event-Id. */
export function announcementKey(entryId: string, channel: Channel): string {
  return `shelf-${channel}-${digest(`${channel}:${entryId}`).toString('hex').slice(0, 32)}`;
}

/** The id of a result event the announcer records: recording one twice appends nothing. */
export function resultEventId(entryId: string, channel: Channel | 'none', result: string): string {
  return `announce-${digest(`${channel}:${entryId}`).toString('hex').slice(0, 40)}-${result}`;
}

const S32 = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * Bluesky's record key for the entry's post: a TID (the key type `app.bsky.feed.post` declares),
 * built from the time the entry was logged plus bits of a hash of its id instead of the clock and
 * a random number. A second put of the same key overwrites the post instead of adding one.
 */
export function blueskyRkey(entryId: string, loggedAt: string): string {
  const ms = Date.parse(loggedAt);
  if (!Number.isFinite(ms)) throw new Error(`not a time: ${loggedAt}`);
  const h = digest(`bluesky:${entryId}`);
  // Microseconds since the epoch (53 bits): the sub-millisecond part and the 10-bit clock id come
  // from the hash, so entries logged in the same millisecond still get different keys.
  const micros = BigInt(ms) * 1000n + BigInt(h.readUInt16BE(0) % 1000);
  let value = (micros << 10n) | BigInt(h.readUInt16BE(2) & 0x3ff);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}
