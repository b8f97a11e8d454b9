// The rules of the fediverse log, checked on dispatch only (replay folds whatever was recorded).
import { createHash } from 'node:crypto';
import { reject, type Rejection } from '../eventstore';
import type { FediverseEvent } from './events';
import { hostOf, type FediverseState } from './projection';

/** Followers kept at most: a Follow past it is refused (anyone can send one, from many actors). */
export const MAX_FOLLOWERS = 10_000;

/** The Accept that answers a Follow: one per Follow activity, whatever retries or restarts. */
export const acceptKey = (followId: string) => `accept-${createHash('sha256').update(followId).digest('hex').slice(0, 32)}`;

export function decideFediverse(input: FediverseEvent, state: FediverseState): FediverseEvent | readonly FediverseEvent[] | Rejection {
  switch (input.type) {
    case 'FollowerAdded': {
      const follower = input.data;
      const host = hostOf(follower.actorId);
      if (state.blocked.has(host)) return reject(`${host} is blocked`);
      if (hostOf(follower.inbox) !== host && hostOf(follower.sharedInbox ?? follower.inbox) !== host) {
        // An actor's inbox lives on its own server: anything else would make the shelf post elsewhere on its say-so.
        return reject(`the inbox of ${follower.actorId} is not on ${host}`);
      }
      const known = state.followers.get(follower.actorId);
      if (!known && state.followers.size >= MAX_FOLLOWERS) return reject(`the shelf has ${MAX_FOLLOWERS} followers, the most it keeps`);
      // A repeated Follow (theirs was never answered, or they followed again) gets an Accept of its own.
      const accept: FediverseEvent = { type: 'ActivityPlanned', data: { key: acceptKey(follower.followId), activity: 'Accept', actorId: follower.actorId } };
      return state.planned.has(accept.data.key) ? input : [input, accept];
    }
    case 'FollowerRemoved':
      return state.followers.has(input.data.actorId) ? input : reject(`${input.data.actorId} does not follow the shelf`);
    case 'ServerBlocked': {
      const { host } = input.data;
      if (state.blocked.has(host)) return reject(`${host} is already blocked`);
      // Blocking a server removes everyone on it.
      const removed: FediverseEvent[] = [...state.followers.values()]
        .filter((f) => hostOf(f.actorId) === host)
        .map((f) => ({ type: 'FollowerRemoved', data: { actorId: f.actorId, by: 'owner' } }));
      return [input, ...removed];
    }
    case 'ServerUnblocked':
      return state.blocked.has(input.data.host) ? input : reject(`${input.data.host} is not blocked`);
    case 'ActivityPlanned':
      return state.planned.has(input.data.key) ? reject(`${input.data.key} is already planned`) : input;
    default:
      return input;
  }
}
