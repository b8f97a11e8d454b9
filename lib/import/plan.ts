import 'server-only';
// What an import would do, row by row, against the log as it is now: the preview, and the list
// the import then records. Validation is the form's and the API's (parseEntry).
import { importedEvent, parseEntry } from '../media/commands';
import { mediaEventSchema } from '../media/events';
import type { EntryRecord } from '../media/fields';
import { ownerToday } from '../media/today';
import type { ImportCandidate } from './candidate';
import type { ImportSource } from './sources';
import { slicer } from './yielding';

/** Rows an answer lists (a preview of a 400,000-row file stays small); the summary counts them all. */
export const PREVIEW_ROWS = 1000;
/** Longest title or reason an answer repeats from the file. */
export const PREVIEW_TEXT = 200;

/** Text from the file as the preview shows it: at most PREVIEW_TEXT characters. */
export const previewText = (text: string) => (text.length <= PREVIEW_TEXT ? text : `${text.slice(0, PREVIEW_TEXT - 1)}…`);

export type RowOutcome = 'new' | 'alreadyImported' | 'skipped' | 'error';

export interface ImportRowResult {
  line: number;
  title: string;
  finishedOn?: string;
  outcome: RowOutcome;
  /** Why a row is skipped or in error; a note (a rewatch, a shortened review) for the others. */
  reason?: string;
  entryId?: string;
}

export interface ImportSummary {
  rows: number;
  new: number;
  alreadyImported: number;
  skipped: number;
  errors: number;
}

export interface EntryToImport {
  /** Where it is in the file, and what the preview calls it (for a failure when it is recorded). */
  line: number;
  title: string;
  entryId: string;
  fields: EntryRecord;
  importedFrom: ImportSource;
}

export interface ImportPlan {
  summary: ImportSummary;
  /** The first PREVIEW_ROWS rows. */
  rows: ImportRowResult[];
  toImport: EntryToImport[];
}

export interface PlanOptions {
  source: ImportSource;
  /** Whether the log already has this entry (imported before, or restored from the same backup). */
  exists: (entryId: string) => boolean;
  /** Public or private for every row; unset keeps each row's own (a Shelf backup) or public. */
  visibility?: 'public' | 'private';
}

/** What each row would do; the work is done in slices (./yielding.ts) so other requests keep being answered. */
export async function planImport(candidates: readonly ImportCandidate[], { source, exists, visibility }: PlanOptions): Promise<ImportPlan> {
  const rows: ImportRowResult[] = [];
  const summary: ImportSummary = { rows: 0, new: 0, alreadyImported: 0, skipped: 0, errors: 0 };
  const toImport: EntryToImport[] = [];
  const firstLine = new Map<string, number>();
  const today = ownerToday(); // once: it builds an Intl formatter, which costs more than checking a row
  const pause = slicer();
  for (const candidate of candidates) {
    const row = planRow(candidate);
    summary.rows++;
    if (row.outcome === 'error') summary.errors++;
    else summary[row.outcome]++;
    if (rows.length < PREVIEW_ROWS) rows.push({ ...row, title: previewText(row.title), ...(row.reason ? { reason: previewText(row.reason) } : {}) });
    await pause();
  }
  return { rows, toImport, summary };

  function planRow(candidate: ImportCandidate): ImportRowResult {
    const { line, title, entryId } = candidate;
    const finishedOn = typeof candidate.input?.finishedOn === 'string' ? candidate.input.finishedOn : undefined;
    const row = (outcome: RowOutcome, reason?: string): ImportRowResult => ({ line, title, finishedOn, outcome, reason, entryId });
    if (candidate.error || !entryId) return row('error', candidate.error ?? 'no identity');
    const earlier = firstLine.get(entryId);
    if (earlier !== undefined) return row('skipped', `the same ${source} row as line ${earlier}`);
    firstLine.set(entryId, line);
    if (candidate.skip || !candidate.input) return row('skipped', candidate.skip ?? 'nothing to import');
    if (exists(entryId)) return row('alreadyImported', candidate.note);
    const parsed = parseEntry({ ...candidate.input, ...(visibility ? { visibility } : {}), announce: false }, today);
    if (!parsed.ok) return row('error', Object.entries(parsed.fields).map(([field, message]) => `${field}: ${message}`).join('; '));
    // Finished, in progress or abandoned: the event (MediaFinished or MediaStarted) says which.
    const entry: EntryToImport = { line, title: previewText(title), entryId, fields: parsed.fields, importedFrom: source };
    // The event as the log will check it (the entry id's length, the source): a row the log would
    // refuse is an error here, before anything is recorded, never a failure halfway through.
    const event = mediaEventSchema.safeParse(importedEvent({ entryId, fields: entry.fields, importedFrom: source }));
    if (!event.success) return row('error', event.error.issues.map((i) => `${i.path.at(-1) === 'entryId' ? 'id' : i.path.join('.')}: ${i.message}`).join('; '));
    toImport.push(entry);
    return row('new', candidate.note);
  }
}
