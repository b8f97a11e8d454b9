/**
 * "Nov 23 2026 09:00 GMT+1": an event's time in the owner's time zone (`TZ`), for the history
 * pages, with the zone named so that a time is never read in the wrong one.
 */
export function formatEventTime(at: string, timeZone: string | undefined = process.env.TZ): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timeZone || undefined,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')} ${part('day')} ${part('year')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** The zone the history pages show times in: `TZ`, or the server's own zone when it is unset. */
export function ownerZoneName(timeZone: string | undefined = process.env.TZ): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: timeZone || undefined }).resolvedOptions().timeZone;
}
