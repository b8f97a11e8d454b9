import { defineStore } from '../eventstore/define-store';
import { decideFediverse } from './decide';
import { describeFediverseEvent } from './describe';
import { fediverseEventSchema } from './events';
import { evolveFediverse, initialFediverseState } from './projection';

/** The shelf as a fediverse account: followers, blocks, the handle, activities and their deliveries. */
export const fediverseDefinition = defineStore({
  name: 'fediverse',
  label: 'Fediverse',
  title: 'the fediverse account',
  schema: fediverseEventSchema,
  eventTypes: fediverseEventSchema.options.map((o) => o.shape.type.value),
  rules: () => ({ initialState: initialFediverseState, evolve: evolveFediverse, decide: decideFediverse }),
  summarize: (state) => [
    `${state.followers.size} followers, ${state.blocked.size} servers blocked`,
    `${state.planned.size} activities planned, ${[...state.deliveries.values()].filter((d) => d.state === 'delivered').length} deliveries made`,
  ],
  describe: (event, before, after) => describeFediverseEvent(event, before, after),
  // Nothing a visitor's live page shows: no public live stream.
  publicOn: () => false,
  visible: () => false,
});
