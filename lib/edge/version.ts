import type { AnyStoreDefinition } from '../eventstore/define-store';
import { existingStore } from '../eventstore/open-store';
import { todayIn } from '../media/dates';
import { settingsRevision } from '../settings/revision';

/** What a hot route's answer is made from, besides its canonical request: the route table says it per route. */
export interface Reads {
  /** Stores whose state it shows: a write to any of them makes the kept answer old. */
  readonly stores?: readonly AnyStoreDefinition[];
  /** The site settings (name, bio, widget defaults): a save shows on the next request. */
  readonly settings?: boolean;
  /** The owner's day (pages say "this year" and default dates), in TZ. */
  readonly day?: boolean;
  /** The public origin (absolute links): part of the key, since it comes with the request when SITE_URL is unset. */
  readonly origin?: boolean;
}

/** The day as of the current second, by time zone: versions are taken on every hot read, the formatter takes microseconds. */
let today: { zone: string; second: number; day: string } | undefined;

function dayNow(timeZone: string | undefined): string {
  const zone = timeZone || '';
  const second = Math.floor(Date.now() / 1000);
  if (today?.zone !== zone || today.second !== second) today = { zone, second, day: todayIn(timeZone) };
  return today.day;
}

/**
 * The version of exactly what a route reads: the last seq of each of its stores, the owner's day,
 * the settings' revision, as far as it reads them. An answer kept at one version is served only at
 * that version, so a write, a new day or a settings save makes it old at once. Undefined while a
 * store is not booted in this process: then nothing is kept.
 */
export function versionOf(reads: Reads, timeZone = process.env.TZ): string | undefined {
  let version = '';
  for (const definition of reads.stores ?? []) {
    const store = existingStore(definition);
    if (!store) return undefined;
    try {
      version += `${store.version()}.`;
    } catch {
      return undefined; // not replayed yet
    }
  }
  if (reads.day) version += `${dayNow(timeZone)}.`;
  if (reads.settings) version += `s${settingsRevision()}`;
  return version;
}
