// Server-sent events from a store's subscribe(): one ReadableStream per client that tells it "the
// state changed at seq N", nothing more (pages then re-render from the snapshot, so no event data,
// private entries included, ever leaves the server this way).
import { singleton } from '../eventstore';

/** What a stream needs of a store. */
export interface LiveSource {
  version(): number;
  subscribe(listener: (event: { seq: number; type: string }) => void): () => void;
}

export interface EventStreamOptions {
  source: LiveSource;
  /** The last seq the client saw (Last-Event-ID on a reconnect, or the version its page was rendered at). */
  since?: number;
  /** Which events are worth a refresh (default: all). */
  relevant?: (event: { seq: number; type: string }) => boolean;
  /** The request's signal: the client left. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** How long the browser waits before reconnecting (the SSE `retry:` field). */
  retryMs?: number;
  /** Open streams allowed per process; past it a client is told to come back later. */
  maxStreams?: number;
  /** Who is asking (lib/auth/client-key.ts): one client may hold at most `maxStreamsPerClient` of them. */
  client?: string;
  maxStreamsPerClient?: number;
  /** A client this many messages behind is dropped (it reconnects and catches up by Last-Event-ID). */
  maxQueued?: number;
  /** Events within this many ms become one `change` (the last seq): a burst of orders is one message, not thousands. */
  coalesceMs?: number;
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform: keeps the compression layer from buffering the stream.
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
} as const;

const DEFAULTS = { heartbeatMs: 15_000, retryMs: 1_000, maxStreams: 1_000, maxStreamsPerClient: 16, maxQueued: 64, coalesceMs: 50 };
const BUSY_RETRY_MS = 30_000;

/** The open streams' closers, process-wide: Next may load this module more than once. */
const streams = () => singleton('live:event-streams', () => new Set<() => void>());

/** Open streams per client, so that one client cannot hold every stream the server allows. */
const perClient = () => singleton('live:event-streams-per-client', () => new Map<string, number>());

/** How many event streams are open in this process (each holds exactly one store subscription). */
export const openStreamCount = () => streams().size;

/**
 * Ends every open stream (browsers reconnect by themselves). For shutdown: the HTTP server waits
 * for open responses before it exits, and an event stream never ends on its own.
 */
export function closeAllEventStreams(): void {
  for (const end of [...streams()]) end();
}

const message = (event: string, seq: number) => `id: ${seq}\nevent: ${event}\ndata: {"seq":${seq}}\n\n`;

export function openEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const { source, since, relevant, signal } = options;
  const heartbeatMs = options.heartbeatMs ?? DEFAULTS.heartbeatMs;
  const retryMs = options.retryMs ?? DEFAULTS.retryMs;
  const maxStreams = options.maxStreams ?? DEFAULTS.maxStreams;
  const maxQueued = options.maxQueued ?? DEFAULTS.maxQueued;
  const coalesceMs = options.coalesceMs ?? DEFAULTS.coalesceMs;
  const encoder = new TextEncoder();
  const maxStreamsPerClient = options.maxStreamsPerClient ?? DEFAULTS.maxStreamsPerClient;
  const client = options.client;
  const open = streams();
  if (open.size >= maxStreams) return goAwayStream(BUSY_RETRY_MS, 'busy');
  const clients = perClient();
  if (client !== undefined && (clients.get(client) ?? 0) >= maxStreamsPerClient) return goAwayStream(BUSY_RETRY_MS, 'busy');

  let finish: () => void = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (signal?.aborted) return controller.close();
      let closed = false;

      const end = () => {
        finish();
        try {
          controller.close();
        } catch {
          // already closed or cancelled
        }
      };
      const send = (text: string) => {
        if (closed) return;
        if ((controller.desiredSize ?? 0) < -maxQueued) return end();
        controller.enqueue(encoder.encode(text));
      };

      let latest: number | undefined;
      let flush: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = source.subscribe((event) => {
        if (relevant && !relevant(event)) return;
        latest = event.seq;
        flush ??= setTimeout(() => {
          flush = undefined;
          send(message('change', latest!));
        }, coalesceMs);
      });
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      (heartbeat as { unref?: () => void }).unref?.();
      signal?.addEventListener('abort', end, { once: true });
      open.add(end);
      if (client !== undefined) clients.set(client, (clients.get(client) ?? 0) + 1);

      finish = () => {
        if (closed) return;
        closed = true;
        open.delete(end);
        if (client !== undefined) {
          const left = (clients.get(client) ?? 1) - 1;
          if (left > 0) clients.set(client, left);
          else clients.delete(client);
        }
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(flush);
        signal?.removeEventListener('abort', end);
      };

      const version = source.version();
      send(`retry: ${retryMs}\n\n`);
      // A client that last saw another seq missed something (while it was away, or since its page rendered).
      send(message(since !== undefined && since !== version ? 'change' : 'ready', version));
    },
    cancel() {
      finish();
    },
  });
}

/** Parses a Last-Event-ID or `since` value: a seq, or undefined. */
export function parseSeq(raw: string | null | undefined): number | undefined {
  if (raw == null || !/^\d{1,15}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

/**
 * A stream that holds nothing: it asks the browser to reconnect in `retryMs` and ends. For a
 * server that has too many streams open (`busy`) or is shutting down (`restarting`).
 */
export function goAwayStream(retryMs: number, event: 'busy' | 'restarting'): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(`retry: ${retryMs}\n\nevent: ${event}\ndata: {}\n\n`));
      controller.close();
    },
  });
}
