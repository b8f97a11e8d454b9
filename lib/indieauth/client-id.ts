// IndieAuth's rules for a client identifier and its redirect URL (spec, "Client Identifier"):
// http(s), a path, no fragment, no user or password, no dot segments, and a domain name or the
// loopback address as its host (never another IP address).

const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/;

/** The client_id as a URL, or why it is not a valid one. */
type Parsed = { ok: true; url: URL } | { ok: false; error: string };

/** `value` as an http(s) URL without a fragment, or why not, naming the parameter. */
function httpUrl(value: unknown, name: string): Parsed {
  if (typeof value !== 'string' || value === '') return { ok: false, error: `${name} is required` };
  if (value.length > 2000) return { ok: false, error: `${name} is too long` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, error: `${name} must be a URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: `${name} must be an http or https URL` };
  if (url.hash || value.includes('#')) return { ok: false, error: `${name} must not have a fragment` };
  return { ok: true, url };
}

export function parseClientId(value: unknown): Parsed {
  const parsed = httpUrl(value, 'client_id');
  if (!parsed.ok) return parsed;
  const { url } = parsed;
  if (url.username || url.password) return { ok: false, error: 'client_id must not contain a user name or password' };
  // The URL parser removes dot segments, so they are looked for in the text as given.
  const path = (value as string).replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
  if (DOT_SEGMENT.test(path)) return { ok: false, error: 'client_id must not contain . or .. path segments' };
  const host = url.hostname;
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[');
  if (isIp && host !== '127.0.0.1' && host !== '[::1]') return { ok: false, error: 'client_id must use a domain name (or 127.0.0.1 / [::1]), not an IP address' };
  return { ok: true, url };
}

/** The redirect_uri as a URL, or why not: an http(s) URL without a fragment. */
export const parseRedirectUri = (value: unknown): Parsed => httpUrl(value, 'redirect_uri');

/**
 * Whether the client may be sent to `redirectUri`: on the client_id's own scheme, host and port,
 * or listed by the client itself (its metadata's redirect_uris, or rel="redirect_uri").
 */
export function redirectAllowed(clientId: string, redirectUri: string, listed: readonly string[]): boolean {
  const client = new URL(clientId);
  const redirect = new URL(redirectUri);
  if (client.protocol === redirect.protocol && client.host === redirect.host) return true;
  return listed.includes(redirect.href) || listed.includes(redirectUri);
}
