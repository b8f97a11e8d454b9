// The announcer's checkpoint: the seq up to which every event's announcements are settled.
// A lowdb document (lib/documents: zod-checked read, atomic write, one queue per file).
import { z } from 'zod';
import { createStandaloneDocument } from '../documents/document';
import type { CheckpointStore } from '../eventstore/processor';

export const CHECKPOINT_FILE = 'announcer.checkpoint.json';

/** `seq: null`: no checkpoint yet (no file). */
const checkpointSchema = z.object({ seq: z.int().min(0).nullable(), savedAt: z.string().optional() });

/**
 * The checkpoint in `file`. A document of its own per announcer (not the process-wide one): each
 * start reads the file afresh. A damaged file is an error, never "start over" (fix or delete it;
 * deleting it makes the announcer start at the end of the log).
 */
export function checkpointDocument(file: string): CheckpointStore {
  const doc = createStandaloneDocument(file, checkpointSchema, () => ({ seq: null }));
  return {
    read: async () => (await doc.read()).seq ?? undefined,
    write: async (seq) => void (await doc.update(() => ({ seq, savedAt: new Date().toISOString() }))),
  };
}

/** The saved seq, or undefined when there is no checkpoint yet. */
export const readCheckpoint = (file: string) => checkpointDocument(file).read();

export const writeCheckpoint = (file: string, seq: number) => checkpointDocument(file).write(seq);
