// The current entries as a download: every entry the owner has (private and removed ones too).
import type { Entry, MediaState } from '../media/projection';
import { toCsv } from './csv';

export const ENTRY_COLUMNS = [
  'id', 'kind', 'title', 'creator', 'url', 'coverUrl', 'rating', 'review', 'finishedOn', 'visibility', 'announce', 'removed', 'loggedAt', 'updatedAt',
  // Added with statuses and tags: at the end, so readers of the older columns by position still work.
  'status', 'startedOn', 'progress', 'tags',
  // Added with automatic logging (lib/hooks).
  'progressNote', 'loggedBy',
] as const satisfies readonly (keyof Entry)[];

/** Oldest logged first, as in the log. */
const entriesOf = (state: MediaState) => [...state.entries.values()].sort((a, b) => a.seq - b.seq);

export function entriesJson(state: MediaState, version: number) {
  return {
    version,
    entries: entriesOf(state).map((entry) => Object.fromEntries(ENTRY_COLUMNS.filter((c) => entry[c] !== undefined).map((c) => [c, entry[c]]))),
  };
}

/**
 * The byte-order mark that tells spreadsheet programs (Excel on Windows above all) the file is
 * UTF-8; without it they read "García Márquez" as Windows-1252 and garble it.
 */
export const UTF8_BOM = '\uFEFF';

/** The downloadable file: the BOM, then the CSV. */
export const entriesCsvFile = (state: MediaState): string => UTF8_BOM + entriesCsv(state);

export function entriesCsv(state: MediaState): string {
  return toCsv(ENTRY_COLUMNS, entriesOf(state).map((entry) => ENTRY_COLUMNS.map((c) => (c === 'tags' ? entry.tags?.join(', ') : entry[c]))));
}
