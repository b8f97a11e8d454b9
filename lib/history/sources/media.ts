import 'server-only';
import type { EnvelopeOf } from '../../eventstore';
import { mediaEventSchema, type MediaEvent } from '../../media/events';
import type { MediaState } from '../../media/projection';
import { readyMediaStore } from '../../media/store';
import { isEntryChange } from '../../media/undo';
import { describeMediaEvent, nowTitled } from '../describe-media';
import type { AnyStore, HistorySource } from './types';

type MediaEnvelope = EnvelopeOf<MediaEvent>;

export const mediaHistory: HistorySource = {
  name: 'media',
  label: 'Media',
  eventTypes: mediaEventSchema.options.map((o) => o.shape.type.value),
  open: async () => (await readyMediaStore()) as unknown as AnyStore,
  describe(event, before, after, now) {
    const description = describeMediaEvent(event as MediaEnvelope, before as MediaState, after as MediaState);
    return { ...description, text: description.text + nowTitled(description, now as MediaState) };
  },
  undoable(event, now) {
    const e = event as MediaEnvelope;
    return isEntryChange(e) && (now as MediaState).entries.get(e.data.entryId)?.updatedSeq === e.seq;
  },
  timeTravel: true,
};
