import { embedContentSecurityPolicy } from './embed/frame-policy';
import type { CachedRoute } from './render-cache/serve';
import { mediaDefinition } from './stores/media';

/**
 * The pages served by the render cache (lib/render-cache): rendered once per state version and
 * replayed from memory until the next write. next.config.mjs rewrites plain GETs of exactly
 * these paths to pages/api/render-cache; keep the two lists in step (a unit test checks it).
 */
export const CACHED_ROUTES: readonly CachedRoute[] = [
  { path: '/about', stores: [mediaDefinition] },
  // Who may frame the widget is read at request time: changing it takes a restart, not a rebuild.
  { path: '/embed', stores: [mediaDefinition], headers: () => ({ 'content-security-policy': embedContentSecurityPolicy(process.env.EMBED_ALLOWED_ORIGINS) }) },
];
