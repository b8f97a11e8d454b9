/**
 * Process-wide state. Next may evaluate a module up to three times in one process
 * (instrumentation, route handlers, pages and actions), so everything shared hangs off
 * globalThis under one key: module-level variables would give each copy its own store.
 */
const KEY = Symbol.for('shelf.eventstore');

interface Registry {
  /** Memoized singletons by key: stores, consumers, anything created once per process. */
  singletons: Map<string, unknown>;
  /** Directory locks this process holds, with how many stores use each. */
  locks: Map<string, { count: number; release: () => void }>;
}

export function registry(): Registry {
  const g = globalThis as typeof globalThis & { [KEY]?: Registry };
  return (g[KEY] ??= { singletons: new Map(), locks: new Map() });
}

/** Returns the process-wide value for `key`, creating it on first use. */
export function singleton<T>(key: string, create: () => T): T {
  const { singletons } = registry();
  if (!singletons.has(key)) singletons.set(key, create());
  return singletons.get(key) as T;
}

/** Forgets a singleton (tests, and a store that failed to boot so that a retry can happen). */
export function forgetSingleton(key: string): void {
  registry().singletons.delete(key);
}
