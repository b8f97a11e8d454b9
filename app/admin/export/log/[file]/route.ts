import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { requireAdminForRoute } from '@/lib/auth';
import { findHistorySource } from '@/lib/history/sources';
import { jsonError } from '@/lib/http/json';
import { databaseLogChunks } from '@/lib/eventstore/export';
import { sharedHub } from '@/lib/eventstore/postgres/hub';

export const dynamic = 'force-dynamic';

/**
 * `GET /admin/export/log/<store>.jsonl`: the log file's exact bytes, up to the last committed
 * event (a write in flight past that point is not part of the download), as an attachment.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const denied = await requireAdminForRoute();
  if (denied) return denied;
  const name = /^([a-z][a-z0-9-]*)\.jsonl$/.exec((await params).file)?.[1];
  const source = name ? findHistorySource(name) : undefined;
  const store = source && (await source.open());
  if (!store) return jsonError(404, `No store log named ${(await params).file}`);

  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    // On PostgreSQL: the rows up to the version at this moment, encoded as the file's lines.
    const chunks = databaseLogChunks(sharedHub(databaseUrl).sql, store.name, store.version());
    return new Response(Readable.toWeb(Readable.from(chunks)) as ReadableStream<Uint8Array>, {
      headers: {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="${store.name}.jsonl"`,
        'cache-control': 'no-store',
      },
    });
  }
  const size = store.committedBytes();
  // The committed bytes never change (the log is append-only), so this range is a consistent copy.
  const body = size === 0 ? null : (Readable.toWeb(createReadStream(store.file, { start: 0, end: size - 1 })) as ReadableStream<Uint8Array>);
  return new Response(body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-length': String(size),
      'content-disposition': `attachment; filename="${store.name}.jsonl"`,
      'cache-control': 'no-store',
    },
  });
}
