import { partyFromHeaders, type HeaderReader } from './edge-stamp';
import type { RequestParty } from './request-party';

/**
 * Where the site lives for everything that must name it absolutely (feeds, snippets, canonical
 * links, the manifest, IndieWeb and ActivityPub ids): SITE_URL's origin when it is set, else the
 * origin the request arrived at (the trusted protocol and the validated Host), so the same server
 * is right on localhost, a LAN address and a domain behind a proxy.
 */
export function publicOrigin(party: Pick<RequestParty, 'origin'>, siteUrl: string | undefined = process.env.SITE_URL): string {
  return configuredOrigin(siteUrl) ?? party.origin ?? `http://localhost:${process.env.PORT || 3000}`;
}

/** The public origin of a request Next handles (the edge's stamp on its headers). */
export function publicOriginOf(headers: HeaderReader): string {
  return publicOrigin(partyFromHeaders(headers));
}

/** SITE_URL's origin (`https://books.example`), or undefined when it is unset. A malformed SITE_URL is refused at start (siteUrlProblem, lib/boot.ts). */
export function configuredOrigin(siteUrl: string | undefined = process.env.SITE_URL): string | undefined {
  if (siteUrl === lastSiteUrl.given) return lastSiteUrl.origin; // asked on every hot read: parsed once
  const text = siteUrl?.trim();
  let origin: string | undefined;
  try {
    origin = text ? new URL(text).origin : undefined;
  } catch {
    origin = undefined;
  }
  lastSiteUrl = { given: siteUrl, origin };
  return origin;
}

let lastSiteUrl: { given: string | undefined; origin: string | undefined } = { given: undefined, origin: undefined };

/**
 * The origins a same-site browser request may name in `Origin` (as Django and Rails check it): the
 * request's own, and SITE_URL's when set (the owner may also use the inner address).
 */
export function sameSiteOrigins(party: Pick<RequestParty, 'origin'>, siteUrl: string | undefined = process.env.SITE_URL): string[] {
  const origins = new Set<string>();
  if (party.origin) origins.add(party.origin);
  const configured = configuredOrigin(siteUrl);
  if (configured) origins.add(configured);
  return [...origins];
}

/** Why SITE_URL cannot be used (a message for the owner, who must fix it before Shelf starts), or null when it is fine or unset. */
export function siteUrlProblem(siteUrl: string | undefined = process.env.SITE_URL): string | null {
  const text = siteUrl?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `SITE_URL must be the site's address, such as https://books.example, not "${text}"`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `SITE_URL must start with https:// or http://, not "${text}"`;
  if (url.pathname !== '/' || url.search || url.hash) return `SITE_URL must be the site's address without a path (Shelf is served at the root of its host): use ${url.origin}`;
  return null;
}

const THIS_MACHINE = /^(?:localhost|[^/]*\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/**
 * For the admin: a warning when SITE_URL is unset and this request came in on an address other
 * than this machine's own: links then name each address the site is reached at, which a feed
 * reader or a blog that embeds the widget keeps.
 */
export function siteUrlAdvice(party: Pick<RequestParty, 'origin'>, siteUrl: string | undefined = process.env.SITE_URL): string | null {
  if (configuredOrigin(siteUrl) || !party.origin) return null;
  if (THIS_MACHINE.test(new URL(party.origin).host)) return null;
  return (
    `SITE_URL is not set, and this page was reached at ${party.origin}: feeds, the embed snippet and canonical links name ` +
    `whichever address each request arrives at. Set SITE_URL=${party.origin} (and restart) so that they always name one address.`
  );
}
