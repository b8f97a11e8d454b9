// The front door: our own Node HTTP server in front of Next (Next's documented custom server,
// `next({ dir, ... })` + `getRequestHandler()`). It answers the hot routes itself, straight from
// the in-memory stores and the render cache (lib/front-door/routes.ts decides which), and hands
// every other request to Next unchanged. Next runs in this same process: its instrumentation
// boots the stores and installs the hot-route handler on globalThis, so the front door and Next's
// route modules share the same store instances.
import { createLimitedServer, clientLimitsFromEnv } from './client-limits.mjs';

const FRONT_DOOR_KEY = Symbol.for('shelf.front-door');

/** The hot-route handler lib/front-door/install.ts puts on globalThis (polled: it is set once). */
async function installedHandler() {
  const g = /** @type {any} */ (globalThis);
  while (!g[FRONT_DOOR_KEY]) await new Promise((resolve) => setTimeout(resolve, 10));
  return g[FRONT_DOOR_KEY];
}

/**
 * Starts Next (production unless `dev`) behind the front door and listens on `port`.
 * @param {{ dir: string, port: number, hostname?: string, dev?: boolean, limits?: ReturnType<typeof clientLimitsFromEnv> }} options
 */
export async function startFrontDoor({ dir, port, hostname, dev = false, limits = clientLimitsFromEnv() }) {
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  if (!dev) process.env.NODE_ENV ??= 'production';
  const { default: next } = await import('next');
  /** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean} */
  let handleHot = () => false;
  const server = createLimitedServer((req, res) => {
    if (handleHot(req, res)) return;
    nextHandler(req, res).catch((err) => {
      console.error(`front door: Next failed on ${req.method} ${req.url}:`, err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Internal server error' }));
    });
  }, limits);
  const app = next({ dev, dir, hostname: hostname ?? 'localhost', port, httpServer: server });
  const nextHandler = app.getRequestHandler();
  await app.prepare();
  if (!dev) {
    // prepare() starts instrumentation.ts but, in a custom server, returns before its register()
    // has finished: wait for the handler it installs once the stores are replayed.
    handleHot = (await installedHandler()).handle;
  }
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(undefined));
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server.close();
      app.close().finally(() => process.exit(0));
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
  return { server, app };
}
