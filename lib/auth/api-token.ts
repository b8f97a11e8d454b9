import 'server-only';
import { safeEqual } from './safe-equal';

const jsonError = (status: number, error: string, extra: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers: { 'cache-control': 'no-store', ...extra } });

/**
 * For route handlers that write: null when the request carries `Authorization: Bearer $ADMIN_TOKEN`,
 * else the Response to return (401 for a missing or wrong token, 503 when ADMIN_TOKEN is unset,
 * since then no token can be right).
 *
 *     const denied = authorizeApiRequest(request);
 *     if (denied) return denied;
 */
export function authorizeApiRequest(request: Request): Response | null {
  const expected = process.env.ADMIN_TOKEN;
  if (!expected) return jsonError(503, 'API writes are disabled: ADMIN_TOKEN is not set');
  const challenge = { 'www-authenticate': 'Bearer realm="shelf"' };
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) return jsonError(401, 'Missing API token: send "Authorization: Bearer <ADMIN_TOKEN>"', challenge);
  if (!safeEqual(match[1]!, expected)) return jsonError(401, 'Wrong API token', challenge);
  return null;
}
