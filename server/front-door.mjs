// The front door: our own Node HTTP server with Next inside it (Next's documented custom server,
// `next({ dir, ... })` + `getRequestHandler()`, one process). Every request goes to the edge
// (lib/edge, built into .next/edge/server.mjs by server/build-edge.mjs), which stamps who is
// asking, answers the hot routes itself and hands the rest to Next. The server boots the stores
// itself before it listens; Next's copy of lib/ finds them booted (the process-wide registry).
// On SIGTERM or SIGINT it stops gracefully and within bounds (stopOnSignals).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLimitedServer, clientLimitsFromEnv } from './client-limits.mjs';

/** The edge module: built when missing, and at every start in development (lib/ may have changed). */
async function loadEdge(dir, dev) {
  const { buildEdge, EDGE_MODULE } = await import('./build-edge.mjs');
  const file = join(dir, EDGE_MODULE);
  if (dev || !existsSync(file)) await buildEdge(dir);
  return import(pathToFileURL(file).href);
}

/**
 * Boots the stores, starts Next (production unless `dev`) behind the edge and listens on `port`.
 * @param {{ dir: string, port: number, hostname?: string, dev?: boolean, limits?: ReturnType<typeof clientLimitsFromEnv> }} options
 */
export async function startFrontDoor({ dir, port, hostname, dev = false, limits = clientLimitsFromEnv() }) {
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  if (!dev) process.env.NODE_ENV ??= 'production';
  const edgeModule = await loadEdge(dir, dev);
  await edgeModule.bootServer();
  const { default: next } = await import('next');
  /** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
  let handle = () => {};
  const server = createLimitedServer((req, res) => handle(req, res), limits);
  const app = next({ dev, dir, hostname: hostname ?? 'localhost', port, httpServer: server });
  await app.prepare();
  const edge = edgeModule.createEdge({
    next: app.getRequestHandler(),
    // In development nothing is kept (a page edited shows at once) and every path is Next's.
    cache: dev ? new edgeModule.AnswerCache(0) : undefined,
    nextRoutes: dev ? undefined : edgeModule.nextRoutesOfBuild(dir),
    parity: process.env.SHELF_EDGE_PARITY === '1',
  });
  handle = edge.handle;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(undefined));
  });
  stopOnSignals(server, app, edgeModule);
  return { server, app, edge };
}

/**
 * SIGTERM or SIGINT: the listener closes (no new connections; requests under way go on), every
 * processor stops (no new side effect starts; those in flight get SHUTDOWN_GRACE_MS, default 10 s,
 * to finish and have their outcome recorded, so a restart does not send them again), Next closes,
 * and the process exits 0. It exits 1 if that has not happened 5 s after the grace, or at once on
 * a second signal.
 * @param {import('node:http').Server} server
 * @param {{ close(): Promise<void> }} app
 * @param {{ stopServer(): Promise<void>, shutdownGraceMs(): number }} edgeModule
 */
function stopOnSignals(server, app, edgeModule) {
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) {
      console.warn(`Shelf: ${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    const graceMs = edgeModule.shutdownGraceMs();
    setTimeout(() => {
      console.error(`Shelf: still stopping ${graceMs + 5_000} ms after ${signal}: exiting now`);
      process.exit(1);
    }, graceMs + 5_000).unref();
    console.info(`Shelf: ${signal}: stopping (side effects in flight get up to ${graceMs} ms to finish)`);
    server.close();
    await edgeModule.stopServer();
    await app.close().catch((err) => console.error(`Shelf: Next did not close cleanly: ${err instanceof Error ? err.message : err}`));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(signal));
}
