import { createServer } from 'node:http';

// Bounds on what slow or greedy clients can hold on the front door's HTTP server: a slowloris
// (many sockets sending headers a byte at a time) is cut off by the header and request timeouts,
// and cannot take more than its share of file descriptors meanwhile.

/** @param {Record<string, string | undefined>} env @param {string} name @param {number} fallback */
function envNumber(env, name, fallback) {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number >= 0, got "${value}"`);
  return n;
}

/**
 * The limits from the environment (milliseconds and counts; 0 turns a connection cap off).
 * @param {Record<string, string | undefined>} env
 */
export function clientLimitsFromEnv(env = process.env) {
  return {
    headersTimeoutMs: envNumber(env, 'SHELF_HEADERS_TIMEOUT_MS', 10_000),
    requestTimeoutMs: envNumber(env, 'SHELF_REQUEST_TIMEOUT_MS', 30_000),
    keepAliveTimeoutMs: envNumber(env, 'SHELF_KEEP_ALIVE_TIMEOUT_MS', 5_000),
    maxConnectionsPerClient: envNumber(env, 'SHELF_MAX_CONNECTIONS_PER_CLIENT', 256),
    maxConnections: envNumber(env, 'SHELF_MAX_CONNECTIONS', 4_096),
  };
}

/**
 * A node:http server with the limits. Timeouts are Node's own (checked every second rather than
 * every 30 s, Node's default, so a header timeout bites when it says); the per-address cap counts
 * open sockets by remote address and destroys the ones past it at once, before they cost anything
 * but the accept. Behind a reverse proxy every connection comes from the proxy: raise the cap.
 * @param {import('node:http').RequestListener} handler
 * @param {ReturnType<typeof clientLimitsFromEnv>} limits
 */
export function createLimitedServer(handler, limits = clientLimitsFromEnv()) {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs || 1_000),
    },
    handler,
  );
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
  /** @type {Map<string, number>} open sockets by remote address */
  const open = new Map();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (limits.maxConnectionsPerClient > 0 && count > limits.maxConnectionsPerClient) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return server;
}
