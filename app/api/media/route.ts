import { authorizeApiRequest } from '@/lib/auth';
import { authorizeWrite } from '@/lib/auth/write-access';
import { parseApiQuery } from '@/lib/media/api-query';
import { entriesAnswer } from '@/lib/media/public-entries';
import { toResponse } from '@/lib/http/answer';
import { readCappedBytes } from '@/lib/http/capped-body';
import { postEntryAnswer } from '@/lib/media/post-entry';

export const dynamic = 'force-dynamic';

/**
 * Entries, newest first (lib/media/public-entries.ts, which the edge answers with too);
 * `?visibility=all` (with the API token) includes private entries, with every field.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = parseApiQuery(params);
  if (parsed.ok && parsed.query.visibility === 'all') {
    const denied = authorizeApiRequest(request);
    if (denied) return denied;
  }
  return toResponse(await entriesAnswer(params));
}

/**
 * Logs an entry (finished by default; `status` in-progress or abandoned too): the same validation
 * and command as the admin form (lib/media/post-entry.ts). Scripts authenticate with the API
 * token (the edge answers those itself, with the same function), the admin's offline queue
 * (/admin/log) with the owner's session.
 */
export async function POST(request: Request) {
  const denied = await authorizeWrite(request);
  if (denied) return denied;
  return toResponse(await postEntryAnswer((maxBytes) => readCappedBytes(request, maxBytes), request.headers.get('idempotency-key')));
}
