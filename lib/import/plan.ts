import 'server-only';
// What an import would do, row by row, against the log as it is now: the preview, and the list
// the import then records. Validation is the form's and the API's (parseEntry).
import { parseEntry } from '../media/commands';
import type { EntryRecord } from '../media/fields';
import { ownerToday } from '../media/today';
import type { ImportCandidate } from './candidate';
import type { ImportSource } from './sources';

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
  entryId: string;
  fields: EntryRecord;
  importedFrom: ImportSource;
}

export interface ImportPlan {
  summary: ImportSummary;
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

export function planImport(candidates: readonly ImportCandidate[], { source, exists, visibility }: PlanOptions): ImportPlan {
  const rows: ImportRowResult[] = [];
  const toImport: EntryToImport[] = [];
  const firstLine = new Map<string, number>();
  const today = ownerToday(); // once: it builds an Intl formatter, which costs more than checking a row
  for (const candidate of candidates) {
    const { line, title, entryId } = candidate;
    const finishedOn = typeof candidate.input?.finishedOn === 'string' ? candidate.input.finishedOn : undefined;
    const row = (outcome: RowOutcome, reason?: string): ImportRowResult => ({ line, title, finishedOn, outcome, reason, entryId });
    if (candidate.error || !entryId) {
      rows.push(row('error', candidate.error ?? 'no identity'));
      continue;
    }
    const earlier = firstLine.get(entryId);
    if (earlier !== undefined) {
      rows.push(row('skipped', `the same ${source} row as line ${earlier}`));
      continue;
    }
    firstLine.set(entryId, line);
    if (candidate.skip || !candidate.input) {
      rows.push(row('skipped', candidate.skip ?? 'nothing to import'));
      continue;
    }
    if (exists(entryId)) {
      rows.push(row('alreadyImported', candidate.note));
      continue;
    }
    const parsed = parseEntry({ ...candidate.input, ...(visibility ? { visibility } : {}), announce: false }, today);
    if (!parsed.ok) {
      rows.push(row('error', Object.entries(parsed.fields).map(([field, message]) => `${field}: ${message}`).join('; ')));
      continue;
    }
    rows.push(row('new', candidate.note));
    toImport.push({ entryId, fields: parsed.fields, importedFrom: source });
  }
  return { rows, toImport, summary: summarize(rows) };
}

export function summarize(rows: readonly ImportRowResult[]): ImportSummary {
  const summary: ImportSummary = { rows: rows.length, new: 0, alreadyImported: 0, skipped: 0, errors: 0 };
  for (const { outcome } of rows) {
    if (outcome === 'error') summary.errors++;
    else summary[outcome]++;
  }
  return summary;
}
