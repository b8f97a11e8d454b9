import { createServer } from 'node:http';
import { addressKey } from '../lib/http/address-key.mjs';
import { parseTrustProxy } from '../lib/http/trust-proxy.mjs';

// Bounds on what slow or greedy clients can hold on the front door's HTTP server: a slowloris
// (many sockets sending headers a byte at a time) is cut off by the header and request timeouts,
// and cannot take more than its share of file descriptors meanwhile.
//
// Connections are counted before any header exists, so they are keyed by the socket's address
// (an IPv6 client by its /64, as every other limit keys clients). A trusted proxy's connections
// carry every client behind it, so they are not capped per address; those clients are bounded by
// the per-request limits, which key on the address the proxy forwards, and by the proxy's own.

/** @param {Record<string, string | undefined>} env @param {string} name @param {number} fallback */
function envNumber(env, name, fallback) {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number >= 0, got "${value}"`);
  return n;
}

/**
 * The limits from the environment (milliseconds and counts; 0 turns a connection cap off), and
 * which peers are trusted proxies (TRUST_PROXY, read as the edge reads it).
 * @param {Record<string, string | undefined>} env
 */
export function clientLimitsFromEnv(env = process.env) {
  const trust = parseTrustProxy(env.TRUST_PROXY);
  return {
    headersTimeoutMs: envNumber(env, 'SHELF_HEADERS_TIMEOUT_MS', 10_000),
    requestTimeoutMs: envNumber(env, 'SHELF_REQUEST_TIMEOUT_MS', 30_000),
    keepAliveTimeoutMs: envNumber(env, 'SHELF_KEEP_ALIVE_TIMEOUT_MS', 5_000),
    maxConnectionsPerClient: envNumber(env, 'SHELF_MAX_CONNECTIONS_PER_CLIENT', 256),
    maxConnections: envNumber(env, 'SHELF_MAX_CONNECTIONS', 4_096),
    /** @param {string} address */
    trustedPeer: (address) => trust(address, 0),
  };
}

/**
 * A node:http server with the limits. Timeouts are Node's own (checked every second rather than
 * every 30 s, Node's default, so a header timeout bites when it says). The per-client cap counts
 * open sockets by address key and destroys the ones past it at once, before they cost anything but
 * the accept. At the overall cap a new connection is not refused: the oldest socket that is waiting
 * for a request (headers not finished, or idle between keep-alive requests) is closed to make room,
 * so sockets that never finish their headers cannot keep everyone else out until they time out.
 * Only when every open socket is busy with a request is the newcomer closed.
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
  const trustedPeer = limits.trustedPeer ?? (() => false);
  /** @type {Map<import('node:net').Socket, string | undefined>} open sockets and their client key (undefined: a trusted proxy) */
  const open = new Map();
  /** @type {Map<string, number>} open sockets by client key */
  const perClient = new Map();
  /** @type {Set<import('node:net').Socket>} sockets waiting for a request, longest waiting first */
  const waiting = new Set();

  /** @param {import('node:net').Socket} socket */
  function forget(socket) {
    if (!open.has(socket)) return;
    const key = open.get(socket);
    open.delete(socket);
    waiting.delete(socket);
    if (key === undefined) return;
    const left = (perClient.get(key) ?? 1) - 1;
    if (left > 0) perClient.set(key, left);
    else perClient.delete(key);
  }

  server.on('connection', (socket) => {
    const peer = socket.remoteAddress ?? '';
    const key = trustedPeer(peer) ? undefined : addressKey(peer);
    if (key !== undefined && limits.maxConnectionsPerClient > 0 && (perClient.get(key) ?? 0) >= limits.maxConnectionsPerClient) {
      socket.destroy();
      return;
    }
    if (limits.maxConnections > 0 && open.size >= limits.maxConnections) {
      const oldest = waiting.values().next().value;
      if (oldest === undefined) {
        socket.destroy();
        return;
      }
      forget(oldest);
      oldest.destroy();
    }
    open.set(socket, key);
    if (key !== undefined) perClient.set(key, (perClient.get(key) ?? 0) + 1);
    waiting.add(socket);
    socket.once('close', () => forget(socket));
  });

  // Before the handler: it may answer at once.
  server.prependListener('request', (req, res) => {
    const socket = req.socket;
    waiting.delete(socket);
    // Answered: an idle keep-alive socket waits for its next request, at the back of the line.
    res.once('finish', () => {
      if (open.has(socket) && !socket.destroyed) waiting.add(socket);
    });
  });
  return server;
}
