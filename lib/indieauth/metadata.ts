// The authorization server's metadata (RFC 8414, as IndieAuth uses it).
import { PATHS, profileUrl } from '../indieweb/endpoints';
import { SCOPES } from './scopes';

/** The issuer: the site itself. Clients compare it with the `iss` of the authorization response. */
export const issuerOf = (origin: string) => profileUrl(origin);

export function authorizationServerMetadata(origin: string) {
  return {
    issuer: issuerOf(origin),
    authorization_endpoint: origin + PATHS.authorization,
    token_endpoint: origin + PATHS.token,
    revocation_endpoint: origin + PATHS.revocation,
    revocation_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [...SCOPES],
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
    service_documentation: 'https://indieauth.spec.indieweb.org/',
  };
}
