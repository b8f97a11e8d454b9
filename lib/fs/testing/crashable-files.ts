// A file layer that keeps everything in memory and, like a disk after a power cut, keeps only
// what was made durable: a file's bytes once it was fsynced, a name (creation, rename) once its
// directory was fsynced. `crash()` writes that durable view to a fresh real directory, where a
// real store can boot from it. For durability tests: remove any fsync and they lose data.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { FileLayer } from '../file-layer';

interface Inode {
  data: Buffer;
  synced: Buffer;
}

export class CrashableFiles implements FileLayer {
  private readonly names = new Map<string, Inode>();
  private readonly durableNames = new Map<string, Inode>();
  /** How many fsyncs (files and directories) were made. */
  syncs = 0;

  async openAppend(file: string) {
    const inode = this.inodeFor(file, false);
    return {
      append: async (buf: Uint8Array) => void (inode.data = Buffer.concat([inode.data, buf])),
      datasync: async () => void (this.syncs++, (inode.synced = Buffer.from(inode.data))),
      truncate: async (size: number) => void (inode.data = inode.data.subarray(0, size)),
      close: async () => {},
    };
  }

  async openWrite(file: string) {
    const inode = this.inodeFor(file, true);
    return {
      writeFile: async (contents: string | Uint8Array) => void (inode.data = Buffer.from(contents)),
      sync: async () => void (this.syncs++, (inode.synced = Buffer.from(inode.data))),
      close: async () => {},
    };
  }

  async rename(from: string, to: string) {
    const inode = this.names.get(from);
    if (!inode) throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
    this.names.delete(from);
    this.names.set(to, inode);
  }

  async unlink(file: string) {
    this.names.delete(file);
  }

  async syncDir(dir: string) {
    this.syncs++;
    for (const name of [...this.durableNames.keys()]) if (dirname(name) === dir && !this.names.has(name)) this.durableNames.delete(name);
    for (const [name, inode] of this.names) if (dirname(name) === dir) this.durableNames.set(name, inode);
  }

  /** What survives a power cut now, written to a fresh directory (file names kept); returns it. */
  crash(): string {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-crashed-'));
    mkdirSync(dir, { recursive: true });
    for (const [name, inode] of this.durableNames) writeFileSync(join(dir, basename(name)), inode.synced);
    return dir;
  }

  private inodeFor(file: string, empty: boolean): Inode {
    let inode = this.names.get(file);
    if (!inode) this.names.set(file, (inode = { data: Buffer.alloc(0), synced: Buffer.alloc(0) }));
    else if (empty) inode.data = Buffer.alloc(0);
    return inode;
  }
}
