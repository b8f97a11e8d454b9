// Events the announcer records in the media log: the result of each post is itself an event, so
// the projection knows, after any restart or replay, what was already sent where. Defined with the
// media events (they are in its log); the announcer (lib/announce) writes them.
import { z } from 'zod';

export const CHANNELS = ['x', 'mastodon', 'bluesky', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

const entryId = z.string().min(1).max(128);
const channel = z.enum(CHANNELS);

export const announcementEventSchemas = [
  z.object({
    type: z.literal('AnnouncementPosted'),
    data: z.object({ entryId, channel, postId: z.string().min(1).max(512), url: z.string().max(2000).optional(), attempt: z.number().int().min(1) }),
  }),
  z.object({
    type: z.literal('AnnouncementFailed'),
    /** `final`: no automatic retry follows (the dead letter); the admin can request one. */
    data: z.object({ entryId, channel, attempt: z.number().int().min(1), error: z.string().max(2000), final: z.boolean() }),
  }),
  z.object({
    type: z.literal('AnnouncementRetryRequested'),
    data: z.object({ entryId, channel }),
  }),
  z.object({
    type: z.literal('AnnouncementSkipped'),
    data: z.object({ entryId, reason: z.string().max(500) }),
  }),
] as const;
