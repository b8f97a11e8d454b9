// What `npm run verify-log` knows of each store's log, by the file's name (`<store>.jsonl`).
import type { DomainEvent } from '../eventstore';
import type { VerifyOptions } from '../eventstore/verify';
import { mediaEventSchema } from '../media/events';
import { KINDS, countLabel } from '../media/kinds';
import { initialMediaState, evolveMedia, type MediaState } from '../media/projection';

export interface LogCodec<S = unknown> extends VerifyOptions<S, DomainEvent> {
  /** The final state in a few lines. */
  summarize(state: S): string[];
}

function mediaSummary(state: MediaState): string[] {
  const entries = [...state.entries.values()];
  const removed = entries.filter((e) => e.removed).length;
  const hidden = entries.filter((e) => !e.removed && e.visibility === 'private').length;
  const kinds = KINDS.filter((k) => state.counts.byKind[k] > 0).map((k) => countLabel(k, state.counts.byKind[k]));
  return [
    `${entries.length} entries: ${state.feed.length} public, ${hidden} private, ${removed} removed`,
    `public feed: ${kinds.join(', ') || 'empty'}`,
  ];
}

/**
 * Each store's schema, reducer and initial state (`dir` is the log's directory, for a store whose
 * initial state is a file next to it). A new store joins with one line.
 */
export const LOG_CODECS: Record<string, (dir: string) => LogCodec | Promise<LogCodec>> = {
  media: () => ({ schema: mediaEventSchema, evolve: evolveMedia, initialState: initialMediaState, summarize: mediaSummary }) as unknown as LogCodec,
};
