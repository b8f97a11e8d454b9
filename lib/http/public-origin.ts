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

/** SITE_URL's origin (`https://books.example`), or undefined when it is unset. A malformed SITE_URL is refused at start (lib/config/env.ts). */
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
