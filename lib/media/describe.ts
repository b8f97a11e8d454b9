// Readable words for what an event changed: the admin's "Saved" message and the history page.
import type { EntryChanges } from './events';
import type { FieldName } from './fields';

export const FIELD_LABELS: Record<FieldName, string> = {
  kind: 'kind',
  title: 'title',
  creator: 'creator',
  url: 'link',
  coverUrl: 'cover',
  rating: 'rating',
  review: 'review',
  finishedOn: 'finished',
  visibility: 'visibility',
  announce: 'announce',
  status: 'status',
  startedOn: 'started',
  progress: 'progress',
  progressNote: 'progress note',
  tags: 'tags',
};

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 39)}…` : value}'`;
  return String(value);
};

/** "rating 3 -> 4", "title 'Dune' -> 'Dune Messiah'", "creator none -> 'Frank Herbert'". */
export function describeChanges(changes: EntryChanges): string[] {
  return Object.entries(changes).flatMap(([field, change]) => {
    if (!change) return [];
    const label = FIELD_LABELS[field as FieldName] ?? field;
    if (field === 'tags') return [`${label} ${(change.from as string[] | null)?.join(', ') || 'none'} -> ${(change.to as string[] | null)?.join(', ') || 'none'}`];
    if (field === 'progress') return [`${label} ${change.from ?? 'none'}${change.from === null ? '' : '%'} -> ${change.to ?? 'none'}${change.to === null ? '' : '%'}`];
    if (field === 'status' || field === 'startedOn' || field === 'rating' || field === 'announce' || field === 'visibility' || field === 'kind' || field === 'finishedOn') {
      return [`${label} ${change.from ?? 'none'} -> ${change.to ?? 'none'}`];
    }
    return [`${label} ${shown(change.from)} -> ${shown(change.to)}`];
  });
}
