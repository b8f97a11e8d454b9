/** "Nov 23 2026 08:00": an event's time in the owner's time zone (`TZ`), for the history pages. */
export function formatEventTime(at: string, timeZone: string | undefined = process.env.TZ): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timeZone || undefined,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')} ${part('day')} ${part('year')} ${part('hour')}:${part('minute')}`;
}
