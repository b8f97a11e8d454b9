import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import type { ZodType } from 'zod';
import { singleton } from '../eventstore/registry';
import type { FileLayer } from '../fs/file-layer';
import { writeFileAtomically } from '../fs/write-atomically';

/**
 * A small JSON document beside the logs (checkpoints, settings, the orderbook's init state):
 * lowdb over an adapter that reads with a zod check and writes atomically (temp file, fsync,
 * rename, fsync the directory), so a crash leaves the old document or the new one, never half.
 */
export interface Document<T> {
  readonly file: string;
  /** The document as stored (the defaults when there is no file yet). */
  read(): Promise<T>;
  /** Applies `change` to the current document and writes it durably; writes to one file are queued. */
  update(change: (data: T) => T | void): Promise<T>;
}

class CheckedJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly schema: ZodType<T>,
    private readonly files?: FileLayer,
    private readonly mode?: number,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${this.file}: not JSON; fix or delete it`);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) throw new Error(`${this.file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    return parsed.data;
  }

  write(data: T): Promise<void> {
    return writeFileAtomically(this.file, `${JSON.stringify(data, null, 2)}\n`, this.files, this.mode);
  }
}

function createDocument<T>(file: string, schema: ZodType<T>, defaults: () => T, files?: FileLayer, mode?: number): Document<T> {
  const db = new Low<T>(new CheckedJsonFile(file, schema, files, mode), defaults());
  let loaded: Promise<void> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const load = () => (loaded ??= db.read().catch((err) => ((loaded = undefined), Promise.reject(err))));

  return {
    file,
    async read() {
      await load();
      return db.data;
    },
    update(change) {
      const run = queue.then(async () => {
        await load();
        const draft = structuredClone(db.data);
        const next = change(draft) ?? draft; // a change that mutates the draft in place counts too
        const checked = schema.parse(next);
        await db.adapter.write(checked);
        db.data = checked; // only once it is on disk
        return checked;
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}

/** The process-wide document for `file` (one writer queue per file, shared by every module copy). */
export function openDocument<T>(file: string, schema: ZodType<T>, defaults: () => T): Document<T> {
  return singleton(`document:${file}`, () => createDocument(file, schema, defaults));
}

/** A document of secrets (signing keys, tokens, hook secrets): the same, written readable by its owner only (0600). */
export function openSecretDocument<T>(file: string, schema: ZodType<T>, defaults: () => T): Document<T> {
  return singleton(`document:${file}`, () => createDocument(file, schema, defaults, undefined, 0o600));
}

/** A document of its own, outside the process-wide registry (tests, tools; `files` for crash tests). */
export const createStandaloneDocument = createDocument;
