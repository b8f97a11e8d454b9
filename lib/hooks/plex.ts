// Plex Media Server's webhooks (a Plex Pass feature, Account settings > Webhooks): a
// multipart/form-data POST whose `payload` field is JSON (body.ts), with a poster JPEG as a second
// part for some events. { event: "media.scrobble" (played past 90%), Account: { title },
// Metadata: { type, title, year, ratingKey, Guid: [{ id: "tmdb://603" }], grandparentTitle, ... } }.
import { eventLabel, type ExternalIds, type ReadOutcome } from './intent';
import { count, decimal, missing, record, text, year, type Fields } from './values';

/** PLEX_USERNAMES: the Plex accounts whose plays are logged (comma separated; unset: every account). */
export const plexUsernames = (value: string | undefined = process.env.PLEX_USERNAMES): string[] =>
  (value ?? '').split(',').map((name) => name.trim()).filter(Boolean);

/** TMDB and IMDb ids from the Guid list (Plex's agents since 2020) or the older agents' single guid. */
export function plexIds(metadata: Fields): ExternalIds {
  const ids: ExternalIds = {};
  const guids = [
    ...(Array.isArray(metadata.Guid) ? metadata.Guid.map((g) => text(record(g)?.id)) : []),
    text(metadata.guid),
  ].filter((g): g is string => g !== undefined);
  for (const guid of guids) {
    const match = /^(?:com\.plexapp\.agents\.)?(tmdb|themoviedb|imdb):\/\/([^?/]+)/.exec(guid);
    if (!match) continue;
    if (match[1] === 'imdb') ids.imdb ??= match[2];
    else ids.tmdb ??= match[2];
  }
  return ids;
}

export function readPlex(body: unknown, usernames: readonly string[] = plexUsernames()): ReadOutcome {
  const data = record(body);
  if (!data) return { read: 'refused', error: 'Not a Plex webhook: the payload must be a JSON object', fields: { payload: 'must be a JSON object' } };
  const name = text(data.event);
  if (!name) return { read: 'refused', error: 'Not a Plex webhook: event is missing', fields: missing('event') };
  const metadata = record(data.Metadata);
  const type = text(metadata?.type);
  const event = eventLabel(name, type);
  const title = text(metadata?.title);
  if (name !== 'media.scrobble' && name !== 'media.rate') {
    return { read: 'ignored', event, why: `${name}: only media.scrobble (played past 90%) logs something, and media.rate rates it`, title };
  }
  if (usernames.length > 0) {
    const account = text(record(data.Account)?.title);
    if (!account) return { read: 'refused', event, error: 'Not a complete Plex webhook: Account.title is missing (PLEX_USERNAMES is set)', fields: missing('Account.title') };
    if (!usernames.some((u) => u.toLowerCase() === account.toLowerCase())) return { read: 'ignored', event, why: `played by ${account}, who is not in PLEX_USERNAMES`, title };
  }
  if (!metadata || !type) return { read: 'refused', event, error: `Not a complete Plex ${name}: Metadata.type is missing`, fields: missing(metadata ? 'Metadata.type' : 'Metadata') };
  const ratingKey = text(metadata.ratingKey);
  const refuse = (...fields: string[]): ReadOutcome => ({ read: 'refused', event, error: `Not a complete Plex ${name}: ${fields.join(', ')} missing`, fields: missing(...fields) });
  return name === 'media.scrobble' ? scrobble(event, type, metadata, ratingKey, refuse) : rate(event, type, data, metadata, ratingKey, refuse);
}

function scrobble(event: string, type: string, metadata: Fields, ratingKey: string | undefined, refuse: (...fields: string[]) => ReadOutcome): ReadOutcome {
  const title = text(metadata.title);
  switch (type) {
    case 'movie': {
      if (!title || !ratingKey) return refuse(...(!title ? ['Metadata.title'] : []), ...(!ratingKey ? ['Metadata.ratingKey'] : []));
      const director = Array.isArray(metadata.Director) ? text(record(metadata.Director[0])?.tag) : undefined;
      return { read: 'intent', event, intent: { type: 'finished', item: { kind: 'movie', title, key: ratingKey, year: year(metadata.year), creator: director, ids: plexIds(metadata) } } };
    }
    case 'episode': {
      const show = text(metadata.grandparentTitle);
      if (!show || !ratingKey) return refuse(...(!show ? ['Metadata.grandparentTitle'] : []), ...(!ratingKey ? ['Metadata.ratingKey'] : []));
      const showKey = text(metadata.grandparentRatingKey) ?? `name:${show.toLowerCase()}`;
      return {
        read: 'intent',
        event,
        intent: { type: 'episode', episode: { show: { title: show, key: showKey }, key: ratingKey, season: count(metadata.parentIndex), episode: count(metadata.index) } },
      };
    }
    case 'track':
      return { read: 'ignored', event, why: 'music is not logged', title };
    default:
      return { read: 'ignored', event, why: `a ${type}: only movies and episodes are logged`, title };
  }
}

function rate(event: string, type: string, data: Fields, metadata: Fields, ratingKey: string | undefined, refuse: (...fields: string[]) => ReadOutcome): ReadOutcome {
  const title = text(metadata.title);
  if (type !== 'movie' && type !== 'show') return { read: 'ignored', event, why: `a rated ${type}: only the ratings of movies and shows are kept`, title };
  if (!ratingKey) return refuse('Metadata.ratingKey');
  // The owner's rating out of 10 is the payload's `rating` (Metadata.userRating in some versions);
  // Metadata.rating is the critics' and is never read.
  const outOfTen = decimal(data.rating) ?? decimal(metadata.userRating);
  if (outOfTen === undefined || outOfTen <= 0) return { read: 'ignored', event, why: 'no rating in it (cleared): Shelf keeps the rating it has', title };
  return { read: 'intent', event, intent: { type: 'rate', rating: { target: { kind: type, key: ratingKey, title }, outOfTen } } };
}
