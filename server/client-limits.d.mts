import type { RequestListener, Server } from 'node:http';

export interface ClientLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnectionsPerClient: number;
  maxConnections: number;
  /** Whether a socket's peer is a trusted proxy (TRUST_PROXY): its connections are not capped per address. */
  trustedPeer?: (address: string) => boolean;
}
export function clientLimitsFromEnv(env?: Record<string, string | undefined>): ClientLimits & { trustedPeer: (address: string) => boolean };
export function createLimitedServer(handler: RequestListener, limits?: ClientLimits): Server;
