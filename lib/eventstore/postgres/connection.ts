// One PostgreSQL client per DATABASE_URL and process, with Shelf's settings: bigints as numbers
// (seqs stay far below 2^53), short connect timeout and reconnect backoff (a write fails fast with
// 503 rather than hanging while the server is away, and succeeds as soon as it is back), and
// errors that say which host could not be reached.
import postgres, { type Sql } from 'postgres';
import { ensureSchema } from './schema';

export type Database = Sql<{ bigint: number }>;

export interface OpenOptions {
  /** Called with each query's text (tests count round trips with it). */
  onQuery?: (query: string) => void;
  /** Pool size (default 4: writes are serialised per store anyway). */
  max?: number;
}

/** A client for `url`; nothing connects until the first query. */
export function openDatabase(url: string, options: OpenOptions = {}): Database {
  return postgres(url, {
    max: options.max ?? 4,
    connect_timeout: 5,
    // Reconnect soon after a failure (postgres.js waits up to 20 s by default after a few): once
    // the server is back, the next write must not sit out a backoff meant for a busy server.
    backoff: (retries: number) => Math.min(0.05 * retries, 0.25),
    idle_timeout: 60,
    onnotice: () => {},
    types: {
      bigint: { to: 20, from: [20], serialize: (n: number) => String(n), parse: (s: string) => Number(s) },
    },
    ...(options.onQuery ? { debug: (_c: number, query: string) => options.onQuery!(query) } : {}),
  }) as unknown as Database;
}

/** Connects, creates the schema if missing, or throws an error naming the host and what to check. */
export async function connectDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const sql = openDatabase(url, options);
  try {
    await ensureSchema(sql);
  } catch (err) {
    await sql.end({ timeout: 0 }).catch(() => {});
    throw new Error(describeConnectError(url, err), { cause: err });
  }
  return sql;
}

/** Where DATABASE_URL points, without its password. */
export function databaseLocation(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || ''}`;
  } catch {
    return '(DATABASE_URL is not a URL)';
  }
}

export function describeConnectError(url: string, err: unknown): string {
  const e = err as { code?: string; message?: string };
  const where = `PostgreSQL at ${databaseLocation(url)} (DATABASE_URL)`;
  const cause = `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`;
  if (e.code === '28P01' || e.code === '28000') return `cannot log in to ${where}: ${cause}. Check the user name and password in DATABASE_URL.`;
  if (e.code === '3D000') return `${where}: ${cause}. Create the database first (createdb), or fix its name in DATABASE_URL.`;
  if (e.code === '42501') return `${where}: ${cause}. The user needs the right to create tables in this database (Shelf creates its schema on first start).`;
  return (
    `cannot reach ${where}: ${cause}. Check that the server is running and listening on that host and port, ` +
    'that this machine may connect to it (listen_addresses, pg_hba.conf, firewall), and that DATABASE_URL is right.'
  );
}

/** Lost or refused connections (the server is away), as opposed to an error in a statement. */
export function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  if (!code) return false;
  if (/^(08|57P0)/.test(code)) return true;
  return [
    'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
    'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
    'SHELF_DEADLINE', // no answer within DATABASE_DEADLINE_MS (deadline.ts)
  ].includes(code);
}
