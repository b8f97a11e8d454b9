import { writeErrorResponse } from '@/lib/http/write-error';
import { receiveWebmention } from '@/lib/webmention/receive';

export const dynamic = 'force-dynamic';

/** The Webmention endpoint: `source` and `target`, form-encoded; 202 at once, verified later. */
export async function POST(request: Request) {
  try {
    return await receiveWebmention(request);
  } catch (err) {
    return writeErrorResponse('The Webmention', err);
  }
}
