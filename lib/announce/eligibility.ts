import type { Entry } from '../media/projection';

export const NO_CHANNEL_REASON = 'not sent: no channel configured';

/** Why an entry must not be announced now, or undefined when it may be. */
export function whyNotAnnounced(entry: Entry): string | undefined {
  if (entry.importedFrom) return `not sent: imported from ${entry.importedFrom}`;
  if (entry.removed) return 'not sent: the entry was removed';
  if (entry.visibility !== 'public') return 'not sent: the entry is private';
  if (!entry.announce) return 'not sent: announce was turned off';
  return undefined;
}
