import type { LogWriter } from './log-writer';
import type { Snapshotter } from './snapshotter';
import type { StateHistory } from './state-history';
import type { Envelope } from './types';

export interface BootParts<S> {
  log: LogWriter;
  snapshots: Snapshotter<S>;
  history: StateHistory<S>;
  initialState: S | (() => S | Promise<S>);
  evolve: (state: S, event: Envelope) => S;
}

/**
 * Brings a store's state up to its log: open the log (the writer's lock), the initial state, then
 * the snapshot if it is usable, then every event after it, evolved (never decided: a rule added
 * later cannot make an old log unbootable). A failed boot releases the log.
 */
export async function bootState<S>({ log, snapshots, history, initialState, evolve }: BootParts<S>): Promise<S> {
  await log.open();
  try {
    let state = typeof initialState === 'function' ? await (initialState as () => S | Promise<S>)() : initialState;
    history.start(state);
    const snapshot = await snapshots.restore();
    if (snapshot) {
      state = snapshot.state;
      history.startAtSnapshot(snapshot.seq, state);
    }
    await log.catchUp((event) => {
      state = evolve(state, event);
      history.applied(event.seq, state);
    });
    return state;
  } catch (err) {
    await log.close().catch(() => {});
    throw err;
  }
}
