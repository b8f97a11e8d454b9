import type { DomainEvent, Envelope, Store } from '../../eventstore';
import type { EventDescription } from '../describe-media';

/** Any store, seen by the history pages: its state is opaque to them, its describer knows it. */
export type AnyStore = Store<unknown, DomainEvent>;

/** One store the history pages can show. Each store joins the registry (./index.ts) with one line. */
export interface HistorySource {
  name: string;
  label: string;
  /** The event types to filter by. */
  eventTypes: readonly string[];
  /** The booted store, or undefined when this server runs no such store. */
  open(): Promise<AnyStore | undefined>;
  /** Pure: the event in words, from the states just before and after it, and the state now. */
  describe(event: Envelope, before: unknown, after: unknown, now: unknown): EventDescription;
  /** Whether the page offers "undo" for this event now (only on an entry's latest change). */
  undoable?(event: Envelope, now: unknown): boolean;
  /** Whether "view as of here" renders a past state of this store. */
  timeTravel?: boolean;
}
