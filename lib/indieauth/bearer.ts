import 'server-only';
// Who may use Micropub: a bearer token from the header (or Micropub's `access_token` form field),
// either one IndieAuth issued (its scopes) or ADMIN_TOKEN (every scope, for scripts). Wrong tokens
// count against the client as the API's do (lib/auth/api-token.ts), so they cannot be guessed at.
import { adminTokenProblem, apiTokenClients, apiTokenLimiter } from '../auth/api-token';
import { clientKey } from '../auth/client-key';
import { safeEqual } from '../auth/safe-equal';
import { grants } from './grants';
import { SCOPES, type Scope } from './scopes';

export interface Grant {
  scopes: ReadonlySet<Scope>;
  /** The IndieAuth client, or `ADMIN_TOKEN`. */
  clientId: string;
}

/** A Micropub/OAuth error: the spec's JSON shape. */
export interface BearerRefusal {
  status: 400 | 401 | 403 | 429;
  error: 'invalid_request' | 'unauthorized' | 'forbidden' | 'insufficient_scope';
  description: string;
  headers?: Record<string, string>;
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="shelf"' };

/** The token of a request, from the header or the form body; both at once is refused (RFC 6750 section 2). */
export function bearerToken(headers: Headers, bodyToken: string | undefined): { ok: true; token?: string } | { ok: false; refusal: BearerRefusal } {
  const header = headers.get('authorization');
  const match = header === null ? undefined : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1];
  if (header !== null && match === undefined) return { ok: false, refusal: { status: 401, error: 'unauthorized', description: 'The Authorization header must be "Bearer <token>"', headers: CHALLENGE } };
  if (match !== undefined && bodyToken !== undefined) {
    return { ok: false, refusal: { status: 400, error: 'invalid_request', description: 'Send the token once: in the Authorization header or as access_token, not both' } };
  }
  return { ok: true, token: match ?? bodyToken };
}

/** The grant a request carries, or the refusal to answer with. */
export async function authorizeBearer(headers: Headers, bodyToken: string | undefined, now = Date.now()): Promise<{ ok: true; grant: Grant } | { ok: false; refusal: BearerRefusal }> {
  const read = bearerToken(headers, bodyToken);
  if (!read.ok) return read;
  if (!read.token) return { ok: false, refusal: { status: 401, error: 'unauthorized', description: 'No access token: sign in with IndieAuth, or send "Authorization: Bearer <token>"', headers: CHALLENGE } };
  const client = clientKey(headers);
  const limiter = apiTokenLimiter();
  // A client that presented a right token before is judged by its own failures only (lib/auth/token-clients.ts).
  const known = apiTokenClients().has(client) ? client : null;
  const decision = limiter.check(client, now, known);
  if (!decision.allowed) {
    const seconds = Math.max(1, Math.ceil((decision.retryAt - now) / 1000));
    return { ok: false, refusal: { status: 429, error: 'forbidden', description: `Too many wrong tokens from this address: try again in ${seconds} s`, headers: { 'retry-after': String(seconds) } } };
  }
  const admin = process.env.ADMIN_TOKEN;
  if (admin && !adminTokenProblem(admin) && safeEqual(read.token, admin)) {
    accepted(client, known);
    return { ok: true, grant: { scopes: new Set(SCOPES), clientId: 'ADMIN_TOKEN' } };
  }
  const stored = await grants().find(read.token);
  if (!stored) {
    limiter.recordFailure(client, now, known);
    return { ok: false, refusal: { status: 403, error: 'forbidden', description: 'The access token is not valid, or was revoked', headers: CHALLENGE } };
  }
  accepted(client, known);
  return { ok: true, grant: { scopes: new Set(stored.scopes), clientId: stored.clientId } };
}

function accepted(client: string, known: string | null): void {
  apiTokenLimiter().recordSuccess(client, known);
  void apiTokenClients().remember(client, Date.now());
}

/** The refusal for a grant without `scope`, or undefined when it has it. */
export function missingScope(grant: Grant, scope: Scope): BearerRefusal | undefined {
  return grant.scopes.has(scope) ? undefined : { status: 403, error: 'insufficient_scope', description: `This token was not granted the "${scope}" scope` };
}
