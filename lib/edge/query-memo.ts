import type { Asked, HotRoute } from './routes';

const MAX = 1024;

/**
 * Query strings and canonical requests seen lately, so a kept answer's request is parsed once,
 * not on every hit: parsed queries by their text, and each route's key by its request's path and
 * query at a version (a key may read the state: an About cursor names an entry or not). Bounded:
 * past MAX the memo starts over, so junk URLs cost their parse, never memory.
 */
export class QueryMemo {
  private readonly parsed = new Map<string, URLSearchParams>();
  private readonly keys = new Map<string, { version: string; key: string }>();

  /** The query's params; treat as read-only (one object serves every request with this query). */
  parse(query: string): URLSearchParams {
    let params = this.parsed.get(query);
    if (!params) {
      if (this.parsed.size >= MAX) this.parsed.clear();
      this.parsed.set(query, (params = new URLSearchParams(query)));
    }
    return params;
  }

  /** The route's canonical request for what was asked (`url`: its path and query as sent), at `version`. */
  key(route: HotRoute, asked: Asked, url: string, version: string | undefined): string {
    if (version === undefined) return route.key!(asked);
    const memoKey = `${route.name} ${url}`;
    const memo = this.keys.get(memoKey);
    if (memo?.version === version) return memo.key;
    const key = route.key!(asked);
    if (this.keys.size >= MAX) this.keys.clear();
    this.keys.set(memoKey, { version, key });
    return key;
  }
}
