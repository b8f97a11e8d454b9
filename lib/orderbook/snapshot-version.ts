import { createHash } from 'node:crypto';
import { ORDERBOOK_REDUCER_VERSION } from './reducer';
import { TRADE_HISTORY } from './state';

export interface SnapshotInputs {
  /** The text of orderbook.init.json the state is built on. */
  initText: string;
  depth: number;
  tradeHistory?: number;
  reducerVersion?: number;
}

/**
 * The orderbook's snapshot version: everything a snapshot's state depends on besides the log.
 * The reducer's version, its rules (depth, trade history) and a hash of the init file: change any
 * of them (a new release, ORDERBOOK_DEPTH, a hand-edited init file) and the old snapshot is
 * ignored, the log replayed in full on the new basis.
 */
export function orderbookSnapshotVersion({ initText, depth, tradeHistory = TRADE_HISTORY, reducerVersion = ORDERBOOK_REDUCER_VERSION }: SnapshotInputs): string {
  const init = createHash('sha256').update(initText).digest('hex').slice(0, 16);
  return `reducer-${reducerVersion}.depth-${depth}.trades-${tradeHistory}.init-${init}`;
}
