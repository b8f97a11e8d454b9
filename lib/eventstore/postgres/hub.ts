// One connection pool per database and process, shared by its stores: the schema check at start,
// one LISTEN for every store's notifications, a periodic catch-up in case one was missed (after a
// reconnect), and whether the database answers (for /healthz and the 503s of writes).
import { singleton } from '../registry';
import { connectDatabase, isConnectionError, type Database, type OpenOptions } from './connection';
import { deadlineFromEnv, withDeadline, type DeadlineError } from './deadline';
import { NOTIFY_CHANNEL } from './schema';

/** How often each store looks for events it was not notified of. */
export const POLL_MS = 2000;
/** While the database does not answer in time, how often it is asked again (`select 1`). */
export const PROBE_MS = 250;

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
  /** The longest a write waits for the database (DATABASE_DEADLINE_MS). */
  readonly deadlineMs: number;
  /**
   * Runs one query of the event log within the deadline: it is given up after three quarters of
   * it. After a query ran out of time (the database vanished without refusing: a network cut, a
   * frozen server), the database is "silent": a query first waits up to the last quarter for a
   * probe (`select 1`) to get an answer, and is refused if none does. So a write queued behind one
   * that ran out of time is answered within the deadline too, and the first write after the
   * database is back goes through.
   */
  timed<T>(run: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface HubOptions extends OpenOptions {
  pollMs?: number;
  /** Default: DATABASE_DEADLINE_MS, else 3000. */
  deadlineMs?: number;
}

export function createHub(url: string, options: HubOptions = {}): PgHub {
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
  readonly deadlineMs: number;
  private readonly followers = new Map<string, Set<() => void>>();
  private down?: string;
  /** Set when a query ran out of time; cleared by the first answer. */
  private silent?: string;
  private probing?: NodeJS.Timeout;
  private probeInFlight = false;
  /** Queries waiting for the silent database to answer a probe. */
  private readonly waiting = new Set<() => void>();
  private closed = false;
  private timer?: NodeJS.Timeout;
  private listening?: Promise<{ unlisten(): Promise<void> }>;

  constructor(
    readonly url: string,
    private readonly options: HubOptions,
  ) {
    this.deadlineMs = options.deadlineMs ?? deadlineFromEnv();
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

  async timed<T>(run: () => Promise<T>): Promise<T> {
    const grace = Math.floor(this.deadlineMs / 4);
    if (this.silent !== undefined && !(await this.answersWithin(grace))) {
      throw Object.assign(new Error(this.silent ?? 'the database stopped answering'), { code: 'SHELF_DEADLINE' });
    }
    try {
      return await withDeadline(run(), this.deadlineMs - grace);
    } catch (err) {
      if ((err as DeadlineError).name === 'DeadlineError') this.fellSilent(err as DeadlineError);
      throw err;
    }
  }

  private fellSilent(err: DeadlineError): void {
    if (this.closed) return;
    this.silent = `the event log's database stopped answering (${err.message}); asking again every ${PROBE_MS} ms`;
    this.observe(err);
    this.probing ??= setInterval(() => void this.probe(), PROBE_MS).unref();
  }

  /** Whether the silent database answers a probe within `ms` (one is started unless one is under way). */
  private answersWithin(ms: number): Promise<boolean> {
    void this.probe();
    return new Promise((resolve) => {
      const answered = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting.delete(answered);
        resolve(this.silent === undefined);
      }, ms);
      this.waiting.add(answered);
    });
  }

  private async probe(): Promise<void> {
    if (this.probeInFlight || this.closed) return;
    this.probeInFlight = true;
    try {
      await withDeadline(this.sql`select 1`, this.deadlineMs);
      this.observe();
    } catch (err) {
      this.observe(err);
    } finally {
      this.probeInFlight = false;
    }
  }

  observe(err?: unknown): void {
    if (this.closed) return;
    if (err === undefined) {
      this.down = undefined;
      this.silent = undefined;
      clearInterval(this.probing);
      this.probing = undefined;
      for (const answered of this.waiting) answered();
      this.waiting.clear();
    } else if (isConnectionError(err)) {
      const reason = `the event log's database does not answer (${(err as Error).message})`;
      if (this.down === undefined) console.error(`postgres: ${reason}; reads are served from memory, writes answer 503 until it is back`);
      this.down = reason;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.probing);
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
