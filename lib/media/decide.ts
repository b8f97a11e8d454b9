// The media rules, checked when an event is dispatched (never at replay: see evolveMedia).
import { reject, type Rejection } from '../eventstore/types';
import type { EntryChanges, MediaEvent } from './events';
import { recordIssues, type EntryRecord } from './fields';
import { REQUIRED_FIELDS, sameValue, type Entry, type MediaState } from './projection';

/** Records the event as it is if the state allows it, or says why not (the message reaches the owner). */
export function decideMedia(input: MediaEvent, state: MediaState): MediaEvent | Rejection {
  const entry = state.entries.get(input.data.entryId);
  const id = input.data.entryId;
  switch (input.type) {
    case 'MediaFinished':
    case 'MediaStarted':
      return entry ? reject(`entry ${id} already exists`) : input;
    case 'MediaEdited': {
      if (!entry) return reject(`no entry ${id}`);
      if (entry.removed) return reject(`entry ${id} is removed`);
      const refused = staleChange(entry, input.data.changes) ?? recordIssue(entry, input.data.changes);
      return refused ? reject(refused) : input;
    }
    case 'MediaRemoved':
      if (!entry) return reject(`no entry ${id}`);
      return entry.removed ? reject(`entry ${id} is removed`) : input;
    case 'MediaRestored':
      if (!entry) return reject(`no entry ${id}`);
      return entry.removed ? input : reject(`entry ${id} is not removed`);
    case 'AnnouncementRetryRequested': {
      if (!entry) return reject(`no entry ${id}`);
      const { channel } = input.data;
      return entry.announcements[channel]?.state === 'failed' ? input : reject(`nothing to retry: ${channel} for ${id} has not failed`);
    }
    case 'AnnouncementPosted':
    case 'AnnouncementFailed':
    case 'AnnouncementSkipped':
      return entry ? input : reject(`no entry ${id}`);
  }
}

/** Each `from` must match the entry now, so a stale form cannot overwrite a newer edit. */
function staleChange(entry: Entry, changes: EntryChanges): string | undefined {
  for (const [field, change] of Object.entries(changes)) {
    if (!change) continue;
    const current = entry[field as keyof EntryChanges] ?? null;
    if (!sameValue(current, change.from)) return `${field} changed since this edit was made (it is now ${JSON.stringify(current)})`;
    if (change.to === null && REQUIRED_FIELDS.has(field)) return `${field} cannot be cleared`;
  }
  return undefined;
}

/** The entry as the edit leaves it must still hang together (a finished entry has its date, progress only before finishing, ...). */
function recordIssue(entry: Entry, changes: EntryChanges): string | undefined {
  const after: Record<string, unknown> = { ...entry };
  for (const [field, change] of Object.entries(changes)) {
    if (!change) continue;
    if (change.to === null) delete after[field];
    else after[field] = change.to;
  }
  const issue = recordIssues(after as Partial<EntryRecord>)[0];
  return issue ? `${issue.message} (${issue.field})` : undefined;
}
