/** Accept-Encoding values seen, with whether each admits gzip: browsers send a handful of them. */
const seen = new Map<string, boolean>();
const MAX_SEEN = 256;

/**
 * Whether an Accept-Encoding header admits gzip (RFC 9110 12.5.3): listed as `gzip` or `x-gzip`
 * with a non-zero q, or not listed while `*` is, with a non-zero q.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let known = seen.get(header);
  if (known === undefined) {
    known = parse(header);
    if (seen.size >= MAX_SEEN) seen.clear(); // a client making up values gets no more than this
    seen.set(header, known);
  }
  return known;
}

function parse(header: string): boolean {
  let wildcard: boolean | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') return accepted;
    if (name === '*') wildcard = accepted;
  }
  return wildcard ?? false;
}
