// The canonical request of each kept page: its URL reduced to the options the page reads, written
// one way, parsed by the page's own rules (the same functions the page calls). Unknown params are
// dropped and values normalised, so `/about?from=x1`, `x2`, ... or any reordering or spelling of
// the same options are one kept answer and one render, not one each. The canonical URL is also
// what the page is rendered from (lib/edge/render.ts), so the page sees exactly what the key says.
import { embedQuery, parseEmbedOptions } from '../embed/options';
import { isKind } from '../media/kinds';
import { parseFilter } from '../media/search';

/** Entry ids as the log writes them (UUIDs; up to 128 characters of letters, digits, `-`, `_`). */
const ENTRY_ID = /^[\w-]{1,128}$/;

/**
 * /about: `kind` (one kind), `from` (an entry id: kept only when `isEntryId` says it names one; an
 * unknown one shows the first page anyway) and the search: `tag`, `q` (at most 100 characters),
 * `year` (YYYY), as app/about/page.tsx reads them.
 */
export function aboutUrl(params: URLSearchParams, isEntryId: (id: string) => boolean = () => true): string {
  const out = new URLSearchParams();
  const kind = params.get('kind')?.trim().toLowerCase();
  if (kind && isKind(kind)) out.set('kind', kind);
  const search = parseFilter((name) => params.get(name) ?? undefined);
  if (search.tag) out.set('tag', search.tag);
  if (search.q) out.set('q', search.q);
  if (search.year) out.set('year', search.year);
  const from = params.get('from')?.trim();
  if (from && ENTRY_ID.test(from) && isEntryId(from)) out.set('from', from);
  return withQuery('/about', out.toString());
}

/** /embed: the widget options (app/embed/page.tsx), the defaults left out. */
export const embedUrl = (params: URLSearchParams): string => withQuery('/embed', embedQuery(parseEmbedOptions(params)));

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);
