// The offline queue's rules, free of IndexedDB and fetch so that they can be tested in Node: what
// a queued entry holds, and how one pass sends the queue in order and files each answer.

/** The quick log's fields, as the JSON API takes them. */
export interface QuickEntry {
  kind: string;
  title: string;
  rating?: number;
  review?: string;
  url?: string;
  creator?: string;
  coverUrl?: string;
  /** The day it was logged on the device, in the owner's zone: kept however late it is sent. */
  finishedOn: string;
}

export type QueueState = 'waiting' | 'refused' | 'needs-login';

export interface QueuedEntry {
  /** The Idempotency-Key, made once when queued and sent with every attempt; also the storage key. */
  key: string;
  /** When it was queued (ISO): the queue is sent oldest first. */
  queuedAt: string;
  entry: QuickEntry;
  state: QueueState;
  /** Why it is not sent yet: the server's refusal, or the last failed attempt. */
  reason?: string;
  /** The server's message per field, for a refused entry. */
  fields?: Record<string, string>;
  attempts: number;
}

export interface QueueStorage {
  all(): Promise<QueuedEntry[]>;
  get(key: string): Promise<QueuedEntry | undefined>;
  put(item: QueuedEntry): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Sends one entry (POST with the Idempotency-Key); rejects when no answer came back. */
export type SendEntry = (item: QueuedEntry) => Promise<{ status: number; body: unknown }>;

export interface FlushResult {
  /** Entries the server confirmed (201: logged now, or earlier under the same key). */
  sent: { key: string; title: string; entryId?: string }[];
  /** Entries the server refused in this pass (kept, with the reason). */
  refused: number;
  /** The session is missing or expired: the queue waits for a login. */
  needsLogin: boolean;
  /** No answer or a server-side failure: try again later, the entries keep their keys. */
  retryLater: boolean;
}

export const byQueueOrder = (a: QueuedEntry, b: QueuedEntry) => a.queuedAt.localeCompare(b.queuedAt) || a.key.localeCompare(b.key);

/** A new queue item for an entry typed now. */
export function queued(entry: QuickEntry, key: string, now: Date = new Date()): QueuedEntry {
  return { key, queuedAt: now.toISOString(), entry: compactEntry(entry), state: 'waiting', attempts: 0 };
}

/** The same item with new fields, waiting again. The key stays: if an earlier attempt did reach the server, it must not log twice. */
export function edited(item: QueuedEntry, entry: QuickEntry): QueuedEntry {
  return { ...item, entry: compactEntry({ ...entry, finishedOn: entry.finishedOn || item.entry.finishedOn }), state: 'waiting', reason: undefined, fields: undefined };
}

/** Drops empty optional fields, so the JSON carries only what was typed. */
export function compactEntry(entry: QuickEntry): QuickEntry {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entry)) {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    out[name] = typeof value === 'string' ? value.trim() : value;
  }
  return out as unknown as QuickEntry;
}

const errorText = (body: unknown, status: number) =>
  typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string'
    ? (body as { error: string }).error
    : `The server answered ${status}`;

const fieldsOf = (body: unknown): Record<string, string> | undefined => {
  const fields = typeof body === 'object' && body !== null ? (body as { fields?: unknown }).fields : undefined;
  return typeof fields === 'object' && fields !== null ? (fields as Record<string, string>) : undefined;
};

/** Statuses that mean "not now" rather than "not this": the same request may succeed later. */
const isTransient = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * One pass over the queue, oldest first. A waiting entry (or one that waited for a login) is sent;
 * 2xx removes it; 401 stops the pass and marks it as waiting for a login; another 4xx marks it
 * refused with the server's reason and fields (it stays until fixed or removed) and the pass goes
 * on; no answer or a 5xx stops the pass, to be retried with the same key. Refused entries are sent
 * again only after an edit (or "send again") makes them waiting.
 */
export async function flushQueue(storage: QueueStorage, send: SendEntry): Promise<FlushResult> {
  const result: FlushResult = { sent: [], refused: 0, needsLogin: false, retryLater: false };
  const keys = (await storage.all()).sort(byQueueOrder).map((item) => item.key);
  for (const key of keys) {
    // Read again: the owner may have edited or removed it while earlier ones were sent.
    const item = await storage.get(key);
    if (!item || item.state === 'refused') continue;
    const attempt = { ...item, attempts: item.attempts + 1 };
    let answer: { status: number; body: unknown };
    try {
      answer = await send(attempt);
    } catch (err) {
      await storage.put({ ...attempt, state: 'waiting', reason: `Not sent yet: ${err instanceof Error ? err.message : 'no answer'}` });
      result.retryLater = true;
      break;
    }
    const { status, body } = answer;
    if (status >= 200 && status < 300) {
      await storage.remove(key);
      const entryId = (body as { entry?: { id?: unknown } } | null)?.entry?.id;
      result.sent.push({ key, title: item.entry.title, entryId: typeof entryId === 'string' ? entryId : undefined });
    } else if (status === 401) {
      await storage.put({ ...attempt, state: 'needs-login', reason: 'Your session has expired: log in to send it' });
      result.needsLogin = true;
      break;
    } else if (isTransient(status)) {
      await storage.put({ ...attempt, state: 'waiting', reason: `Not sent yet: ${errorText(body, status)}` });
      result.retryLater = true;
      break;
    } else {
      await storage.put({ ...attempt, state: 'refused', reason: errorText(body, status), fields: fieldsOf(body) });
      result.refused += 1;
    }
  }
  return result;
}
