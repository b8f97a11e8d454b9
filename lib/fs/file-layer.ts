import { open, rename, unlink } from 'node:fs/promises';

/**
 * The few file operations whose durability Shelf relies on, behind one small interface so that
 * tests can run the writers over a layer that forgets whatever was not fsynced when it "crashes"
 * (lib/fs/testing/crashable-files.ts). Reads are not here: a crash test reboots from real files.
 */
export interface FileLayer {
  /** Opens for appending, creating the file if needed (every write lands at the end). */
  openAppend(file: string): Promise<AppendHandle>;
  /** Creates or empties a file for writing; a new file gets `mode` (default 0o666 less the umask). */
  openWrite(file: string, mode?: number): Promise<WriteHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** fsync of a directory: makes the creations, renames and removals of names in it durable. */
  syncDir(dir: string): Promise<void>;
}

export interface AppendHandle {
  /** Writes all of `buf` at the end of the file. */
  append(buf: Uint8Array): Promise<void>;
  /** fdatasync: the bytes written so far survive a crash once this resolves. */
  datasync(): Promise<void>;
  truncate(size: number): Promise<void>;
  close(): Promise<void>;
}

export interface WriteHandle {
  writeFile(contents: string | Uint8Array): Promise<void>;
  /** fsync: contents and size survive a crash once this resolves. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeFiles: FileLayer = {
  async openAppend(file) {
    const fh = await open(file, 'a');
    return {
      async append(buf) {
        let written = 0;
        while (written < buf.length) written += (await fh.write(buf, written, buf.length - written)).bytesWritten;
      },
      datasync: () => fh.datasync(),
      truncate: (size) => fh.truncate(size),
      close: () => fh.close(),
    };
  },
  async openWrite(file, mode) {
    const fh = await open(file, 'w', mode);
    return { writeFile: (contents) => fh.writeFile(contents), sync: () => fh.sync(), close: () => fh.close() };
  },
  rename: (from, to) => rename(from, to),
  unlink: (file) => unlink(file),
  async syncDir(dir) {
    const dh = await open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  },
};
