import type { HotRoute } from './routes';

// Which route of the table a request is for: exact paths by a map look-up, patterns by their
// segments. Only the table's paths match (no trailing slash: Next redirects those).

export interface Matched {
  route: HotRoute;
  params: string[];
}

export interface RouteMatcher {
  match(method: string, pathname: string): Matched | undefined;
}

const NO_PARAMS: string[] = [];

export function routeMatcher(routes: readonly HotRoute[]): RouteMatcher {
  const exact = new Map<string, HotRoute>();
  const patterns: { route: HotRoute; segments: string[] }[] = [];
  for (const route of routes) {
    if (route.path.includes(':')) patterns.push({ route, segments: route.path.split('/') });
    else exact.set(route.path, route);
  }
  return {
    match(method, pathname) {
      const route = exact.get(pathname);
      if (route) return allows(route, method) ? { route, params: NO_PARAMS } : undefined;
      if (patterns.length === 0) return undefined;
      const segments = pathname.split('/');
      for (const pattern of patterns) {
        const params = paramsOf(pattern.segments, segments);
        if (params && allows(pattern.route, method)) return { route: pattern.route, params };
      }
      return undefined;
    },
  };
}

const allows = (route: HotRoute, method: string) => route.refuseOtherMethods || route.methods.includes(method);

function paramsOf(pattern: string[], segments: string[]): string[] | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    const got = segments[i]!;
    if (want.startsWith(':')) {
      if (got === '') return undefined;
      try {
        params.push(decodeURIComponent(got)); // as Next passes a segment to a route's params
      } catch {
        return undefined; // malformed: Next's to answer
      }
    } else if (want !== got) return undefined;
  }
  return params;
}
