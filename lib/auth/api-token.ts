import 'server-only';
import { singleton } from '../eventstore/registry';
import type { HeaderReader } from '../http/edge-stamp';
import { jsonError } from '../http/json';
import { authDocument } from './auth-document';
import { clientKey } from './client-key';
import { LoginLimiter } from './rate-limit';
import { safeEqual } from './safe-equal';
import { TokenClients } from './token-clients';

/** Shorter tokens are refused at start: a token is only as strong as it is long. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/** Why ADMIN_TOKEN cannot be used (a message for the owner), or null when it is fine or unset. */
export function adminTokenProblem(token: string | undefined = process.env.ADMIN_TOKEN): string | null {
  if (!token) return null;
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    return `ADMIN_TOKEN is ${token.length} characters long; use at least ${MIN_ADMIN_TOKEN_LENGTH} (for example: openssl rand -base64 24)`;
  }
  if (/\s/.test(token)) return 'ADMIN_TOKEN must not contain spaces';
  return null;
}

/**
 * Wrong tokens per client (the edge's client key): 5 within 15 minutes lock that client out for 5
 * minutes, doubling; and 50 from everyone together lock out every client not known to hold the
 * token, so no number of addresses gets more guesses through. A client that presented the right
 * token before (token-clients.ts) is judged by its own record only: strangers cannot shut the
 * owner's scripts out.
 */
export const apiTokenLimiter = () => singleton('auth:api-token-limiter', () => new LoginLimiter());
export const apiTokenClients = () => singleton('auth:api-token-clients', () => new TokenClients(authDocument()));

/**
 * For route handlers that write: null when the request carries `Authorization: Bearer $ADMIN_TOKEN`,
 * else the Response to return (401 for a missing or wrong token, 429 for a client with too many
 * wrong ones, 503 when ADMIN_TOKEN is unset or too short, since then no token can be right).
 *
 *     const denied = authorizeApiRequest(request);
 *     if (denied) return denied;
 */
export function authorizeApiRequest(request: { headers: HeaderReader }, now = Date.now()): Response | null {
  const expected = process.env.ADMIN_TOKEN;
  if (!expected) return jsonError(503, 'API writes are disabled: ADMIN_TOKEN is not set');
  const problem = adminTokenProblem(expected);
  if (problem) return jsonError(503, `API writes are disabled: ${problem}`);
  const challenge = { 'www-authenticate': 'Bearer realm="shelf"' };
  const client = clientKey(request.headers);
  const limiter = apiTokenLimiter();
  const known = apiTokenClients().has(client) ? client : null;
  const decision = limiter.check(client, now, known);
  if (!decision.allowed) {
    const seconds = Math.max(1, Math.ceil((decision.retryAt - now) / 1000));
    return withHeaders(jsonError(429, `Too many wrong API tokens from this address: try again in ${seconds} s`), { 'retry-after': String(seconds) });
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) return withHeaders(jsonError(401, 'Missing API token: send "Authorization: Bearer <ADMIN_TOKEN>"'), challenge);
  if (!safeEqual(match[1]!, expected)) {
    limiter.recordFailure(client, now, known);
    return withHeaders(jsonError(401, 'Wrong API token'), challenge);
  }
  limiter.recordSuccess(client, known);
  void apiTokenClients().remember(client, now);
  return null;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
