import { requireAdminForRoute } from '@/lib/auth';
import { entriesCsvFile } from '@/lib/history/entries-export';
import { readyMediaStore } from '@/lib/media/store';

export const dynamic = 'force-dynamic';

/** `GET /admin/export/entries.csv`: every entry now, one row each, safe to open in a spreadsheet. */
export async function GET() {
  const denied = await requireAdminForRoute();
  if (denied) return denied;
  const store = await readyMediaStore();
  return new Response(entriesCsvFile(store.snapshot()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': 'attachment; filename="entries.csv"',
      'cache-control': 'no-store',
    },
  });
}
