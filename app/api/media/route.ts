import { authorizeApiRequest } from '@/lib/auth';
import { authorizeWrite } from '@/lib/auth/write-access';
import { idempotencyEventId, logEntry, MAX_IDEMPOTENCY_KEY_LENGTH } from '@/lib/media/commands';
import { parseApiQuery } from '@/lib/media/api-query';
import { entriesAnswer } from '@/lib/media/public-entries';
import { toResponse } from '@/lib/http/answer';
import { json, jsonError, readJsonObject } from '@/lib/http/json';
import { writeErrorResponse } from '@/lib/http/write-error';

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
 * and command as the admin form. Scripts authenticate with the API token, the admin's offline
 * queue (/admin/log) with the owner's session.
 */
export async function POST(request: Request) {
  const denied = await authorizeWrite(request);
  if (denied) return denied;
  const read = await readJsonObject(request);
  if (!read.ok) return read.response;
  const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;
  if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    return jsonError(400, `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, { 'Idempotency-Key': `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` });
  }
  try {
    const result = await logEntry(read.body, idempotencyKey === undefined ? undefined : idempotencyEventId(idempotencyKey));
    if (!result.ok) return jsonError(result.status ?? 400, result.error, result.fields);
    return json({ entry: result.value }, 201);
  } catch (err) {
    return writeErrorResponse('The entry', err);
  }
}
