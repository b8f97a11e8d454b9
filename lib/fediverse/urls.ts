// Where the shelf's ActivityPub documents live. The actor's identifier is fixed (`shelf`) so that
// changing the handle never changes an id a follower's server keeps.
export const ACTOR_IDENTIFIER = 'shelf';
export const AP_PATHS = {
  actor: '/ap/actors/{identifier}',
  inbox: '/ap/actors/{identifier}/inbox',
  sharedInbox: '/ap/inbox',
  followers: '/ap/actors/{identifier}/followers',
  outbox: '/ap/outbox',
} as const;

export const actorUrl = (origin: string) => `${origin}/ap/actors/${ACTOR_IDENTIFIER}`;
export const followersUrl = (origin: string) => `${actorUrl(origin)}/followers`;
export const outboxUrl = (origin: string) => `${origin}${AP_PATHS.outbox}`;
/** The entry as an ActivityPub object (its Note). */
export const entryObjectUrl = (origin: string, entryId: string) => `${origin}/ap/entries/${encodeURIComponent(entryId)}`;
/** The entry's page, for people. */
export const entryPageUrl = (origin: string, entryId: string) => `${origin}/entries/${encodeURIComponent(entryId)}`;
export const activityUrl = (origin: string, key: string) => `${origin}/ap/activities/${encodeURIComponent(key)}`;
export const PUBLIC_AUDIENCE = 'https://www.w3.org/ns/activitystreams#Public';
