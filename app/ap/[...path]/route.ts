import { clientKey } from '@/lib/auth/client-key';
import { entryObjectAnswer, federationAnswer, outboxAnswer } from '@/lib/fediverse/http';
import { inboxAdmission } from '@/lib/fediverse/inbox-limits';
import { jsonError } from '@/lib/http/json';

// The shelf's ActivityPub documents: the outbox and entries' Notes are the shelf's own (they
// carry NeoDB's fields, which Fedify's classes drop); the actor, followers and inboxes are Fedify's.
export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ path: string[] }> };

export async function GET(request: Request, { params }: Params) {
  const { path } = await params;
  if (path.length === 1 && path[0] === 'outbox') return outboxAnswer(request);
  if (path.length === 2 && path[0] === 'entries') return entryObjectAnswer(request, path[1]!);
  return federationAnswer(request);
}

/** The inboxes: anyone may POST, so each client and all of them together are rate-limited first. */
export async function POST(request: Request, { params }: Params) {
  const { path } = await params;
  const isInbox = (path.length === 1 && path[0] === 'inbox') || (path.length === 3 && path[0] === 'actors' && path[2] === 'inbox');
  if (!isInbox) return jsonError(405, 'Only the inboxes take POST');
  const refused = inboxAdmission(clientKey(request.headers));
  if (refused) return refused;
  return federationAnswer(request);
}
