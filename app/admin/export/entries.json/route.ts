import { requireAdminForRoute } from '@/lib/auth';
import { entriesJson } from '@/lib/history/entries-export';
import { readyMediaStore } from '@/lib/media/store';

export const dynamic = 'force-dynamic';

/** `GET /admin/export/entries.json`: every entry now (private and removed too), as an attachment. */
export async function GET() {
  const denied = await requireAdminForRoute();
  if (denied) return denied;
  const store = await readyMediaStore();
  return new Response(JSON.stringify(entriesJson(store.snapshot(), store.version()), null, 2) + '\n', {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="entries.json"',
      'cache-control': 'no-store',
    },
  });
}
