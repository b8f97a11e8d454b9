import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../lib/eventstore/testing/counter';
import { syntheticMediaLog } from '../lib/media/testing/synthetic-media-log';
import { createStore } from '../lib/eventstore';
import { createMediaStore } from '../lib/media/store';
import { orderbookStoreOptions } from '../lib/orderbook/store';

// The command as documented (`npm run verify-log -- <file>` runs exactly this).
function verify(file: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-log.ts', file], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A media log in a fresh directory, with its lines changed by `edit` (1-based line numbers). */
function mediaLog(edit: (lines: string[]) => void = () => {}, name = 'media.jsonl') {
  const lines = syntheticMediaLog(120, 9).text.split('\n').slice(0, -1);
  edit(lines);
  const dir = tempDir('shelf-verify-');
  const file = join(dir, name);
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
  return { file, lines };
}
const patch = (lines: string[], lineNo: number, change: (event: Record<string, any>) => void) => {
  const event = JSON.parse(lines[lineNo - 1]!);
  change(event);
  lines[lineNo - 1] = JSON.stringify(event);
};

describe('npm run verify-log', () => {
  it('passes a good log and prints its summary', () => {
    const { file, lines } = mediaLog();
    const result = verify(file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const first = JSON.parse(lines[0]!);
    const last = JSON.parse(lines.at(-1)!);
    const finishes = lines.filter((l) => JSON.parse(l).type === 'MediaFinished').length;
    expect(result.stdout).toContain(`${file}: OK`);
    expect(result.stdout).toContain('events: 120 (seq 1..120)');
    expect(result.stdout).toContain(`MediaFinished ${finishes}`);
    expect(result.stdout).toContain(`first:  ${first.at}`);
    expect(result.stdout).toContain(`last:   ${last.at}`);
    expect(result.stdout).toMatch(new RegExp(`state:  ${finishes} entries: \\d+ public, \\d+ private, \\d+ removed`));
  });

  it('passes an empty log', () => {
    const dir = tempDir('shelf-verify-');
    writeFileSync(join(dir, 'media.jsonl'), '');
    expect(verify(join(dir, 'media.jsonl'))).toMatchObject({ code: 0, stdout: expect.stringContaining('events: 0') });
  });

  const corruptions: [string, (lines: string[]) => void, number, RegExp][] = [
    ['a line that is not JSON', (l) => (l[40] = l[40]!.slice(0, -5)), 41, /not JSON/],
    ['a gap in seq', (l) => l.splice(29, 1), 30, /seq 31 where 30 was expected/],
    ['a repeated id', (l) => patch(l, 60, (e) => (e.id = JSON.parse(l[9]!).id)), 60, /repeats event 10/],
    ['data that fails its schema', (l) => patch(l, 1, (e) => (e.data.rating = 7)), 1, /MediaFinished fails its schema: data.rating/],
    ['an unknown event type', (l) => patch(l, 77, (e) => (e.type = 'MediaLiked')), 77, /fails its schema/],
    ['a missing timestamp', (l) => patch(l, 100, (e) => delete e.at), 100, /at is not a timestamp/],
  ];
  for (const [what, corrupt, line, reason] of corruptions) {
    it(`fails on ${what}, naming the line`, () => {
      const { file } = mediaLog(corrupt);
      const result = verify(file);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: `));
      expect(result.stderr).toMatch(reason);
      expect(result.stdout).toBe('');
    });
  }

  it('fails on a last line cut short by a crash', () => {
    const { file, lines } = mediaLog();
    writeFileSync(file, lines.map((l) => `${l}\n`).join('') + lines[0]!.slice(0, 20));
    expect(verify(file)).toMatchObject({ code: 1, stderr: expect.stringMatching(/:121: the last line has no newline/) });
  });

  it('refuses a file that is not a known store log, or no file at all', () => {
    const { file } = mediaLog(undefined, 'notes.jsonl');
    expect(verify(file)).toMatchObject({ code: 2, stderr: expect.stringContaining('notes.jsonl is not the log of a known store (media.jsonl, orderbook.jsonl, fediverse.jsonl, webmentions.jsonl)') });
    expect(verify('/nonexistent/media.jsonl')).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
  });

  // Events appended by hand that today's rules (decide) refuse: replay only evolves, so the log
  // still verifies, and the store still boots from it.
  const entry = { kind: 'book', title: 'Dune', finishedOn: '2026-11-01', visibility: 'public', announce: false };
  const envelope = (seq: number, type: string, data: object) => JSON.stringify({ seq, id: `hand-${seq}`, type, at: '2026-11-23T08:00:00.000Z', data }) + '\n';

  it('passes a media log with a second removal and an edit of a removed entry, and the store boots from it', async () => {
    const dir = tempDir('shelf-verify-');
    const file = join(dir, 'media.jsonl');
    writeFileSync(
      file,
      envelope(1, 'MediaFinished', { entryId: 'a', ...entry }) +
        envelope(2, 'MediaRemoved', { entryId: 'a' }) +
        envelope(3, 'MediaRemoved', { entryId: 'a' }) +
        envelope(4, 'MediaEdited', { entryId: 'a', changes: { title: { from: 'Stale', to: 'Dune Messiah' } } }) +
        envelope(5, 'MediaRestored', { entryId: 'never-logged' }),
    );
    const result = verify(file);
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('events: 5 (seq 1..5)') });
    expect(result.stdout).toContain('1 entries: 0 public, 0 private, 1 removed');
    const store = createMediaStore(dir, { warn: () => {} });
    await store.ready;
    expect(store.snapshot().entries.get('a')).toMatchObject({ removed: true, title: 'Dune Messiah' });
    await expect(store.dispatch({ type: 'MediaRemoved', data: { entryId: 'a' } })).rejects.toThrow(/is removed/);
    await store.close();
  });

  it('passes an orderbook log (with orders past the depth), and the store boots from it', async () => {
    const dir = tempDir('shelf-verify-');
    const file = join(dir, 'orderbook.jsonl');
    const bids = Array.from({ length: 5 }, (_, i) => envelope(i + 1, 'OrderPlaced', { user: i, side: 'buy', price: 100 - i }));
    writeFileSync(file, bids.join(''));
    writeFileSync(join(dir, 'orderbook.init.json'), JSON.stringify({ bids: [], asks: [], trades: [] }));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-log.ts', file], { encoding: 'utf8', env: { ...process.env, ORDERBOOK_DEPTH: '3' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('events: 5 (seq 1..5)');
    expect(run.stdout).toContain('3 bids (best 100), 0 asks (best -)');
    const store = createStore(orderbookStoreOptions({ dir, depth: 3, warn: () => {} }));
    await store.ready;
    expect(store.snapshot().bids.map((o) => o.price)).toEqual([100, 99, 98]);
    await store.close();
  });
});
