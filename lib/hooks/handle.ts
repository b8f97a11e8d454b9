import 'server-only';
// POST /api/hooks/<source>/<secret>, start to end. A wrong secret is a 404 that reads nothing and
// says nothing; then the source, the limits, the capped body, the server's reader, and what the
// delivery became, noted in the owner's list of deliveries (hooks-document.ts) and answered:
// 201 logged, 200 updated / duplicate / { ignored }, 400 naming what is missing (nothing recorded).
import { clientKey } from '../auth/client-key';
import { formatWait } from '../auth/rate-limit';
import { json, jsonError } from '../http/json';
import { retryAfterSeconds } from '../limits/client-budget';
import { isLoggedBy, LOGGED_BY, type LoggedBy } from '../media/logged-by';
import { readHookBody } from './body';
import { readEmby } from './emby';
import { noteDelivery, readHookSettings, type Delivery } from './hooks-document';
import type { ReadOutcome } from './intent';
import { readJellyfin } from './jellyfin';
import { hookSecretLimiter, takeHookSlot } from './limits';
import { readPlex } from './plex';
import { carryOut } from './record';
import { isHooksSecret } from './secret';

const READERS: Record<LoggedBy, (payload: unknown) => ReadOutcome> = { jellyfin: readJellyfin, plex: (payload) => readPlex(payload), emby: readEmby };

/** The same answer for every wrong secret, whatever the source: nothing to learn from it. */
const notFound = () => jsonError(404, 'Not found');

/** Whether `secret` is the hooks secret, counted for `client`: a locked-out client gets its 429 before the secret is even compared. */
async function checkSecret(secret: string, client: string, now = Date.now()): Promise<Response | null> {
  const limiter = hookSecretLimiter();
  const decision = limiter.check(client, now);
  if (!decision.allowed) {
    const seconds = retryAfterSeconds(decision.retryAt - now);
    return json({ error: `Too many wrong hook URLs from this address: try again in ${formatWait(decision.retryAt, now)}` }, 429, { 'retry-after': seconds });
  }
  if (!(await isHooksSecret(secret))) {
    limiter.recordFailure(client, now);
    return notFound();
  }
  limiter.recordSuccess(client);
  return null;
}

export async function handleHookRequest(request: Request, source: string, secret: string): Promise<Response> {
  const refused = await checkSecret(secret, clientKey(request.headers));
  if (refused) return refused;
  if (!isLoggedBy(source)) return jsonError(404, `No hook for "${source.slice(0, 40)}": use ${LOGGED_BY.join(', ')}`);

  const slot = takeHookSlot(source, clientKey(request.headers));
  if (!slot.ok) {
    const seconds = retryAfterSeconds(slot.retryInMs);
    const whom = slot.who === 'client' ? 'from this address' : 'from all addresses together';
    return json({ error: `Too many ${source} deliveries ${whom}: try again in ${seconds} s` }, 429, { 'retry-after': seconds });
  }

  const note = (delivery: Omit<Delivery, 'at'>) => record(source, { at: new Date().toISOString(), ...delivery });
  const body = await readHookBody(request, source);
  if (!body.ok) {
    await note({ event: '(unreadable)', became: 'refused', detail: body.error });
    return jsonError(body.status, body.error, body.fields);
  }
  const read = READERS[source](body.payload);
  if (read.read === 'refused') {
    await note({ event: read.event ?? '(unknown)', became: 'refused', detail: read.error });
    return jsonError(400, read.error, read.fields);
  }
  if (read.read === 'ignored') {
    await note({ event: read.event, became: 'ignored', detail: read.why, title: read.title });
    return json({ ignored: read.why });
  }
  const outcome = await carryOut(source, read.intent, await readHookSettings());
  await note({ event: read.event, became: outcome.became, detail: outcome.detail, title: outcome.title, entryId: outcome.entryId });
  if (outcome.became === 'refused') return outcome.status ? jsonError(503, outcome.detail) : jsonError(400, `The delivery cannot be logged: ${outcome.detail}`, outcome.fields);
  if (outcome.became === 'ignored') return json({ ignored: outcome.detail });
  const entry = outcome.entryId === undefined ? undefined : { id: outcome.entryId, title: outcome.title };
  return json({ became: outcome.became, detail: outcome.detail, ...(entry ? { entry } : {}) }, outcome.became === 'logged' ? 201 : 200);
}

/** Anything but a POST (a browser opening the URL): the same 404 for a wrong secret, else a 405 saying what the URL is for. */
export async function answerOtherMethod(request: Request, secret: string): Promise<Response> {
  const refused = await checkSecret(secret, clientKey(request.headers));
  if (refused) return refused;
  return json({ error: 'This URL is for a media server to POST to: paste it into its webhook settings (docs/automatic-logging.md)' }, 405, { allow: 'POST' });
}

/** The list of deliveries is the owner's window on the setup: a failure to note one is logged, and the delivery still answered. */
async function record(source: LoggedBy, delivery: Delivery): Promise<void> {
  try {
    await noteDelivery(source, delivery);
  } catch (err) {
    console.error(`Shelf: could not note a ${source} delivery in events/hooks.json: ${(err as Error).message}`);
  }
}
