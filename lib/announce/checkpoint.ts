// The announcer's checkpoint: the seq up to which every event's announcements are settled.
// One small JSON file, replaced atomically so a crash leaves either the old or the new one.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

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

/** Temp file, fsync, rename over the old one, fsync the directory (so the rename itself is durable). */
export async function writeCheckpoint(file: string, seq: number): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  const fh = await open(temp, 'w');
  try {
    await fh.writeFile(`${JSON.stringify({ seq, savedAt: new Date().toISOString() })}\n`);
    await fh.sync();
  } catch (err) {
    await fh.close();
    await unlink(temp).catch(() => {});
    throw err;
  }
  await fh.close();
  await rename(temp, file);
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}
