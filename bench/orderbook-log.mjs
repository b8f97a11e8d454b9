// Writes an orderbook log of n valid envelopes (seq, id, type, at, data) straight to disk, as the
// server would have written them, for the boot benchmark.
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A deterministic pseudo-random sequence, so runs replay the same book. */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the file's size in bytes. Prices random-walk around 10,000 so that some orders trade. */
export function writeOrderbookLog(dir, n, { seed = 42 } = {}) {
  const random = mulberry32(seed);
  const file = join(dir, 'orderbook.jsonl');
  const fd = openSync(file, 'w');
  const start = Date.parse('2026-11-23T08:00:00.000Z');
  let bytes = 0;
  let chunk = '';
  let mid = 10_000;
  try {
    for (let seq = 1; seq <= n; seq++) {
      mid = Math.max(100, mid + Math.round((random() - 0.5) * 4));
      const side = random() < 0.5 ? 'buy' : 'sell';
      const price = side === 'buy' ? mid - 1 - Math.floor(random() * 50) + (random() < 0.1 ? 60 : 0) : mid + 1 + Math.floor(random() * 50) - (random() < 0.1 ? 60 : 0);
      const event = { seq, id: randomUUID(), type: 'OrderPlaced', at: new Date(start + seq * 10).toISOString(), data: { user: Math.floor(random() * 1000), side, price } };
      chunk += JSON.stringify(event) + '\n';
      if (chunk.length > 1 << 20) {
        bytes += writeSync(fd, chunk);
        chunk = '';
      }
    }
    if (chunk) bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
