import { randomBytes } from 'node:crypto';
import { readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { nodeFiles, type FileLayer } from './file-layer';

/** `.<name>.<pid>.<random>.tmp` (and the older `.<name>.<pid>.tmp`): a write that never reached its rename. */
const TEMP_NAME = /^\..+\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/;

/**
 * Replaces a small file so that after a crash it is whole, old or new, never half-written:
 * temp file, fsync, rename over the old one, fsync the directory (so the rename itself is durable).
 * For checkpoints, documents and snapshots; never for the event log, which is only ever appended to.
 * The temp name is unique per write: two writes of one file at once never share a temp file
 * (the later rename wins, and each rename carries a whole file). `mode` is the new file's (0o600
 * for secrets: the temp file has it from its creation, so the secret is never readable by others).
 */
export async function writeFileAtomically(file: string, contents: string | Uint8Array, files: FileLayer = nodeFiles, mode?: number): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await files.openWrite(temp, mode);
  try {
    await fh.writeFile(contents);
    await fh.sync();
  } catch (err) {
    await fh.close();
    await files.unlink(temp).catch(() => {}); // the write's own error is the one worth reporting
    throw err;
  }
  await fh.close();
  await files.rename(temp, file);
  await files.syncDir(dir);
}

/**
 * Removes temp files that atomic writes left in `dir` when the process died before the rename
 * (kill -9, power loss). Only at boot, while this process holds the directory's writer lock, so
 * no other Shelf can be writing one; this process's own temp files (its pid) are left alone, as a
 * store booting beside another one in this process may be mid-write. Returns the names removed.
 */
export function removeStaleTempFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const stale = names.filter((name) => {
    const pid = TEMP_NAME.exec(name)?.[1];
    return pid !== undefined && Number(pid) !== process.pid;
  });
  for (const name of stale) unlinkSync(join(dir, name));
  return stale;
}
