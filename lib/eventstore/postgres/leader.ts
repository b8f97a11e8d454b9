// Leader election for work that must happen on one instance only (the announcer): the leader
// holds a session-level advisory lock on a connection of its own. When its process dies or its
// connection drops, the server releases the lock and another instance's next try takes it.
import type { ReservedSql } from 'postgres';
import type { PgHub } from './hub';

/** How often a follower tries for the lock, and a leader checks it still has its connection. */
export const LEADER_CHECK_MS = 2000;

export interface Leadership {
  isLeader(): boolean;
  /** Steps down (the work is stopped first) and stops trying. */
  stop(): Promise<void>;
}

export interface LeaderOptions {
  /** Starts the work; called each time this instance becomes the leader. */
  onElected: () => Promise<void> | void;
  /** Stops the work; called when leadership is lost (the connection dropped) or on stop(). */
  onDeposed: () => Promise<void> | void;
  checkMs?: number;
  log?: Pick<Console, 'info' | 'warn'>;
}

export function runAsLeader(hub: PgHub, role: string, options: LeaderOptions): Leadership {
  return new Election(hub, role, options);
}

class Election implements Leadership {
  private conn?: ReservedSql<{ bigint: number }>;
  private leading = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private turn: Promise<void> = Promise.resolve();
  private readonly label: string;

  constructor(
    private readonly hub: PgHub,
    private readonly role: string,
    private readonly options: LeaderOptions,
  ) {
    this.label = `shelf:leader:${role}`;
    this.schedule(0);
  }

  isLeader(): boolean {
    return this.leading;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.turn;
    if (this.leading) await this.depose('stopping');
    if (this.conn) {
      await this.conn`select pg_advisory_unlock_all()`.catch(() => {});
      this.conn.release();
      this.conn = undefined;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.turn = this.tick().finally(() => this.schedule(this.options.checkMs ?? LEADER_CHECK_MS));
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.hub.ready;
      this.conn ??= await this.hub.sql.reserve();
      if (this.leading) {
        await this.conn`select 1`;
        return;
      }
      const [row] = await this.conn<{ got: boolean }[]>`select pg_try_advisory_lock(hashtextextended(${this.label}, 0)) as got`;
      if (!row!.got || this.stopped) return;
      this.leading = true;
      this.options.log?.info(`${this.role}: this instance is the leader`);
      await this.options.onElected();
    } catch (err) {
      // The connection is gone, and with it the lock (the server drops a dead session's locks).
      const conn = this.conn;
      this.conn = undefined;
      conn?.release();
      if (this.leading) await this.depose(`lost the database connection (${(err as Error).message})`);
    }
  }

  private async depose(why: string): Promise<void> {
    this.leading = false;
    this.options.log?.warn(`${this.role}: no longer the leader: ${why}`);
    await this.options.onDeposed();
  }
}
