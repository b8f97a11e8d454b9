const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  // Arithmetic, not a Date: this runs for every row of an import, and Next wraps Date on the server.
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Years 0-99 were refused before (Date.UTC reads them as 1900-1999); kept so.
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Day formatters by time zone, made once: making one costs far more than formatting with it (every write asks for today). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The last answer per time zone and the UTC minute it was for. Zones' offsets are whole minutes
 * (today's are multiples of 15), so the day anywhere changes only when a UTC minute begins: within
 * one minute the answer is the same, and formatting costs more than the rest of a write's checks.
 */
const lastDays = new Map<string, { minute: number; day: string }>();

/** Today's date (YYYY-MM-DD) in a time zone: the owner's (`TZ`), not the server's UTC. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  const zone = timeZone || '';
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDays.get(zone);
  if (last?.minute === minute) return last.day;
  let format = dayFormats.get(zone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  const day = format.format(now);
  lastDays.set(zone, { minute, day });
  return day;
}

const shortDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** "Nov 23, 2026" for a YYYY-MM-DD date, independent of the server's zone. */
export function formatDay(isoDate: string): string {
  return shortDay.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Whole days from one YYYY-MM-DD date to another (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days from start to finish, where both dates are known. */
export function daysToFinish(entry: { startedOn?: string; finishedOn?: string }): number | undefined {
  return entry.startedOn && entry.finishedOn ? daysBetween(entry.startedOn, entry.finishedOn) : undefined;
}

/** "1 day", "12 days", "same day". */
export const daysLabel = (days: number) => (days === 0 ? 'same day' : `${days} ${days === 1 ? 'day' : 'days'}`);
