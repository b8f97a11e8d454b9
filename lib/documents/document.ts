import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import type { ZodType } from 'zod';
import { singleton } from '../eventstore/registry';
import type { FileLayer } from '../fs/file-layer';
import { writeFileAtomically } from '../fs/write-atomically';

/**
 * A small JSON document that is not a history of facts (settings, secrets, sessions, checkpoints).
 * Here: lowdb over an adapter that reads with a zod check and writes atomically (temp file, fsync,
 * rename, fsync the directory), so a crash leaves the old document or the new one, never half. The
 * backend (lib/eventstore/backend.ts `document`) opens the same interface over PostgreSQL.
 */
export interface Document<T> {
  /** Where it is kept, for messages: a file's path, or the database's row. */
  readonly where: string;
  /** The document as this process last knew it, from memory once loaded (the defaults when there is none yet). */
  read(): Promise<T>;
  /**
   * The document as stored this moment: on PostgreSQL a query (another instance may have written
   * since the last notification); on files the same as `read` (one process writes a directory).
   */
  fresh(): Promise<T>;
  /** Applies `change` to the current document and writes it durably; of concurrent updates none is lost. */
  update(change: (data: T) => T | void): Promise<T>;
  /** Calls `listener` with the document after each change this process learns of (its own writes; on PostgreSQL other instances' too). */
  subscribe(listener: (data: T) => void): () => void;
}

/** `json` checked against `schema`, or an error that says where and what is wrong. */
export function checkedDocument<T>(schema: ZodType<T>, json: unknown, where: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Calls each listener, so that one that throws neither stops the others nor fails the write. */
export function tellListeners<T>(listeners: Iterable<(data: T) => void>, data: T, where: string): void {
  for (const listener of listeners) {
    try {
      listener(data);
    } catch (err) {
      console.error(`${where}: a listener failed:`, err);
    }
  }
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
    return checkedDocument(this.schema, json, this.file);
  }

  write(data: T): Promise<void> {
    return writeFileAtomically(this.file, `${JSON.stringify(data, null, 2)}\n`, this.files, this.mode);
  }
}

function createDocument<T>(file: string, schema: ZodType<T>, defaults: () => T, files?: FileLayer, mode?: number): Document<T> {
  const db = new Low<T>(new CheckedJsonFile(file, schema, files, mode), defaults());
  let loaded: Promise<void> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(data: T) => void>();
  const load = () => (loaded ??= db.read().catch((err) => ((loaded = undefined), Promise.reject(err))));
  const read = async () => {
    await load();
    return db.data;
  };

  return {
    where: file,
    read,
    fresh: read,
    update(change) {
      const run = queue.then(async () => {
        await load();
        const draft = structuredClone(db.data);
        const next = change(draft) ?? draft; // a change that mutates the draft in place counts too
        const checked = schema.parse(next);
        await db.adapter.write(checked);
        db.data = checked; // only once it is on disk
        tellListeners(listeners, checked, file);
        return checked;
      });
      queue = run.catch(() => {});
      return run;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
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
