import { authorizationServerMetadata } from '@/lib/indieauth/metadata';
import { json } from '@/lib/http/json';
import { siteOrigin } from '@/lib/indieweb/origin';

export const dynamic = 'force-dynamic';

/** IndieAuth server metadata: where to authorize, exchange codes and revoke tokens, and what is supported. */
export function GET(request: Request) {
  return json(authorizationServerMetadata(siteOrigin(request.headers)), 200, { 'access-control-allow-origin': '*' });
}
