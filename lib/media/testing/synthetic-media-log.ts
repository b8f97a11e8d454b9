// A realistic, valid media log of any length, for the time-travel benchmark and the tests:
// finishes, edits, removals, restores and announcement results, in plausible proportions.
import { encodeEnvelope } from '../../eventstore/envelope';
import type { EnvelopeOf } from '../../eventstore';
import type { MediaEvent } from '../events';
import { KINDS } from '../kinds';

/** mulberry32: a tiny seeded PRNG, so a seed always gives the same log. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticLog {
  events: EnvelopeOf<MediaEvent>[];
  /** The log file's text: one encoded envelope per line. */
  text: string;
  /** How many entries the log creates. */
  entries: number;
}

export function syntheticMediaLog(count: number, seed = 1, start = Date.parse('2026-01-01T08:00:00.000Z')): SyntheticLog {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  // What edits need of each entry (the reducer checks each edit's `from`); tracked here rather
  // than by running the reducer, which makes long logs slow to generate.
  const current = new Map<string, { title: string; rating?: number }>();
  const live: string[] = [];
  const removed: string[] = [];
  const events: EnvelopeOf<MediaEvent>[] = [];

  const next = (): MediaEvent => {
    const r = rnd();
    if (live.length === 0 || r < 0.35) {
      const entryId = `entry-${events.length + 1}`;
      const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
      return {
        type: 'MediaFinished',
        data: {
          entryId,
          kind: pick(KINDS),
          title: `Title ${events.length + 1}`,
          creator: `Creator ${Math.floor(rnd() * 500)}`,
          rating: Math.ceil(rnd() * 10) / 2,
          ...(rnd() < 0.5 ? { review: `A review of item ${events.length + 1}, with a few words about it.` } : {}),
          finishedOn: `2026-${String(1 + Math.floor(rnd() * 11)).padStart(2, '0')}-${day}`,
          visibility: rnd() < 0.9 ? 'public' : 'private',
          announce: false,
        },
      };
    }
    const id = pick(live);
    const entry = current.get(id)!;
    if (r < 0.75) {
      const rating = Math.ceil(rnd() * 10) / 2;
      return rating === entry.rating
        ? { type: 'MediaEdited', data: { entryId: id, changes: { title: { from: entry.title, to: `${entry.title}'` } } } }
        : { type: 'MediaEdited', data: { entryId: id, changes: { rating: { from: entry.rating ?? null, to: rating } } } };
    }
    if (r < 0.85) return { type: 'MediaRemoved', data: { entryId: id } };
    if (r < 0.93 && removed.length > 0) return { type: 'MediaRestored', data: { entryId: pick(removed) } };
    return { type: 'AnnouncementPosted', data: { entryId: id, channel: 'mastodon', postId: `post-${events.length + 1}`, attempt: 1 } };
  };

  while (events.length < count) {
    const seq = events.length + 1;
    const event = { seq, id: `id-${seq}`, at: new Date(start + seq * 60_000).toISOString(), ...next() } as EnvelopeOf<MediaEvent>;
    events.push(event);
    const id = (event.data as { entryId: string }).entryId;
    if (event.type === 'MediaFinished') {
      live.push(id);
      current.set(id, { title: event.data.title, rating: event.data.rating });
    }
    if (event.type === 'MediaEdited') {
      const { title, rating } = event.data.changes;
      const entry = current.get(id)!;
      if (title) entry.title = title.to!;
      if (rating) entry.rating = rating.to ?? undefined;
    }
    if (event.type === 'MediaRemoved') {
      live.splice(live.indexOf(id), 1);
      removed.push(id);
    }
    if (event.type === 'MediaRestored') {
      removed.splice(removed.indexOf(id), 1);
      live.push(id);
    }
  }
  return { events, text: events.map(encodeEnvelope).join(''), entries: current.size };
}
