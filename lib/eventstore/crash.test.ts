// Kills a writing process with SIGKILL at random moments and checks that every acknowledged
// event survived, seq is contiguous and no partial line remains.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCounter, tempDir } from './testing/counter';

const writer = join(import.meta.dirname, 'testing', 'crash-writer.ts');

/** Runs the writer until it has acknowledged at least `minAcks` events plus a random delay, then SIGKILLs it. */
function runAndKill(dir: string, minAcks: number, extraMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let buffered = '';
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const l of lines) if (/^\d+$/.test(l)) acked.push(Number(l));
      if (!armed && acked.length >= minAcks) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged event across SIGKILLs at random moments', { timeout: 120_000 }, async () => {
    const dir = tempDir('shelf-crash-');
    const file = join(dir, 'counter.jsonl');
    let acknowledged = 0;
    for (let round = 0; round < 5; round++) {
      const acked = await runAndKill(dir, 20 + Math.floor(Math.random() * 200), Math.floor(Math.random() * 40));
      acknowledged = Math.max(acknowledged, ...acked);

      const store = openCounter(dir);
      await store.ready; // repairs a torn tail, if any
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines.pop()).toBe(''); // ends with a newline: no partial line remains
      const seqs = lines.map((l) => JSON.parse(l).seq as number);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(store.version()).toBeGreaterThanOrEqual(acknowledged);
      await store.close();
    }
  });
});
