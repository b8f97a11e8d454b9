import { embedContentSecurityPolicy } from './embed/frame-policy';
import type { CachedRoute } from './render-cache/serve';

/**
 * The pages served by the render cache (lib/render-cache): rendered once per state version and
 * replayed from memory until the next write. The front door (lib/front-door/routes.ts) answers
 * plain requests of exactly these paths from the cache.
 */
export const CACHED_ROUTES: readonly CachedRoute[] = [
  { path: '/about', stores: ['media'] },
  // Who may frame the widget is read at request time: changing it takes a restart, not a rebuild.
  { path: '/embed', stores: ['media'], headers: () => ({ 'content-security-policy': embedContentSecurityPolicy(process.env.EMBED_ALLOWED_ORIGINS) }) },
];
