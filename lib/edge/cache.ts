import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { Answer, Body } from '../http/answer';
import { isCompressible } from '../http/send';

const gzipAsync = promisify(gzip);

/** SHELF_CACHE_BYTES, default 64 MiB. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

export function cacheBytesFromEnv(env: Record<string, string | undefined> = process.env): number {
  const text = env.SHELF_CACHE_BYTES?.trim();
  if (!text) return DEFAULT_CACHE_BYTES;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`SHELF_CACHE_BYTES must be a whole number of bytes >= 0, got "${text}"`);
  return n;
}

/** A kept answer and what it is counted as: its key and headers (its body is counted once, with the body). */
interface Entry {
  readonly version: string;
  readonly answer: Answer;
  readonly bytes: number;
}

/** What `answer` did: `hit` (kept at this version), `miss` (made for this request, or one it waited for), `stale` (the previous version, while the next is made), `off` (made, not kept). */
export type Outcome = 'hit' | 'miss' | 'stale' | 'off';

/** What a route's maker gives the cache: the answer, and whether it may be kept. */
export interface Made {
  answer: Answer;
  keep: boolean;
}

/** Besides the body: the key, the headers, the object and the map slots, roughly. */
const ENTRY_OVERHEAD = 256;

/**
 * The one cache of answers (lib/edge): by canonical request (`key`), each kept for the version of
 * what its route reads and served only at that version. Bounded by bytes: every body is counted
 * once however many keys share it (answers with the same bytes share one Body), with its gzip
 * copy, plus each entry's key and headers; the least recently used entries go first. A body is
 * compressed once, in the thread pool, before its answer is kept or sent. One make at a time per
 * key: concurrent requests for the version being made wait for it, and while a newer one is made
 * a reader that may (`staleOk`) gets the answer before it at once.
 */
export class AnswerCache {
  /** Least recently used first (a Map keeps insertion order; a hit moves its key to the end). */
  private readonly entries = new Map<string, Entry>();
  private readonly bodies = new Map<string, { body: Body; refs: number }>();
  private readonly making = new Map<string, { version: string; done: Promise<Made> }>();
  private lastHit: Entry | undefined;
  private used = 0;

  constructor(readonly maxBytes: number = DEFAULT_CACHE_BYTES) {}

  /** The answer kept for `key` at exactly `version`, if any (the hot path: a map look-up). */
  get(key: string, version: string): Answer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.version !== version) return undefined;
    if (entry !== this.lastHit) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.lastHit = entry;
    }
    return entry.answer;
  }

  /**
   * The answer for `key` at `version`: kept, or made by `make` (one make at a time per key), or,
   * when `staleOk` and one is under way or starts now, the answer kept before it.
   */
  async answer(key: string, version: string, make: () => Promise<Made>, staleOk = false): Promise<{ answer: Answer; outcome: Outcome }> {
    for (;;) {
      const kept = this.get(key, version);
      if (kept) return { answer: kept, outcome: 'hit' };
      const older = staleOk ? this.entries.get(key)?.answer : undefined;
      const under = this.making.get(key);
      if (under) {
        if (older) return { answer: older, outcome: 'stale' };
        if (under.version === version) return this.outcomeOf(await under.done);
        await under.done.catch(() => {}); // one make at a time per key: then make this version
        continue;
      }
      const done = this.make(key, version, make);
      if (older) {
        done.catch(() => {}); // logged by whoever waits for it next; this reader is served now
        return { answer: older, outcome: 'stale' };
      }
      return this.outcomeOf(await done);
    }
  }

  /** How many answers are kept, and the bytes they are counted as. */
  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.used;
  }

  /** How many distinct bodies are kept. */
  get bodyCount(): number {
    return this.bodies.size;
  }

  private outcomeOf(made: Made): { answer: Answer; outcome: Outcome } {
    return { answer: made.answer, outcome: made.keep ? 'miss' : 'off' };
  }

  private make(key: string, version: string, make: () => Promise<Made>): Promise<Made> {
    const done = make().then(async (made) => {
      const answer = await this.prepare(made.answer);
      const keep = made.keep && this.keep(key, version, answer);
      return { answer, keep };
    });
    this.making.set(key, { version, done });
    const clear = () => {
      if (this.making.get(key)?.done === done) this.making.delete(key);
    };
    done.then(clear, clear);
    return done;
  }

  /** The answer with the shared body of its bytes, compressed (once per body) when its type is compressible. */
  private async prepare(answer: Answer): Promise<Answer> {
    if (answer.body === null) return answer;
    const shared = this.bodies.get(answer.body.hash)?.body;
    const body = shared ?? answer.body;
    if (body.gzip === undefined && isCompressible(answer)) {
      body.gzip = await gzipAsync(body.bytes, { level: constants.Z_BEST_COMPRESSION });
      if (this.bodies.get(body.hash)?.body === body) this.used += body.gzip.byteLength; // kept already, counted without it
    }
    return body === answer.body ? answer : { ...answer, body };
  }

  /** Keeps the answer unless it alone is over the bound; then drops the least recently used until within it. */
  private keep(key: string, version: string, answer: Answer): boolean {
    let headerBytes = key.length;
    for (const name in answer.headers) headerBytes += name.length + answer.headers[name]!.length;
    const bytes = ENTRY_OVERHEAD + 2 * headerBytes;
    const bodyBytes = answer.body === null || this.bodies.has(answer.body.hash) ? 0 : answer.body.keptBytes;
    if (bytes + bodyBytes > this.maxBytes) return false;
    this.drop(key);
    if (answer.body) {
      const held = this.bodies.get(answer.body.hash);
      if (held) held.refs++;
      else this.bodies.set(answer.body.hash, { body: answer.body, refs: 1 });
    }
    this.entries.set(key, { version, answer, bytes });
    this.used += bytes + bodyBytes;
    for (const oldest of this.entries.keys()) {
      if (this.used <= this.maxBytes) break;
      this.drop(oldest);
    }
    return this.entries.has(key);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (this.lastHit === entry) this.lastHit = undefined;
    this.used -= entry.bytes;
    const body = entry.answer.body;
    if (!body) return;
    const held = this.bodies.get(body.hash)!;
    if (--held.refs === 0) {
      this.bodies.delete(body.hash);
      this.used -= held.body.keptBytes;
    }
  }
}
