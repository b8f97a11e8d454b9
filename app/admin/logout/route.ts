import { endAdminSession } from '@/lib/auth';
import { LOGIN_PATH } from '@/lib/auth/return-path';

export const dynamic = 'force-dynamic';

/**
 * POST /admin/logout (the admin's "Log out" button): ends the session for good and sends the
 * browser to the login page with `Clear-Site-Data: "cache"`, which drops this site's HTTP cache
 * and back/forward copies of admin pages. Not "storage": that would also wipe the quick log's
 * queue of unsent entries (IndexedDB); the service worker drops its cached copy of the quick log
 * itself when it sees this request (public/sw.js), and the button sends the queue first.
 * No Origin check: the session cookie is SameSite=Lax, so another site's POST arrives without it
 * and ends nothing.
 */
export async function POST(): Promise<Response> {
  await endAdminSession();
  return new Response(null, { status: 303, headers: { location: LOGIN_PATH, 'clear-site-data': '"cache"', 'cache-control': 'no-store' } });
}
