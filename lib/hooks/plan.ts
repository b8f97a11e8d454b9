// What a delivery becomes, given the log as it is: pure (the state, the day and the owner's
// settings in, a plan out), so the rules read and test alone. record.ts carries the plan out through
// the media commands, whose schema and rules (lib/media/decide.ts) every entry still passes.
//
// - A movie or audiobook played to the end: a finished entry, one per source, item and day (the
//   entry id and the event id both come from them, so a retry or a double fire is the same entry).
// - An episode: its show in progress with the episode as the progress note. A show already in
//   progress (logged by the server, or by hand under the same title) moves on to the episode; a
//   show the owner finished or abandoned stays as it is: finishing a show is the owner's call.
// - A rating (Plex): the rating of the entry the server logged for that item, out of 10 halved.
import { createHash } from 'node:crypto';
import { hookEventId, type LoggedBy } from '../media/logged-by';
import type { Entry, MediaState } from '../media/projection';
import type { FinishedItem, HookIntent, PlayedEpisode, Rating } from './intent';
import { linkFromIds } from './links';
import { episodeNote, episodeOf } from './values';

export interface HookSettings {
  visibility: 'public' | 'private';
  announce: boolean;
}

export interface PlanContext {
  source: LoggedBy;
  /** The owner's day (TZ): the finished date, and part of each delivery's identity. */
  today: string;
  settings: HookSettings;
}

export type Plan =
  | { action: 'log'; entryId: string; eventId: string; input: Record<string, unknown>; lookup: { kind: 'movie' | 'show' | 'book'; title: string; year?: number; tmdb?: string } }
  | { action: 'edit'; entryId: string; eventId: string; patch: Record<string, unknown>; title: string; detail: string }
  | { action: 'none'; became: 'duplicate' | 'ignored'; detail: string; entryId?: string; title?: string };

/** An item's key as a piece of an id: as it is when short and plain, else a digest of it. */
export const keyPart = (key: string) => (/^[A-Za-z0-9_-]{1,64}$/.test(key) ? key : createHash('sha256').update(key).digest('hex').slice(0, 32));

/** The entry a source logs for an item on a day: `jellyfin-<item>-20261120`. */
export const dayEntryId = (source: LoggedBy, key: string, day: string) => `${source}-${keyPart(key)}-${day.replaceAll('-', '')}`;

/** The one entry a source keeps for a show: `plex-show-<series>`. */
export const showEntryId = (source: LoggedBy, key: string) => `${source}-show-${keyPart(key)}`;

export function planDelivery(intent: HookIntent, state: MediaState, context: PlanContext): Plan {
  switch (intent.type) {
    case 'finished':
      return planFinished(intent.item, state, context);
    case 'episode':
      return planEpisode(intent.episode, state, context);
    case 'rate':
      return planRating(intent.rating, state, context);
  }
}

function planFinished(item: FinishedItem, state: MediaState, { source, today, settings }: PlanContext): Plan {
  const entryId = dayEntryId(source, item.key, today);
  const existing = state.entries.get(entryId);
  if (existing) return { action: 'none', became: 'duplicate', detail: `already logged today as “${existing.title}”`, entryId, title: existing.title };
  return {
    action: 'log',
    entryId,
    eventId: hookEventId(source, keyPart(item.key), today),
    input: {
      kind: item.kind,
      title: item.title,
      creator: item.creator,
      url: linkFromIds(item.kind, item.ids),
      status: 'finished',
      finishedOn: today,
      visibility: settings.visibility,
      announce: settings.announce,
    },
    lookup: { kind: item.kind, title: item.title, year: item.year, tmdb: item.ids.tmdb },
  };
}

/** Titles compared as a person reads them: case, accents and spacing aside. */
export const sameTitle = (a: string, b: string) => fold(a) === fold(b);
const fold = (title: string) => title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function planEpisode(episode: PlayedEpisode, state: MediaState, { source, today, settings }: PlanContext): Plan {
  const entryId = showEntryId(source, episode.show.key);
  const eventId = hookEventId(source, keyPart(episode.key), today);
  const note = episodeNote(episode.season, episode.episode);
  const own = state.entries.get(entryId);
  const shows: Entry[] = [];
  if (own && !own.removed) shows.push(own);
  for (const entry of state.entries.values()) {
    if (entry !== own && entry.kind === 'show' && !entry.removed && sameTitle(entry.title, episode.show.title)) shows.push(entry);
  }
  // The server's own entry first, then the latest logged.
  const current = shows.filter((e) => e.status === 'in-progress').sort((a, b) => (a === own ? -1 : b === own ? 1 : b.seq - a.seq))[0];
  if (current) {
    const at = current.progressNote;
    if (note === undefined || at === note) return { action: 'none', became: 'duplicate', detail: `“${current.title}” is already at ${at ?? 'this episode'}`, entryId: current.id, title: current.title };
    if (later(at, note)) return { action: 'none', became: 'ignored', detail: `“${current.title}” is already at ${at}, after ${note}`, entryId: current.id, title: current.title };
    return { action: 'edit', entryId: current.id, eventId, patch: { progressNote: note }, title: current.title, detail: `${at ?? 'no episode'} -> ${note}` };
  }
  const settled = shows.find((e) => e.status === 'finished') ?? shows.find((e) => e.status === 'abandoned');
  if (settled) {
    const how = settled.status === 'finished' ? 'finished' : 'abandoned';
    return { action: 'none', became: 'ignored', detail: `“${settled.title}” is ${how}: set it back in progress to follow its episodes again`, entryId: settled.id, title: settled.title };
  }
  if (own?.removed) return { action: 'none', became: 'ignored', detail: `“${own.title}” was removed: restore it to follow its episodes again`, entryId, title: own.title };
  return {
    action: 'log',
    entryId,
    eventId,
    input: { kind: 'show', title: episode.show.title, status: 'in-progress', startedOn: today, progressNote: note, visibility: settings.visibility, announce: settings.announce },
    lookup: { kind: 'show', title: episode.show.title },
  };
}

/** Whether the note `at` names an episode after `note` (a rewatch of an earlier one leaves it). */
function later(at: string | undefined, note: string): boolean {
  const [a, b] = [episodeOf(at), episodeOf(note)];
  return !!a && !!b && (a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]));
}

function planRating({ target, outOfTen }: Rating, state: MediaState, { source, today }: PlanContext): Plan {
  const rating = Math.min(5, Math.max(0.5, Math.round(outOfTen) / 2));
  const entry = target.kind === 'show' ? liveEntry(state, showEntryId(source, target.key)) : latestDayEntry(state, `${source}-${keyPart(target.key)}-`);
  const name = target.title ? `“${target.title}”` : 'this item';
  if (!entry) return { action: 'none', became: 'ignored', detail: `nothing logged from this server for ${name} yet: its rating is kept once it is`, title: target.title };
  if (entry.rating === rating) return { action: 'none', became: 'duplicate', detail: `“${entry.title}” is already rated ${rating}`, entryId: entry.id, title: entry.title };
  return {
    action: 'edit',
    entryId: entry.id,
    eventId: hookEventId(source, 'rate', keyPart(target.key), String(outOfTen), today),
    patch: { rating },
    title: entry.title,
    detail: `rating ${entry.rating ?? 'none'} -> ${rating}`,
  };
}

const liveEntry = (state: MediaState, id: string) => {
  const entry = state.entries.get(id);
  return entry && !entry.removed ? entry : undefined;
};

/** The latest entry (not removed) logged for an item on any day: its ids share `<source>-<item>-`. */
function latestDayEntry(state: MediaState, prefix: string): Entry | undefined {
  let latest: Entry | undefined;
  for (const entry of state.entries.values()) {
    if (!entry.removed && entry.id.startsWith(prefix) && /^\d{8}$/.test(entry.id.slice(prefix.length)) && (!latest || entry.seq > latest.seq)) latest = entry;
  }
  return latest;
}
