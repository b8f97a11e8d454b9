// The kernel tests' counter store, on a PostgreSQL log.
import { createStore } from '../../store';
import { counterOptions, tempDir, type CounterEvent, type CounterState } from '../../testing/counter';
import type { StoreOptions } from '../../types';
import type { PgHub } from '../hub';
import { PgLog } from '../pg-log';

export function openPgCounter(hub: PgHub, extra: Partial<StoreOptions<CounterState, CounterEvent>> = {}) {
  return createStore(counterOptions(tempDir(), { ...extra, log: (codec) => new PgLog(codec, hub) }));
}
