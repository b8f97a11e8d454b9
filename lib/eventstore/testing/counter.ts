// A tiny domain for the kernel's tests: a running total and the list of values added.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createStore } from '../store';
import { defineStore } from '../define-store';
import { reject, type EnvelopeOf, type Rejection, type StoreOptions } from '../types';

export const counterSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Added'), data: z.object({ n: z.number().int() }) }),
  z.object({ type: z.literal('Reset'), data: z.object({}) }),
]);
export type CounterEvent = z.infer<typeof counterSchema>;
export interface CounterState {
  total: number;
  values: readonly number[];
}

export const initialCounter: CounterState = { total: 0, values: [] };

/** Total: whatever the log holds, it folds. */
export function evolveCounter(state: CounterState, event: EnvelopeOf<CounterEvent>): CounterState {
  switch (event.type) {
    case 'Added':
      return { total: state.total + event.data.n, values: [...state.values, event.data.n] };
    case 'Reset':
      return initialCounter;
  }
}

/** The rule: a total above 1000 is refused on dispatch (so tests can see a rejection). */
export function decideCounter(input: CounterEvent, state: CounterState): CounterEvent | Rejection {
  if (input.type !== 'Added') return input;
  const total = state.total + input.data.n;
  return total > 1000 ? reject(`total would be ${total}, over 1000`) : input;
}

export function counterOptions(dir: string, extra: Partial<StoreOptions<CounterState, CounterEvent>> = {}): StoreOptions<CounterState, CounterEvent> {
  return {
    name: 'counter',
    dir,
    initialState: initialCounter,
    evolve: evolveCounter,
    decide: decideCounter,
    schema: counterSchema,
    warn: () => {},
    ...extra,
  };
}

export const openCounter = (dir: string, extra?: Partial<StoreOptions<CounterState, CounterEvent>>) =>
  createStore(counterOptions(dir, extra));

export const tempDir = (prefix = 'shelf-test-') => mkdtempSync(join(tmpdir(), prefix));

/** The counter as a store definition named `name` (tests of what reads the list of stores). */
export const counterDefinition = (name: string) =>
  defineStore<CounterState, CounterEvent>({
    name,
    label: 'Counter',
    title: 'the counter',
    schema: counterSchema,
    eventTypes: ['Added', 'Reset'],
    rules: () => ({ initialState: initialCounter, evolve: evolveCounter, decide: decideCounter }),
    summarize: (state) => [`total ${state.total}`],
    describe: (event) => ({ text: event.type }),
  });
