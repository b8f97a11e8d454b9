import type { DomainEvent, EnvelopeOf, Store } from '../../eventstore';
import type { StoreDefinition } from '../../eventstore/define-store';

/** Any store, seen by the history pages: its state is opaque to them, its describer knows it. */
export type AnyStore = Store<unknown, DomainEvent>;

/**
 * One store the history pages can show: its definition (lib/stores), opened on this server, and
 * how it is described in words. How a past state looks is the UI's (lib/ui/history/PastState.tsx).
 */
export interface HistorySource<S = unknown, E extends DomainEvent = DomainEvent> {
  name: string;
  label: string;
  /** "the shelf", "the orderbook". */
  title: string;
  /** The event types to filter by. */
  eventTypes: readonly string[];
  /** The booted store. */
  open(): Promise<Store<S, E> | undefined>;
  /** Pure: the event in words, from the states just before and after it, and the state now. */
  describe(event: EnvelopeOf<E>, before: S, after: S, now: S): { text: string; entryId?: string };
  /** Whether the page offers "undo" for this event now (only on an entry's latest change). */
  undoable?(event: EnvelopeOf<E>, now: S): boolean;
  /** Downloads offered beside the log's own (`/admin/export/...`). */
  exports?: readonly { href: string; label: string }[];
  readonly definition: StoreDefinition<S, E>;
}
