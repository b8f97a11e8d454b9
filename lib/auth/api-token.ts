import 'server-only';
import { singleton } from '../eventstore/registry';
import { jsonError } from '../http/json';
import { clientKey } from './client-key';
import { LoginLimiter } from './rate-limit';
import { safeEqual } from './safe-equal';

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
 * Wrong tokens per client (the last X-Forwarded-For entry): 5 within 15 minutes lock that client
 * out for 5 minutes, doubling. No all-clients limit: a token of 16+ characters cannot be guessed
 * anyway, and a shared limit would let anyone shut the owner's own scripts out.
 */
export const apiTokenLimiter = () => singleton('auth:api-token-limiter', () => new LoginLimiter({ global: null }));

/**
 * For route handlers that write: null when the request carries `Authorization: Bearer $ADMIN_TOKEN`,
 * else the Response to return (401 for a missing or wrong token, 429 for a client with too many
 * wrong ones, 503 when ADMIN_TOKEN is unset or too short, since then no token can be right).
 *
 *     const denied = authorizeApiRequest(request);
 *     if (denied) return denied;
 */
export function authorizeApiRequest(request: Request, now = Date.now()): Response | null {
  const expected = process.env.ADMIN_TOKEN;
  if (!expected) return jsonError(503, 'API writes are disabled: ADMIN_TOKEN is not set');
  const problem = adminTokenProblem(expected);
  if (problem) return jsonError(503, `API writes are disabled: ${problem}`);
  const challenge = { 'www-authenticate': 'Bearer realm="shelf"' };
  const client = clientKey(request.headers);
  const limiter = apiTokenLimiter();
  const decision = limiter.check(client, now);
  if (!decision.allowed) {
    const seconds = Math.max(1, Math.ceil((decision.retryAt - now) / 1000));
    return withHeaders(jsonError(429, `Too many wrong API tokens from this address: try again in ${seconds} s`), { 'retry-after': String(seconds) });
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) return withHeaders(jsonError(401, 'Missing API token: send "Authorization: Bearer <ADMIN_TOKEN>"'), challenge);
  if (!safeEqual(match[1]!, expected)) {
    limiter.recordFailure(client, now);
    return withHeaders(jsonError(401, 'Wrong API token'), challenge);
  }
  limiter.recordSuccess(client);
  return null;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
