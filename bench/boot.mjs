// Boot benchmark: replay time and resident memory of the orderbook store on logs of n events,
// each boot in a fresh child process (bench/boot-child.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOrderbookLog } from './orderbook-log.mjs';
import { root } from './server.mjs';

function bootChild(dir) {
  const out = execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/boot-child.ts', dir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

/** For each size: a first boot (a full replay, which writes the snapshot), then a second one (from the snapshot). */
export function bootBench(sizes) {
  const rows = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-boot-'));
    try {
      writeOrderbookLog(dir, n);
      const bytesPerEvent = statSync(join(dir, 'orderbook.jsonl')).size / n;
      let first;
      try {
        first = bootChild(dir);
      } catch (err) {
        rows.push({ n, bytesPerEvent, store: 'orderbook', error: String(err.stderr || err.message).trim().split('\n')[0] });
        continue;
      }
      const second = bootChild(dir);
      rows.push({ n, bytesPerEvent, ...first, boot: 'first (full replay)' });
      rows.push({ n, bytesPerEvent, ...second, boot: second.snapshots === 'off' ? 'second (no snapshots)' : 'second (from snapshot)' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
