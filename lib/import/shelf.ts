// Shelf's own exports, so a backup can be restored into a fresh instance: entries.json and
// entries.csv (/admin/export/...) and a media.jsonl log. Entries keep their ids.
import type { EnvelopeOf } from '../eventstore';
import { FIELD_NAMES } from '../media/fields';
import { mediaEventSchema, type MediaEvent } from '../media/events';
import { initialMediaState, evolveMedia, type Entry, type MediaState } from '../media/projection';
import type { ImportCandidate } from './candidate';
import { unguardCell } from '../history/csv';
import { isEntryId, MAX_ENTRY_ID_LENGTH } from '../media/ids';
import { readCsv } from './csv';
import { mapInSlices } from './yielding';
import { ImportFormatError } from './format-error';

export async function shelfCandidates(text: string): Promise<ImportCandidate[]> {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{"seq"') || body.startsWith('{ "seq"')) return entryCandidates(await logEntries(body));
  if (body.startsWith('{') || body.startsWith('[')) return entryCandidates(jsonEntries(body));
  return entryCandidates(await csvEntries(text));
}

interface ExportedEntry {
  line: number;
  record: Record<string, unknown>;
}

/** Each exported entry as the API would log it; removed ones are listed as skipped. */
function entryCandidates(entries: ExportedEntry[]): Promise<ImportCandidate[]> {
  return mapInSlices(entries, ({ line, record }): ImportCandidate => {
    const title = typeof record.title === 'string' && record.title.trim() ? record.title.trim() : `(untitled row ${line})`;
    const id = record.id;
    if (!isEntryId(id)) return { line, title, error: `no usable "id" (letters, digits, - and _, at most ${MAX_ENTRY_ID_LENGTH})` };
    if (record.removed === true) return { line, title, entryId: id, skip: 'removed in the export' };
    // Every field an entry has today (a newer Shelf's extra fields pass when this one knows them);
    // announce is forced off: a restored entry was announced, or not, when it was first logged.
    const input: Record<string, unknown> = {};
    for (const field of FIELD_NAMES) if (record[field] !== undefined && record[field] !== '') input[field] = record[field];
    input.announce = false;
    return { line, title, entryId: id, input };
  });
}

/** entries.json: `{ version, entries: [...] }` (or a bare array of entries). */
function jsonEntries(body: string): ExportedEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw new ImportFormatError(`The Shelf export is not valid JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { entries?: unknown })?.entries;
  if (!Array.isArray(list)) throw new ImportFormatError('The Shelf export has no "entries" list (expected entries.json from /admin/export)');
  return list.map((record, i) => ({ line: i + 1, record: typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {} }));
}

async function csvEntries(text: string): Promise<ExportedEntry[]> {
  return mapInSlices(await readCsv(text, ['id', 'kind', 'title', 'finishedOn'], 'The Shelf entries.csv'), ({ line, cells }): ExportedEntry => {
    const record: Record<string, unknown> = {};
    for (const [column, raw] of Object.entries(cells)) {
      const cell = unguardCell(raw);
      if (cell === '') continue;
      if (column === 'rating' || column === 'progress') record[column] = Number(cell);
      else if (column === 'announce' || column === 'removed') record[column] = cell === 'true';
      else record[column] = cell;
    }
    return { line, record };
  });
}

/** media.jsonl: the log folded through the media reducer, so edits and removals count. */
async function logEntries(body: string): Promise<ExportedEntry[]> {
  let state: MediaState = initialMediaState;
  const lines = body.split('\n');
  await mapInSlices(lines, (text, i) => {
    if (!text.trim()) return;
    const fail = (why: string): never => {
      throw new ImportFormatError(`media.jsonl line ${i + 1}: ${why}`);
    };
    let envelope: { seq?: unknown; id?: unknown; at?: unknown; type?: unknown; data?: unknown };
    try {
      envelope = JSON.parse(text);
    } catch {
      return fail('not JSON');
    }
    const event = mediaEventSchema.safeParse({ type: envelope.type, data: envelope.data });
    if (!event.success) return fail(`not a media event (${event.error.issues[0]?.message ?? 'invalid'})`);
    try {
      state = evolveMedia(state, { ...event.data, seq: Number(envelope.seq), id: String(envelope.id), at: String(envelope.at) } as EnvelopeOf<MediaEvent>);
    } catch (err) {
      fail((err as Error).message);
    }
  });
  return [...state.entries.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((entry: Entry) => ({ line: entry.seq, record: { ...entry } as unknown as Record<string, unknown> }));
}
