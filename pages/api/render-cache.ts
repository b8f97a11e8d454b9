// The render cache's door (lib/render-cache): next.config.mjs rewrites plain GETs of /about and
// /embed here. A Pages Router API route because it writes the Node response itself: App Router
// responses (route handlers and the proxy alike) lose their Content-Encoding, so a page gzipped
// once per version could not be served as such from there.
import type { NextApiRequest, NextApiResponse } from 'next';
import { CACHED_ROUTES } from '@/lib/cached-routes';
import { serveCachedPage } from '@/lib/render-cache/serve';

export const config = { api: { bodyParser: false, responseLimit: false } };

export default function renderCache(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  return serveCachedPage(req, res, CACHED_ROUTES);
}
