// When an entry is announced. The rule, in one place for the announcer, the form's preview and the
// admin's status line:
// - only a finished, public entry with announce on is sent, and never twice (per channel, the
//   recorded result is checked before every send);
// - it is sent when it *becomes* so: logged finished and public, or later finished, made public,
//   or given announce; starting, progress, abandoning, typo fixes and restores never send;
// - a private entry is never announced while private: made public later, it is sent then.
import type { EntryChanges, MediaEvent } from '../media/events';
import type { Entry } from '../media/projection';

export const NO_CHANNEL_REASON = 'not sent: no channel configured';

type Announceable = Pick<Entry, 'visibility' | 'announce' | 'status' | 'importedFrom'> & { removed?: boolean };

/** Why an entry must not be announced now, or undefined when it may be. */
export function whyNotAnnounced(entry: Announceable): string | undefined {
  if (entry.importedFrom || entry.removed) return whyNotPublic(entry);
  if (!entry.announce) return 'not sent: announce was turned off';
  return whyNotPublic(entry);
}

/** The part of the rule every push shares (announcements, the fediverse's followers): public, finished, not removed, not imported. */
export function whyNotPublic(entry: Omit<Announceable, 'announce'>): string | undefined {
  if (entry.importedFrom) return `not sent: imported from ${entry.importedFrom}`;
  if (entry.removed) return 'not sent: the entry was removed';
  if (entry.visibility !== 'public') return 'not sent: the entry is private (it is posted if made public)';
  if (entry.status !== 'finished') return 'not sent yet: it is posted when finished';
  return undefined;
}

/**
 * True when this event may have made its entry announceable (and the announcer should look at it):
 * a new finished public entry with announce on, or an edit that turned one of the conditions on.
 */
export function mayTriggerAnnouncement(event: MediaEvent): boolean {
  if (event.type === 'MediaFinished') return event.data.announce && event.data.visibility === 'public' && !event.data.importedFrom;
  if (event.type !== 'MediaEdited') return false;
  const c: EntryChanges = event.data.changes;
  return c.status?.to === 'finished' || c.visibility?.to === 'public' || c.announce?.to === true;
}

/** The admin's words for an entry marked announce that has no result yet. */
export function pendingAnnouncementNote(entry: Announceable): string {
  return whyNotAnnounced(entry) ?? 'Announcement: waiting to be sent…';
}
