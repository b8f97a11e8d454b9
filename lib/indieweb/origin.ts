import { partyFromHeaders, type HeaderReader } from '../http/edge-stamp';
import { publicOrigin } from '../http/public-origin';

/** The site's public origin for this request (SITE_URL, else the request's own): every absolute IndieWeb URL starts with it. */
export const siteOrigin = (headers: HeaderReader) => publicOrigin(partyFromHeaders(headers));
