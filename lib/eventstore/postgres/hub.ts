// One connection pool per database and process, shared by its stores: the schema check at start,
// one LISTEN for every store's notifications, a periodic catch-up in case one was missed (after a
// reconnect), and whether the database answers (for /healthz and the 503s of writes).
import { singleton } from '../registry';
import { connectDatabase, isConnectionError, type Database, type OpenOptions } from './connection';
import { NOTIFY_CHANNEL } from './schema';

/** How often each store looks for events it was not notified of. */
export const POLL_MS = 2000;

export interface PgHub {
  readonly url: string;
  /** The pool; only use after `ready`. */
  readonly sql: Database;
  /** Resolves once connected and the schema exists; rejects with an error naming the host. */
  readonly ready: Promise<void>;
  /** Calls `onChange` when the store may have new events: a notification, a (re)connect of the listener, every POLL_MS. */
  follow(store: string, onChange: () => void): () => void;
  /** Down while queries fail for want of a connection; up again at the next success. */
  health(): { ok: true } | { ok: false; reason: string };
  /** Records a query's outcome: connection errors mark the database down, anything else up. */
  observe(err?: unknown): void;
  close(): Promise<void>;
}

export function createHub(url: string, options: OpenOptions & { pollMs?: number } = {}): PgHub {
  return new Hub(url, options);
}

const HUBS = 'postgres:hubs';
const hubs = () => singleton(HUBS, () => new Map<string, PgHub>());

/** The process-wide hub of `url` (DATABASE_URL). */
export function sharedHub(url: string): PgHub {
  const all = hubs();
  let hub = all.get(url);
  if (!hub) all.set(url, (hub = createHub(url)));
  return hub;
}

/** Why a database this process uses is not answering, if one is not (for /healthz). */
export function databaseTrouble(): string | undefined {
  for (const hub of hubs().values()) {
    const h = hub.health();
    if (!h.ok) return h.reason;
  }
  return undefined;
}

class Hub implements PgHub {
  sql!: Database;
  readonly ready: Promise<void>;
  private readonly followers = new Map<string, Set<() => void>>();
  private down?: string;
  private closed = false;
  private timer?: NodeJS.Timeout;
  private listening?: Promise<{ unlisten(): Promise<void> }>;

  constructor(
    readonly url: string,
    private readonly options: OpenOptions & { pollMs?: number },
  ) {
    this.ready = connectDatabase(url, options).then((sql) => {
      this.sql = sql;
    });
    this.ready.catch(() => {});
  }

  follow(store: string, onChange: () => void): () => void {
    let set = this.followers.get(store);
    if (!set) this.followers.set(store, (set = new Set()));
    set.add(onChange);
    this.listening ??= this.sql.listen(
      NOTIFY_CHANNEL,
      (name) => this.wake(name),
      // Also on every reconnect of the listening connection: anything sent meanwhile was missed.
      () => this.wakeAll(),
    );
    this.listening.catch((err) => this.observe(err));
    this.timer ??= setInterval(() => this.wakeAll(), this.options.pollMs ?? POLL_MS).unref();
    return () => set.delete(onChange);
  }

  health(): { ok: true } | { ok: false; reason: string } {
    return this.down === undefined ? { ok: true } : { ok: false, reason: this.down };
  }

  observe(err?: unknown): void {
    if (this.closed) return;
    if (err === undefined) this.down = undefined;
    else if (isConnectionError(err)) {
      const reason = `the event log's database does not answer (${(err as Error).message})`;
      if (this.down === undefined) console.error(`postgres: ${reason}; reads are served from memory, writes answer 503 until it is back`);
      this.down = reason;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.ready.catch(() => {});
    if (this.sql) await this.sql.end({ timeout: 1 });
  }

  private wake(store: string): void {
    for (const fn of this.followers.get(store) ?? []) fn();
  }

  private wakeAll(): void {
    for (const store of this.followers.keys()) this.wake(store);
  }
}
