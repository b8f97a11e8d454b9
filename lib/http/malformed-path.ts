// A path whose percent-encoding does not decode (`/entries/%ff`) cannot name anything: Next's
// router throws on it (a bare 500), so the proxy answers first: a JSON 400 for the API and the
// order routes, the site's 404 page for pages.

/** True when some segment of the (raw) path is not valid percent-encoded UTF-8. */
export function isMalformedPath(pathname: string): boolean {
  for (const segment of pathname.split('/')) {
    if (!segment.includes('%')) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

/** Paths whose answers are JSON (scripts and the order demo read them). */
export const answersJson = (pathname: string) => /^\/(api|buy|sell)\//.test(pathname) || pathname.startsWith('/admin/export/');
