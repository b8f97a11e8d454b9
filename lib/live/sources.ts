import 'server-only';
import { getStore } from '../eventstore';
import { readyMediaStore } from '../media/store';
import { orderbookEnabled } from '../orderbook/rate-limit';
import type { LiveSource } from './event-stream';

export interface LiveStream {
  source: LiveSource;
  relevant?: (event: { type: string }) => boolean;
}

/**
 * The stores a page can follow live, by the name in `/api/events?stream=`. The orderbook store
 * is found by name in the registry, so this file need not know its module; it is there once booted.
 */
const STREAMS: Record<string, () => Promise<LiveStream | undefined>> = {
  // Announcement results change nothing a visitor sees.
  media: async () => ({ source: await readyMediaStore(), relevant: (e) => e.type.startsWith('Media') }),
  orderbook: async () => {
    if (!orderbookEnabled()) return undefined;
    let store;
    try {
      store = getStore('orderbook');
    } catch {
      return undefined;
    }
    await store.ready;
    return { source: store };
  },
};

export async function liveStream(name: string): Promise<LiveStream | undefined> {
  return Object.hasOwn(STREAMS, name) ? STREAMS[name]!() : undefined;
}
