// The media log folded into what pages read: entries by id, the public feed, counts.
// Evolve only; the rules a new event must pass are in ./decide.ts.
import { Map as PersistentMap } from 'immutable';
import type { EnvelopeOf } from '../eventstore';
import type { Channel } from './announcement-events';
import type { EntryRecord } from './fields';
import type { EntryChanges, MediaEvent } from './events';
import { FeedOrder } from './feed-order';
import { KINDS, type Kind } from './kinds';
import type { ImportSource } from './import-sources';
import type { LoggedBy } from './logged-by';

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
  /** Set when the entry came from an import (Goodreads, Letterboxd, a Shelf backup): never announced. */
  importedFrom?: ImportSource;
  /** Set when a media server's webhook logged it (Jellyfin, Plex, Emby). */
  loggedBy?: LoggedBy;
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
  feed: FeedOrder;
  /** Ids of public, not removed entries in progress (the About page's "Now"): latest started first. */
  now: readonly string[];
  counts: MediaCounts;
}

const noCounts = (): MediaCounts => ({ byKind: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>, byYear: {} });

export const initialMediaState: MediaState = { entries: PersistentMap<string, Entry>(), feed: FeedOrder.empty, now: [], counts: noCounts() };

/**
 * Folds one recorded event into the state. Total: an event the rules of today would refuse (a
 * second removal, an edit of a removed or unknown entry, a stale `from`) still folds, as the
 * nearest sensible change or none, so a log valid when written always boots. The rules are in
 * ./decide.ts, checked on dispatch only.
 */
export function evolveMedia(state: MediaState, event: EnvelopeOf<MediaEvent>): MediaState {
  switch (event.type) {
    case 'MediaStarted': {
      const { entryId, ...fields } = event.data;
      if (state.entries.has(entryId)) return state; // the first one recorded stands (decide refuses a duplicate)
      const entry: Entry = { ...fields, id: entryId, removed: false, seq: event.seq, loggedAt: event.at, updatedAt: event.at, updatedSeq: event.seq, announcements: {} };
      return withEntry(state, entry);
    }
    case 'MediaFinished': {
      const { entryId, ...fields } = event.data;
      if (state.entries.has(entryId)) return state; // the first one recorded stands
      const entry: Entry = { ...fields, status: 'finished', id: entryId, removed: false, seq: event.seq, loggedAt: event.at, updatedAt: event.at, updatedSeq: event.seq, announcements: {} };
      return withEntry(state, entry);
    }
    case 'MediaEdited': {
      const entry = state.entries.get(event.data.entryId);
      if (!entry) return state;
      return withEntry(state, { ...applyChanges(entry, event.data.changes), updatedAt: event.at, updatedSeq: event.seq });
    }
    case 'MediaRemoved':
    case 'MediaRestored': {
      const entry = state.entries.get(event.data.entryId);
      const removed = event.type === 'MediaRemoved';
      if (!entry || entry.removed === removed) return state;
      return withEntry(state, { ...entry, removed, updatedAt: event.at, updatedSeq: event.seq });
    }
    case 'AnnouncementPosted': {
      const { entryId, channel, postId, url, attempt } = event.data;
      return withAnnouncement(state, entryId, channel, () => ({ state: 'posted', attempts: attempt, postId, url }));
    }
    case 'AnnouncementFailed': {
      const { entryId, channel, attempt, error, final } = event.data;
      return withAnnouncement(state, entryId, channel, (current) => {
        const status: AnnouncementStatus = { state: final ? 'failed' : 'retrying', attempts: attempt, error };
        return current?.retriedAfter === undefined ? status : { ...status, retriedAfter: current.retriedAfter };
      });
    }
    case 'AnnouncementRetryRequested': {
      const { entryId, channel } = event.data;
      return withAnnouncement(state, entryId, channel, (current) =>
        current?.state === 'failed' ? { ...current, state: 'retrying', retriedAfter: current.attempts } : current,
      );
    }
    case 'AnnouncementSkipped': {
      const entry = state.entries.get(event.data.entryId);
      if (!entry) return state;
      return { ...state, entries: state.entries.set(entry.id, { ...entry, announceNote: event.data.reason }) };
    }
  }
}

/**
 * The fields an edit may never clear. The finished date is not one: leaving "finished" drops it
 * (decide keeps it on a finished entry, lib/media/fields.ts recordIssues).
 */
export const REQUIRED_FIELDS: ReadonlySet<string> = new Set(['kind', 'title', 'status', 'visibility', 'announce']);

/** Applies an edit's `to` values (decide checked each `from`); clearing a required field is skipped. */
function applyChanges(entry: Entry, changes: EntryChanges): Entry {
  const next: Record<string, unknown> = { ...entry };
  for (const [field, change] of Object.entries(changes)) {
    if (!change) continue;
    if (change.to !== null) next[field] = change.to;
    else if (!REQUIRED_FIELDS.has(field)) delete next[field];
  }
  return next as unknown as Entry;
}

/** Field values are JSON: scalars, or a list of tags. */
export const sameValue = (a: unknown, b: unknown) => a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

function withAnnouncement(
  state: MediaState,
  entryId: string,
  channel: Channel,
  next: (current: AnnouncementStatus | undefined) => AnnouncementStatus | undefined,
): MediaState {
  const entry = state.entries.get(entryId);
  const status = entry && next(entry.announcements[channel]);
  if (!entry || !status || status === entry.announcements[channel]) return state;
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
  // Found by binary search (the feed is sorted, and an entry's old place is where it would go).
  const without = wasListed ? state.feed.without(entry.id, (id) => listedBefore(state.entries.get(id)!, before)) : state.feed;
  const feed = listed ? without.with(entry.id, (id) => listedBefore(entries.get(id)!, entry)) : without;
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

/** The counts with one listed entry added (+1) or taken out (-1); copies only what changes. */
function counted(counts: MediaCounts, { kind, finishedOn = '' }: Entry, delta: 1 | -1): MediaCounts {
  const year = finishedOn.slice(0, 4);
  const perKind = { ...counts.byYear[year], [kind]: (counts.byYear[year]?.[kind] ?? 0) + delta };
  const byYear: Record<string, Partial<Record<Kind, number>>> = { ...counts.byYear, [year]: perKind };
  if (perKind[kind] === 0) delete perKind[kind];
  if (Object.keys(perKind).length === 0) delete byYear[year];
  return { byKind: { ...counts.byKind, [kind]: counts.byKind[kind] + delta }, byYear };
}
