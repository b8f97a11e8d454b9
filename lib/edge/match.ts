import type { IncomingHttpHeaders } from 'node:http';
import type { HotRoute } from './routes';

// Which route of the table a request is for: exact paths by a map look-up, patterns by their
// segments; the first route of a path whose methods and condition fit. Only the table's paths
// match (no trailing slash: Next redirects those).

export interface Matched {
  route: HotRoute;
  params: string[];
}

export interface RouteMatcher {
  match(method: string, pathname: string, headers: IncomingHttpHeaders, query: URLSearchParams): Matched | undefined;
}

const NO_PARAMS: string[] = [];

export function routeMatcher(routes: readonly HotRoute[]): RouteMatcher {
  const exact = new Map<string, HotRoute[]>();
  const patterns: { route: HotRoute; segments: string[] }[] = [];
  for (const route of routes) {
    if (route.path.includes(':')) patterns.push({ route, segments: route.path.split('/') });
    else exact.set(route.path, [...(exact.get(route.path) ?? []), route]);
  }
  const fits = (route: HotRoute, method: string, headers: IncomingHttpHeaders, query: URLSearchParams) =>
    (route.refuseOtherMethods || route.methods.includes(method)) && (!route.when || route.when(headers, query));
  return {
    match(method, pathname, headers, query) {
      const candidates = exact.get(pathname);
      if (candidates) {
        for (const route of candidates) if (fits(route, method, headers, query)) return { route, params: NO_PARAMS };
        return undefined;
      }
      if (patterns.length === 0) return undefined;
      const segments = pathname.split('/');
      for (const pattern of patterns) {
        const params = paramsOf(pattern.segments, segments);
        if (params && fits(pattern.route, method, headers, query)) return { route: pattern.route, params };
      }
      return undefined;
    },
  };
}

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
