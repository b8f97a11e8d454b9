import { authorizeOwnerRequest } from '@/lib/auth/owner-request';
import { clientKey } from '@/lib/auth/client-key';
import { json, jsonError } from '@/lib/http/json';
import { takeLookupSlot } from '@/lib/lookup/client-limit';
import { lookup, LookupError } from '@/lib/lookup/lookup';
import { isKind, KINDS } from '@/lib/media/kinds';

export const dynamic = 'force-dynamic';

const MAX_QUERY_LENGTH = 200;

/** `GET /api/lookup?kind=<kind>&q=<text>`: `{ results: [{ title, creator, year, coverUrl, url, source }] }`. */
export async function GET(request: Request) {
  const denied = await authorizeOwnerRequest(request);
  if (denied) return denied;
  const params = new URL(request.url).searchParams;
  const kind = params.get('kind');
  const q = (params.get('q') ?? '').trim();
  if (!isKind(kind)) return jsonError(400, `kind must be one of: ${KINDS.join(', ')}`, { kind: `must be one of: ${KINDS.join(', ')}` });
  if (q.length < 2 || q.length > MAX_QUERY_LENGTH) {
    return jsonError(400, `q must be 2 to ${MAX_QUERY_LENGTH} characters`, { q: `must be 2 to ${MAX_QUERY_LENGTH} characters` });
  }
  const slot = takeLookupSlot(clientKey(request.headers));
  if (!slot.ok) {
    const seconds = Math.ceil(slot.retryInMs / 1000);
    return json({ error: `Too many lookups: try again in ${seconds} s` }, 429, { 'retry-after': String(seconds) });
  }
  try {
    return json(await lookup(kind, q));
  } catch (err) {
    if (!(err instanceof LookupError)) throw err;
    return json({ error: err.message }, err.status, err.retryAfterSeconds ? { 'retry-after': String(err.retryAfterSeconds) } : {});
  }
}
