import 'server-only';
// The one command path of the media log: the admin form's actions and the JSON API both call these.
import { createHash, randomUUID } from 'node:crypto';
import { EventRejectedError, isStoreUnavailable, MAX_ID_LENGTH } from '../eventstore';
import { entryInputSchema, FIELD_NAMES, fieldErrors, fixSummary, type EntryRecord } from './fields';
import type { EntryChanges } from './events';
import type { ImportSource } from './import-sources';
import type { LoggedBy } from './logged-by';
import { sameValue, type Entry } from './projection';
import { abandonRejection, finishRejection, progressRejection, restartRejection, withStatus } from './rules';
import { readyMediaStore } from './store';
import { ownerToday } from './today';
import { compensatingEvent, isEntryChange, undoEventId } from './undo';

export type CommandResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: string; fields: Record<string, string>; /** HTTP status when not 400. */ status?: 422 | 503 };

/** Idempotency-Key values the API accepts (its documented range). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;

/**
 * The event id for an API Idempotency-Key. Event ids hold at most 128 characters, so a key that
 * would not fit behind the `api:` prefix is hashed (SHA-256); shorter keys keep the plain form
 * they have always had, so retries of requests logged before still find their entry.
 */
export function idempotencyEventId(key: string): string {
  return derivedEventId('api', key);
}

/**
 * The event id of an imported entry: `import:<entry id>`, so importing it again finds it. An entry
 * id too long for that (over 121 characters, which a Shelf backup may hold: entry ids go to 128)
 * is hashed the same way.
 */
export function importEventId(entryId: string): string {
  return derivedEventId('import', entryId);
}

/** `<prefix>:<value>`, or `<prefix>:sha256:<hash>` when that would be longer than an event id may be. */
function derivedEventId(prefix: string, value: string): string {
  const plain = `${prefix}:${value}`;
  return plain.length <= MAX_ID_LENGTH ? plain : `${prefix}:sha256:${createHash('sha256').update(value).digest('base64url')}`;
}

const invalid = (fields: Record<string, string>): CommandResult<never> => ({
  ok: false,
  error: fixSummary(fields),
  fields,
});

/** The input schema for today, built once a day: building a zod schema costs far more than using one (an import checks thousands of rows). */
let inputSchema: { today: string; schema: ReturnType<typeof entryInputSchema> } | undefined;
const inputSchemaFor = (today: string) => (inputSchema?.today === today ? inputSchema : (inputSchema = { today, schema: entryInputSchema(today) })).schema;

/** Validates a new entry (form values or JSON) against the shared schema. */
export function parseEntry(raw: unknown, today = ownerToday()): { ok: true; fields: EntryRecord } | { ok: false; fields: Record<string, string> } {
  const parsed = inputSchemaFor(today).safeParse(raw);
  return parsed.success ? { ok: true, fields: parsed.data } : { ok: false, fields: fieldErrors(parsed.error) };
}

/**
/**
 * Logs an entry: finished (the default) as MediaFinished, in progress or abandoned as MediaStarted.
 * `eventId` (see idempotencyEventId) makes a retried request return the first one's entry; reused
 * for a different entry it is refused (422) and nothing is written.
 */
export async function logEntry(raw: unknown, eventId?: string): Promise<CommandResult<Entry>> {
  const parsed = parseEntry(raw);
  if (!parsed.ok) return invalid(parsed.fields);
  const store = await readyMediaStore();
  const event = await store.dispatch(startOrFinish(randomUUID(), parsed.fields, {}, eventId));
  if (eventId !== undefined && !sameEntry(event, parsed.fields, raw)) {
    return {
      ok: false,
      status: 422,
      error: 'This Idempotency-Key was already used for a different entry: send a new key for a new entry, or the same body to retry',
      fields: {},
    };
  }
  return { ok: true, value: store.snapshot().entries.get(event.data.entryId)! };
}

/** Where a new entry came from, recorded on its event (both optional: the form and the API set neither). */
type Origin = { importedFrom?: ImportSource; loggedBy?: LoggedBy };

/** The event that logs a validated entry: MediaFinished when finished, else MediaStarted (in progress or abandoned). */
function startOrFinish(entryId: string, record: EntryRecord, origin: Origin, id?: string) {
  const { status, finishedOn, progress, ...fields } = record;
  return status === 'finished'
    ? ({ type: 'MediaFinished', data: { entryId, ...fields, finishedOn: finishedOn!, ...origin }, id } as const)
    : ({ type: 'MediaStarted', data: { entryId, ...fields, status, ...(progress === undefined ? {} : { progress }), ...origin }, id } as const);
}

/**
 * Logs what a media server reported (lib/hooks): the entry's id and the event's id both come from
 * the delivery (source, item, day), so the server's retries and double fires find the entry they
 * made. `duplicate` when that entry was already there; nothing is appended then.
 */
export async function logAutomatic(
  raw: unknown,
  { entryId, eventId, loggedBy }: { entryId: string; eventId: string; loggedBy: LoggedBy },
): Promise<CommandResult<{ entry: Entry; duplicate: boolean }>> {
  const parsed = parseEntry(raw);
  if (!parsed.ok) return invalid(parsed.fields);
  const store = await readyMediaStore();
  const existing = store.snapshot().entries.get(entryId);
  if (existing) return { ok: true, value: { entry: existing, duplicate: true } };
  const result = await rejectionAsResult(async () => {
    await store.dispatch(startOrFinish(entryId, parsed.fields, { loggedBy }, eventId));
    return store.snapshot().entries.get(entryId)!;
  });
  return result.ok ? { ok: true, value: { entry: result.value, duplicate: false } } : result;
}

/**
 * Whether a recorded MediaFinished or MediaStarted is the one this request asks for: same fields
 * (status included). A default the request left to the server (the finished date, "today") is not
 * compared, so a retry the next day is still the same request.
 */
function sameEntry(event: { type: string; data: unknown }, fields: EntryRecord, raw: unknown): boolean {
  if (event.type !== 'MediaFinished' && event.type !== 'MediaStarted') return false;
  const recorded = { ...(event.data as Record<string, unknown>) };
  if (event.type === 'MediaFinished') recorded.status = 'finished';
  const given = (raw ?? {}) as Record<string, unknown>;
  return FIELD_NAMES.every((field) => {
    if (field === 'finishedOn' && (given.finishedOn === undefined || given.finishedOn === '' || given.finishedOn === null)) return true;
    return sameValue(recorded[field] ?? null, fields[field] ?? null);
  });
}

/** Imported rows dispatched at once: the store's group commit writes each batch with a few fsyncs. */
export const IMPORT_BATCH = 2000;

/**
 * The event an imported entry is logged with (the import's plan checks it against the log's schema
 * first): MediaFinished when finished, MediaStarted when in progress or abandoned.
 */
export const importedEvent = ({ entryId, fields, importedFrom }: { entryId: string; fields: EntryRecord; importedFrom: ImportSource }) =>
  startOrFinish(entryId, { ...fields, announce: false }, { importedFrom }, importEventId(entryId));

/**
 * Logs imported entries (already validated against the log's schema, ids derived from their
 * source rows): finished ones as MediaFinished, in progress or abandoned ones as MediaStarted. Each event's id is importEventId(entryId), so a repeated import returns the
 * recorded event and appends nothing; `importedFrom` and announce off keep them from ever being
 * announced. A row the log refuses is that row's error; a store that stops taking writes stops
 * the import (the error is thrown, the rows recorded so far stay).
 */
export async function logImported(
  entries: readonly { entryId: string; fields: EntryRecord; importedFrom: ImportSource }[],
  onProgress?: (done: number) => void,
): Promise<{ logged: number; failed: { entryId: string; error: string }[] }> {
  const store = await readyMediaStore();
  const failed: { entryId: string; error: string }[] = [];
  let logged = 0;
  for (let start = 0; start < entries.length; start += IMPORT_BATCH) {
    const batch = entries.slice(start, start + IMPORT_BATCH);
    let stop: unknown;
    await Promise.all(
      batch.map(async (row) => {
        try {
          await store.dispatch(importedEvent(row));
          logged++;
        } catch (err) {
          if (isStoreUnavailable(err)) stop ??= err;
          else failed.push({ entryId: row.entryId, error: err instanceof EventRejectedError ? err.reason : (err as Error).message });
        }
      }),
    );
    if (stop) throw stop;
    onProgress?.(start + batch.length);
  }
  return { logged, failed };
}

/** Edits an entry from a whole form, recording only the fields that changed (from/to). No change, no event. */
export async function editEntry(entryId: string, raw: unknown): Promise<CommandResult<Entry>> {
  const parsed = parseEntry(raw);
  if (!parsed.ok) return invalid(parsed.fields);
  return recordChanges(entryId, () => parsed.fields);
}

/**
 * A partial edit (the API's PATCH): the given fields over the entry as it is, validated as a whole
 * by the same schema, so field errors name the same fields as a POST. `null` or "" clears an
 * optional field. A status change brings its dates along: finishing sets the finished date (today
 * unless given) and drops progress; leaving "finished" drops the finished date.
 */
export async function patchEntry(entryId: string, patch: Record<string, unknown>, eventId?: string): Promise<CommandResult<Entry>> {
  const store = await readyMediaStore();
  const entry = store.snapshot().entries.get(entryId);
  if (!entry || entry.removed) return notFound();
  let base: EntryRecord = recordOf(entry);
  if (typeof patch.status === 'string' && patch.status !== entry.status && (patch.status === 'finished' || patch.status === 'in-progress' || patch.status === 'abandoned')) {
    base = withStatus(base, patch.status, ownerToday());
  }
  const parsed = parseEntry({ ...base, ...patch });
  if (!parsed.ok) return invalid(parsed.fields);
  return recordChanges(entryId, () => parsed.fields, eventId);
}

/** Finishes an entry in progress or abandoned (on `day`, today by default). Finishing twice is refused. */
export async function finishEntry(entryId: string, day?: string): Promise<CommandResult<Entry>> {
  return transition(entryId, finishRejection, (entry) => ({ ...withStatus(recordOf(entry), 'finished', ownerToday()), ...(day ? { finishedOn: day } : {}) }));
}

/** Gives up on an entry in progress. */
export async function abandonEntry(entryId: string): Promise<CommandResult<Entry>> {
  return transition(entryId, abandonRejection, (entry) => withStatus(recordOf(entry), 'abandoned', ownerToday()));
}

/** Puts an abandoned entry back in progress. */
export async function restartEntry(entryId: string): Promise<CommandResult<Entry>> {
  return transition(entryId, restartRejection, (entry) => withStatus(recordOf(entry), 'in-progress', ownerToday()));
}

/** Records how far along an entry in progress is (0-100). */
export async function setProgress(entryId: string, progress: unknown): Promise<CommandResult<Entry>> {
  return transition(entryId, progressRejection, (entry) => ({ ...recordOf(entry), progress: progress as number }));
}

async function transition(
  entryId: string,
  rule: (entry: Entry | undefined) => string | undefined,
  next: (entry: Entry) => EntryRecord,
): Promise<CommandResult<Entry>> {
  const store = await readyMediaStore();
  const entry = store.snapshot().entries.get(entryId);
  const refused = rule(entry);
  if (refused) return { ok: false, error: refused, fields: {} };
  const parsed = parseEntry(next(entry!));
  if (!parsed.ok) return invalid(parsed.fields);
  return recordChanges(entryId, () => parsed.fields);
}

/** `eventId` makes a retried change (a media server's second delivery) the same event: nothing new is appended. */
async function recordChanges(entryId: string, next: () => EntryRecord, eventId?: string): Promise<CommandResult<Entry>> {
  const store = await readyMediaStore();
  const entry = store.snapshot().entries.get(entryId);
  if (!entry || entry.removed) return notFound();
  const changes = diffEntry(entry, next());
  if (Object.keys(changes).length === 0) return { ok: true, value: entry };
  return rejectionAsResult(async () => {
    await store.dispatch({ type: 'MediaEdited', data: { entryId, changes }, id: eventId });
    return store.snapshot().entries.get(entryId)!;
  });
}

const notFound = (): CommandResult<never> => ({ ok: false, error: 'That entry does not exist or was removed', fields: {} });

/** The owner's fields of an entry, without the projection's bookkeeping. */
export function recordOf(entry: Entry): EntryRecord {
  const record: Record<string, unknown> = {};
  for (const field of FIELD_NAMES) if (entry[field] !== undefined) record[field] = entry[field];
  return record as unknown as EntryRecord;
}

export async function removeEntry(entryId: string): Promise<CommandResult<Entry>> {
  const store = await readyMediaStore();
  return rejectionAsResult(async () => {
    await store.dispatch({ type: 'MediaRemoved', data: { entryId } });
    return store.snapshot().entries.get(entryId)!;
  });
}

export async function restoreEntry(entryId: string): Promise<CommandResult<Entry>> {
  const store = await readyMediaStore();
  return rejectionAsResult(async () => {
    await store.dispatch({ type: 'MediaRestored', data: { entryId } });
    return store.snapshot().entries.get(entryId)!;
  });
}

/**
 * Undoes the latest change to an entry (event `seq`) with a compensating event. A change that is
 * no longer the entry's latest is refused, and so is an edit whose fields were changed since.
 */
export async function undoChange(entryId: string, seq: number): Promise<CommandResult<Entry>> {
  const store = await readyMediaStore();
  const entry = store.snapshot().entries.get(entryId);
  if (!entry) return { ok: false, error: 'That entry does not exist', fields: {} };
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > store.version()) return { ok: false, error: `There is no event #${seq}`, fields: {} };
  const [event] = await store.read(seq, seq);
  if (!event || !isEntryChange(event) || event.data.entryId !== entryId) {
    return { ok: false, error: `Event #${seq} is not a change to “${entry.title}”`, fields: {} };
  }
  if (entry.updatedSeq !== seq) {
    const [latest] = await store.read(entry.updatedSeq, entry.updatedSeq);
    if (latest?.id === undoEventId(seq)) return { ok: true, value: entry }; // a repeated click: already undone
    return {
      ok: false,
      error: `Cannot undo #${seq}: “${entry.title}” changed after it (latest change #${entry.updatedSeq}); only an entry's latest change can be undone`,
      fields: {},
    };
  }
  const result = await rejectionAsResult(async () => {
    await store.dispatch({ ...compensatingEvent(event), id: undoEventId(seq) });
    return store.snapshot().entries.get(entryId)!;
  });
  return result.ok ? result : { ...result, error: `Cannot undo #${seq}: ${result.error}` };
}

/** from/to for each field whose value differs; `null` is "not set". */
export function diffEntry(entry: EntryRecord, next: EntryRecord): EntryChanges {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of FIELD_NAMES) {
    const from = entry[field] ?? null;
    const to = next[field] ?? null;
    if (!sameValue(from, to)) changes[field] = { from, to };
  }
  return changes as EntryChanges;
}

/** A domain rule the reducer enforces (stale edit, already removed) is the user's error, not a crash. */
async function rejectionAsResult<T>(run: () => Promise<T>): Promise<CommandResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof EventRejectedError) return { ok: false, error: err.reason, fields: {} };
    // A form shows this next to it, input kept; the HTTP API answers with the status.
    if (isStoreUnavailable(err)) return { ok: false, error: err.message, fields: {}, status: 503 };
    throw err;
  }
}
