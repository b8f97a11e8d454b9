import 'server-only';
// Asks the kind's source, with a 3 s timeout, an identifying User-Agent, the source's rate limit,
// and answers cached for an hour (lru-cache: bounded in count and age, already a dependency).
import { LRUCache } from 'lru-cache';
import { singleton } from '../eventstore/registry';
import type { Kind } from '../media/kinds';
import { noSourceMessage, sourceFor } from './sources';
import type { LookupResult, LookupSource } from './types';
import { MinuteWindow } from '../limits/minute-window';

export const LOOKUP_TIMEOUT_MS = 3000;

export class LookupError extends Error {
  constructor(message: string, readonly status: 502 | 503 | 504, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = 'LookupError';
  }
}

export type LookupAnswer = { results: LookupResult[]; source: string } | { results: []; source: null; message: string };

interface LookupState {
  cache: LRUCache<string, LookupResult[]>;
  windows: Map<string, MinuteWindow>;
}

const state = () =>
  singleton<LookupState>('lookup', () => ({ cache: new LRUCache({ max: 1000, ttl: 60 * 60_000 }), windows: new Map() }));

const userAgent = () => process.env.LOOKUP_USER_AGENT || `Shelf/0.1 (self-hosted media log${process.env.SITE_URL ? `; ${process.env.SITE_URL}` : ''})`;

export async function lookup(kind: Kind, q: string): Promise<LookupAnswer> {
  const source = sourceFor(kind);
  if (!source) return { results: [], source: null, message: noSourceMessage(kind) };
  const key = `${source.name}|${kind}|${q.toLowerCase()}`;
  const { cache } = state();
  const cached = cache.get(key);
  if (cached) return { results: cached, source: source.name };
  const results = await ask(source, kind, q);
  cache.set(key, results);
  return { results, source: source.name };
}

async function ask(source: LookupSource, kind: Kind, q: string): Promise<LookupResult[]> {
  const { windows } = state();
  let window = windows.get(source.name);
  if (!window) windows.set(source.name, (window = new MinuteWindow(source.perMinute)));
  const slot = window.take(Date.now());
  if (!slot.ok) {
    const seconds = Math.ceil(slot.retryInMs / 1000);
    throw new LookupError(`${source.name} allows ${source.perMinute} lookups a minute: try again in ${seconds} s`, 503, seconds);
  }
  const { url, headers } = source.request(kind, q);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', 'user-agent': userAgent(), ...headers }, signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new LookupError(timedOut ? `${source.name} did not answer within ${LOOKUP_TIMEOUT_MS / 1000} s` : `${source.name} cannot be reached`, timedOut ? 504 : 502);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new LookupError(`${source.name} answered ${response.status}`, 502);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new LookupError(`${source.name} answered something that is not JSON`, 502);
  }
  return source.parse(kind, body);
}

/** Forgets cached answers and rate windows (tests). */
export function resetLookupState(): void {
  state().cache.clear();
  state().windows.clear();
}
