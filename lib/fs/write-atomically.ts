import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a small file so that after a crash it is whole, old or new, never half-written:
 * temp file, fsync, rename over the old one, fsync the directory (so the rename itself is durable).
 * For checkpoints, init files and snapshots; never for the event log, which is only ever appended to.
 */
export async function writeFileAtomically(file: string, contents: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.tmp`);
  const fh = await open(temp, 'w');
  try {
    await fh.writeFile(contents);
    await fh.sync();
  } catch (err) {
    await fh.close();
    await unlink(temp).catch(() => {}); // the write's own error is the one worth reporting
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
