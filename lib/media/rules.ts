// The rules of the status commands (finish, abandon, restart, progress): given the entry, a reason to
// refuse, or undefined. Pure; the commands check them before dispatching. The rules every recorded
// event must pass (duplicates, stale edits, an entry that no longer hangs together) are in ./decide.ts,
// which runs inside the commit, so a race between two clicks cannot slip through.
import type { EntryRecord } from './fields';
import type { Entry } from './projection';

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
 * default) and drops progress and its note; leaving "finished" drops the finished date.
 */
export function withStatus(record: EntryRecord, status: EntryRecord['status'], day: string): EntryRecord {
  const next: EntryRecord = { ...record, status };
  if (status === 'finished') {
    next.finishedOn = record.status === 'finished' && record.finishedOn ? record.finishedOn : day;
    delete next.progress;
    delete next.progressNote;
  } else delete next.finishedOn;
  return next;
}
