// "View as of here": a store as it was after one event, built by the kernel's stateAt.
import type { DomainEvent, Envelope, Store } from '../eventstore';

export interface PastView<S> {
  seq: number;
  /** The store's latest seq: where "now" is. */
  version: number;
  /** The state after event `seq` (the initial state for 0). */
  state: S;
  /** The event `seq` itself, undefined for 0 (before anything was recorded). */
  event?: Envelope;
  /** That event in words. */
  text?: string;
  previous?: number;
  next?: number;
}

/** Puts an event in words from the states just before and after it (a history source's describer). */
export type DescribeEvent<S> = (event: Envelope, before: S, after: S) => string;

/** A seq from the URL: a whole number from 0 to `version`, written without decoration. */
export function parseSeq(param: string, version: number): number | undefined {
  if (!/^(0|[1-9]\d{0,15})$/.test(param)) return undefined;
  const seq = Number(param);
  return seq <= version ? seq : undefined;
}

/** One event back and forward, within 0..version. */
export function stepLinks(seq: number, version: number): { previous?: number; next?: number } {
  return { previous: seq > 0 ? seq - 1 : undefined, next: seq < version ? seq + 1 : undefined };
}

export async function pastView<S, E extends DomainEvent>(store: Store<S, E>, seq: number, describe: DescribeEvent<S>): Promise<PastView<S>> {
  const version = store.version();
  const state = await store.stateAt(seq);
  if (seq === 0) return { seq, version, state, ...stepLinks(seq, version) };
  const [event] = await store.read(seq, seq);
  const text = describe(event!, await store.stateAt(seq - 1), state);
  return { seq, version, state, event, text, ...stepLinks(seq, version) };
}
