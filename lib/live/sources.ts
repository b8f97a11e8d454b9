import 'server-only';
import { findStore } from '../stores';
import { readyStore } from '../eventstore/open-store';
import type { LiveSource } from './event-stream';

export interface LiveStream {
  source: LiveSource;
  relevant?: (event: { type: string }) => boolean;
}

/** The store a page follows live, by the name in `/api/events?stream=` (any store of lib/stores). */
export async function liveStream(name: string): Promise<LiveStream | undefined> {
  const definition = findStore(name);
  if (!definition || definition.publicOn?.() === false) return undefined;
  const source = await readyStore(definition);
  return { source, relevant: definition.visible?.bind(definition) };
}
