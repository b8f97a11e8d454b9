// The authorization request (IndieAuth "Authorization Request") as the consent page and its
// approval read it: the same checks both times, since the approval's fields come back from a form.
import { parseClientId, parseRedirectUri } from './client-id';
import { isS256Challenge } from './pkce';
import { parseScopes, type Scope } from './scopes';

/** The owner's consent page in the admin (behind the login). */
export const CONSENT_PATH = '/admin/indieauth';
export const APPROVE_PATH = '/admin/indieauth/approve';

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  challenge: string;
  scopes: Scope[];
  /** The profile URL the client thinks it signs in (a hint: Shelf has one owner). */
  me?: string;
}

export type RequestProblem =
  /** client_id or redirect_uri is unusable: nothing may be sent to the client, the owner is told. */
  | { ok: false; redirectable: false; description: string }
  /** Anything else: once the redirect is verified, the client hears it as `error=invalid_request`. */
  | { ok: false; redirectable: true; clientId: string; redirectUri: string; state?: string; description: string };

type Params = Pick<URLSearchParams, 'get'>;

export function parseAuthorizationRequest(params: Params): { ok: true; request: AuthorizationRequest } | RequestProblem {
  const client = parseClientId(params.get('client_id'));
  if (!client.ok) return { ok: false, redirectable: false, description: client.error };
  const redirect = parseRedirectUri(params.get('redirect_uri'));
  if (!redirect.ok) return { ok: false, redirectable: false, description: redirect.error };
  const state = params.get('state') ?? undefined;
  // Kept as the client sent them: the token request must repeat them exactly.
  const clientId = params.get('client_id')!;
  const redirectUri = params.get('redirect_uri')!;
  const base = { ok: false as const, redirectable: true as const, clientId, redirectUri, state };
  if (state !== undefined && state.length > 1000) return { ...base, state: undefined, description: 'state is too long (at most 1000 characters)' };
  const responseType = params.get('response_type') ?? 'code';
  if (responseType !== 'code') return { ...base, description: `response_type must be code, not ${responseType.slice(0, 40)}` };
  const challenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (!challenge || method === null) return { ...base, description: 'PKCE is required: send code_challenge and code_challenge_method=S256' };
  if (method !== 'S256') return { ...base, description: `code_challenge_method must be S256, not ${method.slice(0, 40)}` };
  if (!isS256Challenge(challenge)) return { ...base, description: 'code_challenge must be a base64url SHA-256 digest (43 characters)' };
  const me = params.get('me') ?? undefined;
  return {
    ok: true,
    request: {
      clientId,
      redirectUri,
      state,
      challenge,
      scopes: parseScopes(params.get('scope')),
      me: me && me.length <= 2000 ? me : undefined,
    },
  };
}

/** redirect_uri with the response's parameters added to its own query. */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}
