import { authorizeOwnerRequest } from '@/lib/auth/owner-request';
import { isStoreUnavailable } from '@/lib/eventstore';
import { json, jsonError } from '@/lib/http/json';
import { importMaxBytes, readCappedBody } from '@/lib/import/body';
import { ImportFormatError } from '@/lib/import/format-error';
import type { ImportPlan } from '@/lib/import/plan';
import { completeImport, prepareImport, type ImportRequest } from '@/lib/import/run';
import { IMPORT_SOURCES, isImportSource } from '@/lib/import/sources';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/import?source=goodreads|letterboxd|shelf[&dryRun=1][&visibility=public|private]`, the
 * file as the body. Answers `{ dryRun, summary, rows }`; with `Accept: application/x-ndjson`, a
 * line `{"progress":{"done","total"}}` after each recorded batch, then `{"result": ...}`.
 */
export async function POST(request: Request) {
  const denied = await authorizeOwnerRequest(request);
  if (denied) return denied;
  const params = new URL(request.url).searchParams;
  const source = params.get('source');
  if (!isImportSource(source)) {
    return jsonError(400, `source must be one of: ${IMPORT_SOURCES.join(', ')}`, { source: `must be one of: ${IMPORT_SOURCES.join(', ')}` });
  }
  const visibility = params.get('visibility') || undefined;
  if (visibility !== undefined && visibility !== 'public' && visibility !== 'private') {
    return jsonError(400, 'visibility must be public or private', { visibility: 'must be public or private' });
  }
  const dryRunParam = params.get('dryRun');
  if (dryRunParam !== null && dryRunParam !== '0' && dryRunParam !== '1') {
    return jsonError(400, 'dryRun must be 1 or 0', { dryRun: 'must be 1 or 0' });
  }
  const body = await readCappedBody(request, importMaxBytes());
  if (!body.ok) return jsonError(body.status, body.error, { file: body.error });

  const job: ImportRequest = { source, bytes: body.bytes, dryRun: dryRunParam === '1', visibility };
  let plan: ImportPlan;
  try {
    plan = await prepareImport(job);
  } catch (err) {
    if (err instanceof ImportFormatError) return jsonError(err.status, err.message, { file: err.message });
    throw err;
  }
  if ((request.headers.get('accept') ?? '').includes('application/x-ndjson')) return progressStream(plan, job.dryRun);
  try {
    return json(await completeImport(plan, job.dryRun));
  } catch (err) {
    // The store stopped taking writes halfway (the rows recorded so far stay; importing the file
    // again adds only the rest): a JSON answer that says so, never an empty 500.
    return jsonError(isStoreUnavailable(err) ? 503 : 500, `The import stopped: ${(err as Error).message}. Rows recorded before stay; import the file again to add the rest.`);
  }
}

/** For the admin page: one line per recorded batch, then the result (or why it stopped). */
function progressStream(plan: ImportPlan, dryRun: boolean): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      // A browser that goes away does not stop the import: its rows are recorded all the same.
      const send = (line: unknown) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(JSON.stringify(line) + '\n'));
        } catch {
          open = false;
        }
      };
      send({ progress: { done: 0, total: dryRun ? 0 : plan.toImport.length } });
      try {
        send({ result: await completeImport(plan, dryRun, (done, total) => send({ progress: { done, total } })) });
      } catch (err) {
        send({ error: `The import stopped: ${(err as Error).message}` });
      }
      if (open) controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}
