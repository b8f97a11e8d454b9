// The planner: a handler on the checkpointed processor over the media log. Each change an entry's
// followers must hear of becomes an ActivityPlanned in the fediverse log (./plan.ts decides which);
// the courier delivers it. Its event id is the plan's key, so handling a media event again after a
// restart plans nothing twice; started at the end of an existing log, so a replay plans nothing.
import type { EnvelopeOf } from '../eventstore';
import { Processor, type CheckpointStore } from '../eventstore/processor';
import type { MediaEvent } from '../media/events';
import type { MediaStore } from '../media/store';
import { planFor } from './plan';
import type { FediverseStore } from './store';

export function createPlanner(options: { media: MediaStore; store: FediverseStore; checkpoint: CheckpointStore; log?: Pick<Console, 'info' | 'warn' | 'error'> }): Processor<MediaEvent> {
  const handle = async (event: EnvelopeOf<MediaEvent>) => {
    if (!event.type.startsWith('Media')) return;
    const entryId = (event.data as { entryId: string }).entryId;
    const plan = planFor(event, options.media.snapshot().entries.get(entryId), options.store.snapshot().published.has(entryId));
    if (!plan) return;
    await options.store.dispatch({ id: `plan-${plan.key}`, type: 'ActivityPlanned', data: { key: plan.key, activity: plan.activity, entryId } });
  };
  return new Processor<MediaEvent>({ name: 'fediverse planner', source: options.media, checkpoint: options.checkpoint, handle, log: options.log });
}
