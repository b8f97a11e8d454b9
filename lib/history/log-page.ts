// One page of a store's log for the history view: newest first, by cursor (`before` = a seq,
// exclusive), optionally of one event type, each event described from the states around it.
import { eventLabel } from './event-labels';
import type { Envelope } from '../eventstore';
import type { AnyStore, HistorySource } from './sources/types';

export const PAGE_SIZE = 50;
/**
 * Describing events needs the state before and after each; building those costs a replay from
 * the nearest state the kernel kept (its `replayDistance`) through the page. Past this many events
 * of replay (a sparse filtered page), the page is described from the current state instead.
 */
const REPLAY_BUDGET = 3000;
const FILTERED_READ_CHUNK = 500;

export interface HistoryQuery {
  /** Show events with seq below this. */
  before?: number;
  type?: string;
}

export interface HistoryRow {
  seq: number;
  id: string;
  type: string;
  /** The event's kind in words ("Logged as abandoned"). */
  label: string;
  at: string;
  text: string;
  entryId?: string;
  undoable: boolean;
}

export interface HistoryPage {
  rows: HistoryRow[];
  version: number;
  /** The cursor of the next older page, if there are older events. */
  older?: number;
  /** The cursor of the next newer page, 'latest' when that is the first page, undefined at the top. */
  newer?: number | 'latest';
  /** True when titles come from the current state (a page too spread out to replay cheaply). */
  approximate: boolean;
}

type Param = string | string[] | undefined;

/** Reads `?before=` and `?type=`; anything malformed is ignored (the newest page, all types). */
export function parseHistoryQuery(params: { before?: Param; type?: Param }, eventTypes: readonly string[]): HistoryQuery {
  const before = typeof params.before === 'string' && /^[1-9]\d{0,15}$/.test(params.before) ? Number(params.before) : undefined;
  const type = typeof params.type === 'string' && eventTypes.includes(params.type) ? params.type : undefined;
  return { before, type };
}

export async function loadHistoryPage(source: HistorySource, store: AnyStore, query: HistoryQuery, pageSize = PAGE_SIZE): Promise<HistoryPage> {
  const version = store.version();
  const now = store.snapshot();
  const upper = Math.min(query.before ?? version + 1, version + 1);
  const matches = await scan(store, upper - 1, -1, query.type, pageSize + 1);
  const events = matches.slice(0, pageSize);
  const newer = await scan(store, upper, +1, query.type, pageSize + 1);

  const states = await statesAround(store, events.map((e) => e.seq).reverse());
  const rows = events.map((event): HistoryRow => {
    const around = states?.get(event.seq) ?? { before: now, after: now };
    const { text, entryId } = source.describe(event, around.before, around.after, now);
    return { seq: event.seq, id: event.id, type: event.type, label: eventLabel(event), at: event.at, text, entryId, undoable: source.undoable?.(event, now) ?? false };
  });
  return {
    rows,
    version,
    older: matches.length > pageSize ? events.at(-1)!.seq : undefined,
    newer: newer.length === 0 ? undefined : newer.length <= pageSize ? 'latest' : newer[pageSize - 1]!.seq + 1,
    approximate: states === undefined && rows.length > 0,
  };
}

/** Up to `want` events of `type` (any type if none) from seq `start` on, walking in `direction`. */
async function scan(store: AnyStore, start: number, direction: 1 | -1, type: string | undefined, want: number): Promise<Envelope[]> {
  const out: Envelope[] = [];
  const chunk = type ? FILTERED_READ_CHUNK : want;
  const last = store.version();
  for (let from = start; from >= 1 && from <= last && out.length < want; from += direction * chunk) {
    const to = from + direction * (chunk - 1);
    const events = await store.read(Math.min(from, to), Math.max(from, to));
    if (direction === -1) events.reverse();
    for (const event of events) if ((!type || event.type === type) && out.length < want) out.push(event);
  }
  return out;
}

/**
 * The states before and after each event (seqs ascending), through the kernel's `stateAt`: in
 * ascending order each call replays from the previous one's state, which the kernel keeps.
 */
async function statesAround(store: AnyStore, seqs: number[]) {
  if (seqs.length === 0) return new Map<number, { before: unknown; after: unknown }>();
  const cost = store.replayDistance(seqs[0]! - 1) + (seqs.at(-1)! - seqs[0]!);
  if (cost > REPLAY_BUDGET) return undefined;
  const out = new Map<number, { before: unknown; after: unknown }>();
  for (const seq of seqs) out.set(seq, { before: await store.stateAt(seq - 1), after: await store.stateAt(seq) });
  return out;
}
