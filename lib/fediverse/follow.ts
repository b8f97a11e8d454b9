// What the inbox does with a Follow and an Undo(Follow): record it, as an event, or nothing.
import { createHash } from 'node:crypto';
import { EventRejectedError, type Store } from '../eventstore';
import type { FediverseEvent, Follower } from './events';
import type { FediverseState } from './projection';

type Log = Pick<Console, 'info' | 'warn'>;
type FollowStore = Pick<Store<FediverseState, FediverseEvent>, 'dispatch'>;

const followEventId = (followId: string) => `follow-${createHash('sha256').update(followId).digest('hex').slice(0, 40)}`;

/** Records a follower (and, by the rules, the Accept to send); a refusal (a blocked server, the cap) is logged and dropped. */
export async function recordFollow(store: FollowStore, follower: Follower, log: Log = console): Promise<boolean> {
  try {
    // The event's id is the Follow's: the same Follow delivered twice records once.
    await store.dispatch({ id: followEventId(follower.followId), type: 'FollowerAdded', data: follower });
    log.info(`fediverse: ${follower.handle} follows the shelf`);
    return true;
  } catch (err) {
    if (!(err instanceof EventRejectedError)) throw err;
    log.warn(`fediverse: Follow from ${follower.actorId} not recorded: ${err.message}`);
    return false;
  }
}

export async function recordUnfollow(store: FollowStore, actorId: string, log: Log = console): Promise<boolean> {
  try {
    await store.dispatch({ type: 'FollowerRemoved', data: { actorId, by: 'unfollow' } });
    log.info(`fediverse: ${actorId} unfollowed the shelf`);
    return true;
  } catch (err) {
    if (!(err instanceof EventRejectedError)) throw err;
    return false;
  }
}
