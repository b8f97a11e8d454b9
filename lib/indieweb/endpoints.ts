// Where Shelf's IndieWeb endpoints live, and how a page advertises them (HTML <link> and the Link
// header say the same). Absolute, from the public origin (lib/http/public-origin.ts).

export const PATHS = {
  metadata: '/.well-known/oauth-authorization-server',
  authorization: '/indieauth/auth',
  token: '/indieauth/token',
  revocation: '/indieauth/revoke',
  micropub: '/micropub',
  webmention: '/webmention',
} as const;

/** The owner's profile URL (IndieAuth's `me`): the home page. */
export const profileUrl = (origin: string) => `${origin}/`;

/** rel -> absolute URL, in the order pages list them. */
export function advertisedEndpoints(origin: string): [rel: string, href: string][] {
  return [
    ['indieauth-metadata', origin + PATHS.metadata],
    ['authorization_endpoint', origin + PATHS.authorization],
    ['token_endpoint', origin + PATHS.token],
    ['micropub', origin + PATHS.micropub],
    ['webmention', origin + PATHS.webmention],
  ];
}

/** The same as one Link header value (RFC 8288). */
export function endpointLinkHeader(origin: string): string {
  return advertisedEndpoints(origin)
    .map(([rel, href]) => `<${href}>; rel="${rel}"`)
    .join(', ');
}
