// The book as JSON for every client that does not ask for HTML (browsers are rewritten to
// /orderbook/live in next.config.mjs). The edge answers it itself with the same function.
import { toResponse } from '@/lib/http/answer';
import { bookAnswer } from '@/lib/orderbook/book-answer';

export const dynamic = 'force-dynamic';

export async function GET() {
  return toResponse(await bookAnswer());
}
