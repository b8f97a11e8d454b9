import { defineStore } from '../eventstore/define-store';
import { decideWebmention } from './decide';
import { describeWebmentionEvent } from './describe';
import { webmentionEventSchema } from './events';
import { evolveWebmentions, initialWebmentionState } from './projection';

/** Webmentions: received, verified, hidden, and sent for entries (lib/webmention). */
export const webmentionDefinition = defineStore({
  name: 'webmentions',
  label: 'Webmentions',
  title: 'the Webmentions',
  schema: webmentionEventSchema,
  eventTypes: webmentionEventSchema.options.map((o) => o.shape.type.value),
  rules: () => ({ initialState: initialWebmentionState, evolve: evolveWebmentions, decide: decideWebmention }),
  summarize: (state) => {
    const mentions = [...state.mentions.values()].flat();
    const sent = [...state.deliveries.values()].filter((d) => d.state === 'sent').length;
    return [`${mentions.length} mentions (${mentions.filter((m) => m.hidden).length} hidden), ${state.pending.size} waiting to be verified`, `${state.deliveries.size} cited URLs, ${sent} told`];
  },
  describe: (event) => describeWebmentionEvent(event),
  // What entry pages show: a visitor hears of mentions, not of requests or deliveries.
  visible: (event) => event.type.startsWith('Mention'),
});
