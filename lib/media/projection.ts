// The media log folded into what pages read: entries by id, the public feed, counts.
import type { EnvelopeOf } from '../eventstore';
import type { Channel } from '../announce/events';
import type { EntryFields } from './fields';
import type { EntryChanges, MediaEvent } from './events';
import { KINDS, type Kind } from './kinds';

export interface AnnouncementStatus {
  state: 'posted' | 'failed' | 'retrying';
  attempts: number;
  postId?: string;
  url?: string;
  error?: string;
  /**
   * Attempts made before the latest retry the admin asked for: that retry gets a fresh round of
   * attempts, so the announcer's last attempt is `retriedAfter + maxAttempts`.
   */
  retriedAfter?: number;
}

export interface Entry extends EntryFields {
  id: string;
  removed: boolean;
  /** seq and time of the event that logged it: the feed's tie-break is log order. */
  seq: number;
  loggedAt: string;
  updatedAt: string;
  announcements: Readonly<Partial<Record<Channel, AnnouncementStatus>>>;
  /** Why nothing was announced, when the announcer skipped the entry. */
  announceNote?: string;
}

export interface MediaCounts {
  byKind: Readonly<Record<Kind, number>>;
  /** Public entries per finished year, per kind. */
  byYear: Readonly<Record<string, Readonly<Partial<Record<Kind, number>>>>>;
}

export interface MediaState {
  entries: Readonly<Record<string, Entry>>;
  /** Ids of public, not removed entries: newest finished first, then latest logged first. */
  feed: readonly string[];
  counts: MediaCounts;
}

const noCounts = (): MediaCounts => ({ byKind: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>, byYear: {} });

export const initialMediaState: MediaState = { entries: {}, feed: [], counts: noCounts() };

export function mediaReducer(state: MediaState, event: EnvelopeOf<MediaEvent>): MediaState {
  switch (event.type) {
    case 'MediaFinished': {
      const { entryId, ...fields } = event.data;
      if (state.entries[entryId]) throw new Error(`entry ${entryId} already exists`);
      const entry: Entry = { ...fields, id: entryId, removed: false, seq: event.seq, loggedAt: event.at, updatedAt: event.at, announcements: {} };
      return withEntry(state, entry);
    }
    case 'MediaEdited': {
      const entry = live(state, event.data.entryId);
      return withEntry(state, { ...applyChanges(entry, event.data.changes), updatedAt: event.at });
    }
    case 'MediaRemoved': {
      const entry = live(state, event.data.entryId);
      return withEntry(state, { ...entry, removed: true, updatedAt: event.at });
    }
    case 'MediaRestored': {
      const entry = existing(state, event.data.entryId);
      if (!entry.removed) throw new Error(`entry ${entry.id} is not removed`);
      return withEntry(state, { ...entry, removed: false, updatedAt: event.at });
    }
    case 'AnnouncementPosted': {
      const { entryId, channel, postId, url, attempt } = event.data;
      return withAnnouncement(state, entryId, channel, { state: 'posted', attempts: attempt, postId, url });
    }
    case 'AnnouncementFailed': {
      const { entryId, channel, attempt, error, final } = event.data;
      const retriedAfter = existing(state, entryId).announcements[channel]?.retriedAfter;
      const status: AnnouncementStatus = { state: final ? 'failed' : 'retrying', attempts: attempt, error };
      return withAnnouncement(state, entryId, channel, retriedAfter === undefined ? status : { ...status, retriedAfter });
    }
    case 'AnnouncementRetryRequested': {
      const { entryId, channel } = event.data;
      const current = existing(state, entryId).announcements[channel];
      if (current?.state !== 'failed') throw new Error(`nothing to retry: ${channel} for ${entryId} has not failed`);
      return withAnnouncement(state, entryId, channel, { ...current, state: 'retrying', retriedAfter: current.attempts });
    }
    case 'AnnouncementSkipped': {
      const entry = existing(state, event.data.entryId);
      return { ...state, entries: { ...state.entries, [entry.id]: { ...entry, announceNote: event.data.reason } } };
    }
  }
}

function existing(state: MediaState, id: string): Entry {
  const entry = state.entries[id];
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
}

function live(state: MediaState, id: string): Entry {
  const entry = existing(state, id);
  if (entry.removed) throw new Error(`entry ${id} is removed`);
  return entry;
}

/** Applies an edit; each `from` must match the entry now, so a stale form cannot overwrite a newer edit. */
function applyChanges(entry: Entry, changes: EntryChanges): Entry {
  const next: Record<string, unknown> = { ...entry };
  for (const [field, change] of Object.entries(changes)) {
    if (!change) continue;
    const current = (entry as unknown as Record<string, unknown>)[field] ?? null;
    if (current !== change.from) throw new Error(`${field} changed since this edit was made (it is now ${JSON.stringify(current)})`);
    if (change.to === null) {
      if (field === 'kind' || field === 'title' || field === 'finishedOn' || field === 'visibility' || field === 'announce') {
        throw new Error(`${field} cannot be cleared`);
      }
      delete next[field];
    } else next[field] = change.to;
  }
  return next as unknown as Entry;
}

function withAnnouncement(state: MediaState, entryId: string, channel: Channel, status: AnnouncementStatus): MediaState {
  const entry = existing(state, entryId);
  const updated: Entry = { ...entry, announcements: { ...entry.announcements, [channel]: status } };
  return { ...state, entries: { ...state.entries, [entryId]: updated } };
}

/** Puts an entry in place and keeps the feed and counts in step with it. */
function withEntry(state: MediaState, entry: Entry): MediaState {
  const entries = { ...state.entries, [entry.id]: entry };
  const before = state.entries[entry.id];
  const wasListed = before !== undefined && isListed(before);
  const listed = isListed(entry);
  if (!wasListed && !listed) return { ...state, entries };
  const feed = wasListed ? state.feed.filter((id) => id !== entry.id) : state.feed.slice();
  if (listed) feed.splice(feedPosition(entries, feed, entry), 0, entry.id);
  if (wasListed && listed && before.finishedOn === entry.finishedOn && before.kind === entry.kind) {
    return { ...state, entries, feed }; // same place, same counts
  }
  return { entries, feed, counts: countFeed(entries, feed) };
}

const isListed = (entry: Entry) => entry.visibility === 'public' && !entry.removed;

/** Feed order, newest first: a later finished date, or the same date logged later, comes before. */
export const listedBefore = (a: Entry, b: Entry) => a.finishedOn > b.finishedOn || (a.finishedOn === b.finishedOn && a.seq > b.seq);

function feedPosition(entries: Record<string, Entry>, feed: readonly string[], entry: Entry): number {
  let lo = 0;
  let hi = feed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (listedBefore(entries[feed[mid]!]!, entry)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countFeed(entries: Record<string, Entry>, feed: readonly string[]): MediaCounts {
  const counts = noCounts();
  const byKind = counts.byKind as Record<Kind, number>;
  const byYear = counts.byYear as Record<string, Partial<Record<Kind, number>>>;
  for (const id of feed) {
    const { kind, finishedOn } = entries[id]!;
    byKind[kind]++;
    const year = (byYear[finishedOn.slice(0, 4)] ??= {});
    year[kind] = (year[kind] ?? 0) + 1;
  }
  return counts;
}
