import { describe, expect, it } from 'vitest';
import { isRejection } from '../eventstore';
import { acceptKey, decideFediverse } from './decide';
import type { FediverseEvent, Follower } from './events';
import { evolveFediverse, initialFediverseState, type FediverseState } from './projection';

const alice: Follower = {
  actorId: 'https://a.example/users/alice',
  inbox: 'https://a.example/users/alice/inbox',
  sharedInbox: 'https://a.example/inbox',
  handle: '@alice@a.example',
  followId: 'https://a.example/follows/1',
  origin: 'https://books.example',
};

/** Given these inputs decided and folded in order, the state after them. */
function given(...inputs: FediverseEvent[]): FediverseState {
  let state = initialFediverseState;
  let seq = 0;
  for (const input of inputs) {
    const decided = decideFediverse(input, state);
    if (isRejection(decided)) throw new Error(decided.rejected);
    for (const event of Array.isArray(decided) ? decided : [decided]) state = evolveFediverse(state, { ...event, seq: ++seq, id: String(seq), at: '2026-12-01T00:00:00.000Z' } as never);
  }
  return state;
}

describe('the fediverse rules', () => {
  it('a Follow records the follower and plans one Accept for that Follow', () => {
    const follow: FediverseEvent = { type: 'FollowerAdded', data: alice };
    expect(decideFediverse(follow, initialFediverseState)).toEqual([follow, { type: 'ActivityPlanned', data: { key: acceptKey(alice.followId), activity: 'Accept', actorId: alice.actorId } }]);
    const state = given(follow);
    expect(state.followers.get(alice.actorId)?.handle).toBe('@alice@a.example');
    // The same Follow again plans no second Accept.
    expect(decideFediverse(follow, state)).toEqual(follow);
  });

  it('refuses a Follow from a blocked server, or whose inbox is on another server', () => {
    const blocked = given({ type: 'ServerBlocked', data: { host: 'a.example' } });
    expect(decideFediverse({ type: 'FollowerAdded', data: alice }, blocked)).toEqual({ rejected: 'a.example is blocked' });
    const elsewhere = { ...alice, inbox: 'https://victim.example/inbox', sharedInbox: undefined };
    expect(isRejection(decideFediverse({ type: 'FollowerAdded', data: elsewhere }, initialFediverseState))).toBe(true);
  });

  it('blocking a server removes everyone on it', () => {
    const bob = { ...alice, actorId: 'https://b.example/users/bob', inbox: 'https://b.example/users/bob/inbox', sharedInbox: undefined, followId: 'https://b.example/f/1' };
    const carol = { ...alice, actorId: 'https://a.example/users/carol', followId: 'https://a.example/follows/2' };
    const state = given({ type: 'FollowerAdded', data: alice }, { type: 'FollowerAdded', data: bob }, { type: 'FollowerAdded', data: carol }, { type: 'ServerBlocked', data: { host: 'a.example' } });
    expect([...state.followers.keys()]).toEqual([bob.actorId]);
    expect(state.blocked.has('a.example')).toBe(true);
  });

  it('plans an activity once per key; a Create marks the entry published and a Delete unmarks it', () => {
    const create: FediverseEvent = { type: 'ActivityPlanned', data: { key: 'create-3', activity: 'Create', entryId: 'e1' } };
    const state = given(create);
    expect(state.published.has('e1')).toBe(true);
    expect(isRejection(decideFediverse(create, state))).toBe(true);
    expect(given(create, { type: 'ActivityPlanned', data: { key: 'delete-4', activity: 'Delete', entryId: 'e1' } }).published.has('e1')).toBe(false);
  });

  it('a delivery recorded as made is never turned back into a failure', () => {
    const state = given(
      { type: 'ActivityDelivered', data: { key: 'create-3', inbox: 'https://a.example/inbox', attempt: 1 } },
      { type: 'DeliveryFailed', data: { key: 'create-3', inbox: 'https://a.example/inbox', attempt: 2, error: 'late', final: false } },
    );
    expect(state.deliveries.get('create-3\nhttps://a.example/inbox')).toEqual({ state: 'delivered', attempts: 1 });
  });
});
