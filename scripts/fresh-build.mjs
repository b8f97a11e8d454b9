// Whether the production build in .next is the build of these sources, and building it when it is
// not: `npm start` after a `git pull` must not serve the old build.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What goes into the build: these directories (tests left out) and files, relative to the project. */
export const BUILD_INPUTS = {
  dirs: ['app', 'lib', 'public'],
  files: ['next.config.mjs', 'package.json', 'package-lock.json', 'instrumentation.ts', 'proxy.ts', 'tsconfig.json'],
};
const STAMP = join('.next', 'shelf-build.json');
const isTest = (name) => /\.test\.[cm]?[jt]sx?$/.test(name);

/** The commit checked out in `root`, or undefined (no git, or not a checkout). */
export function gitHead(root) {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The newest build input and its modification time (ms). */
function newestInput(root) {
  let newest = { file: undefined, mtimeMs: 0 };
  const consider = (path) => {
    const { mtimeMs } = statSync(path);
    if (mtimeMs > newest.mtimeMs) newest = { file: relative(root, path), mtimeMs };
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !isTest(entry.name)) consider(path);
    }
  };
  for (const dir of BUILD_INPUTS.dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const file of BUILD_INPUTS.files) if (existsSync(join(root, file))) consider(join(root, file));
  return newest;
}

/**
 * Why the build in `root/.next` cannot be served as it is (a sentence for the owner), or undefined
 * when it is the build of these sources: none yet; built from another commit; or a build input
 * changed after it (a `git pull` sets the mtime of every file it changes).
 */
export function staleBuildReason(root, head = gitHead(root)) {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'No production build yet';
  const stamp = join(root, STAMP);
  if (head && existsSync(stamp)) {
    const built = JSON.parse(readFileSync(stamp, 'utf8')).commit;
    if (built && built !== head) return `The commit changed since the last build (${built.slice(0, 7)} -> ${head.slice(0, 7)})`;
  }
  const newest = newestInput(root);
  if (newest.mtimeMs > statSync(buildId).mtimeMs) return `Sources changed since the last build (${newest.file} is newer than it)`;
  return undefined;
}

/** Notes which commit the build in .next was made from (after `next build`: npm's postbuild, and ensureFreshBuild). */
export function stampBuild(root, head = gitHead(root)) {
  writeFileSync(join(root, STAMP), `${JSON.stringify({ commit: head ?? null, builtAt: new Date().toISOString() })}\n`);
}

/**
 * Builds when the build is stale, saying why; one process at a time (several servers started at
 * once wait for the one that builds, then find the build fresh).
 * @param {{ root: string, build: () => void, log?: (line: string) => void, head?: string }} options
 * @returns {string | undefined} why it built, or undefined when the build was fresh
 */
export async function ensureFreshBuild({ root, build, log = console.log, head = gitHead(root) }) {
  if (staleBuildReason(root, head) === undefined) return undefined;
  const release = await buildLock(root);
  try {
    const reason = staleBuildReason(root, head);
    if (reason === undefined) return undefined;
    log(`${reason}: running next build first.`);
    build();
    stampBuild(root, head);
    return reason;
  } finally {
    release();
  }
}

/** An exclusive lock file beside .next; a lock left by a process that is gone is taken over. */
async function buildLock(root) {
  const file = join(root, '.next-build.lock');
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => unlinkSync(file);
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8')) || 0;
      if (holder && !alive(holder)) {
        unlinkSync(file);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}
