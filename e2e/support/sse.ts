// Reads a server-sent event stream from Node, as a test client that can count and hang up.

export interface SseClient {
  /** The first `event:` name the server sent (`ready`, `change` or `busy`). */
  firstEvent: Promise<string>;
  close(): void;
}

export function openSse(url: string, headers: Record<string, string> = {}): SseClient {
  const abort = new AbortController();
  const firstEvent = (async () => {
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    for (;;) {
      const match = /^event: (\w+)$/m.exec(text);
      if (match) return match[1]!;
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before any event: ${JSON.stringify(text)}`);
      text += value;
    }
  })();
  firstEvent.catch(() => {}); // a test that closes early does not care
  return { firstEvent, close: () => abort.abort() };
}
