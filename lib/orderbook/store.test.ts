import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../eventstore';
import { tempDir } from '../eventstore/testing/counter';
import type { StoreOptions } from '../eventstore/types';
import type { OrderbookEvent, OrderPlaced } from './events';
import { encodeInitState, INIT_FILE } from './init-state';
import { bookJson } from './selectors';
import { EMPTY_ORDERBOOK, type OrderbookState } from './state';
import { orderbookStoreOptions, type OrderbookStore } from './store';
import { fold } from './testing/orders';

const open: OrderbookStore[] = [];
function openBook(dir: string, depth: number, extra: Partial<StoreOptions<OrderbookState, OrderbookEvent>> = {}) {
  const store = createStore(orderbookStoreOptions({ dir, depth, warn: () => {}, ...extra }));
  open.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const randomOrders = (n: number, seed: number): OrderPlaced[] =>
  fc.sample(
    fc.record({ user: fc.nat(30), side: fc.constantFrom('buy' as const, 'sell' as const), price: fc.integer({ min: 90, max: 130 }) }),
    { numRuns: n, seed },
  );

describe('replay', () => {
  it('rebuilds exactly the live state: after reopening, and by folding the reducer over the log', async () => {
    const dir = tempDir();
    const depth = 10;
    const store = openBook(dir, depth);
    await store.ready;
    // Concurrent dispatches: they share fsyncs, and the log order is the order they were applied in.
    await Promise.all(randomOrders(1500, 42).map((data) => store.dispatch({ type: 'OrderPlaced', data })));
    const live = store.snapshot();
    expect(store.version()).toBe(1500);
    expect(live.trades.length).toBeGreaterThan(0);
    expect(live.bids.length + live.asks.length).toBeGreaterThan(0);

    const log = await store.read(1);
    expect(fold(log, { depth })).toEqual(live);
    await expect(store.stateAt(1234)).resolves.toEqual(fold(log.slice(0, 1234), { depth }));
    await store.close();

    const reopened = openBook(dir, depth);
    await reopened.ready;
    expect(reopened.snapshot()).toEqual(live);
    expect(bookJson(reopened.snapshot())).toBe(bookJson(live));
  });

  it('gives the book as JSON after each event', async () => {
    const store = openBook(tempDir(), 100);
    await store.ready;
    expect(bookJson(store.snapshot())).toBe('{"bids":[],"asks":[]}');
    await store.dispatch({ type: 'OrderPlaced', data: { user: 1, side: 'buy', price: 5 } });
    expect(bookJson(store.snapshot())).toBe('{"bids":[{"user":1,"price":5}],"asks":[]}');
    await store.dispatch({ type: 'OrderPlaced', data: { user: 2, side: 'sell', price: 5 } });
    expect(bookJson(store.snapshot())).toBe('{"bids":[],"asks":[]}');
  });

  it('rejects bad order data before anything is written', async () => {
    const dir = tempDir();
    const store = openBook(dir, 100);
    await store.ready;
    const bad = [
      { user: -1, side: 'buy', price: 5 },
      { user: 1.5, side: 'buy', price: 5 },
      { user: 1, side: 'hold', price: 5 },
      { user: 1, side: 'buy', price: 0 },
      { user: 1, side: 'buy', price: 1_000_000_001 },
      { user: 1, side: 'buy', price: 5, extra: true },
    ];
    for (const data of bad) {
      await expect(store.dispatch({ type: 'OrderPlaced', data: data as OrderPlaced })).rejects.toThrow(/invalid OrderPlaced/);
    }
    expect(store.version()).toBe(0);
    expect(existsSync(join(dir, 'orderbook.jsonl')) ? readFileSync(join(dir, 'orderbook.jsonl'), 'utf8') : '').toBe('');
  });
});

describe('orderbook.init.json', () => {
  it('is written once, atomically, at the first boot', async () => {
    const dir = tempDir();
    const store = openBook(dir, 100);
    await store.ready;
    const file = join(dir, INIT_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(EMPTY_ORDERBOOK);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('is read, not regenerated, at later boots: state = init file + replay of the log', async () => {
    const dir = tempDir();
    const file = join(dir, INIT_FILE);
    const first = openBook(dir, 5);
    await first.ready;
    await first.dispatch({ type: 'OrderPlaced', data: { user: 1, side: 'buy', price: 100 } });
    await first.close();

    // Someone edits the initial state between boots: the next boot must build on the edited file.
    const edited: OrderbookState = {
      bids: [{ user: 7, price: 99 }],
      asks: [{ user: 8, price: 150 }, { user: 9, price: 150 }],
      trades: [{ buyer: 3, seller: 4, price: 120, seq: 0, at: '2026-01-01T00:00:00.000Z' }],
    };
    writeFileSync(file, encodeInitState(edited));
    const second = openBook(dir, 5);
    await second.ready;
    const log = await second.read(1);
    expect(second.snapshot()).toEqual(fold(log, { depth: 5 }, edited));
    expect(second.snapshot().bids).toEqual([{ user: 1, price: 100 }, { user: 7, price: 99 }]);
    expect(readFileSync(file, 'utf8')).toBe(encodeInitState(edited)); // left as it was

    await second.dispatch({ type: 'OrderPlaced', data: { user: 2, side: 'buy', price: 150 } });
    expect(second.snapshot().asks).toEqual([{ user: 9, price: 150 }]);
    expect(second.snapshot().trades.map((t) => t.seller)).toEqual([4, 8]);
    await second.close();

    const third = openBook(dir, 5);
    await third.ready;
    expect(third.snapshot()).toEqual(fold(await third.read(1), { depth: 5 }, edited));
  });

  const broken: [string, string, RegExp][] = [
    ['not JSON', '{"bids": [', /orderbook\.init\.json: not JSON/],
    ['a missing field', '{"bids": [], "asks": []}', /orderbook\.init\.json: trades:/],
    ['an unknown field', '{"bids": [], "asks": [], "trades": [], "x": 1}', /orderbook\.init\.json: .*x/],
    ['a bad price', '{"bids": [{"user": 1, "price": 0}], "asks": [], "trades": []}', /bids\.0\.price/],
    ['unsorted bids', '{"bids": [{"user": 1, "price": 5}, {"user": 2, "price": 6}], "asks": [], "trades": []}', /highest price first/],
    ['unsorted asks', '{"bids": [], "asks": [{"user": 1, "price": 6}, {"user": 2, "price": 5}], "trades": []}', /lowest price first/],
    ['a crossed book', '{"bids": [{"user": 1, "price": 6}], "asks": [{"user": 2, "price": 6}], "trades": []}', /crossed/],
    ['a side over the depth', '{"bids": [{"user": 1, "price": 6}, {"user": 2, "price": 5}, {"user": 3, "price": 4}], "asks": [], "trades": []}', /more than ORDERBOOK_DEPTH \(2\)/],
  ];
  for (const [what, text, message] of broken) {
    it(`stops the boot on ${what}, naming the file, and leaves it untouched`, async () => {
      const dir = tempDir();
      const file = join(dir, INIT_FILE);
      writeFileSync(file, text);
      const store = openBook(dir, 2);
      await expect(store.ready).rejects.toThrow(message);
      expect(readFileSync(file, 'utf8')).toBe(text);
    });
  }

  it('warns when it has to write a fresh init file under an existing log', async () => {
    const dir = tempDir();
    const first = openBook(dir, 5);
    await first.ready;
    await first.dispatch({ type: 'OrderPlaced', data: { user: 1, side: 'sell', price: 100 } });
    await first.close();
    rmSync(join(dir, INIT_FILE));
    const warnings: string[] = [];
    const second = openBook(dir, 5, { warn: (m) => warnings.push(m) });
    await second.ready;
    expect(warnings.join()).toMatch(/orderbook\.init\.json is missing but .*orderbook\.jsonl has events/);
    expect(second.snapshot().asks).toEqual([{ user: 1, price: 100 }]);
  });
});
