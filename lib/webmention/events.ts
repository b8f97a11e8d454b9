// The Webmention log (`webmentions.jsonl`): what others said about entries (received, verified,
// removed, hidden by the owner) and what Shelf told the pages its entries cite (each delivery's
// outcome). Outcomes are events so that, after any restart or replay, nothing verified or sent is
// done again.
import { z } from 'zod';
import { isWebUrl } from '../settings/schema';

const url = z.string().min(1).max(2000);
const webUrl = url.refine(isWebUrl, { error: 'must be an http(s) URL' });
const entryId = z.string().min(1).max(128);
const reason = z.string().max(500);

export const MENTION_TYPES = ['like', 'repost', 'reply', 'mention'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];

export const authorSchema = z.object({
  name: z.string().max(100).optional(),
  photo: webUrl.optional(),
  url: webUrl.optional(),
});
export type MentionAuthor = z.infer<typeof authorSchema>;

export const webmentionEventSchema = z.discriminatedUnion('type', [
  /** Someone's page says it mentions an entry: to be verified (asynchronously, by the verifier). */
  z.object({ type: z.literal('WebmentionReceived'), data: z.object({ source: webUrl, target: webUrl, entryId }) }),
  /** The source links to the entry: shown on its page (the latest verification of a source replaces the earlier one). */
  z.object({
    type: z.literal('MentionVerified'),
    data: z.object({
      source: webUrl,
      target: webUrl,
      entryId,
      kind: z.enum(MENTION_TYPES),
      author: authorSchema.optional(),
      /** Plain text, cut short: never HTML. */
      content: z.string().max(500).optional(),
      url: webUrl.optional(),
      published: z.string().max(40).optional(),
    }),
  }),
  /** A source that is gone or no longer links: its mention goes. */
  z.object({ type: z.literal('MentionRemoved'), data: z.object({ source: webUrl, target: webUrl, entryId, reason }) }),
  /** Verification said no for a source with no mention yet. */
  z.object({ type: z.literal('WebmentionRejected'), data: z.object({ source: webUrl, target: webUrl, entryId, reason }) }),
  z.object({ type: z.literal('MentionHidden'), data: z.object({ source: webUrl, entryId }) }),
  z.object({ type: z.literal('MentionShown'), data: z.object({ source: webUrl, entryId }) }),
  /** An entry page (`source`, at the entry's `version`, its latest change's seq) told `target` it cites it. */
  z.object({
    type: z.literal('WebmentionSent'),
    data: z.object({ entryId, source: webUrl, target: webUrl, version: z.int().min(1), endpoint: webUrl, status: z.int(), attempt: z.int().min(1) }),
  }),
  z.object({
    type: z.literal('WebmentionFailed'),
    data: z.object({ entryId, source: webUrl, target: webUrl, version: z.int().min(1), attempt: z.int().min(1), error: z.string().max(2000), final: z.boolean() }),
  }),
  /** The target advertises no Webmention endpoint: nothing to send, and nothing to retry. */
  z.object({ type: z.literal('WebmentionNoEndpoint'), data: z.object({ entryId, source: webUrl, target: webUrl, version: z.int().min(1) }) }),
  /** Nothing could be sent for this version of the entry (no SITE_URL to name its page by). */
  z.object({ type: z.literal('WebmentionsSkipped'), data: z.object({ entryId, version: z.int().min(1), reason }) }),
]);
export type WebmentionEvent = z.infer<typeof webmentionEventSchema>;
