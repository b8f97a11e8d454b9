import type { RequestListener, Server } from 'node:http';

export interface ClientLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnectionsPerClient: number;
  maxConnections: number;
}
export function clientLimitsFromEnv(env?: Record<string, string | undefined>): ClientLimits;
export function createLimitedServer(handler: RequestListener, limits?: ClientLimits): Server;
