// The fediverse log's events in words, for the admin's history.
import type { EnvelopeOf } from '../eventstore';
import type { FediverseEvent } from './events';
import type { FediverseState } from './projection';

const who = (state: FediverseState, actorId: string) => state.followers.get(actorId)?.handle ?? actorId;

function activityName(state: FediverseState, key: string): string {
  const planned = state.planned.get(key);
  if (!planned) return key;
  if (planned.activity === 'Accept') return `the Accept of ${planned.actorId ? who(state, planned.actorId) : 'a follow'}`;
  return `the ${planned.activity} of entry ${planned.entryId}`;
}

/** Pure: one event in words, from the states just before and after it. */
export function describeFediverseEvent(event: EnvelopeOf<FediverseEvent>, before: FediverseState, after: FediverseState): { text: string; entryId?: string } {
  switch (event.type) {
    case 'HandleSet':
      return { text: `Fediverse handle set to ${event.data.handle}` };
    case 'FollowerAdded':
      return { text: `${event.data.handle} followed the shelf` };
    case 'FollowerRemoved':
      return { text: event.data.by === 'owner' ? `Removed follower ${who(before, event.data.actorId)}` : `${who(before, event.data.actorId)} unfollowed the shelf` };
    case 'ServerBlocked':
      return { text: `Blocked the server ${event.data.host}` };
    case 'ServerUnblocked':
      return { text: `Unblocked the server ${event.data.host}` };
    case 'ActivityPlanned': {
      const { activity, entryId } = event.data;
      return { text: `${activityName(after, event.data.key)} is to be delivered to the followers`, ...(entryId && activity !== 'Accept' ? { entryId } : {}) };
    }
    case 'ActivityDelivered':
      return { text: `Delivered ${activityName(after, event.data.key)} to ${event.data.inbox} (attempt ${event.data.attempt})` };
    case 'DeliveryFailed': {
      const { inbox, attempt, error, final } = event.data;
      return { text: `Could not deliver ${activityName(after, event.data.key)} to ${inbox} (attempt ${attempt}${final ? ', gave up' : ', will retry'}): ${error}` };
    }
  }
}
