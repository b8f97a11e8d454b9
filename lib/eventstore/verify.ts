// Offline check of a log file, with the same parsing and checks as a boot (evolve only: the rules
// of `decide` apply to new dispatches, never to what is recorded), but read-only: a torn
// last line is reported rather than repaired, and no lock is taken (the server may be running).
import { parseEnvelope, type EnvelopeCodec } from './envelope';
import { scanLines } from './log-lines';
import type { DomainEvent, EnvelopeOf, Evolve } from './types';

export interface VerifyOptions<S, E extends DomainEvent> extends EnvelopeCodec<E> {
  evolve: Evolve<S, E>;
  initialState: S;
}

export interface LogSummary<S> {
  events: number;
  /** How many events of each type, in order of first appearance. */
  types: Record<string, number>;
  firstAt?: string;
  lastAt?: string;
  state: S;
}

export type VerifyResult<S> = ({ ok: true } & LogSummary<S>) | { ok: false; line: number; reason: string; events: number };

export function verifyLog<S, E extends DomainEvent>(file: string, options: VerifyOptions<S, E>): VerifyResult<S> {
  let state = options.initialState;
  let seq = 0;
  const ids = new Map<string, number>();
  const types: Record<string, number> = {};
  let firstAt: string | undefined;
  let lastAt: string | undefined;
  const fail = (line: number, reason: string): VerifyResult<S> => ({ ok: false, line, reason, events: seq });

  for (const line of scanLines(file)) {
    if (!line.terminated) return fail(line.lineNo, 'the last line has no newline: a write cut short (Shelf cuts it off at its next start)');
    const parsed = parseEnvelope(line.text, options);
    if (!parsed.ok) return fail(line.lineNo, parsed.reason);
    const event = parsed.event;
    if (event.seq !== seq + 1) return fail(line.lineNo, `seq ${event.seq} where ${seq + 1} was expected`);
    const earlier = ids.get(event.id);
    if (earlier !== undefined) return fail(line.lineNo, `id ${event.id} repeats event ${earlier}`);
    try {
      state = options.evolve(state, event as EnvelopeOf<E>);
    } catch (err) {
      return fail(line.lineNo, `evolve threw (a bug: evolve must be total): ${(err as Error).message}`);
    }
    seq = event.seq;
    ids.set(event.id, seq);
    types[event.type] = (types[event.type] ?? 0) + 1;
    firstAt ??= event.at;
    lastAt = event.at;
  }
  return { ok: true, events: seq, types, firstAt, lastAt, state };
}
