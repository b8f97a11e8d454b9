import { authorizationServerMetadata } from '@/lib/indieauth/metadata';
import { json } from '@/lib/http/json';
import { publicOriginOf } from '@/lib/http/public-origin';

export const dynamic = 'force-dynamic';

/** IndieAuth server metadata: where to authorize, exchange codes and revoke tokens, and what is supported. */
export function GET(request: Request) {
  return json(authorizationServerMetadata(publicOriginOf(request.headers)), 200, { 'access-control-allow-origin': '*' });
}
