import type { Entry, MediaState } from './projection';

/** An entry a visitor may see: public and not removed (any status). Anything else is a 404. */
export function visibleEntry(state: MediaState, id: string): Entry | undefined {
  const entry = state.entries.get(id);
  return entry && entry.visibility === 'public' && !entry.removed ? entry : undefined;
}

export const STATUS_LABELS: Record<Entry['status'], string> = { finished: 'Finished', 'in-progress': 'In progress', abandoned: 'Abandoned' };
