// Jellyfin's official Webhook plugin (jellyfin-plugin-webhook), a "Generic" destination: either
// "Send All Properties" (the plugin's own dictionary as JSON: PlayedToCompletion true, Year 2016)
// or a Handlebars template such as the one in docs/automatic-logging.md (the same names, every
// value as text: "True", "2016", "" for a value the item lacks). Either way the plugin posts it
// as text/plain unless a Content-Type header is added, so the body is read as JSON whatever it says.
import { eventLabel, type ReadOutcome } from './intent';
import { playedItemOutcome } from './played-item';
import { count, missing, pick, record, text, truth, year, type Fields } from './values';

/**
 * The plugin writes `"` as `\"` in every name (to keep templates valid JSON), so "Send All
 * Properties" sends the backslash too; a `{{Name}}` template (two braces) HTML-escapes it
 * (`&amp;`, `&#x27;`, and non-ASCII as `&#233;` in older Handlebars.Net). Both are undone here.
 */
export function templateText(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  // Entities first: `\"` HTML-escaped is `\&quot;`.
  const unescaped = raw
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower[0] !== '#') return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower] ?? whole;
      const code = lower[1] === 'x' ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\\"/g, '"');
  return text(unescaped);
}

/** A Jellyfin id: a GUID the plugin's JSON writes as 32 hex digits and a template with dashes; one form. */
const guid = (value: unknown) => text(value)?.replace(/-/g, '').toLowerCase();

export function readJellyfin(body: unknown): ReadOutcome {
  const data: Fields | undefined = record(body);
  if (!data) {
    return { read: 'refused', error: 'Not a Jellyfin webhook: the body must be a JSON object (a Generic destination)', fields: { body: 'must be a JSON object' } };
  }
  const type = text(pick(data, 'NotificationType'));
  if (!type) return { read: 'refused', error: 'Not a Jellyfin webhook: NotificationType is missing', fields: missing('NotificationType') };
  const itemType = text(pick(data, 'ItemType'));
  const event = eventLabel(type, itemType);
  const name = templateText(pick(data, 'Name'));
  if (type !== 'PlaybackStop') return { read: 'ignored', event, why: `${type}: only a playback stopped at the end (PlaybackStop) logs something`, title: name };
  const completed = truth(pick(data, 'PlayedToCompletion'));
  if (completed === undefined) {
    return {
      read: 'refused',
      event,
      error: 'Not a complete Jellyfin PlaybackStop: PlayedToCompletion is missing (tick "Send All Properties", or use the template in the docs)',
      fields: missing('PlayedToCompletion'),
    };
  }
  if (!completed) return { read: 'ignored', event, why: 'stopped before the end', title: name };
  if (!itemType) return { read: 'refused', event, error: 'Not a complete Jellyfin PlaybackStop: ItemType is missing', fields: missing('ItemType') };
  return playedItemOutcome(
    {
      server: 'Jellyfin',
      event: type,
      itemType,
      name,
      key: guid(pick(data, 'ItemId')),
      year: year(pick(data, 'Year')),
      seriesName: templateText(pick(data, 'SeriesName')),
      seriesKey: guid(pick(data, 'SeriesId')),
      season: count(pick(data, 'SeasonNumber')),
      episode: count(pick(data, 'EpisodeNumber')),
      album: templateText(pick(data, 'Album')),
      artist: templateText(pick(data, 'Artist')),
      ids: { tmdb: text(pick(data, 'Provider_tmdb')), imdb: text(pick(data, 'Provider_imdb')) },
    },
    { name: 'Name', key: 'ItemId', seriesName: 'SeriesName' },
  );
}
