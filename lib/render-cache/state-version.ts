import type { DomainEvent } from '../eventstore';
import type { StoreDefinition } from '../eventstore/define-store';
import { existingStore } from '../stores/shared';
import { settingsRevision } from '../settings/revision';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today (YYYY-MM-DD) in a time zone, with the formatter made once: this runs on every cached request. */
export function dayIn(timeZone: string | undefined, now = new Date()): string {
  const zone = timeZone || '';
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  return format.format(now);
}

/** The day as of the current second, by time zone: stateVersion runs on every hot read, the formatter takes microseconds. */
let today: { zone: string; second: number; day: string } | undefined;

function dayNow(timeZone: string | undefined): string {
  const zone = timeZone || '';
  const second = Math.floor(Date.now() / 1000);
  if (today?.zone !== zone || today.second !== second) today = { zone, second, day: dayIn(timeZone) };
  return today.day;
}

/**
 * Everything a cached page's content depends on besides its URL: the version (last seq) of each
 * store it reads, the owner's day (pages show "this year" and default dates), and the revision of
 * the site settings (name, bio, widget defaults: a save shows on the next request). Undefined while
 * a store is not booted yet: then nothing is cached or served from the cache.
 */
export function stateVersion(stores: readonly StoreDefinition<unknown, DomainEvent>[], timeZone = process.env.TZ): string | undefined {
  const parts: string[] = [];
  for (const definition of stores) {
    const store = existingStore(definition);
    try {
      if (!store) return undefined; // not created in this process
      parts.push(String(store.version()));
    } catch {
      return undefined; // not replayed yet
    }
  }
  parts.push(dayNow(timeZone));
  parts.push(`s${settingsRevision()}`);
  return parts.join('.');
}
