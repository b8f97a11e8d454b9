// The rules of statuses and tags, decide-style: given the state and a command or event, a reason to
// refuse it, or undefined. Pure; the commands check them before dispatching and the reducer checks
// the event ones again (so a race between two clicks cannot slip through), then evolves.
import type { EnvelopeOf } from '../eventstore';
import type { MediaEvent } from './events';
import { recordIssues, type EntryRecord } from './fields';
import type { Entry, MediaState } from './projection';

/** Why the log must refuse this event, or undefined. Only the rules added with statuses live here. */
export function mediaRejection(state: MediaState, event: EnvelopeOf<MediaEvent> | MediaEvent): string | undefined {
  switch (event.type) {
    case 'MediaStarted':
      return state.entries.has(event.data.entryId) ? `entry ${event.data.entryId} already exists` : undefined;
    case 'MediaEdited': {
      const entry = state.entries.get(event.data.entryId);
      if (!entry) return undefined; // the edit's own rules say so
      const after: Record<string, unknown> = { ...entry };
      for (const [field, change] of Object.entries(event.data.changes)) {
        if (!change) continue;
        if (change.to === null) delete after[field];
        else after[field] = change.to;
      }
      const issue = recordIssues(after as Partial<EntryRecord>)[0];
      return issue ? `${issue.message} (${issue.field})` : undefined;
    }
    default:
      return undefined;
  }
}

/** Finishing: only an entry not finished yet, and not removed. */
export function finishRejection(entry: Entry | undefined): string | undefined {
  if (!entry || entry.removed) return 'That entry does not exist or was removed';
  if (entry.status === 'finished') return `“${entry.title}” is already finished`;
  return undefined;
}

/** Abandoning: only an entry in progress. */
export function abandonRejection(entry: Entry | undefined): string | undefined {
  if (!entry || entry.removed) return 'That entry does not exist or was removed';
  if (entry.status !== 'in-progress') return `Only an entry in progress can be abandoned (“${entry.title}” is ${entry.status})`;
  return undefined;
}

/** Restarting: an abandoned entry goes back in progress. */
export function restartRejection(entry: Entry | undefined): string | undefined {
  if (!entry || entry.removed) return 'That entry does not exist or was removed';
  if (entry.status !== 'abandoned') return `Only an abandoned entry can be restarted (“${entry.title}” is ${entry.status})`;
  return undefined;
}

/** Progress is recorded on an entry in progress. */
export function progressRejection(entry: Entry | undefined): string | undefined {
  if (!entry || entry.removed) return 'That entry does not exist or was removed';
  if (entry.status !== 'in-progress') return `Progress is only for an entry in progress (“${entry.title}” is ${entry.status})`;
  return undefined;
}

/**
 * The record an entry becomes under a status change: finishing sets the finished date (today by
 * default) and drops progress; leaving "finished" drops the finished date.
 */
export function withStatus(record: EntryRecord, status: EntryRecord['status'], day: string): EntryRecord {
  const next: EntryRecord = { ...record, status };
  if (status === 'finished') {
    next.finishedOn = record.status === 'finished' && record.finishedOn ? record.finishedOn : day;
    delete next.progress;
  } else delete next.finishedOn;
  return next;
}
