import { Readable } from 'node:stream';
import { requireAdminForRoute } from '@/lib/auth';
import { findHistorySource } from '@/lib/history/sources';
import { jsonError } from '@/lib/http/json';

export const dynamic = 'force-dynamic';

/**
 * `GET /admin/export/log/<store>.jsonl`: the log as JSON lines, up to the last committed event (a
 * write in flight past that point is not part of the download), as an attachment: the file's exact
 * bytes, or the database's rows written the same way (the store's backend decides).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const denied = await requireAdminForRoute();
  if (denied) return denied;
  const name = /^([a-z][a-z0-9-]*)\.jsonl$/.exec((await params).file)?.[1];
  const source = name ? findHistorySource(name) : undefined;
  const store = source && (await source.open());
  if (!store) return jsonError(404, `No store log named ${(await params).file}`);
  return new Response(Readable.toWeb(Readable.from(store.export())) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="${store.name}.jsonl"`,
      'cache-control': 'no-store',
    },
  });
}
