// The media log in words: "logged 'Dune' (book)", "edited 'Dune': rating 3 -> 4", "removed 'Dune'".
import type { EnvelopeOf } from '../eventstore';
import type { Channel } from './announcement-events';
import { describeChanges } from './describe';
import type { EntryChanges, MediaEvent } from './events';
import { hookSourceOfEventId, LOGGED_BY_LABELS } from './logged-by';
import type { MediaState } from './projection';
import { undoneSeq } from './undo';

export interface EventDescription {
  text: string;
  /** The entry the event is about, if any. */
  entryId?: string;
  /** The entry's title once the event applied. */
  title?: string;
}

const CHANNEL_LABELS: Record<Channel, string> = { x: 'X', mastodon: 'Mastodon', bluesky: 'Bluesky', webhook: 'the webhook' };

export const quoted = (text: string) => `'${text.length > 60 ? `${text.slice(0, 59)}…` : text}'`;

/**
 * A pure function of the event and the states just before and after it. The entry is named by its
 * title just before (an edit's event holds only the entry's id); an unknown entry by its id.
 */
export function describeMediaEvent(event: EnvelopeOf<MediaEvent>, before: MediaState, after: MediaState): EventDescription {
  const { entryId } = event.data;
  const then = before.entries.get(entryId)?.title ?? after.entries.get(entryId)?.title;
  const name = then === undefined ? `entry ${entryId}` : quoted(then);
  const title = after.entries.get(entryId)?.title ?? then;
  const undo = undoneSeq(event.id);
  // A media server's delivery (lib/hooks) says so: "logged 'Arrival' (movie) by Jellyfin".
  const hook = hookSourceOfEventId(event.id);
  const by = hook ? ` by ${LOGGED_BY_LABELS[hook]}` : '';
  const text = (words: string) => ({ text: undo === undefined ? `${words}${by}` : `${words} (undo of #${undo})`, entryId, title });

  switch (event.type) {
    case 'MediaFinished': {
      const { kind, visibility } = event.data;
      return text(`logged ${quoted(event.data.title)} (${kind}${visibility === 'private' ? ', private' : ''})`);
    }
    case 'MediaStarted': {
      const { kind, visibility, status } = event.data;
      const how = status === 'abandoned' ? 'logged as abandoned' : 'started';
      return text(`${how} ${quoted(event.data.title)} (${kind}${visibility === 'private' ? ', private' : ''})`);
    }
    case 'MediaEdited': {
      const status = event.data.changes.status?.to;
      if (status === 'finished') return text(`finished ${name}${otherChanges(event.data.changes)}`);
      if (status === 'abandoned') return text(`abandoned ${name}${otherChanges(event.data.changes)}`);
      if (status === 'in-progress') return text(`restarted ${name}${otherChanges(event.data.changes)}`);
      return text(`edited ${name}: ${describeChanges(event.data.changes).join(', ')}`);
    }
    case 'MediaRemoved':
      return text(`removed ${name}`);
    case 'MediaRestored':
      return text(`restored ${name}`);
    case 'AnnouncementPosted': {
      const { channel, attempt } = event.data;
      return text(`announced ${name} on ${CHANNEL_LABELS[channel]}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
    }
    case 'AnnouncementFailed': {
      const { channel, attempt, error, final } = event.data;
      return text(`announcing ${name} on ${CHANNEL_LABELS[channel]} failed (attempt ${attempt}): ${error}; ${final ? 'gave up' : 'will retry'}`);
    }
    case 'AnnouncementRetryRequested':
      return text(`asked to retry announcing ${name} on ${CHANNEL_LABELS[event.data.channel]}`);
    case 'AnnouncementSkipped':
      return text(`did not announce ${name}: ${event.data.reason}`);
  }
}

/** The changes that come with a status change, besides the dates it always brings. */
function otherChanges(changes: EntryChanges): string {
  const { status: _status, finishedOn: _finishedOn, progress: _progress, ...rest } = changes;
  const words = describeChanges(rest as EntryChanges);
  return words.length ? `: ${words.join(', ')}` : '';
}

/** " (now titled 'Dune Messiah')" when the entry is called something else today. */
export function nowTitled(description: EventDescription, now: MediaState): string {
  const current = description.entryId === undefined ? undefined : now.entries.get(description.entryId)?.title;
  return current !== undefined && description.title !== undefined && current !== description.title ? ` (now titled ${quoted(current)})` : '';
}
