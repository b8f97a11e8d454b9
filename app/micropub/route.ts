import { writeErrorResponse } from '@/lib/http/write-error';
import { micropubGet, micropubPost } from '@/lib/micropub/endpoint';

export const dynamic = 'force-dynamic';

/** Micropub (https://micropub.spec.indieweb.org/): the queries. */
export function GET(request: Request) {
  return micropubGet(request);
}

/** Micropub: create, update, delete and undelete entries, through the same commands as the admin. */
export async function POST(request: Request) {
  try {
    return await micropubPost(request);
  } catch (err) {
    return writeErrorResponse('The post', err);
  }
}
