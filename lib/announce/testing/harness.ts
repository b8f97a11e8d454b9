// A media store in a temp dir with an announcer on it, restartable, with a fake clock and sleep
// (waits are recorded, not waited), for the announcer's tests.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../eventstore/testing/counter';
import type { EnvelopeOf } from '../../eventstore';
import type { MediaEvent } from '../../media/events';
import type { EntryFields } from '../../media/fields';
import { createMediaStore, type MediaStore } from '../../media/store';
import { CHECKPOINT_FILE } from '../checkpoint';
import type { ChannelClient } from '../channels/types';
import { createAnnouncer, type Announcer } from '../consumer';
import type { Channel } from '../events';

export const NOW = Date.parse('2026-11-23T08:00:00.000Z');

export const dune: EntryFields = {
  kind: 'book',
  title: 'Dune',
  creator: 'Frank Herbert',
  url: 'https://example.com/dune',
  rating: 4,
  finishedOn: '2026-11-20',
  visibility: 'public',
  announce: true,
};

export interface OpenOptions {
  /** Wraps the store the announcer sees (to make its dispatches fail). */
  wrap?: (store: MediaStore) => MediaStore;
  /** Open the store only, no announcer. */
  withoutAnnouncer?: boolean;
  /** How long a stop waits for sends in flight; 0 makes a stop a kill (what is in flight is given up). */
  stopGraceMs?: number;
}

export class Harness {
  readonly dir = tempDir('shelf-announce-');
  readonly checkpointFile = join(this.dir, CHECKPOINT_FILE);
  store!: MediaStore;
  announcer?: Announcer;
  clock = NOW;
  /** Every wait the announcer asked for, in ms. */
  readonly sleeps: number[] = [];
  readonly logs: string[] = [];
  /** Called on each sleep before it "passes"; a test can stop the announcer from here. */
  onSleep?: (ms: number, signal: AbortSignal) => void;

  constructor(public channels: ChannelClient[]) {}

  async open(options: OpenOptions = {}): Promise<void> {
    this.store = createMediaStore(this.dir, { now: () => new Date(this.clock) });
    await this.store.ready;
    if (options.withoutAnnouncer) return;
    this.announcer = createAnnouncer({
      store: options.wrap ? options.wrap(this.store) : this.store,
      checkpointFile: this.checkpointFile,
      channels: this.channels,
      timing: {
        now: () => this.clock,
        sleep: async (ms, signal) => {
          this.sleeps.push(ms);
          this.onSleep?.(ms, signal);
          signal.throwIfAborted();
        },
        random: () => 0.5,
      },
      retry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 },
      stopGraceMs: options.stopGraceMs,
      log: {
        info: (m: string) => this.logs.push(m),
        warn: (m: string) => this.logs.push(m),
        error: (m: string) => this.logs.push(m),
      },
    });
    await this.announcer.start();
  }

  /** Stops the announcer and closes the store, as a process exit would; `open` again to restart. */
  async shutdown(): Promise<void> {
    await this.announcer?.stop();
    this.announcer = undefined;
    await this.store.close();
  }

  async restart(options?: OpenOptions): Promise<void> {
    await this.shutdown();
    await this.open(options);
  }

  async finish(over: Partial<EntryFields> = {}): Promise<string> {
    const entryId = randomUUID();
    await this.store.dispatch({ type: 'MediaFinished', data: { entryId, ...dune, ...over } });
    return entryId;
  }

  async dispatch(event: MediaEvent): Promise<void> {
    await this.store.dispatch(event);
  }

  idle(): Promise<void> {
    return this.announcer!.idle();
  }

  /** The recorded events, all or of one type. */
  async events<T extends MediaEvent['type'] = MediaEvent['type']>(type?: T): Promise<EnvelopeOf<Extract<MediaEvent, { type: T }>>[]> {
    const all = await this.store.read(1);
    return all.filter((e) => !type || e.type === type) as EnvelopeOf<Extract<MediaEvent, { type: T }>>[];
  }

  status(entryId: string, channel: Channel) {
    return this.store.snapshot().entries.get(entryId)!.announcements[channel];
  }

  async dispose(): Promise<void> {
    await this.announcer?.stop();
    await this.store?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The store, except that dispatching an event of `type` fails `times` times (a full disk at the worst moment). */
export function failingDispatch(store: MediaStore, type: MediaEvent['type'], times = 1): MediaStore {
  let left = times;
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'dispatch') {
        return (event: MediaEvent) =>
          event.type === type && left-- > 0 ? Promise.reject(new Error('EIO: i/o error, write')) : target.dispatch(event);
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
