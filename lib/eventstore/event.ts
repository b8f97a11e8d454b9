// The shapes of an event: as dispatched, and as recorded in the log (the envelope). A leaf: the
// log writers and the store's types both build on it.

/** A domain event before the store stamps it: what a caller dispatches. */
export interface EventInput<T extends string = string, D = unknown> {
  type: T;
  data: D;
  /** Optional idempotency key: dispatching an id already in the log returns the recorded event. */
  id?: string;
}

/** One line of the log: the event as recorded, stamped with seq, id and time by the store. */
export interface Envelope<T extends string = string, D = unknown> {
  seq: number;
  id: string;
  type: T;
  at: string;
  data: D;
}

/** Any of a store's domain events, as a discriminated union of `{ type, data }`. */
export type DomainEvent = { type: string; data: unknown };

/** The envelope of one of a store's domain events. */
export type EnvelopeOf<E extends DomainEvent> = E extends DomainEvent ? Envelope<E['type'], E['data']> : never;
