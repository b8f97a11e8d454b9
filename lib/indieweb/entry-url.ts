import { partyFromHeaders, type HeaderReader } from '../http/edge-stamp';
import { sameSiteOrigins } from '../http/public-origin';

/** An entry page's URL: `<origin>/entries/<id>`. */
export const entryUrl = (origin: string, id: string) => `${origin}/entries/${encodeURIComponent(id)}`;

/**
 * The entry id a URL names, when it is an entry page of this site (SITE_URL's origin or the
 * request's own, a trailing slash or fragment tolerated); else undefined.
 */
export function entryIdOfUrl(value: string, origins: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (!origins.includes(url.origin)) return undefined;
  const match = /^\/entries\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return undefined;
  try {
    const id = decodeURIComponent(match[1]!);
    return id.length > 0 && id.length <= 128 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The origins this request may call the site by (SITE_URL's, and its own). */
export const siteOrigins = (headers: HeaderReader) => sameSiteOrigins(partyFromHeaders(headers));
