import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeAllEventStreams, openEventStream, openStreamCount, parseSeq, type LiveSource } from './event-stream';

/** A store stand-in: counts its subscribers, emits events on demand. */
function fakeSource(version = 0) {
  const listeners = new Set<(event: { seq: number; type: string }) => void>();
  const source: LiveSource = {
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (type = 'MediaFinished') => {
    version++;
    for (const l of listeners) l({ seq: version, type });
  };
  return { source, listeners, emit };
}

const decoder = new TextDecoder();
async function readText(reader: ReadableStreamDefaultReader<Uint8Array>, chunks: number): Promise<string> {
  let text = '';
  for (let i = 0; i < chunks; i++) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

afterEach(() => {
  vi.useRealTimers();
  expect(openStreamCount()).toBe(0); // every test cleans up after itself, or it leaked
});

describe('openEventStream', () => {
  it('tells the browser to retry after 1 s, then says ready with the current seq as the event id', async () => {
    const { source } = fakeSource(7);
    const reader = openEventStream({ source }).getReader();
    expect(await readText(reader, 2)).toBe('retry: 1000\n\nid: 7\nevent: ready\ndata: {"seq":7}\n\n');
    await reader.cancel();
  });

  it('sends a change with the seq as id for each relevant event, and nothing for the others', async () => {
    const { source, emit } = fakeSource(0);
    const reader = openEventStream({ source, relevant: (e) => e.type.startsWith('Media') }).getReader();
    await readText(reader, 2);
    emit('MediaFinished');
    expect(await readText(reader, 1)).toBe('id: 1\nevent: change\ndata: {"seq":1}\n\n');
    emit('AnnouncementPosted');
    emit('MediaEdited');
    expect(await readText(reader, 1)).toBe('id: 3\nevent: change\ndata: {"seq":3}\n\n');
    await reader.cancel();
  });

  it('folds a burst of events into one change carrying the last seq', async () => {
    vi.useFakeTimers();
    const { source, emit } = fakeSource(0);
    const reader = openEventStream({ source, coalesceMs: 50 }).getReader();
    await readText(reader, 2);
    for (let i = 0; i < 1000; i++) emit('OrderPlaced');
    vi.advanceTimersByTime(50);
    emit('OrderPlaced');
    vi.advanceTimersByTime(50);
    expect(await readText(reader, 2)).toBe('id: 1000\nevent: change\ndata: {"seq":1000}\n\nid: 1001\nevent: change\ndata: {"seq":1001}\n\n');
    await reader.cancel();
  });

  it('sends a change at once to a client that last saw another seq (a reconnect, or a page rendered before an event)', async () => {
    const { source } = fakeSource(12);
    const behind = openEventStream({ source, since: 10 }).getReader();
    expect(await readText(behind, 2)).toContain('id: 12\nevent: change\n');
    const current = openEventStream({ source, since: 12 }).getReader();
    expect(await readText(current, 2)).toContain('id: 12\nevent: ready\n');
    await behind.cancel();
    await current.cancel();
  });

  it('unsubscribes when the reader cancels (Next cancels the body when the client goes away)', async () => {
    const { source, listeners } = fakeSource();
    const reader = openEventStream({ source }).getReader();
    expect(listeners.size).toBe(1);
    expect(openStreamCount()).toBe(1);
    await reader.cancel();
    expect(listeners.size).toBe(0);
    expect(openStreamCount()).toBe(0);
  });

  it('unsubscribes and ends the stream when the request is aborted', async () => {
    const { source, listeners } = fakeSource();
    const abort = new AbortController();
    const reader = openEventStream({ source, signal: abort.signal }).getReader();
    await readText(reader, 2);
    abort.abort();
    expect(listeners.size).toBe(0);
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it('holds nothing for a request that was aborted before it started', async () => {
    const { source, listeners } = fakeSource();
    const abort = new AbortController();
    abort.abort();
    const reader = openEventStream({ source, signal: abort.signal }).getReader();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(listeners.size).toBe(0);
  });

  it('leaks no subscriber over many streams opened and closed in any order, by cancel or abort', async () => {
    const { source, listeners, emit } = fakeSource();
    const open = Array.from({ length: 300 }, (_, i) => {
      const abort = new AbortController();
      return { i, abort, reader: openEventStream({ source, signal: abort.signal }).getReader() };
    });
    expect(listeners.size).toBe(300);
    emit();
    for (const s of open.sort((a, b) => ((a.i * 7919) % 300) - ((b.i * 7919) % 300))) {
      if (s.i % 2) await s.reader.cancel();
      else s.abort.abort();
      s.abort.abort(); // closing twice is harmless
    }
    expect(listeners.size).toBe(0);
    expect(openStreamCount()).toBe(0);
  });

  it('sends a heartbeat comment on the interval, and stops it on close', async () => {
    vi.useFakeTimers();
    const { source } = fakeSource();
    const reader = openEventStream({ source, heartbeatMs: 15_000 }).getReader();
    await readText(reader, 2);
    vi.advanceTimersByTime(15_000);
    expect(await readText(reader, 1)).toBe(': heartbeat\n\n');
    await reader.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops a client that stops reading, instead of buffering for it forever', async () => {
    vi.useFakeTimers();
    const { source, listeners, emit } = fakeSource();
    const reader = openEventStream({ source, maxQueued: 8, coalesceMs: 10 }).getReader();
    for (let i = 0; i < 20; i++) {
      emit();
      vi.advanceTimersByTime(10);
    }
    expect(listeners.size).toBe(0);
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(text).toContain('event: change'); // what was queued is still delivered, then the stream ends
  });

  it('turns clients away past maxStreams without subscribing, and admits them again once others leave', async () => {
    const { source, listeners } = fakeSource();
    const first = openEventStream({ source, maxStreams: 2 }).getReader();
    const second = openEventStream({ source, maxStreams: 2 }).getReader();
    const third = openEventStream({ source, maxStreams: 2 }).getReader();
    expect(listeners.size).toBe(2);
    expect(await readText(third, 3)).toBe('retry: 30000\n\nevent: busy\ndata: {}\n\n');
    await first.cancel();
    const fourth = openEventStream({ source, maxStreams: 2 }).getReader();
    expect(await readText(fourth, 2)).toContain('event: ready');
    await second.cancel();
    await fourth.cancel();
  });
});

describe('openEventStream per client', () => {
  it('lets one client hold at most maxStreamsPerClient streams, leaving room for everyone else', async () => {
    const { source, listeners } = fakeSource();
    const greedy = Array.from({ length: 3 }, () => openEventStream({ source, client: '203.0.113.7', maxStreamsPerClient: 2, maxStreams: 10 }).getReader());
    expect(listeners.size).toBe(2);
    expect(await readText(greedy[2]!, 3)).toBe('retry: 30000\n\nevent: busy\ndata: {}\n\n');
    const other = openEventStream({ source, client: '198.51.100.4', maxStreamsPerClient: 2, maxStreams: 10 }).getReader();
    expect(await readText(other, 2)).toContain('event: ready');
    await greedy[0]!.cancel();
    const again = openEventStream({ source, client: '203.0.113.7', maxStreamsPerClient: 2, maxStreams: 10 }).getReader();
    expect(await readText(again, 2)).toContain('event: ready');
    for (const reader of [greedy[1]!, other, again]) await reader.cancel();
  });
});

describe('closeAllEventStreams', () => {
  it('ends every open stream and drops their subscriptions (for shutdown)', async () => {
    const { source, listeners } = fakeSource();
    const readers = Array.from({ length: 5 }, () => openEventStream({ source }).getReader());
    expect(listeners.size).toBe(5);
    closeAllEventStreams();
    expect(listeners.size).toBe(0);
    for (const reader of readers) {
      await readText(reader, 2);
      expect((await reader.read()).done).toBe(true);
    }
  });
});

describe('parseSeq', () => {
  it('reads a seq and refuses anything else', () => {
    expect(parseSeq('42')).toBe(42);
    expect(parseSeq(' 0 ')).toBe(0);
    for (const bad of [null, undefined, '', '-1', '1.5', 'abc', '1e3', '9999999999999999999']) expect(parseSeq(bad)).toBeUndefined();
  });
});
