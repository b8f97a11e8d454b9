import 'server-only';
import { mediaHistory } from './media';
import { orderbookHistory } from './orderbook';
import type { HistorySource } from './types';

export type { AnyStore, HistorySource } from './types';

/** The stores the history pages list, in switcher order. A new store joins with one line. */
export const HISTORY_SOURCES: readonly HistorySource[] = [mediaHistory, orderbookHistory];

export const findHistorySource = (name: string): HistorySource | undefined => HISTORY_SOURCES.find((s) => s.name === name);
