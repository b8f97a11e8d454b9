// When a feed says an entry happened. Readers sort and flag "new" by these dates, so an entry
// finished years ago and imported today must carry the day it was finished, not the import time.
import type { Entry } from '../media/projection';

const parts = (timeZone: string | undefined, instant: number) => {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone: timeZone || undefined,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(fields.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
};

/** The zone's offset from UTC at an instant, in minutes (Berlin in winter: 60). */
function offsetMinutes(timeZone: string | undefined, instant: number): number {
  const p = parts(timeZone, instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The start of a YYYY-MM-DD day in a time zone, as RFC 3339 with that zone's offset ("2022-03-14T00:00:00+01:00"). */
export function startOfDay(day: string, timeZone: string | undefined): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // The offset at local midnight: guess with the offset at UTC midnight, then correct once (a DST change that day).
  let offset = offsetMinutes(timeZone, midnightUtc);
  offset = offsetMinutes(timeZone, midnightUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${day}T00:00:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The YYYY-MM-DD day of an instant in a time zone. */
export function dayOf(instant: string, timeZone: string | undefined): string {
  const p = parts(timeZone, Date.parse(instant));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * When the entry was finished: the moment it was logged when that was on the day it was finished
 * (in the owner's zone), else the start of that day. An entry with no finished date (not in a
 * feed today) keeps the time it was logged.
 */
export function publishedAt(entry: Pick<Entry, 'finishedOn' | 'loggedAt'>, timeZone = process.env.TZ): string {
  if (!entry.finishedOn || dayOf(entry.loggedAt, timeZone) === entry.finishedOn) return entry.loggedAt;
  return startOfDay(entry.finishedOn, timeZone);
}

/**
 * When the entry last changed: its latest edit (or removal and restoring), else when it was
 * published. Logging or importing an entry is not a change to it, so an imported entry never
 * looks updated today.
 */
export function updatedAt(entry: Pick<Entry, 'finishedOn' | 'loggedAt' | 'updatedAt' | 'seq' | 'updatedSeq'>, timeZone = process.env.TZ): string {
  return entry.updatedSeq === entry.seq ? publishedAt(entry, timeZone) : entry.updatedAt;
}
