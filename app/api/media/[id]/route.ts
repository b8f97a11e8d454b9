import { authorizeApiRequest } from '@/lib/auth';
import { patchEntry, removeEntry } from '@/lib/media/commands';
import { visibleEntry } from '@/lib/media/public-entry';
import { publicEntry } from '@/lib/media/selectors';
import { readyMediaStore } from '@/lib/media/store';
import { json, jsonError, readJsonObject } from '@/lib/http/json';
import { writeErrorResponse } from '@/lib/http/write-error';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const notFound = (id: string) => jsonError(404, `No entry ${JSON.stringify(id.slice(0, 128))}`);

/**
 * One entry. Anyone: a public, not removed entry (its public fields). With the API token: any
 * entry, private or removed, with every field. Anything else is a 404 (a private id is not confirmed).
 */
export async function GET(request: Request, { params }: Context) {
  const { id } = await params;
  const state = (await readyMediaStore()).snapshot();
  if (request.headers.has('authorization')) {
    const denied = authorizeApiRequest(request);
    if (denied) return denied;
    const entry = state.entries.get(id);
    return entry ? json({ entry }) : notFound(id);
  }
  const entry = visibleEntry(state, id);
  return entry ? json({ entry: publicEntry(entry) }) : notFound(id);
}

/**
 * A partial edit: only the fields given, validated with the entry as a whole (the same rules and
 * field errors as POST); only what changed is recorded. `null` clears an optional field.
 */
export async function PATCH(request: Request, { params }: Context) {
  const denied = authorizeApiRequest(request);
  if (denied) return denied;
  const { id } = await params;
  const read = await readJsonObject(request);
  if (!read.ok) return read.response;
  const entry = (await readyMediaStore()).snapshot().entries.get(id);
  if (!entry || entry.removed) return notFound(id);
  try {
    const result = await patchEntry(id, read.body);
    if (!result.ok) return jsonError(Object.keys(result.fields).length > 0 ? 400 : 409, result.error, result.fields);
    return json({ entry: result.value });
  } catch (err) {
    return writeErrorResponse('The change', err);
  }
}

/** Removes an entry: a soft delete, restorable in the admin (or by undoing it in the history). */
export async function DELETE(request: Request, { params }: Context) {
  const denied = authorizeApiRequest(request);
  if (denied) return denied;
  const { id } = await params;
  const entry = (await readyMediaStore()).snapshot().entries.get(id);
  if (!entry || entry.removed) return notFound(id);
  try {
    const result = await removeEntry(id);
    if (!result.ok) return jsonError(409, result.error);
    return json({ entry: result.value });
  } catch (err) {
    return writeErrorResponse('The removal', err);
  }
}
