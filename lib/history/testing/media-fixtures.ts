// Media events and states for the history tests.
import type { EnvelopeOf } from '../../eventstore';
import type { MediaEvent } from '../../media/events';
import type { EntryFields } from '../../media/fields';
import { initialMediaState, mediaReducer, type MediaState } from '../../media/projection';

export const fields = (over: Partial<EntryFields> = {}): EntryFields => ({
  kind: 'book',
  title: 'Dune',
  finishedOn: '2026-11-01',
  visibility: 'public',
  announce: false,
  ...over,
});

export const finished = (entryId: string, over: Partial<EntryFields> = {}): MediaEvent => ({ type: 'MediaFinished', data: { entryId, ...fields(over) } });

/** Envelopes numbered from 1, one minute apart, and the state after each (`states[0]` is the initial one). */
export function fold(...events: MediaEvent[]) {
  const envelopes = events.map(
    (e, i) => ({ seq: i + 1, id: `e${i + 1}`, at: new Date(Date.UTC(2026, 10, 23, 8, i)).toISOString(), ...e }) as EnvelopeOf<MediaEvent>,
  );
  const states: MediaState[] = [initialMediaState];
  for (const e of envelopes) states.push(mediaReducer(states.at(-1)!, e));
  return { envelopes, states };
}
