// Reading an import is CPU work on the one thread that also answers every other request: it is
// done in slices, handing the event loop back between them, so /healthz and the pages keep
// answering while a 400,000-row file is read (a worker would need its own bundle under Next).

/** Longest stretch of import work before other requests get their turn. */
export const SLICE_MS = 15;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A `pause()` to call often: it yields to the event loop once a slice's time is used up. */
export function slicer(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let started = performance.now();
  return () => {
    if (performance.now() - started < sliceMs) return undefined;
    return nextTurn().then(() => {
      started = performance.now();
    });
  };
}

/** `items.map(fn)` in slices. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, index: number) => R): Promise<R[]> {
  const pause = slicer();
  const out: R[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]!, i);
    // Checking the clock costs more than a cheap row: every 64 rows.
    if ((i & 63) === 63) await pause();
  }
  return out;
}
