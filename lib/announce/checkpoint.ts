// The announcer's checkpoint: the seq up to which every event's announcements are settled.
// One small JSON file, replaced atomically so a crash leaves either the old or the new one.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomically } from '../fs/write-atomically';

export const CHECKPOINT_FILE = 'announcer.checkpoint.json';

const checkpointSchema = z.object({ seq: z.number().int().min(0) });

/** The saved seq, or undefined when there is no checkpoint yet. A damaged file is an error, never "start over". */
export async function readCheckpoint(file: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file}: not JSON; fix or delete it (deleting it makes the announcer start at the end of the log)`);
  }
  const parsed = checkpointSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: expected {"seq": <integer >= 0>}; fix or delete it`);
  return parsed.data.seq;
}

/** Replaced atomically: a crash leaves the old checkpoint or the new one. */
export async function writeCheckpoint(file: string, seq: number): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify({ seq, savedAt: new Date().toISOString() })}\n`);
}

export interface CheckpointStore {
  read(): Promise<number | undefined>;
  write(seq: number): Promise<void>;
}

/** The checkpoint kept in `file`. */
export function fileCheckpoint(file: string): CheckpointStore & { where: string } {
  return { where: file, read: () => readCheckpoint(file), write: (seq) => writeCheckpoint(file, seq) };
}
