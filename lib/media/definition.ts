import { defineStore } from '../eventstore/define-store';
import { describeMediaEvent, nowTitled } from './describe-event';
import { decideMedia } from './decide';
import { mediaEventSchema } from './events';
import { countLabel, KINDS } from './kinds';
import { evolveMedia, initialMediaState, type MediaState } from './projection';
import { isEntryChange } from './undo';

function summarize(state: MediaState): string[] {
  const entries = [...state.entries.values()];
  const removed = entries.filter((e) => e.removed).length;
  const hidden = entries.filter((e) => !e.removed && e.visibility === 'private').length;
  const kinds = KINDS.filter((k) => state.counts.byKind[k] > 0).map((k) => countLabel(k, state.counts.byKind[k]));
  return [
    `${entries.length} entries: ${state.feed.length} public, ${hidden} private, ${removed} removed`,
    `public feed: ${kinds.join(', ') || 'empty'}`,
  ];
}

/** The owner's log: what was finished, edited, removed, and what the announcer did about it. */
export const mediaDefinition = defineStore({
  name: 'media',
  label: 'Media',
  title: 'the shelf',
  schema: mediaEventSchema,
  eventTypes: mediaEventSchema.options.map((o) => o.shape.type.value),
  rules: () => ({ initialState: initialMediaState, evolve: evolveMedia, decide: decideMedia }),
  summarize,
  describe(event, before, after, now) {
    const description = describeMediaEvent(event, before, after);
    return { ...description, text: description.text + nowTitled(description, now) };
  },
  undoable: (event, now) => isEntryChange(event) && now.entries.get(event.data.entryId)?.updatedSeq === event.seq,
  // Announcement results change nothing a visitor sees.
  visible: (event) => event.type.startsWith('Media'),
});
