// Media events and states for the history tests.
import type { EnvelopeOf } from '../../eventstore';
import type { MediaEvent } from '../events';
import { initialMediaState, evolveMedia, type MediaState } from '../projection';

export { fields, finished } from './fixtures';

/** Envelopes numbered from 1, one minute apart, and the state after each (`states[0]` is the initial one). */
export function fold(...events: MediaEvent[]) {
  const envelopes = events.map(
    (e, i) => ({ seq: i + 1, id: `e${i + 1}`, at: new Date(Date.UTC(2026, 10, 23, 8, i)).toISOString(), ...e }) as EnvelopeOf<MediaEvent>,
  );
  const states: MediaState[] = [initialMediaState];
  for (const e of envelopes) states.push(evolveMedia(states.at(-1)!, e));
  return { envelopes, states };
}
