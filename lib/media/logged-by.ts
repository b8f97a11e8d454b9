// Which media server logged an entry by itself (lib/hooks): recorded on its MediaFinished or
// MediaStarted event as `loggedBy`, optional, so every log written before still replays.
export const LOGGED_BY = ['jellyfin', 'plex', 'emby'] as const;
export type LoggedBy = (typeof LOGGED_BY)[number];

export const LOGGED_BY_LABELS: Record<LoggedBy, string> = { jellyfin: 'Jellyfin', plex: 'Plex', emby: 'Emby' };

export const isLoggedBy = (value: unknown): value is LoggedBy => LOGGED_BY.includes(value as LoggedBy);

/** Event ids a media server's delivery gets: `hook:<source>:...` (the source, the item, the day). */
export const hookEventId = (source: LoggedBy, ...parts: string[]) => `hook:${source}:${parts.join(':')}`;

/** The media server behind an event, from its id (edits a delivery made carry no `loggedBy`). */
export function hookSourceOfEventId(id: string): LoggedBy | undefined {
  const source = /^hook:([a-z]+):/.exec(id)?.[1];
  return isLoggedBy(source) ? source : undefined;
}
