// What the followers must hear after a change of the media log: pure, from the event, the entry
// as it is now and whether its Create went out. The same rule as announcements (public, finished,
// not removed, not imported; never on replay, never twice), without the "announce" switch.
import type { EnvelopeOf } from '../eventstore';
import type { MediaEvent } from '../media/events';
import type { Entry } from '../media/projection';
import { isPublishedEntry } from './eligibility';
import type { ActivityType } from './events';

/** Fields a follower sees: an edit of any of them sends an Update. */
const SHOWN: ReadonlySet<string> = new Set(['kind', 'title', 'creator', 'url', 'coverUrl', 'rating', 'review', 'finishedOn', 'tags']);

export interface Plan {
  activity: Exclude<ActivityType, 'Accept'>;
  /** Names the activity for good: from the media event that caused it. */
  key: string;
  entryId: string;
}

export function planFor(event: EnvelopeOf<MediaEvent>, entry: Entry | undefined, published: boolean): Plan | undefined {
  if (!event.type.startsWith('Media')) return undefined;
  const entryId = (event.data as { entryId: string }).entryId;
  const plan = (activity: Plan['activity']): Plan => ({ activity, key: `${activity.toLowerCase()}-${event.seq}`, entryId });
  const shown = entry !== undefined && isPublishedEntry(entry);
  if (shown && !published) return plan('Create');
  if (!shown && published) return plan('Delete');
  if (shown && event.type === 'MediaEdited' && Object.keys(event.data.changes).some((field) => SHOWN.has(field))) return plan('Update');
  return undefined;
}
