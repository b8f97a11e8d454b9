import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../eventstore';
import { tempDir } from '../eventstore/testing/counter';
import type { EnvelopeOf } from '../eventstore/types';
import type { OrderbookEvent, OrderPlaced } from './events';
import { encodeInitState, INIT_FILE } from './init-state';
import { createOrderbookEvolve } from './reducer';
import { orderbookSnapshotVersion } from './snapshot-version';
import type { OrderbookState } from './state';
import { orderbookStoreOptions, type OrderbookStore } from './store';
import { fold } from './testing/orders';

const DEPTH = 10;
const EVERY = 100;
const SNAPSHOT = 'orderbook.snapshot.json';

const open: OrderbookStore[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A store on `dir` whose reducer counts the events it applies, and whose warnings are kept. */
function openBook(dir: string, extra: Partial<Parameters<typeof orderbookStoreOptions>[0]> = {}) {
  const counted = { applied: 0, warnings: [] as string[] };
  const reducer = createOrderbookEvolve({ depth: DEPTH });
  const store = createStore(
    orderbookStoreOptions({
      dir,
      depth: DEPTH,
      snapshotEvery: EVERY,
      warn: (m) => counted.warnings.push(m),
      evolve: (state: OrderbookState, event: EnvelopeOf<OrderbookEvent>) => {
        counted.applied++;
        return reducer(state, event);
      },
      ...extra,
    }),
  );
  open.push(store);
  return Object.assign(counted, { store });
}

const randomOrders = (n: number): OrderPlaced[] =>
  fc.sample(fc.record({ user: fc.nat(30), side: fc.constantFrom('buy' as const, 'sell' as const), price: fc.integer({ min: 90, max: 130 }) }), {
    numRuns: n,
    seed: 7,
  });

/** 250 orders, one at a time: snapshots at 100 and 200, then 50 events after the last one. */
async function bookWithSnapshot() {
  const dir = tempDir();
  const { store } = openBook(dir);
  await store.ready;
  for (const data of randomOrders(250)) await store.dispatch({ type: 'OrderPlaced', data });
  await store.close();
  const snapshot = JSON.parse(readFileSync(join(dir, SNAPSHOT), 'utf8')) as { seq: number; version: string };
  expect(snapshot.seq).toBe(200);
  return { dir, snapshot };
}

describe('orderbook snapshots', () => {
  it('boot from the snapshot plus the events after it, and the state equals a full replay', async () => {
    const { dir } = await bookWithSnapshot();
    const reopened = openBook(dir);
    const { store } = reopened;
    await store.ready;
    expect(reopened.applied).toBe(50); // only the events after the snapshot went through the reducer
    expect(reopened.warnings).toEqual([]);
    expect(store.version()).toBe(250);
    expect(store.snapshot()).toEqual(fold(await store.read(1), { depth: DEPTH }));
    // stateAt before the snapshot still replays from the start.
    expect(await store.stateAt(150)).toEqual(fold(await store.read(1, 150), { depth: DEPTH }));
  });

  it('ignore a snapshot made on another init file, and rebuild one on the new file', async () => {
    const { dir, snapshot } = await bookWithSnapshot();
    const edited: OrderbookState = { bids: [], asks: [{ user: 42, price: 1_000_000_000 }], trades: [] };
    writeFileSync(join(dir, INIT_FILE), encodeInitState(edited));

    const second = openBook(dir);
    await second.store.ready;
    expect(second.warnings.join()).toMatch(/orderbook\.snapshot\.json: not used \(it is of version .*init-.*, the store is at .*init-/);
    expect(second.applied).toBe(250); // a full replay
    const replayed = fold(await second.store.read(1), { depth: DEPTH }, edited);
    expect(second.store.snapshot()).toEqual(replayed);
    await second.store.close();

    // That boot wrote a snapshot of the new version: the next one starts from it.
    const rebuilt = JSON.parse(readFileSync(join(dir, SNAPSHOT), 'utf8')) as { seq: number; version: string };
    expect(rebuilt.version).not.toBe(snapshot.version);
    expect(rebuilt.seq).toBe(250);
    const third = openBook(dir);
    await third.store.ready;
    expect(third.applied).toBe(0);
    expect(third.store.snapshot()).toEqual(replayed);
  });

  it('ignore a snapshot made by another reducer version', async () => {
    const { dir } = await bookWithSnapshot();
    const initText = readFileSync(join(dir, INIT_FILE), 'utf8');
    const newer = openBook(dir, { snapshot: { version: orderbookSnapshotVersion({ initText, depth: DEPTH, reducerVersion: 999 }) } });
    await newer.store.ready;
    expect(newer.warnings.join()).toMatch(/not used \(it is of version reducer-1\..*, the store is at reducer-999\./);
    expect(newer.applied).toBe(250);
    expect(newer.store.snapshot()).toEqual(fold(await newer.store.read(1), { depth: DEPTH }));
  });

  it('is written only once enough events follow the last one', async () => {
    const dir = tempDir();
    const { store } = openBook(dir);
    await store.ready;
    for (const data of randomOrders(EVERY - 1)) await store.dispatch({ type: 'OrderPlaced', data });
    await store.close();
    expect(existsSync(join(dir, SNAPSHOT))).toBe(false);
  });
});

describe('orderbookSnapshotVersion', () => {
  it('changes with the init file, the depth, the trade history and the reducer version, and only with them', () => {
    const base = { initText: '{"bids":[],"asks":[],"trades":[]}\n', depth: 100, tradeHistory: 50, reducerVersion: 1 };
    const version = orderbookSnapshotVersion(base);
    expect(orderbookSnapshotVersion({ ...base })).toBe(version);
    for (const changed of [{ initText: base.initText.replace('[]', '[ ]') }, { depth: 99 }, { tradeHistory: 10 }, { reducerVersion: 2 }]) {
      expect(orderbookSnapshotVersion({ ...base, ...changed }), JSON.stringify(changed)).not.toBe(version);
    }
  });
});
