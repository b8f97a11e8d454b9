import 'server-only';
import { jsonAnswer, jsonErrorAnswer, type Answer } from '../http/answer';
import { bodyTooLarge, DEFAULT_MAX_BODY_BYTES, parseJsonObject } from '../http/json';
import { writeErrorAnswer } from '../http/write-error';
import { idempotencyEventId, logEntry, MAX_IDEMPOTENCY_KEY_LENGTH } from './commands';

/**
 * POST /api/media once the caller is authorized (Next's route: the token or the owner's session;
 * the edge: the token): the body (at most 64 KiB, counted as it streams in) as a JSON object, an
 * optional Idempotency-Key, the same validation and command as the admin form. 201 with the entry,
 * 400 naming the fields, 413, 422 for a key reused with another entry, 500/503 for a failed write.
 */
export async function postEntryAnswer(readBody: (maxBytes: number) => Promise<Buffer | undefined>, idempotencyKey: string | null | undefined): Promise<Answer> {
  const bytes = await readBody(DEFAULT_MAX_BODY_BYTES);
  if (!bytes) return jsonErrorAnswer(413, bodyTooLarge(DEFAULT_MAX_BODY_BYTES));
  const parsed = parseJsonObject(bytes.toString('utf8'));
  if (!parsed.ok) return jsonErrorAnswer(400, parsed.error);
  const key = idempotencyKey ?? undefined;
  if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
    return jsonErrorAnswer(400, `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, { 'Idempotency-Key': `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` });
  }
  try {
    const result = await logEntry(parsed.body, key === undefined ? undefined : idempotencyEventId(key));
    if (!result.ok) return jsonErrorAnswer(result.status ?? 400, result.error, result.fields);
    return jsonAnswer({ entry: result.value }, 201);
  } catch (err) {
    return writeErrorAnswer('The entry', err);
  }
}
