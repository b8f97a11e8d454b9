import { embedContentSecurityPolicy } from './embed/frame-policy';
import type { CachedRoute } from './render-cache/serve';

/**
 * The pages served by the render cache (lib/render-cache): rendered once per state version and
 * replayed from memory until the next write. next.config.mjs rewrites plain GETs of exactly
 * these paths to pages/api/render-cache; keep the two lists in step (a unit test checks it).
 */
export const CACHED_ROUTES: readonly CachedRoute[] = [
  { path: '/about', stores: ['media'] },
  // Who may frame the widget is read at request time: changing it takes a restart, not a rebuild.
  { path: '/embed', stores: ['media'], headers: () => ({ 'content-security-policy': embedContentSecurityPolicy(process.env.EMBED_ALLOWED_ORIGINS) }) },
  // One page per entry and per year: each URL is kept once per version (the cache's LRU bounds how many).
  { path: '/entries/:id', stores: ['media'], matches: (p) => /^\/entries\/[^/]+$/.test(p) },
  { path: '/year/:year', stores: ['media'], matches: (p) => /^\/year\/[^/]+$/.test(p) },
];
