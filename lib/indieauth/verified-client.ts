import 'server-only';
// A client whose redirect the owner may be sent to: its page read (within the fetch budget) and the
// redirect_uri checked against it. The consent page and its approval both ask this.
import { clientKey } from '../auth/client-key';
import type { HeaderReader } from '../http/edge-stamp';
import { clientInfo, type ClientInfo } from './client-info';
import { redirectAllowed } from './client-id';
import { clientFetchBudget } from './limits';

export async function verifiedClient(headers: HeaderReader, clientId: string, redirectUri: string): Promise<{ ok: true; client: ClientInfo } | { ok: false; client: ClientInfo; description: string }> {
  const client = await clientInfo(clientId, clientFetchBudget().take(clientKey(headers)).ok);
  if (redirectAllowed(clientId, redirectUri, client.redirectUris)) return { ok: true, client };
  const why = client.problem ? ` (its page could not be read: ${client.problem})` : '';
  return { ok: false, client, description: `${redirectUri} is not on ${client.name}'s own site and the app does not list it as a redirect address${why}. Nothing was sent to it.` };
}
