import 'server-only';
import { STORES } from '../../stores';
import { historySource } from './source';
import type { HistorySource } from './types';

export type { AnyStore, HistorySource } from './types';

/** Downloads a store offers beside its log (`/admin/export/...`). */
const EXPORTS: Record<string, HistorySource['exports']> = {
  media: [
    { href: '/admin/export/entries.json', label: 'entries as JSON' },
    { href: '/admin/export/entries.csv', label: 'entries as CSV' },
  ],
};

/** Each store of lib/stores, in switcher order, as the history pages see it. */
export const HISTORY_SOURCES: readonly HistorySource[] = STORES.map((definition) => historySource(definition, EXPORTS[definition.name]));

export const findHistorySource = (name: string): HistorySource | undefined => HISTORY_SOURCES.find((s) => s.name === name);

/** The store a history URL shows when it names none (`?store=` is left out for it). */
export const DEFAULT_HISTORY_SOURCE = HISTORY_SOURCES[0]!;

/** `?store=<name>` for any store but the default one. */
export const storeQuery = (name: string) => (name === DEFAULT_HISTORY_SOURCE.name ? '' : `?store=${name}`);
