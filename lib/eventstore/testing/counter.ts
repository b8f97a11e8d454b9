// A tiny domain for the kernel's tests: a running total and the list of values added.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createStore } from '../store';
import type { EnvelopeOf, StoreOptions } from '../types';

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

/** Rejects a total above 1000, so tests can make the reducer throw. */
export function counterReducer(state: CounterState, event: EnvelopeOf<CounterEvent>): CounterState {
  switch (event.type) {
    case 'Added': {
      const total = state.total + event.data.n;
      if (total > 1000) throw new Error(`total would be ${total}, over 1000`);
      return { total, values: [...state.values, event.data.n] };
    }
    case 'Reset':
      return initialCounter;
  }
}

export function counterOptions(dir: string, extra: Partial<StoreOptions<CounterState, CounterEvent>> = {}) {
  return {
    name: 'counter',
    dir,
    initialState: initialCounter,
    reducer: counterReducer,
    schema: counterSchema,
    warn: () => {},
    ...extra,
  } satisfies StoreOptions<CounterState, CounterEvent>;
}

export const openCounter = (dir: string, extra?: Partial<StoreOptions<CounterState, CounterEvent>>) =>
  createStore(counterOptions(dir, extra));

export const tempDir = (prefix = 'shelf-test-') => mkdtempSync(join(tmpdir(), prefix));
