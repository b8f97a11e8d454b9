// The render cache's key: a page's URL reduced to the options the page reads, written one way.
// Unknown params are dropped and values normalised, so `/about?from=x1`, `x2`, ... or any
// reordering or spelling of the same options are one cache entry and one render, not one each.
// Pure (a URL in, a path out): the render cache and a custom server in front of Next share it.
import { embedQuery, parseEmbedOptions } from '../embed/options';
import { isKind } from '../media/kinds';
import { parseFilter } from '../media/search';

export interface CanonicalKeyOptions {
  /**
   * Whether an entry id exists (the About page's `from` cursor). Without it, any id-shaped value
   * is kept; with it, an unknown one is dropped (the page shows the newest entries for it anyway).
   */
  isEntryId?: (id: string) => boolean;
}

/** Entry ids as the log writes them (UUIDs; up to 128 characters of letters, digits, `-`, `_`). */
const ENTRY_ID = /^[\w-]{1,128}$/;

type Canonicalizer = (params: URLSearchParams, options: CanonicalKeyOptions) => string;

const CANONICAL: Record<string, Canonicalizer> = {
  // app/about/page.tsx reads `kind` (one kind), `from` (an entry id) and the search: `tag`, `q`
  // (at most 100 characters), `year` (YYYY), normalised as the page reads them.
  '/about': (params, { isEntryId }) => {
    const out = new URLSearchParams();
    const kind = params.get('kind')?.trim().toLowerCase();
    if (kind && isKind(kind)) out.set('kind', kind);
    const search = parseFilter((name) => params.get(name) ?? undefined);
    if (search.tag) out.set('tag', search.tag);
    if (search.q) out.set('q', search.q);
    if (search.year) out.set('year', search.year);
    const from = params.get('from')?.trim();
    if (from && ENTRY_ID.test(from) && (!isEntryId || isEntryId(from))) out.set('from', from);
    return out.toString();
  },
  // app/embed/page.tsx reads the widget options; the defaults are left out.
  '/embed': (params) => embedQuery(parseEmbedOptions(params)),
};

/** The paths with a canonical key (the pages the render cache serves). */
export const CANONICAL_PATHS = Object.keys(CANONICAL);

/**
 * The cache key and render URL (path and query) for a request URL (absolute, or a path with a
 * query), or null for a path the cache does not serve.
 */
export function canonicalPageKey(url: URL | string, options: CanonicalKeyOptions = {}): string | null {
  const parsed = typeof url === 'string' ? new URL(url, 'http://self') : url;
  const canonicalize = Object.hasOwn(CANONICAL, parsed.pathname) ? CANONICAL[parsed.pathname]! : undefined;
  if (!canonicalize) return null;
  const search = canonicalize(parsed.searchParams, options);
  return search ? `${parsed.pathname}?${search}` : parsed.pathname;
}
