// Jellyfin and Emby describe a finished playback alike (Emby's webhooks are mapped as Jellyfin's):
// a movie becomes a finished movie, an episode its show in progress, an audiobook a finished book;
// music and anything else is ignored. The two readers fill this shape from their own payloads.
import { eventLabel, type ExternalIds, type ReadOutcome } from './intent';
import { missing } from './values';

export interface PlayedItem {
  /** "Jellyfin" or "Emby", for messages. */
  server: string;
  event: string;
  itemType: string;
  name?: string;
  key?: string;
  year?: number;
  seriesName?: string;
  seriesKey?: string;
  season?: number;
  episode?: number;
  album?: string;
  artist?: string;
  ids: ExternalIds;
}

/** What each value is called in the server's payload, so a 400 names what the owner can find there. */
export interface PayloadNames {
  name: string;
  key: string;
  seriesName: string;
}

const MUSIC = new Set(['Audio', 'MusicAlbum', 'MusicVideo', 'MusicArtist']);

export function playedItemOutcome(item: PlayedItem, names: PayloadNames): ReadOutcome {
  const event = eventLabel(item.event, item.itemType);
  const refuse = (...fields: string[]): ReadOutcome => ({
    read: 'refused',
    event,
    error: `Not a complete ${item.server} ${item.itemType}: ${fields.join(', ')} ${fields.length > 1 ? 'are' : 'is'} missing`,
    fields: missing(...fields),
  });
  switch (item.itemType) {
    case 'Movie':
      if (!item.name || !item.key) return refuse(...(!item.name ? [names.name] : []), ...(!item.key ? [names.key] : []));
      return { read: 'intent', event, intent: { type: 'finished', item: { kind: 'movie', title: item.name, key: item.key, year: item.year, ids: item.ids } } };
    case 'Episode':
      if (!item.seriesName || !item.key) return refuse(...(!item.seriesName ? [names.seriesName] : []), ...(!item.key ? [names.key] : []));
      return {
        read: 'intent',
        event,
        intent: {
          type: 'episode',
          episode: { show: { title: item.seriesName, key: item.seriesKey ?? `name:${item.seriesName.toLowerCase()}` }, key: item.key, season: item.season, episode: item.episode },
        },
      };
    case 'AudioBook': {
      // A book in several files is one album: the album is the book, and its files are one entry a day.
      const title = item.album ?? item.name;
      const key = item.album ? `album:${item.album.toLowerCase()}|${(item.artist ?? '').toLowerCase()}` : item.key;
      if (!title || !key) return refuse(...(!title ? [names.name] : []), ...(!key ? [names.key] : []));
      return { read: 'intent', event, intent: { type: 'finished', item: { kind: 'book', title, key, year: item.year, creator: item.artist, ids: item.ids } } };
    }
    default:
      if (MUSIC.has(item.itemType)) return { read: 'ignored', event, why: 'music is not logged', title: item.name };
      return { read: 'ignored', event, why: `a ${item.itemType}: only movies, episodes and audiobooks are logged`, title: item.name };
  }
}
