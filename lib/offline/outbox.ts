// The queue at work in the browser: sends it with the session cookie, one pass at a time (also
// across tabs, with a Web Lock where there is one), and tells the page when it changed.
import { idbQueueStorage } from './idb-storage';
import { byQueueOrder, edited, flushQueue, queued, type FlushResult, type QueuedEntry, type QuickEntry, type SendEntry } from './queue';

export const ENTRY_ENDPOINT = '/api/media';
const CHANGED = 'shelf-queue-changed';
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANGED);

const announce = () => {
  window.dispatchEvent(new Event(CHANGED));
  channel?.postMessage('changed');
};

/** Calls `listener` whenever the queue changes, here or in another tab. Returns the unsubscribe. */
export function onQueueChange(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  channel?.addEventListener('message', listener);
  return () => {
    window.removeEventListener(CHANGED, listener);
    channel?.removeEventListener('message', listener);
  };
}

export async function queuedEntries(): Promise<QueuedEntry[]> {
  return (await idbQueueStorage.all()).sort(byQueueOrder);
}

/** A random key: crypto.randomUUID needs a secure context, getRandomValues does not. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function enqueue(entry: QuickEntry): Promise<QueuedEntry> {
  const item = queued(entry, newKey());
  await idbQueueStorage.put(item);
  announce();
  return item;
}

export async function updateQueued(key: string, entry: QuickEntry): Promise<void> {
  const item = await idbQueueStorage.get(key);
  if (!item) return;
  await idbQueueStorage.put(edited(item, entry));
  announce();
}

export async function removeQueued(key: string): Promise<void> {
  await idbQueueStorage.remove(key);
  announce();
}

const sendWithSession: SendEntry = async (item) => {
  const response = await fetch(ENTRY_ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'idempotency-key': item.key },
    body: JSON.stringify(item.entry),
  });
  const body: unknown = await response.json().catch(() => null);
  return { status: response.status, body };
};

let running: Promise<FlushResult> | undefined;

/** Sends the queue now; a call while a pass runs waits for it and then runs one more. */
export async function sendQueue(): Promise<FlushResult> {
  const previous = running;
  const pass = (async () => {
    await previous?.catch(() => undefined);
    const run = () => flushQueue(idbQueueStorage, sendWithSession);
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    try {
      return locks ? await locks.request('shelf-offline-queue', run) : await run();
    } finally {
      announce();
    }
  })();
  running = pass;
  return pass;
}
