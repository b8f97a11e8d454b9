// What a media server's delivery means, read from its payload (jellyfin.ts, emby.ts, plex.ts)
// before anything is looked up or recorded: pure data, so each server's reader is tested alone.

/** Ids other services give the item (TMDB, IMDb): links, and the match for a cover lookup. */
export interface ExternalIds {
  tmdb?: string;
  imdb?: string;
}

/** A movie or an audiobook played to the end. */
export interface FinishedItem {
  kind: 'movie' | 'book';
  title: string;
  /** The server's own id of the item: with the source and the day, the entry's identity. */
  key: string;
  year?: number;
  creator?: string;
  ids: ExternalIds;
}

/** An episode played to the end: its show is what Shelf follows. */
export interface PlayedEpisode {
  show: { title: string; /** The server's id of the series (or its name when it sends none). */ key: string };
  /** The episode's own id: with the source and the day, the delivery's identity. */
  key: string;
  season?: number;
  episode?: number;
}

/** A rating the owner gave on the server (Plex's media.rate), out of 10. */
export interface Rating {
  target: { kind: 'movie' | 'show'; key: string; title?: string };
  outOfTen: number;
}

export type HookIntent = { type: 'finished'; item: FinishedItem } | { type: 'episode'; episode: PlayedEpisode } | { type: 'rate'; rating: Rating };

/** A payload read: what to do, why nothing (`ignored`), or what is missing (`refused`, a 400). */
export type ReadOutcome =
  | { read: 'intent'; event: string; intent: HookIntent }
  | { read: 'ignored'; event: string; why: string; title?: string }
  | { read: 'refused'; event?: string; error: string; fields: Record<string, string> };

/** The delivery's name in the owner's list of deliveries: "PlaybackStop Movie", "media.scrobble movie". */
export const eventLabel = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ').slice(0, 80);
