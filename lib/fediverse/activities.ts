// The activities the shelf sends, as JSON: Create, Update and Delete of an entry's Note, and the
// Accept of a Follow. Each id comes from its plan's key, so a retry or a restart sends the same
// activity (receivers keep one per id).
import { AP_CONTEXT, entryNote, type Publishable } from './object';
import type { FollowerRecord } from './projection';
import { activityUrl, actorUrl, entryObjectUrl, followersUrl, PUBLIC_AUDIENCE } from './urls';

export type ActivityJson = Record<string, unknown> & { id: string; type: string };

const addressed = (origin: string) => ({ to: [PUBLIC_AUDIENCE], cc: [followersUrl(origin)] });

export function createOrUpdate(type: 'Create' | 'Update', key: string, entry: Publishable, origin: string): ActivityJson {
  const object = entryNote(entry, origin, { withContext: false });
  return {
    '@context': AP_CONTEXT,
    id: activityUrl(origin, key),
    type,
    actor: actorUrl(origin),
    ...addressed(origin),
    published: type === 'Create' ? (object.published as string) : entry.updatedAt,
    object,
  };
}

export function deleteEntry(key: string, entryId: string, origin: string): ActivityJson {
  return {
    '@context': AP_CONTEXT,
    id: activityUrl(origin, key),
    type: 'Delete',
    actor: actorUrl(origin),
    ...addressed(origin),
    object: { id: entryObjectUrl(origin, entryId), type: 'Tombstone' },
  };
}

export function acceptFollow(key: string, follower: Pick<FollowerRecord, 'actorId' | 'followId'>, origin: string): ActivityJson {
  const actor = actorUrl(origin);
  return {
    '@context': AP_CONTEXT,
    id: activityUrl(origin, key),
    type: 'Accept',
    actor,
    to: [follower.actorId],
    object: { id: follower.followId, type: 'Follow', actor: follower.actorId, object: actor },
  };
}
