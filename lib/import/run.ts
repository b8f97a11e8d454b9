import 'server-only';
// An import from start to end: read the file, plan it against the log, record the new rows.
import { logImported } from '../media/commands';
import { readyMediaStore } from '../media/store';
import { planImport, PREVIEW_ROWS, type ImportPlan, type ImportRowResult, type ImportSummary } from './plan';
import { importOptionsFromEnv, readImportFile } from './read';
import type { ImportSource } from './sources';

export interface ImportRequest {
  source: ImportSource;
  bytes: Uint8Array;
  dryRun: boolean;
  visibility?: 'public' | 'private';
}

export interface ImportResult {
  dryRun: boolean;
  /** Every row counted. */
  summary: ImportSummary;
  /** The first PREVIEW_ROWS rows (and any that failed when recorded); `summary.rows` says how many there are. */
  rows: ImportRowResult[];
}

/** Reads and plans the file. Throws ImportFormatError (nothing appended) when it is not what the source expects. */
export async function prepareImport({ source, bytes, visibility }: ImportRequest): Promise<ImportPlan> {
  const candidates = await readImportFile(source, bytes, importOptionsFromEnv());
  const entries = (await readyMediaStore()).snapshot().entries;
  return planImport(candidates, { source, visibility, exists: (id) => entries.has(id) });
}

/** Records the plan's new rows (none for a dry run); `onProgress(done, total)` after each batch. */
export async function completeImport(plan: ImportPlan, dryRun: boolean, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
  if (dryRun || plan.toImport.length === 0) return { dryRun, summary: plan.summary, rows: plan.rows };
  const { failed } = await logImported(plan.toImport, (done) => onProgress?.(done, plan.toImport.length));
  if (failed.length === 0) return { dryRun, summary: plan.summary, rows: plan.rows };
  // A row the log refused at the last moment (logged meanwhile by another import) is reported as such.
  const why = new Map(failed.map((f) => [f.entryId, f.error]));
  const rows = plan.rows.map((row): ImportRowResult => {
    const error = row.outcome === 'new' && row.entryId ? why.get(row.entryId) : undefined;
    if (error) why.delete(row.entryId!);
    return error ? { ...row, outcome: 'error', reason: error } : row;
  });
  // Failed rows past the preview's first rows are listed after them, as far as room allows.
  if (why.size > 0) {
    for (const entry of plan.toImport) {
      const reason = why.get(entry.entryId);
      if (reason) rows.push({ line: entry.line, title: entry.title, finishedOn: entry.fields.finishedOn, outcome: 'error', reason, entryId: entry.entryId });
      if (rows.length >= 2 * PREVIEW_ROWS) break;
    }
  }
  const summary = { ...plan.summary, new: plan.summary.new - failed.length, errors: plan.summary.errors + failed.length };
  return { dryRun, summary, rows };
}

export async function runImport(request: ImportRequest): Promise<ImportResult> {
  return completeImport(await prepareImport(request), request.dryRun);
}
