import { join } from 'node:path';
import type { StoreRules } from '../eventstore/define-store';
import type { OrderbookEvent } from './events';
import { loadInitState, readInitFile } from './init-file';
import { encodeInitState, initialOrderbook } from './init-state';
import { createOrderbookEvolve } from './reducer';
import { orderbookSnapshotVersion } from './snapshot-version';
import type { OrderbookState } from './state';

export const ORDERBOOK = 'orderbook';

/**
 * The orderbook's rules for an events directory: state = orderbook.init.json + replay of
 * orderbook.jsonl, with a snapshot (every `snapshotEvery` events) so that a restart replays only
 * the events after it. The init file is read here, once: the initial state and the snapshot
 * version both come from those bytes. No `decide`: every schema-valid order is recorded (one past
 * the depth is recorded too, and evolve drops it from the book).
 */
export function orderbookRules({ dir, depth, snapshotEvery, warn }: { dir: string; depth: number; snapshotEvery?: number; warn?: (m: string) => void }): StoreRules<
  OrderbookState,
  OrderbookEvent
> {
  const text = readInitFile(dir);
  // No file yet: the first boot writes this text, so the next boot hashes the same bytes.
  const initText = text ?? encodeInitState(initialOrderbook());
  const evolve = createOrderbookEvolve({ depth });
  return {
    initialState: () => loadInitState({ dir, depth, text, logFile: join(dir, `${ORDERBOOK}.jsonl`), warn }),
    evolve: (state, event) => evolve(state, event),
    snapshot: { version: orderbookSnapshotVersion({ initText, depth }), every: snapshotEvery },
  };
}
