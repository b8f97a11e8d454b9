// Media events for tests: an entry's fields with defaults, and the event that logs one.
import type { MediaEvent } from '../events';
import type { EntryFields } from '../fields';

export const fields = (over: Partial<EntryFields> = {}): EntryFields => ({
  kind: 'book',
  title: 'Dune',
  finishedOn: '2026-11-01',
  visibility: 'public',
  announce: false,
  ...over,
});

export const finished = (entryId: string, over: Partial<EntryFields> = {}): MediaEvent => ({ type: 'MediaFinished', data: { entryId, ...fields(over) } });
