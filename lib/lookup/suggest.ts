// What the title fields (the admin's entry form and the quick log) ask GET /api/lookup, and what
// they make of its answer: one rule for both, framework-free so it is tested on its own.
import type { LookupResult } from './types';

/** Wait this long after the last keystroke before asking (the sources have rate limits). */
export const LOOKUP_DEBOUNCE_MS = 350;
/** Shorter titles are not looked up (the API refuses them too). */
export const LOOKUP_MIN_QUERY = 2;
export const LOOKUP_MAX_QUERY = 200;

/** The lookup URL for what is typed, or undefined when it is too short to ask about. */
export function lookupUrl(kind: string, typed: string): string | undefined {
  const q = typed.trim();
  if (q.length < LOOKUP_MIN_QUERY) return undefined;
  return `/api/lookup?${new URLSearchParams({ kind, q: q.slice(0, LOOKUP_MAX_QUERY) })}`;
}

export interface LookupOutcome {
  results: LookupResult[];
  /** A line under the field: the source's message, "No matches", or why the lookup is unavailable. */
  note: string;
  /** The server has no lookup (404): stop asking. */
  unavailable: boolean;
}

/** The answer of GET /api/lookup (status and parsed JSON body) as the field shows it; anything unexpected is no results. */
export function lookupOutcome(status: number, body: unknown): LookupOutcome {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { results?: unknown; message?: unknown; error?: unknown };
  if (status === 404) return { results: [], note: '', unavailable: true };
  if (status < 200 || status >= 300) {
    return { results: [], note: `Lookup unavailable: ${typeof b.error === 'string' ? b.error : status}`, unavailable: false };
  }
  const results = Array.isArray(b.results) ? (b.results as LookupResult[]).filter((r) => typeof r?.title === 'string') : [];
  const note = typeof b.message === 'string' ? b.message : results.length === 0 ? 'No matches' : '';
  return { results, note, unavailable: false };
}
