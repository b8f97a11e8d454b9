import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../lib/eventstore/testing/counter';
import { ensureFreshBuild, staleBuildReason } from './fresh-build.mjs';

// `npm start` rebuilds when the build is not the build of these sources.
const HEAD = 'a'.repeat(40);
const NEXT = 'b'.repeat(40);

/** A project with a source file and, optionally, a build made at `builtAt` (seconds) from `commit`. */
function project({ builtAt, commit }: { builtAt?: number; commit?: string } = {}) {
  const root = tempDir();
  mkdirSync(join(root, 'lib'), { recursive: true });
  writeFileSync(join(root, 'lib', 'page.ts'), 'export {};\n');
  utimesSync(join(root, 'lib', 'page.ts'), 1000, 1000);
  if (builtAt !== undefined) built(root, builtAt, commit);
  return root;
}

/** What `next build` and its stamp leave behind. */
function built(root: string, at: number, commit?: string) {
  mkdirSync(join(root, '.next'), { recursive: true });
  writeFileSync(join(root, '.next', 'BUILD_ID'), 'x');
  utimesSync(join(root, '.next', 'BUILD_ID'), at, at);
  if (commit) writeFileSync(join(root, '.next', 'shelf-build.json'), JSON.stringify({ commit }));
}

function touch(root: string, file: string, at: number) {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), 'changed\n');
  utimesSync(join(root, file), at, at);
}

describe('the production build', () => {
  it('is stale when there is none', () => {
    expect(staleBuildReason(project(), HEAD)).toBe('No production build yet');
  });

  it('is fresh when made after every source, at this commit', () => {
    expect(staleBuildReason(project({ builtAt: 2000, commit: HEAD }), HEAD)).toBeUndefined();
  });

  it('is stale when a source is newer than it (what a git pull leaves), naming the file', () => {
    const root = project({ builtAt: 2000, commit: HEAD });
    touch(root, 'app/about/page.tsx', 3000);
    expect(staleBuildReason(root, HEAD)).toBe('Sources changed since the last build (app/about/page.tsx is newer than it)');
  });

  it('is not stale for a test file, which is not part of the build', () => {
    const root = project({ builtAt: 2000, commit: HEAD });
    touch(root, 'lib/page.test.ts', 3000);
    expect(staleBuildReason(root, HEAD)).toBeUndefined();
  });

  it('is stale when the commit changed, even with older files', () => {
    expect(staleBuildReason(project({ builtAt: 2000, commit: HEAD }), NEXT)).toBe('The commit changed since the last build (aaaaaaa -> bbbbbbb)');
  });

  it('npm start builds when it is stale, saying why, and stamps the commit; not when it is fresh', async () => {
    const root = project({ builtAt: 2000, commit: HEAD });
    touch(root, 'package-lock.json', 3000);
    const lines: string[] = [];
    let builds = 0;
    const build = () => {
      builds++;
      built(root, 4000);
    };
    expect(await ensureFreshBuild({ root, build, log: (line) => lines.push(line), head: NEXT })).toMatch(/^The commit changed/);
    expect(lines).toEqual(['The commit changed since the last build (aaaaaaa -> bbbbbbb): running next build first.']);
    expect(builds).toBe(1);
    expect(await ensureFreshBuild({ root, build, log: (line) => lines.push(line), head: NEXT })).toBeUndefined();
    expect(builds).toBe(1);
  });
});
