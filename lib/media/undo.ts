// Undo is a new, compensating event: the log is never rewritten, and the undo is itself history.
import type { EnvelopeOf } from '../eventstore';
import type { EntryChanges, MediaEvent } from './events';

/** The events that change an entry (announcement results are not the owner's changes to undo). */
export type EntryChangeEvent = Extract<MediaEvent, { type: 'MediaFinished' | 'MediaStarted' | 'MediaEdited' | 'MediaRemoved' | 'MediaRestored' }>;

const CHANGE_TYPES = new Set<string>(['MediaFinished', 'MediaStarted', 'MediaEdited', 'MediaRemoved', 'MediaRestored']);

export const isEntryChange = (event: EnvelopeOf<MediaEvent>): event is EnvelopeOf<EntryChangeEvent> => CHANGE_TYPES.has(event.type);

/** The event id of the undo of event `seq`: a second click on the same undo appends nothing. */
export const undoEventId = (seq: number) => `undo:${seq}`;

/** The seq an undo event reverses, from its id. */
export function undoneSeq(eventId: string): number | undefined {
  const m = /^undo:(\d+)$/.exec(eventId);
  return m ? Number(m[1]) : undefined;
}

/**
 * The event that reverses a change: an edit with from/to swapped (the reducer refuses it if a field
 * changed since), a restore for a removal, a removal for a restore, and a removal for a new entry.
 */
export function compensatingEvent(event: EnvelopeOf<EntryChangeEvent>): EntryChangeEvent {
  const { entryId } = event.data;
  switch (event.type) {
    case 'MediaFinished':
    case 'MediaStarted':
    case 'MediaRestored':
      return { type: 'MediaRemoved', data: { entryId } };
    case 'MediaRemoved':
      return { type: 'MediaRestored', data: { entryId } };
    case 'MediaEdited': {
      const swapped = Object.fromEntries(
        Object.entries(event.data.changes).flatMap(([field, change]) => (change ? [[field, { from: change.to, to: change.from }]] : [])),
      );
      return { type: 'MediaEdited', data: { entryId, changes: swapped as EntryChanges } };
    }
  }
}
