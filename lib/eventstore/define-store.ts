import type { ZodType } from 'zod';
import type { DomainEvent, EnvelopeOf, Rejection, StoreOptions } from './types';

/** What a store's rules and state need for a log in a directory (they may read a file beside it, or the environment). */
export interface StoreRules<S, E extends DomainEvent> {
  /** The state before the first event; a function is called once at boot, under the writer's lock. */
  initialState: S | (() => S | Promise<S>);
  /** Total: see types.ts `Evolve`. */
  evolve(state: S, event: EnvelopeOf<E>): S;
  /** The rules checked on dispatch; see types.ts `Decide`. */
  decide?(input: E, state: S): E | readonly E[] | Rejection;
  snapshot?: StoreOptions<S, E>['snapshot'];
}

/**
 * Everything Shelf knows of one store, declared once (lib/stores): boot, history, time travel,
 * `verify-log`, live streams and the page cache all read the list of these.
 */
export interface StoreDefinition<S, E extends DomainEvent> {
  /** The log is `<dir>/<name>.jsonl`; also the name in `?store=` and `?stream=`. */
  readonly name: string;
  /** In the history switcher. */
  readonly label: string;
  /** What the history's "as of" banner calls it: "the shelf", "the orderbook". */
  readonly title: string;
  readonly schema: ZodType<E>;
  upcast?(event: { type: string; data: unknown }): { type: string; data: unknown };
  /** The event types, for the history filter. */
  readonly eventTypes: readonly string[];
  rules(dir: string): StoreRules<S, E>;
  /** The state in a few lines (verify-log). */
  summarize(state: S): string[];
  /** Pure: the event in words, from the states just before and after it, and the state now. */
  describe(event: EnvelopeOf<E>, before: S, after: S, now: S): { text: string; entryId?: string };
  /** Whether the history offers "undo" for this event now. */
  undoable?(event: EnvelopeOf<E>, now: S): boolean;
  /** Whether the store's public side (its live stream) is on in this server (default: on). */
  publicOn?(): boolean;
  /** Whether a visitor following the store live needs to hear of this event (default: all). */
  visible?(event: { type: string }): boolean;
}

/**
 * Any store's definition, its state and events opaque: what the list holds. (Method parameters
 * are compared both ways, so a definition of a particular store is one of these as it is.)
 */
export type AnyStoreDefinition = StoreDefinition<unknown, DomainEvent>;

/** Declares a store; the identity, typed. */
export function defineStore<S, E extends DomainEvent>(definition: StoreDefinition<S, E>): StoreDefinition<S, E> {
  return definition;
}

/** The kernel's options for a definition's log in `dir`. */
export function storeOptions<S, E extends DomainEvent>(
  definition: StoreDefinition<S, E>,
  dir: string,
  extra: Partial<StoreOptions<S, E>> = {},
): StoreOptions<S, E> {
  const rules = definition.rules(dir);
  return {
    name: definition.name,
    dir,
    schema: definition.schema,
    upcast: definition.upcast?.bind(definition),
    initialState: rules.initialState,
    evolve: rules.evolve.bind(rules),
    decide: rules.decide?.bind(rules),
    snapshot: rules.snapshot,
    ...extra,
  };
}
