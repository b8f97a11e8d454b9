// Starts the production build behind the front door (scripts/start.mjs, as `npm start`) on a free port in 3700-3799 with a fresh events directory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { START_ARGS } from '../scripts/start-args.mjs';

export const root = new URL('..', import.meta.url).pathname;
const nextBin = join(root, 'node_modules/next/dist/bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/** Builds when there is no build yet (or when asked to). */
export function ensureBuild(force = false) {
  if (!force && existsSync(join(root, '.next/BUILD_ID'))) return false;
  console.error('bench: building the production build (next build) ...');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  return true;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '0.0.0.0', () => srv.close(() => resolve(true)));
  });
}

async function freePort(from, to) {
  for (let port = from; port <= to; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${from}-${to}`);
}

export async function startServer({ portFrom = 3700, portTo = 3799, extraEnv = {} } = {}) {
  const port = await freePort(Number(process.env.BENCH_PORT || portFrom), portTo);
  const eventsDir = mkdtempSync(join(tmpdir(), 'shelf-bench-'));
  const adminToken = `bench-token-${Math.random().toString(36).slice(2)}`; // ADMIN_TOKEN needs >= 16 characters
  let output = '';
  const child = spawn(process.execPath, START_ARGS, {
    cwd: root,
    // The write routes are measured unthrottled: ORDERBOOK_RATE_LIMIT=0 and ORDERBOOK_GLOBAL_RATE_LIMIT=0 (the limits' own cost is what is compared).
    env: { ...env, PORT: String(port), EVENTS_DIR: eventsDir, ADMIN_TOKEN: adminToken, ADMIN_PASSWORD: adminToken, ORDERBOOK_RATE_LIMIT: env.ORDERBOOK_RATE_LIMIT ?? '0', ORDERBOOK_GLOBAL_RATE_LIMIT: env.ORDERBOOK_GLOBAL_RATE_LIMIT ?? '0', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer /healthz in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    eventsDir,
    adminToken,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(eventsDir, { recursive: true, force: true });
    },
  };
}

/** The bare Node hello world (bench/hello.mjs) on a free port in 3800-3899. */
export const startHello = () => startBare('bench/hello.mjs');

/** The same-bytes server (bench/same-bytes.mjs) answering with `answers`, on a free port in 3800-3899. */
export function startSameBytes(answers) {
  const file = join(mkdtempSync(join(tmpdir(), 'shelf-bench-same-')), 'answers.json');
  writeFileSync(file, JSON.stringify(answers));
  return startBare('bench/same-bytes.mjs', file);
}

async function startBare(script, ...args) {
  const port = await freePort(3800, 3899);
  const child = spawn(process.execPath, [join(root, script), String(port), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
