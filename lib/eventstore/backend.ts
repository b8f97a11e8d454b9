// Where the logs live, chosen once per process at boot: JSON-lines files in EVENTS_DIR (the
// default), or PostgreSQL when DATABASE_URL is set. Everything that differs between the two is
// behind this interface: a store's log, a processor's checkpoint, which instance leads, a
// namespaced key-value store, the documents a running server keeps (settings, sessions, secrets), whether the backend answers (for /healthz), and (through the store)
// the export of a log. Nothing else reads DATABASE_URL (lib/eventstore/backend-boundary.test.ts). The choice hangs off the process-wide registry, so every copy of this module
// (Next loads lib/ more than once) sees the same one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eventsDir } from '../config/env';
import type { DocumentDefinition } from '../documents/definition';
import { openDocument, openSecretDocument, type Document } from '../documents/document';
import { checkpointDocument } from './checkpoint-file';
import { databaseLogChunks, fileLogChunks } from './export';
import { FileKeyValueStore } from './file-key-value';
import { checkNamespace, type KeyValueOptions, type KeyValueStore } from './key-value';
import { scanLines } from './log-lines';
import { PostgresDocument } from './postgres/document';
import { lastSeq } from './postgres/event-log';
import { databaseCheckpoint } from './postgres/checkpoints';
import { sharedHub, type PgHub } from './postgres/hub';
import { PostgresKeyValueStore, sweepExpired } from './postgres/key-value';
import { runAsLeader, type Leadership, type LeaderOptions } from './postgres/leader';
import { PgLog } from './postgres/pg-log';
import type { CheckpointStore } from './processor';
import { singleton } from './registry';
import type { DomainEvent, StoreOptions, WriteHealth } from './types';

export interface Backend {
  readonly kind: 'files' | 'postgres';
  /** A store's options with this backend's log (the files backend leaves the store's own default, `<dir>/<name>.jsonl`). */
  withLog<S, E extends DomainEvent>(options: StoreOptions<S, E>): StoreOptions<S, E>;
  /** Where the processor `name` (the announcer) keeps how far it got. */
  checkpoint(name: string): CheckpointStore;
  /**
   * Runs work that one instance at a time may do (the announcer): with files at once (the
   * directory lock makes this process the only one), on PostgreSQL whenever this instance is
   * elected, stopped when it is not any more.
   */
  lead(role: string, work: Pick<LeaderOptions, 'onElected' | 'onDeposed'>): Leadership;
  /**
   * The key-value store `namespace` (lib/eventstore/key-value.ts): on files the 0600 document
   * `<dir>/<namespace>.json`, bounded by `maxEntries`; on PostgreSQL its rows of `shelf_kv`, one
   * store for every instance. The same object for the same namespace, process-wide.
   */
  keyValue(namespace: string, options: KeyValueOptions): KeyValueStore;
  /**
   * The document `definition.name` (lib/documents/definition.ts): on files the lowdb document
   * `<dir>/<name>.json` (0600 for a secret), as it always was; on PostgreSQL the row `<name>` of
   * `shelf_documents`, one for every instance, kept in memory and read again when another instance
   * writes it (lib/eventstore/postgres/document.ts). The same object for the same name, process-wide.
   */
  document<T>(definition: DocumentDefinition<T>): Document<T>;
  /** Whether the backend answers: not while the database is away. */
  health(): WriteHealth;
  /**
   * A store's log as JSON lines without booting the store (a backup while the server runs): the
   * file up to its last complete line, or the database's rows up to the last one now. Undefined
   * when there is no such log.
   */
  exportLog(store: string): Promise<AsyncIterable<Buffer> | undefined>;
  /** Releases what the backend holds (the database's connections). */
  close(): Promise<void>;
}

/** DATABASE_URL, the one place it is read: the database the logs live in, or undefined for files. */
export const databaseUrl = (env: Record<string, string | undefined> = process.env): string | undefined => env.DATABASE_URL?.trim() || undefined;

/** The backend of this process, chosen at the first call (the server's boot) from the environment. */
export function backend(): Backend {
  return singleton('backend', () => chooseBackend(process.env));
}

export function chooseBackend(env: Record<string, string | undefined>): Backend {
  const url = databaseUrl(env);
  return url ? postgresBackend(sharedHub(url)) : filesBackend(() => eventsDir());
}

const HEALTHY: WriteHealth = { ok: true };

export function filesBackend(dir: () => string): Backend {
  return {
    kind: 'files',
    withLog: (options) => options,
    checkpoint: (name) => checkpointDocument(join(dir(), `${name}.checkpoint.json`)),
    keyValue: (namespace, options) => {
      const file = join(dir(), `${checkNamespace(namespace)}.json`);
      return singleton(`key-value:${file}`, () => new FileKeyValueStore(file, options));
    },
    document: ({ name, schema, defaults, secret }) => (secret ? openSecretDocument : openDocument)(join(dir(), `${name}.json`), schema, defaults),
    lead(role, work) {
      let leading = true;
      Promise.resolve(work.onElected()).catch((err) => console.error(`${role}: cannot start: ${(err as Error).message}`));
      return {
        isLeader: () => leading,
        async stop() {
          if (!leading) return;
          leading = false;
          await work.onDeposed();
        },
      };
    },
    health: () => HEALTHY,
    async exportLog(store) {
      const file = join(dir(), `${store}.jsonl`);
      if (!existsSync(file)) return undefined;
      // Up to the end of the last complete line: a write in flight is not part of the copy.
      let size = 0;
      for (const line of scanLines(file)) if (line.terminated) size = line.offset + line.bytes + 1;
      return fileLogChunks(file, size);
    },
    close: async () => {},
  };
}

export function postgresBackend(hub: PgHub): Backend {
  return {
    kind: 'postgres',
    withLog: (options) => (options.log ? options : { ...options, log: (codec) => new PgLog(codec, hub) }),
    checkpoint: (name) => databaseCheckpoint(hub.sql, name),
    lead: (role, work) => runAsLeader(hub, role, { ...work, log: console }),
    keyValue: (namespace, _options) =>
      singleton(`key-value:${hub.url}:${checkNamespace(namespace)}`, () => {
        sweepHourly(hub);
        return new PostgresKeyValueStore(hub, namespace);
      }),
    document: (definition) => singleton(`document:${hub.url}:${definition.name}`, () => new PostgresDocument(hub, definition)),
    health: () => hub.health(),
    async exportLog(store) {
      await hub.ready;
      const last = await lastSeq(hub.sql, store);
      return last === 0 ? undefined : databaseLogChunks(hub.sql, store, last);
    },
    close: () => hub.close(),
  };
}

/** Expired key-value rows are skipped by reads; an hourly sweep (one per database and process) deletes them. */
function sweepHourly(hub: PgHub): void {
  singleton(`key-value-sweep:${hub.url}`, () =>
    setInterval(() => {
      hub.ready.then(() => sweepExpired(hub.sql)).catch((err: Error) => console.warn(`key-value: could not sweep expired entries: ${err.message}`));
    }, 3_600_000).unref(),
  );
}
