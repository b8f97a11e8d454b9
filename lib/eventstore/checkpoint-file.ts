// A processor's checkpoint in a file beside the logs (`<name>.checkpoint.json`): the seq up to
// which its events are settled. A lowdb document (lib/documents: zod-checked read, atomic write).
import { z } from 'zod';
import { createStandaloneDocument } from '../documents/document';
import type { CheckpointStore } from './processor';

/** `seq: null`: no checkpoint yet (no file). */
const checkpointSchema = z.object({ seq: z.int().min(0).nullable(), savedAt: z.string().optional() });

/**
 * The checkpoint in `file`. A document of its own per processor (not the process-wide one): each
 * start reads the file afresh. A damaged file is an error, never "start over" (fix or delete it;
 * deleting it makes the processor start at the end of the log).
 */
export function checkpointDocument(file: string): CheckpointStore {
  const doc = createStandaloneDocument(file, checkpointSchema, () => ({ seq: null }));
  return {
    read: async () => (await doc.read()).seq ?? undefined,
    write: async (seq) => void (await doc.update(() => ({ seq, savedAt: new Date().toISOString() }))),
  };
}
