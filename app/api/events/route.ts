import { clientKey } from '@/lib/auth/client-key';
import { jsonError } from '@/lib/http/json';
import { goAwayStream, openEventStream, parseSeq, SSE_HEADERS } from '@/lib/live/event-stream';
import { isShuttingDown } from '@/lib/live/shutdown';
import { liveStream } from '@/lib/live/sources';

export const dynamic = 'force-dynamic';

/**
 * Server-sent events: `change` (id = seq) whenever the store named by `?stream=` (media, orderbook)
 * records something. `?since=<seq>` or the Last-Event-ID header of a reconnect says what the client
 * already has, so it hears at once about anything it missed.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const name = params.get('stream') ?? 'media';
  const stream = await liveStream(name);
  if (!stream) return jsonError(404, `No live stream named "${name}"`, { stream: 'must be media or orderbook' });
  if (isShuttingDown()) {
    return new Response(goAwayStream(1_000, 'restarting'), { headers: { ...SSE_HEADERS, connection: 'close' } });
  }
  const maxStreams = parseSeq(process.env.LIVE_MAX_STREAMS) || undefined;
  const maxStreamsPerClient = parseSeq(process.env.LIVE_MAX_STREAMS_PER_CLIENT) || undefined;
  const body = openEventStream({
    ...stream,
    since: parseSeq(request.headers.get('last-event-id')) ?? parseSeq(params.get('since')),
    signal: request.signal,
    maxStreams,
    client: clientKey(request.headers),
    maxStreamsPerClient,
  });
  return new Response(body, { headers: SSE_HEADERS });
}
