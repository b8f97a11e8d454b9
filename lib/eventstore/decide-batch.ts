import { randomUUID } from 'node:crypto';
import { EventRejectedError } from './errors';
import { isRejection, type Decide, type DomainEvent, type Envelope, type EnvelopeOf, type Evolve } from './types';

/** One dispatch waiting for the next commit. */
export interface Pending {
  type: string;
  data: unknown;
  id?: string;
  resolve: (event: Envelope) => void;
  reject: (err: unknown) => void;
}

export interface BatchPlan<S> {
  /** The envelopes to append, in order, and the state after each. */
  events: Envelope[];
  states: S[];
  /** Settles every dispatch of the batch once the append succeeded (or throws: `fail`). */
  succeed(): void;
  fail(err: unknown): void;
}

interface DecideContext<S, E extends DomainEvent> {
  state: S;
  seq: number;
  decide: Decide<S, E>;
  evolve: Evolve<S, E>;
  /** The seq of an id already in the log, if any. */
  recorded: (id: string) => Promise<number | undefined>;
  /** Resolves a dispatch whose id is already in the log with the event recorded then. */
  resolveRecorded: (pending: Pending, seq: number) => void;
  now: () => Date;
}

/**
 * Decides a batch in order against its running state: each dispatch's rules see the events of the
 * dispatches before it in the same batch. Nothing is settled here: a conflicting append makes the
 * store decide the batch again on the caught-up state.
 */
export async function decideBatch<S, E extends DomainEvent>(batch: readonly Pending[], ctx: DecideContext<S, E>): Promise<BatchPlan<S>> {
  let { state, seq } = ctx;
  const events: Envelope[] = [];
  const states: S[] = [];
  const settle: ((ok: boolean, err?: unknown) => void)[] = [];
  const inBatch = new Map<string, Envelope>();
  // All the batch's ids are looked up at once (a database backend answers them in one query).
  const ids = [...new Set(batch.flatMap((p) => (p.id === undefined ? [] : [p.id])))];
  const recorded = new Map(await Promise.all(ids.map(async (id) => [id, await ctx.recorded(id)] as const)));

  for (const pending of batch) {
    if (pending.id !== undefined) {
      const own = inBatch.get(pending.id);
      const earlier = own ? undefined : recorded.get(pending.id);
      if (own) {
        settle.push((ok, err) => (ok ? pending.resolve(own) : pending.reject(err)));
        continue;
      }
      if (earlier !== undefined) {
        settle.push(() => ctx.resolveRecorded(pending, earlier));
        continue;
      }
    }
    const input = { type: pending.type, data: pending.data } as E;
    const outcome = ctx.decide(input, state);
    if (isRejection(outcome)) {
      settle.push(() => pending.reject(new EventRejectedError(pending.type, outcome.rejected)));
      continue;
    }
    const decided: readonly E[] = Array.isArray(outcome) ? outcome : [outcome as E];
    if (decided.length === 0) {
      settle.push(() => pending.reject(new EventRejectedError(pending.type, 'nothing to record')));
      continue;
    }
    const at = ctx.now().toISOString();
    const mine: Envelope[] = decided.map((e, i) => ({ seq: seq + i + 1, id: i === 0 && pending.id !== undefined ? pending.id : randomUUID(), type: e.type, at, data: e.data }));
    for (const event of mine) {
      state = ctx.evolve(state, event as EnvelopeOf<E>);
      events.push(event);
      states.push(state);
    }
    seq += mine.length;
    inBatch.set(mine[0]!.id, mine[0]!);
    settle.push((ok, err) => (ok ? pending.resolve(mine[0]!) : pending.reject(err)));
  }
  return {
    events,
    states,
    succeed: () => settle.forEach((s) => s(true)),
    fail: (err) => settle.forEach((s) => s(false, err)),
  };
}
