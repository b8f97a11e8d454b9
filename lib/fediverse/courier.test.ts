// The planner and the courier together on real stores (files in a temp directory), with a
// stand-in for the network: what the followers receive, once, across failures and restarts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointDocument } from '../announce/checkpoint';
import { createStore } from '../eventstore';
import { storeOptions } from '../eventstore/define-store';
import type { Processor } from '../eventstore/processor';
import type { MediaEvent } from '../media/events';
import { createMediaStore, type MediaStore } from '../media/store';
import { finished } from '../media/testing/fixtures';
import type { ActivityJson } from './activities';
import { Courier } from './courier';
import { DeliveryError } from './deliver';
import type { Follower } from './events';
import { recordFollow } from './follow';
import { createPlanner } from './planner';
import type { FediverseStore } from './store';
import { fediverseDefinition } from './store-definition';

const ORIGIN = 'https://books.example';
const quiet = { info() {}, warn() {}, error() {} };
const follower = (name: string, host: string, shared = true): Follower => ({
  actorId: `https://${host}/users/${name}`,
  inbox: `https://${host}/users/${name}/inbox`,
  ...(shared ? { sharedInbox: `https://${host}/inbox` } : {}),
  handle: `@${name}@${host}`,
  followId: `https://${host}/follows/${name}`,
  origin: ORIGIN,
});

class World {
  readonly dir = mkdtempSync(join(tmpdir(), 'shelf-fedi-'));
  media!: MediaStore;
  store!: FediverseStore;
  planner?: Processor<MediaEvent>;
  courier?: Courier;
  /** Every POST: inbox, activity type and id. */
  posts: { inbox: string; type: string; id: string; object?: unknown }[] = [];
  /** Inboxes that answer 503. */
  down = new Set<string>();
  /** Inboxes whose answer waits until the test releases it (a slow server): inbox -> release. */
  slow = new Map<string, (() => void) | undefined>();

  async open(stopGraceMs = 10_000) {
    this.media = createMediaStore(this.dir);
    this.store = createStore(storeOptions(fediverseDefinition, this.dir)) as FediverseStore;
    await Promise.all([this.media.ready, this.store.ready]);
    this.planner = createPlanner({ media: this.media, store: this.store, checkpoint: checkpointDocument(join(this.dir, 'planner.json')), log: quiet });
    this.courier = new Courier({
      store: this.store,
      media: this.media,
      checkpoint: checkpointDocument(join(this.dir, 'courier.json')),
      signingKey: async () => ({ keyId: new URL(`${ORIGIN}/ap/actors/shelf#main-key`), privateKey: {} as CryptoKey }),
      deliver: async (inbox: string, activity: ActivityJson, _key: unknown, signal: AbortSignal) => {
        this.posts.push({ inbox, type: activity.type, id: activity.id, object: activity.object });
        if (this.slow.has(inbox)) {
          // The server has the activity; its answer is on the way.
          await new Promise<void>((resolve, reject) => {
            this.slow.set(inbox, resolve);
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          });
        }
        if (this.down.has(inbox)) throw new DeliveryError(`${inbox} answered 503`, true);
      },
      retry: { maxAttempts: 3, baseDelayMs: 1 },
      timing: { sleep: async () => {}, random: () => 0.5 },
      log: quiet,
      stopGraceMs,
    });
    await Promise.all([this.planner.start(), this.courier.start()]);
  }

  async idle() {
    for (let i = 0; i < 5; i++) {
      await this.planner!.settle();
      await this.courier!.idle();
    }
  }

  async close() {
    await Promise.all([this.planner?.stop(), this.courier?.stop()]);
    await Promise.all([this.media.close(), this.store.close()]);
  }
}

let worlds: World[] = [];
afterEach(async () => {
  await Promise.all(worlds.map((w) => w.close().catch(() => {})));
  worlds = [];
});
async function world(stopGraceMs?: number) {
  const w = new World();
  worlds.push(w);
  await w.open(stopGraceMs);
  return w;
}
/** A world alice (a.example, a shared inbox) follows, her Accept sent. */
async function followedByAlice(stopGraceMs?: number) {
  const w = await world(stopGraceMs);
  await recordFollow(w.store, follower('alice', 'a.example'), quiet);
  await w.idle();
  w.posts = [];
  return w;
}
/** The same directory opened again (a restart), caught up. */
async function restarted(w: World) {
  const again = new World();
  worlds.push(again);
  Object.assign(again, { dir: w.dir });
  await again.open();
  await again.idle();
  return again;
}

describe('the fediverse courier', () => {
  it('accepts a follow, then sends a Create to each server once (a shared inbox once), an Update after an edit, a Delete after removal', async () => {
    const w = await world();
    await recordFollow(w.store, follower('alice', 'a.example'), quiet);
    await recordFollow(w.store, follower('carol', 'a.example'), quiet);
    await recordFollow(w.store, follower('bob', 'b.example', false), quiet);
    await w.idle();
    expect(w.posts.filter((p) => p.type === 'Accept').map((p) => p.inbox).sort()).toEqual([
      'https://a.example/users/alice/inbox',
      'https://a.example/users/carol/inbox',
      'https://b.example/users/bob/inbox',
    ]);
    w.posts = [];

    const changes: MediaEvent[] = [
      finished('e1', { title: 'Dune' }),
      finished('e2', { title: 'Secret', visibility: 'private' }),
      { type: 'MediaEdited', data: { entryId: 'e1', changes: { rating: { from: null, to: 4 } } } },
      // Not something a follower sees: no Update.
      { type: 'MediaEdited', data: { entryId: 'e1', changes: { announce: { from: false, to: true } } } },
      { type: 'MediaRemoved', data: { entryId: 'e1' } },
    ];
    for (const change of changes) {
      await w.media.dispatch(change);
      await w.idle();
    }

    const byInbox = (inbox: string) => w.posts.filter((p) => p.inbox === inbox).map((p) => p.type);
    expect(byInbox('https://a.example/inbox')).toEqual(['Create', 'Update', 'Delete']);
    expect(byInbox('https://b.example/users/bob/inbox')).toEqual(['Create', 'Update', 'Delete']);
    expect(w.posts).toHaveLength(6);
    expect(JSON.stringify(w.posts)).not.toContain('Secret');
  });

  it('sends the entry as it is when its change is handled: one removed meanwhile is never created', async () => {
    const w = await followedByAlice();
    await w.planner!.stop();
    await w.media.dispatch(finished('e1'));
    await w.media.dispatch({ type: 'MediaRemoved', data: { entryId: 'e1' } });
    await w.close();
    const again = await restarted(w);
    expect(again.posts).toEqual([]);
  });

  it('never sends what the log held before it started, nor imported entries', async () => {
    const w = new World();
    worlds.push(w);
    const media = createMediaStore(w.dir);
    await media.dispatch(finished('old', { title: 'Before the fediverse' }));
    await media.close();
    await w.open();
    await recordFollow(w.store, follower('alice', 'a.example'), quiet);
    await w.media.dispatch({ type: 'MediaFinished', data: { ...finished('imp').data, importedFrom: 'goodreads' } as never });
    await w.idle();
    expect(w.posts.map((p) => p.type)).toEqual(['Accept']);
  });

  it('retries a server that is down, and after a restart sends only what was not delivered', async () => {
    const w = await world();
    await recordFollow(w.store, follower('alice', 'a.example'), quiet);
    await recordFollow(w.store, follower('bob', 'b.example'), quiet);
    await w.idle();
    w.posts = [];
    w.down.add('https://b.example/inbox');
    w.courier!['options'].retry!.maxAttempts = 1000;
    // Stop the courier while b.example keeps failing: its delivery is recorded as failed, not done.
    const sleeping = new Promise<void>(
      (resolve) =>
        (w.courier!['timing'].sleep = (_ms, signal) => {
          resolve();
          return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
        }),
    );
    await w.media.dispatch(finished('e1'));
    await sleeping;
    await w.planner!.settle();
    await w.close();
    expect(w.posts.map((p) => [p.inbox, p.type])).toEqual([
      ['https://a.example/inbox', 'Create'],
      ['https://b.example/inbox', 'Create'],
    ]);

    const again = await restarted(w);
    expect(again.posts.map((p) => [p.inbox, p.type])).toEqual([['https://b.example/inbox', 'Create']]);
    expect(again.posts[0]!.id).toBe(w.posts[1]!.id);
    const deliveries = [...again.store.snapshot().deliveries.values()].filter((d) => d.state === 'delivered');
    expect(deliveries).toHaveLength(4); // two Accepts, two Creates
  });

  it('lets a delivery in flight at a stop finish and records it, so the restart does not send it again', async () => {
    const w = await followedByAlice();
    w.slow.set('https://a.example/inbox', undefined);
    await w.media.dispatch(finished('e1'));
    await until(() => w.slow.get('https://a.example/inbox') !== undefined);
    // A stop (SIGTERM) while the POST is out: it waits for the answer, which comes 50 ms later.
    const closed = w.close();
    setTimeout(() => w.slow.get('https://a.example/inbox')!(), 50);
    await closed;
    expect(w.posts.map((p) => p.type)).toEqual(['Create']);

    const again = await restarted(w);
    expect(again.posts).toEqual([]);
    expect([...again.store.snapshot().deliveries.values()].filter((d) => d.state === 'delivered')).toHaveLength(2); // the Accept, the Create
  });

  it('gives up a delivery whose server does not answer within the grace: unrecorded, sent again after the restart under the same id', async () => {
    const w = await followedByAlice(100);
    w.slow.set('https://a.example/inbox', undefined);
    await w.media.dispatch(finished('e1'));
    await until(() => w.slow.get('https://a.example/inbox') !== undefined);
    await w.close();

    const again = await restarted(w);
    expect(again.posts.map((p) => [p.type, p.id])).toEqual([['Create', w.posts[0]!.id]]);
  });
});

async function until(done: () => boolean) {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}
