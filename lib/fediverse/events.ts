// The fediverse's log (`events/fediverse.jsonl`): who follows the shelf, which servers the owner
// blocked, the handle, and every activity the shelf planned and delivered. Deliveries are events
// too, so after any restart or replay the state says what reached which inbox.
import { z } from 'zod';

const url = z.string().min(1).max(2000);
/** A WebFinger user name: what comes before the @ in `@shelf@books.example`. */
export const handleSchema = z
  .string({ error: 'Handle must be text' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Handle is required' })
  .max(30, { error: 'Handle must be at most 30 characters' })
  .regex(/^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$/, { error: 'Handle may hold letters, digits and _ (with . or - between them)' });

/** A server's host name as a block names it (`mastodon.example`, lower case, no port). */
export const hostSchema = z
  .string({ error: 'Server must be text' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Server is required' })
  .max(253, { error: 'Server must be at most 253 characters' })
  .regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, { error: 'Server must be a host name such as mastodon.example' });

export const ACTIVITY_TYPES = ['Create', 'Update', 'Delete', 'Accept'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const followerSchema = z.object({
  /** The follower's actor id. */
  actorId: url,
  inbox: url,
  sharedInbox: url.optional(),
  /** `@ada@mastodon.example`, for the owner's list. */
  handle: z.string().max(300),
  name: z.string().max(300).optional(),
  /** The Follow activity's id: the Accept names it. */
  followId: url,
  /** The origin of the actor id they followed (this site's public address when they did). */
  origin: url,
});
export type Follower = z.infer<typeof followerSchema>;

export const fediverseEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('HandleSet'), data: z.object({ handle: handleSchema }) }),
  z.object({ type: z.literal('FollowerAdded'), data: followerSchema }),
  /** `unfollow`: their Undo(Follow); `owner`: removed on /admin/settings. */
  z.object({ type: z.literal('FollowerRemoved'), data: z.object({ actorId: url, by: z.enum(['unfollow', 'owner']) }) }),
  z.object({ type: z.literal('ServerBlocked'), data: z.object({ host: hostSchema }) }),
  z.object({ type: z.literal('ServerUnblocked'), data: z.object({ host: hostSchema }) }),
  /**
   * An activity to deliver. `key` names it for good (its id is `<origin>/ap/activities/<key>`):
   * an entry's from the media event that caused it, an Accept from the Follow it answers.
   */
  z.object({
    type: z.literal('ActivityPlanned'),
    data: z.object({
      key: z.string().min(1).max(200),
      activity: z.enum(ACTIVITY_TYPES),
      entryId: z.string().min(1).max(128).optional(),
      /** Accept: the follower it goes to (entries go to every follower). */
      actorId: url.optional(),
    }),
  }),
  z.object({ type: z.literal('ActivityDelivered'), data: z.object({ key: z.string().min(1).max(200), inbox: url, attempt: z.int().min(1) }) }),
  /** `final`: no automatic retry follows (a refusal such as 404/410, or the attempts ran out). */
  z.object({
    type: z.literal('DeliveryFailed'),
    data: z.object({ key: z.string().min(1).max(200), inbox: url, attempt: z.int().min(1), error: z.string().max(2000), final: z.boolean() }),
  }),
]);
export type FediverseEvent = z.infer<typeof fediverseEventSchema>;
