// Reading other servers' Link headers (RFC 8288) through http-link-header: quoted values, several
// links in one header, several rel values per link, relative targets resolved against `base`.
import LinkHeader from 'http-link-header';

/** The absolute http(s) targets of `rel` in a Link header value, in the order given. */
export function linkTargets(header: string | null | undefined, rel: string, base: string): string[] {
  if (!header) return [];
  let links: ReturnType<LinkHeader['rel']>;
  try {
    links = LinkHeader.parse(header).refs.filter((ref) => ref.rel.toLowerCase().split(/\s+/).includes(rel));
  } catch {
    return []; // a malformed header advertises nothing
  }
  const out: string[] = [];
  for (const link of links) {
    try {
      const url = new URL(link.uri, base);
      if (url.protocol === 'https:' || url.protocol === 'http:') out.push(url.href);
    } catch {
      // not a URL: skipped
    }
  }
  return out;
}
