// Which entries the followers hear about: the announcements' rule (lib/announce/eligibility.ts)
// without its "announce" switch, since the shelf's account posts every public finished entry.
// Never on replay and never twice are the planner's (a checkpoint; plans recorded by key).
import { whyNotPublic } from '../announce/eligibility';
import type { Entry } from '../media/projection';

type Checked = Pick<Entry, 'visibility' | 'status' | 'importedFrom' | 'removed'>;

/**
 * Public, finished, not removed, and not imported (imported history is not news). The outbox,
 * a view and not a push, lists imported entries too (`includeImported`).
 */
export function isPublishedEntry(entry: Checked, { includeImported = false } = {}): boolean {
  return whyNotPublic(includeImported ? { ...entry, importedFrom: undefined } : entry) === undefined;
}
