import { createHash } from 'node:crypto';

/**
 * An HTTP answer as plain data, the one shape from lib to the socket: the lib functions of the hot
 * routes make it, Next's route handlers turn it into a Response (`toResponse`), the edge keeps it
 * (lib/edge/cache.ts) and writes it (lib/http/send.ts). Header names are lower case.
 */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Body | null;
}

/** Bodies up to this size are also kept as a latin1 string: Node sends a string in one write with the headers. */
const SMALL_BODY = 2048;

/**
 * An answer's bytes. One Body is shared by every answer that has the same bytes (`hash`), and is
 * compressed at most once (`gzip`). Sent as it is kept: a small body as a latin1 string (one
 * character a byte: Node writes it with the headers in one go), a larger one as its Buffer, which
 * Node hands to the socket without a copy on the JavaScript heap (a copy per request there costs
 * more garbage collection than the second write costs).
 */
export class Body {
  /** The gzipped bytes, once made; undefined while not. */
  gzip: Buffer | undefined;
  private digest: string | undefined;
  private readonly strings = new Map<Buffer, string>();

  private constructor(
    /** The bytes. */
    readonly bytes: Buffer,
  ) {}

  static ofText(text: string): Body {
    return new Body(Buffer.from(text, 'utf8'));
  }

  static ofBytes(bytes: Uint8Array): Body {
    return new Body(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  get byteLength(): number {
    return this.bytes.byteLength;
  }

  /** What the cache counts for this body: its bytes and its gzip copy. */
  get keptBytes(): number {
    return this.bytes.byteLength + (this.gzip?.byteLength ?? 0);
  }

  /** A digest of the bytes: answers with equal bodies share one Body. */
  get hash(): string {
    return (this.digest ??= createHash('sha256').update(this.bytes).digest('base64url'));
  }

  text(): string {
    return this.bytes.toString('utf8');
  }

  /** The bytes (or the gzip copy) as they go to the socket: a latin1 string when small, else the Buffer. */
  wire(gzip: boolean): string | Buffer {
    const bytes = gzip ? this.gzip! : this.bytes;
    if (bytes.byteLength > SMALL_BODY) return bytes;
    let text = this.strings.get(bytes);
    if (text === undefined) this.strings.set(bytes, (text = bytes.toString('latin1')));
    return text;
  }
}

export const textAnswer = (text: string, status = 200, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: Body.ofText(text),
});

export const jsonAnswer = (value: unknown, status = 200, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  body: Body.ofText(JSON.stringify(value)),
});

/** `{ error, fields? }`: the shape every error of the HTTP API shares. */
export const jsonErrorAnswer = (status: number, error: string, fields?: Record<string, string>): Answer =>
  jsonAnswer(fields ? { error, fields } : { error }, status);

/** A fetch Response as an answer (lib functions that answer with a Response: the API token's refusals). */
export async function answerOfResponse(response: Response): Promise<Answer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, body: response.body === null ? null : Body.ofBytes(new Uint8Array(await response.arrayBuffer())) };
}

/** The answer as a fetch Response: what Next's route handlers return. */
export const toResponse = (answer: Answer): Response =>
  new Response(answer.body === null ? null : new Uint8Array(answer.body.bytes), { status: answer.status, headers: answer.headers });

const notModified = new WeakMap<Answer, Answer>();

/**
 * The answer to a conditional request (`If-None-Match`): a 304 with the answer's ETag when the
 * client has it already, else the answer itself. Feed readers poll, and most polls find nothing new.
 */
export function conditionalAnswer(answer: Answer, ifNoneMatch: string | null | undefined): Answer {
  const etag = answer.headers.etag;
  if (!etag || !ifNoneMatch || answer.status !== 200) return answer;
  const known = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!known.includes(etag) && !known.includes('*')) return answer;
  let answer304 = notModified.get(answer);
  if (!answer304) {
    const headers: Record<string, string> = { etag };
    if (answer.headers['cache-control']) headers['cache-control'] = answer.headers['cache-control'];
    notModified.set(answer, (answer304 = { status: 304, headers, body: null }));
  }
  return answer304;
}
