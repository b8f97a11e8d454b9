// Boot benchmark: replay time and resident memory of the orderbook store on logs of n events,
// each boot in a fresh child process (bench/boot-child.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOrderbookLog } from './orderbook-log.mjs';
import { root } from './server.mjs';

function bootChild(dir, which) {
  const out = execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/boot-child.ts', dir, which], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

/** For each size: the real orderbook store if this tree has one, else the stand-in; a first boot, then a second one. */
export function bootBench(sizes) {
  const rows = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-boot-'));
    try {
      const bytes = writeOrderbookLog(dir, n);
      const log = statSync(join(dir, 'orderbook.jsonl')).size;
      let which = 'real';
      let first;
      try {
        first = bootChild(dir, 'real');
      } catch (err) {
        rows.push({ n, bytesPerEvent: log / n, store: 'orderbook', error: String(err.stderr || err.message).trim().split('\n')[0] });
        continue;
      }
      if (first.store === 'orderbook not present') {
        rows.push({ n, bytesPerEvent: log / n, store: 'orderbook not present (lib/orderbook is not in this tree)' });
        which = 'standin';
        first = bootChild(dir, which);
      }
      const second = bootChild(dir, which);
      rows.push({ n, bytesPerEvent: bytes / n, ...first, boot: 'first (full replay)' });
      rows.push({ n, bytesPerEvent: bytes / n, ...second, boot: second.snapshots === 'off' ? 'second (no snapshots)' : 'second (from snapshot)' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
