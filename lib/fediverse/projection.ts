// The fediverse log folded into what the actor, the inbox, the admin and the deliveries read.
// Evolve only (total, pure); the rules a new event must pass are in ./decide.ts.
import { Map as PersistentMap, Set as PersistentSet } from 'immutable';
import type { EnvelopeOf } from '../eventstore';
import type { ActivityType, FediverseEvent, Follower } from './events';

export interface FollowerRecord extends Follower {
  /** When they followed (the event's time). */
  since: string;
}

export interface PlannedActivity {
  key: string;
  activity: ActivityType;
  entryId?: string;
  actorId?: string;
  /** The seq of the ActivityPlanned event. */
  seq: number;
}

export interface DeliveryStatus {
  state: 'delivered' | 'retrying' | 'failed';
  attempts: number;
  error?: string;
}

export interface FediverseState {
  /** The handle the owner set; undefined: the default (SHELF_HANDLE, else `shelf`). */
  handle?: string;
  followers: PersistentMap<string, FollowerRecord>;
  blocked: PersistentSet<string>;
  /** Entries whose Create was planned and no Delete since: an edit of one sends an Update. */
  published: PersistentSet<string>;
  planned: PersistentMap<string, PlannedActivity>;
  /** By `deliveryKey(activity key, inbox)`. */
  deliveries: PersistentMap<string, DeliveryStatus>;
}

export const initialFediverseState: FediverseState = {
  followers: PersistentMap(),
  blocked: PersistentSet(),
  published: PersistentSet(),
  planned: PersistentMap(),
  deliveries: PersistentMap(),
};

export const deliveryKey = (key: string, inbox: string) => `${key}\n${inbox}`;

/** The host of a URL in lower case (no port), or '' when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function evolveFediverse(state: FediverseState, event: EnvelopeOf<FediverseEvent>): FediverseState {
  switch (event.type) {
    case 'HandleSet':
      return { ...state, handle: event.data.handle };
    case 'FollowerAdded':
      return { ...state, followers: state.followers.set(event.data.actorId, { ...event.data, since: event.at }) };
    case 'FollowerRemoved':
      return { ...state, followers: state.followers.remove(event.data.actorId) };
    case 'ServerBlocked':
      return { ...state, blocked: state.blocked.add(event.data.host) };
    case 'ServerUnblocked':
      return { ...state, blocked: state.blocked.remove(event.data.host) };
    case 'ActivityPlanned': {
      const { key, activity, entryId, actorId } = event.data;
      if (state.planned.has(key)) return state;
      const planned = state.planned.set(key, { key, activity, seq: event.seq, ...(entryId ? { entryId } : {}), ...(actorId ? { actorId } : {}) });
      let published = state.published;
      if (entryId && activity === 'Create') published = published.add(entryId);
      if (entryId && activity === 'Delete') published = published.remove(entryId);
      return { ...state, planned, published };
    }
    case 'ActivityDelivered': {
      const { key, inbox, attempt } = event.data;
      return { ...state, deliveries: state.deliveries.set(deliveryKey(key, inbox), { state: 'delivered', attempts: attempt }) };
    }
    case 'DeliveryFailed': {
      const { key, inbox, attempt, error, final } = event.data;
      const id = deliveryKey(key, inbox);
      if (state.deliveries.get(id)?.state === 'delivered') return state;
      return { ...state, deliveries: state.deliveries.set(id, { state: final ? 'failed' : 'retrying', attempts: attempt, error }) };
    }
  }
}

/** Followers newest first, for the owner's list. */
export const followersNewestFirst = (state: FediverseState): FollowerRecord[] =>
  [...state.followers.values()].sort((a, b) => (a.since === b.since ? 0 : a.since > b.since ? -1 : 1));

/**
 * Where an activity for every follower goes: each follower's shared inbox when their server has
 * one (once per server), else their own; with the origin they followed (the sender's id).
 */
export function followerInboxes(state: FediverseState): { inbox: string; origin: string }[] {
  const inboxes = new Map<string, string>();
  for (const follower of state.followers.values()) {
    const inbox = follower.sharedInbox ?? follower.inbox;
    if (!inboxes.has(inbox)) inboxes.set(inbox, follower.origin);
  }
  return [...inboxes].map(([inbox, origin]) => ({ inbox, origin }));
}
