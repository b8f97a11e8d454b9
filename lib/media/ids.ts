// Entry ids, with one limit for every path that makes them: the form and the API (random UUIDs),
// imports (from the source's row), and the log's schema. Browser-safe (the event schemas use it).
import { z } from 'zod';

/** The longest entry id the media log takes. */
export const MAX_ENTRY_ID_LENGTH = 128;

export const entryIdSchema = z.string().min(1).max(MAX_ENTRY_ID_LENGTH);

/** What an entry id read from a file may be: safe in a URL path and an event id, and within the limit. */
export const isEntryId = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_ENTRY_ID_LENGTH && /^[A-Za-z0-9_-]+$/.test(value);
