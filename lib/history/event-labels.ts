// Event types in words for the history pages: the filter and each row say "Logged", not "MediaFinished".

const LABELS: Record<string, string> = {
  MediaFinished: 'Logged',
  // Logged before it was finished: in progress, or already given up (see eventLabel).
  MediaStarted: 'Started or abandoned',
  MediaEdited: 'Edited',
  MediaRemoved: 'Removed',
  MediaRestored: 'Restored',
  AnnouncementPosted: 'Announced',
  AnnouncementFailed: 'Announcement failed',
  AnnouncementRetryRequested: 'Announcement retry asked for',
  AnnouncementSkipped: 'Announcement skipped',
  OrderPlaced: 'Order placed',
};

/** A type's label; a type without one (added later) is its name split into words ("MediaStarted" → "Media started"). */
export function eventTypeLabel(type: string): string {
  const known = LABELS[type];
  if (known) return known;
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One event's label: its type's, told apart by what it says where one type covers two facts. */
export function eventLabel(event: { type: string; data?: unknown }): string {
  if (event.type === 'MediaStarted') return (event.data as { status?: unknown } | undefined)?.status === 'abandoned' ? 'Logged as abandoned' : 'Started';
  return eventTypeLabel(event.type);
}
