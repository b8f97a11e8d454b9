// Emby's webhooks (Emby Server 4.7+, Settings > Webhooks / Notifications): a JSON body, or with
// the older request content type multipart/form-data, the same JSON in its `data` field (body.ts).
// { Event: "playback.stop", Item: { Type, Name, Id, ProductionYear, ProviderIds: { Tmdb, Imdb },
// SeriesName, SeriesId, ParentIndexNumber, IndexNumber, ... }, PlaybackInfo: { PlayedToCompletion } }
import { eventLabel, type ReadOutcome } from './intent';
import { playedItemOutcome } from './played-item';
import { count, missing, pick, record, text, truth, year } from './values';

export function readEmby(body: unknown): ReadOutcome {
  const data = record(body);
  if (!data) return { read: 'refused', error: 'Not an Emby webhook: the body must be a JSON object', fields: { body: 'must be a JSON object' } };
  const type = text(data.Event);
  if (!type) return { read: 'refused', error: 'Not an Emby webhook: Event is missing', fields: missing('Event') };
  const item = record(data.Item);
  const itemType = text(item?.Type);
  const event = eventLabel(type, itemType);
  const name = text(item?.Name);
  if (type !== 'playback.stop') return { read: 'ignored', event, why: `${type}: only a playback stopped at the end (playback.stop) logs something`, title: name };
  const completed = truth(record(data.PlaybackInfo)?.PlayedToCompletion);
  if (completed === undefined) {
    return { read: 'refused', event, error: 'Not a complete Emby playback.stop: PlaybackInfo.PlayedToCompletion is missing', fields: missing('PlaybackInfo.PlayedToCompletion') };
  }
  if (!completed) return { read: 'ignored', event, why: 'stopped before the end', title: name };
  if (!item || !itemType) return { read: 'refused', event, error: 'Not a complete Emby playback.stop: Item.Type is missing', fields: missing(item ? 'Item.Type' : 'Item') };
  const ids = record(item.ProviderIds);
  const artists = Array.isArray(item.Artists) ? item.Artists : [];
  return playedItemOutcome(
    {
      server: 'Emby',
      event: type,
      itemType,
      name,
      key: text(item.Id),
      year: year(item.ProductionYear),
      seriesName: text(item.SeriesName),
      seriesKey: text(item.SeriesId),
      season: count(item.ParentIndexNumber),
      episode: count(item.IndexNumber),
      album: text(item.Album),
      artist: text(item.AlbumArtist) ?? text(artists[0]),
      // Emby writes provider names capitalised (Tmdb, Imdb); read them in any case.
      ids: { tmdb: text(pick(ids, 'Tmdb')), imdb: text(pick(ids, 'Imdb')) },
    },
    { name: 'Item.Name', key: 'Item.Id', seriesName: 'Item.SeriesName' },
  );
}
