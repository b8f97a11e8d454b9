// The media log folded into what pages read: entries by id, the public feed, counts.
import { Map as PersistentMap } from 'immutable';
import type { EnvelopeOf } from '../eventstore';
import type { Channel } from '../announce/events';
import type { EntryRecord } from './fields';
import type { EntryChanges, MediaEvent } from './events';
import { KINDS, type Kind } from './kinds';
import { mediaRejection } from './rules';

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

export interface Entry extends EntryRecord {
  id: string;
  removed: boolean;
  /** seq and time of the event that logged it: the feed's tie-break is log order. */
  seq: number;
  loggedAt: string;
  updatedAt: string;
  /** seq of the entry's latest change (logged, edited, removed, restored): what an undo reverses. */
  updatedSeq: number;
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
  /**
   * By id. A persistent map: a new state shares all but a few nodes with the one before, so an
   * event costs O(log n), where copying a plain object would cost O(entries) and make replay quadratic.
   */
  entries: PersistentMap<string, Entry>;
  /** Ids of public, not removed, finished entries: newest finished first, then latest logged first. */
  feed: readonly string[];
  /** Ids of public, not removed entries in progress (the About page's "Now"): latest started first. */
  now: readonly string[];
  counts: MediaCounts;
}

const noCounts = (): MediaCounts => ({ byKind: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>, byYear: {} });

export const initialMediaState: MediaState = { entries: PersistentMap<string, Entry>(), feed: [], now: [], counts: noCounts() };

export function mediaReducer(state: MediaState, event: EnvelopeOf<MediaEvent>): MediaState {
  // The rules of statuses and tags (lib/media/rules.ts): decide-style, so they move to `decide` as they are.
  const rejected = mediaRejection(state, event);
  if (rejected) throw new Error(rejected);
  switch (event.type) {
    case 'MediaStarted': {
      const { entryId, ...fields } = event.data;
      if (state.entries.has(entryId)) return state; // total: a duplicate changes nothing (the rules refuse it)
      const entry: Entry = { ...fields, id: entryId, removed: false, seq: event.seq, loggedAt: event.at, updatedAt: event.at, updatedSeq: event.seq, announcements: {} };
      return withEntry(state, entry);
    }
    case 'MediaFinished': {
      const { entryId, ...fields } = event.data;
      if (state.entries.has(entryId)) throw new Error(`entry ${entryId} already exists`);
      const entry: Entry = { ...fields, status: 'finished', id: entryId, removed: false, seq: event.seq, loggedAt: event.at, updatedAt: event.at, updatedSeq: event.seq, announcements: {} };
      return withEntry(state, entry);
    }
    case 'MediaEdited': {
      const entry = live(state, event.data.entryId);
      return withEntry(state, { ...applyChanges(entry, event.data.changes), updatedAt: event.at, updatedSeq: event.seq });
    }
    case 'MediaRemoved': {
      const entry = live(state, event.data.entryId);
      return withEntry(state, { ...entry, removed: true, updatedAt: event.at, updatedSeq: event.seq });
    }
    case 'MediaRestored': {
      const entry = existing(state, event.data.entryId);
      if (!entry.removed) throw new Error(`entry ${entry.id} is not removed`);
      return withEntry(state, { ...entry, removed: false, updatedAt: event.at, updatedSeq: event.seq });
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
      return { ...state, entries: state.entries.set(entry.id, { ...entry, announceNote: event.data.reason }) };
    }
  }
}

function existing(state: MediaState, id: string): Entry {
  const entry = state.entries.get(id);
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
    if (!sameValue(current, change.from)) throw new Error(`${field} changed since this edit was made (it is now ${JSON.stringify(current)})`);
    if (change.to === null) {
      if (field === 'kind' || field === 'title' || field === 'status' || field === 'visibility' || field === 'announce') {
        throw new Error(`${field} cannot be cleared`);
      }
      delete next[field];
    } else next[field] = change.to;
  }
  return next as unknown as Entry;
}

/** Field values are JSON: scalars, or a list of tags. */
export const sameValue = (a: unknown, b: unknown) => a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

function withAnnouncement(state: MediaState, entryId: string, channel: Channel, status: AnnouncementStatus): MediaState {
  const entry = existing(state, entryId);
  const updated: Entry = { ...entry, announcements: { ...entry.announcements, [channel]: status } };
  return { ...state, entries: state.entries.set(entryId, updated) };
}

/** Puts an entry in place and keeps the feed and counts in step with it. */
function withEntry(state: MediaState, entry: Entry): MediaState {
  const entries = state.entries.set(entry.id, entry);
  const before = state.entries.get(entry.id);
  const wasListed = before !== undefined && isListed(before);
  const listed = isListed(entry);
  const now = before !== undefined && isNow(before) ? state.now.filter((id) => id !== entry.id) : state.now;
  const nowNext = isNow(entry) ? [...now, entry.id].sort((a, b) => nowOrder(entries.get(a)!, entries.get(b)!)) : now;
  if (!wasListed && !listed) return { ...state, entries, now: nowNext };
  // Found by binary search (the feed is sorted, and an entry's old place is where it would go):
  // each change costs a copy of the id array, never a scan with a callback per id.
  const without = wasListed ? state.feed.toSpliced(feedPosition(state.entries, state.feed, before), 1) : state.feed;
  const feed = listed ? without.toSpliced(feedPosition(entries, without, entry), 0, entry.id) : without;
  let counts = state.counts;
  if (wasListed) counts = counted(counts, before, -1);
  if (listed) counts = counted(counts, entry, +1);
  return { entries, feed, now: nowNext, counts };
}

const isListed = (entry: Entry) => entry.visibility === 'public' && !entry.removed && entry.status === 'finished';
const isNow = (entry: Entry) => entry.visibility === 'public' && !entry.removed && entry.status === 'in-progress';
/** Latest started first (an entry without a start date counts from when it was logged). */
const nowOrder = (a: Entry, b: Entry) => {
  const as = a.startedOn ?? a.loggedAt.slice(0, 10);
  const bs = b.startedOn ?? b.loggedAt.slice(0, 10);
  return as === bs ? b.seq - a.seq : as > bs ? -1 : 1;
};

/** Feed order, newest first: a later finished date, or the same date logged later, comes before. Only finished entries are in the feed. */
export const listedBefore = (a: Entry, b: Entry) => {
  const af = a.finishedOn ?? '';
  const bf = b.finishedOn ?? '';
  return af > bf || (af === bf && a.seq > b.seq);
};

function feedPosition(entries: MediaState['entries'], feed: readonly string[], entry: Entry): number {
  let lo = 0;
  let hi = feed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (listedBefore(entries.get(feed[mid]!)!, entry)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The counts with one listed entry added (+1) or taken out (-1); copies only what changes. */
function counted(counts: MediaCounts, { kind, finishedOn = '' }: Entry, delta: 1 | -1): MediaCounts {
  const year = finishedOn.slice(0, 4);
  const perKind = { ...counts.byYear[year], [kind]: (counts.byYear[year]?.[kind] ?? 0) + delta };
  const byYear: Record<string, Partial<Record<Kind, number>>> = { ...counts.byYear, [year]: perKind };
  if (perKind[kind] === 0) delete perKind[kind];
  if (Object.keys(perKind).length === 0) delete byYear[year];
  return { byKind: { ...counts.byKind, [kind]: counts.byKind[kind] + delta }, byYear };
}
