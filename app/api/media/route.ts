import { authorizeWrite } from '@/lib/auth/write-access';
import { idempotencyEventId, logFinished, MAX_IDEMPOTENCY_KEY_LENGTH } from '@/lib/media/commands';
import { publicEntriesAnswer } from '@/lib/media/public-entries';
import { toResponse } from '@/lib/http/answer';
import { json, jsonError, readJsonObject } from '@/lib/http/json';
import { writeErrorResponse } from '@/lib/http/write-error';

export const dynamic = 'force-dynamic';

/** Public entries, newest first (lib/media/public-entries.ts; the front door answers it with the same function). */
export async function GET(request: Request) {
  return toResponse(await publicEntriesAnswer(new URL(request.url).searchParams));
}

/**
 * Logs a finished item: the same validation and command as the admin form. Scripts authenticate
 * with the API token, the admin's offline queue (/admin/log) with the owner's session.
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
    const result = await logFinished(read.body, idempotencyKey === undefined ? undefined : idempotencyEventId(idempotencyKey));
    if (!result.ok) return jsonError(result.status ?? 400, result.error, result.fields);
    return json({ entry: result.value }, 201);
  } catch (err) {
    return writeErrorResponse('The entry', err);
  }
}

