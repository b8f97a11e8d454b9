import type { Kind } from '../media/kinds';

/** One candidate the admin form can fill itself from. */
export interface LookupResult {
  title: string;
  creator?: string;
  year?: number;
  coverUrl?: string;
  url?: string;
  /** Which service it came from: openlibrary, itunes, tmdb. */
  source: string;
}

export interface LookupSource {
  name: string;
  kinds: readonly Kind[];
  /** Requests this source allows per minute (its published limit, or a polite one), for all clients together. */
  perMinute: number;
  /** The URL to ask for `q`, and the headers it needs beyond the User-Agent. */
  request(kind: Kind, q: string): { url: string; headers?: Record<string, string> };
  /** The source's documented answer -> results; anything unexpected is skipped, never thrown. */
  parse(kind: Kind, body: unknown): LookupResult[];
}

export const MAX_RESULTS = 8;
