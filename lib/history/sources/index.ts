import 'server-only';
import { fediverseHistory } from './fediverse';
import { mediaHistory } from './media';
import { orderbookHistory } from './orderbook';
import type { HistorySource } from './types';

export type { AnyStore, HistorySource } from './types';

/**
 * Each store of lib/stores with the view of its past states, in switcher order (a test checks that
 * every store of the list has one).
 */
export const HISTORY_SOURCES: readonly HistorySource[] = [mediaHistory, orderbookHistory, fediverseHistory];

export const findHistorySource = (name: string): HistorySource | undefined => HISTORY_SOURCES.find((s) => s.name === name);

/** The store a history URL shows when it names none (`?store=` is left out for it). */
export const DEFAULT_HISTORY_SOURCE = HISTORY_SOURCES[0]!;

/** `?store=<name>` for any store but the default one. */
export const storeQuery = (name: string) => (name === DEFAULT_HISTORY_SOURCE.name ? '' : `?store=${name}`);
